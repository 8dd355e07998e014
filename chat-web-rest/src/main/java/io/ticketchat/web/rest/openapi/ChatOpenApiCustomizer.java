package io.ticketchat.web.rest.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.ticketchat.web.rest.dto.ErrorResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;
import java.util.Map;

/**
 * Adds what annotations would repeat on every operation: the bearer scheme, and each operation's
 * error responses with the contract's error body and an example of it.
 */
final class ChatOpenApiCustomizer implements OpenApiCustomizer {

    static final String BEARER = "bearerAuth";
    static final String VERSION = version();
    private static final String SPRINGDOC_DEFAULT_TITLE = "OpenAPI definition";

    private record ErrorCase(String description, String example) {
    }

    private static final Map<String, ErrorCase> ERRORS = Map.of(
            "400", new ErrorCase("Invalid input: a field, a path or query value, or malformed JSON (VALIDATION_FAILED)",
                    error("Validation failed", "\"code\":\"VALIDATION_FAILED\",\"fields\":[{\"field\":\"message\",\"reason\":\"must not be blank\"}]")),
            "401", new ErrorCase("No valid credential (UNAUTHENTICATED)", error("Authentication required", "\"code\":\"UNAUTHENTICATED\"")),
            "403", new ErrorCase("Another customer's ticket, or a body that claims another identity (FORBIDDEN)",
                    error("The request claims another identity than the authenticated one", "\"code\":\"FORBIDDEN\",\"field\":\"senderId\"")),
            "404", new ErrorCase("Unknown ticket, session or parent message (NOT_FOUND)", error("Ticket not found", "\"code\":\"NOT_FOUND\"")),
            "409", new ErrorCase("The session cannot make that change (CONFLICT)",
                    error("The chat session cannot change to that state", "\"code\":\"CONFLICT\"")),
            "413", new ErrorCase("Body over the size limit (PAYLOAD_TOO_LARGE)",
                    error("Request body exceeds 131072 bytes", "\"code\":\"PAYLOAD_TOO_LARGE\",\"maxBytes\":131072")),
            "415", new ErrorCase("Content-Type is not application/json (UNSUPPORTED_MEDIA_TYPE)",
                    error("Content-Type must be application/json", "\"code\":\"UNSUPPORTED_MEDIA_TYPE\"")),
            "429", new ErrorCase("Sending too fast; see Retry-After (RATE_LIMITED)",
                    error("Too many requests, try again in 3 s", "\"code\":\"RATE_LIMITED\",\"retryAfterSeconds\":3")),
            "500", new ErrorCase("Unexpected failure (INTERNAL)", error("Internal server error", "\"code\":\"INTERNAL\"")),
            "503", new ErrorCase("The chat store is unreachable (UNAVAILABLE)",
                    error("The chat is unavailable, try again later", "\"code\":\"UNAVAILABLE\"")));

    private static final List<String> COMMON = List.of("400", "401", "403", "404", "500", "503");
    private static final List<String> WITH_BODY = List.of("400", "401", "403", "404", "413", "415", "500", "503");

    private static final Map<String, List<String>> ERRORS_BY_OPERATION = Map.of(
            "listMessages", COMMON,
            "countUnread", COMMON,
            "postMessage", List.of("400", "401", "403", "404", "413", "415", "429", "500", "503"),
            "markRead", WITH_BODY,
            "openSession", List.of("400", "401", "403", "404", "409", "413", "415", "500", "503"),
            "updateTyping", WITH_BODY);

    @Override
    public void customise(OpenAPI openApi) {
        describeApi(openApi);
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT").description("HS256 token with sub, user_type, name, ticket_ids and exp"));
        ResolvedSchema errorSchema = ModelConverters.getInstance().readAllAsResolvedSchema(ErrorResponse.class);
        errorSchema.referencedSchemas.forEach(components::addSchemas);
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> {
            if (path.startsWith("/api/chat")) {
                item.readOperations().forEach(this::describeErrors);
            }
        });
    }

    /** A host that titled its own API description keeps it; springdoc's placeholder gets the chat's. */
    private static void describeApi(OpenAPI openApi) {
        Info info = openApi.getInfo();
        if (info != null && info.getTitle() != null && !SPRINGDOC_DEFAULT_TITLE.equals(info.getTitle())) {
            return;
        }
        openApi.setInfo(new Info().title("Ticket Chat API").version(VERSION)
                .description("Real-time chat between support agents and customers, one conversation per ticket. "
                        + "REST under /api/chat (this page); the WebSocket protocol at /ws/chat is described in "
                        + "docs/websocket-protocol.md and docs/asyncapi.yaml. Every error answers "
                        + "{\"success\": false, \"message\", \"error\": {\"code\"}}."));
    }

    private static String version() {
        Properties properties = new Properties();
        try (InputStream in = ChatOpenApiCustomizer.class.getResourceAsStream("api-description.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    private void describeErrors(Operation operation) {
        operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
        for (String status : ERRORS_BY_OPERATION.getOrDefault(operation.getOperationId(), COMMON)) {
            ErrorCase error = ERRORS.get(status);
            MediaType json = new MediaType().schema(new Schema<>().$ref("#/components/schemas/ErrorResponse"))
                    .example(parse(error.example()));
            operation.getResponses().addApiResponse(status, new ApiResponse().description(error.description())
                    .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, json)));
        }
    }

    /** swagger-core serialises examples with its own (Jackson 2) mapper, so the example is parsed with it. */
    private static Object parse(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an error example is not valid JSON", e);
        }
    }

    private static String error(String message, String errorFields) {
        return "{\"success\":false,\"message\":\"" + message + "\",\"error\":{" + errorFields + "}}";
    }
}
