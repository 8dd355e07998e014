package io.ticketchat.web.rest.openapi;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.ticketchat.application.port.in.Caller;
import io.ticketchat.web.rest.dto.OpenSessionRequest;
import io.ticketchat.web.rest.dto.SessionResponse;
import io.ticketchat.web.rest.dto.TypingRequest;
import io.ticketchat.web.rest.dto.TypingResponse;
import org.springframework.http.ResponseEntity;

/** The API description of the session endpoints; error responses are added by {@link ChatOpenApiCustomizer}. */
@Tag(name = "Sessions", description = "Chat sessions and typing")
public interface SessionsApi {

    @Operation(operationId = "openSession", summary = "Create or join a ticket's chat session",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = OpenSessionRequest.class),
                            examples = @ExampleObject(name = "guide", value = ApiExamples.OPEN_SESSION_REQUEST))))
    @ApiResponse(responseCode = "201", description = "A session was opened and the caller joined it",
            content = @Content(schema = @Schema(implementation = SessionResponse.class),
                    examples = @ExampleObject(name = "created", value = ApiExamples.SESSION_RESPONSE)))
    @ApiResponse(responseCode = "200", description = "The caller joined the ticket's open session",
            content = @Content(schema = @Schema(implementation = SessionResponse.class)))
    ResponseEntity<SessionResponse> openSession(Caller caller, OpenSessionRequest body);

    @Operation(operationId = "updateTyping", summary = "Update typing status",
            description = "Typing ends by itself 8 seconds after the last update.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = TypingRequest.class),
                            examples = @ExampleObject(name = "guide", value = ApiExamples.TYPING_REQUEST))))
    @ApiResponse(responseCode = "200", description = "Typing status taken",
            content = @Content(schema = @Schema(implementation = TypingResponse.class),
                    examples = @ExampleObject(name = "typing", value = ApiExamples.TYPING_RESPONSE)))
    TypingResponse updateTyping(Caller caller, TypingRequest body);
}
