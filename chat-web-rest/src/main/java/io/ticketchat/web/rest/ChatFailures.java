package io.ticketchat.web.rest;

import io.ticketchat.application.port.in.ChatSessionNotFoundException;
import io.ticketchat.application.port.in.ForbiddenException;
import io.ticketchat.application.port.in.MessageNotFoundException;
import io.ticketchat.application.port.in.RateLimitedException;
import io.ticketchat.application.port.in.TicketNotFoundException;
import io.ticketchat.application.port.out.ChatStoreUnavailableException;
import io.ticketchat.domain.DomainValidationException;
import io.ticketchat.domain.IllegalSessionTransitionException;
import io.ticketchat.web.rest.dto.ErrorResponse;
import io.ticketchat.web.rest.dto.ErrorResponse.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps every failure to the contract's status, code and body. Messages are written here, never copied
 * from an exception of a library, so no class name, SQL or stack trace can reach a client.
 */
final class ChatFailures {

    static final String VALIDATION_FAILED = "VALIDATION_FAILED";

    private static final Set<String> CONTAINER_REFUSALS = Set.of(
            "org.apache.tomcat.util.http.InvalidParameterException",
            "org.apache.catalina.connector.BadRequestException",
            "org.eclipse.jetty.http.BadMessageException");

    private final ChatRestSettings settings;

    ChatFailures(ChatRestSettings settings) {
        this.settings = settings;
    }

    /** @return the failure, or {@code null} when it is an unexpected one (500, to be logged) */
    ApiFailure describe(Throwable failure) {
        return switch (failure) {
            case UnauthenticatedException e -> ApiFailure.of(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Authentication required")
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            case InvalidRequestException e -> invalid(e.problems());
            case DomainValidationException e -> invalid(List.of(new FieldProblem(e.field(), e.reason())));
            case ForbiddenException e -> ApiFailure.of(HttpStatus.FORBIDDEN, forbiddenMessage(e),
                    new ErrorResponse.Error("FORBIDDEN", null, e.field(), null, null));
            case TicketNotFoundException e -> notFound("Ticket not found");
            case ChatSessionNotFoundException e -> notFound("Chat session not found");
            case MessageNotFoundException e -> notFound("Message not found");
            case IllegalSessionTransitionException e ->
                    ApiFailure.of(HttpStatus.CONFLICT, "CONFLICT", "The chat session cannot change to that state");
            case RateLimitedException e -> rateLimited(Math.max(1, e.retryAfter().toSeconds()));
            case ChatStoreUnavailableException e ->
                    ApiFailure.of(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", "The chat is unavailable, try again later");
            case HttpMessageNotReadableException e -> unreadable(e);
            case HttpMediaTypeNotSupportedException e -> ApiFailure.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "UNSUPPORTED_MEDIA_TYPE", "Content-Type must be application/json");
            case HttpMediaTypeNotAcceptableException e ->
                    ApiFailure.of(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "This API answers application/json only");
            case HttpRequestMethodNotSupportedException e -> methodNotAllowed(e);
            case NoResourceFoundException e -> notFound("No such endpoint");
            case NoHandlerFoundException e -> notFound("No such endpoint");
            case MethodArgumentTypeMismatchException e -> invalid(List.of(new FieldProblem(e.getName(), "has the wrong type")));
            case ServletRequestBindingException e -> invalid(List.of(new FieldProblem("request", "is incomplete")));
            default -> isContainerRefusal(failure) ? invalid(List.of(new FieldProblem("request", "cannot be decoded"))) : null;
        };
    }

    /**
     * The servlet container's own "bad request" exceptions, raised when the chat reads a query parameter
     * or the body that does not decode ({@code limit=%ff}, a broken chunk). Matched by name: the chat
     * runs on whichever container the host chose.
     */
    private static boolean isContainerRefusal(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (CONTAINER_REFUSALS.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The answer for a request that the servlet container or a filter in front of the chat refused with
     * a bare status (a malformed path or query, a header over its limit, a firewall's refusal), before
     * any chat code could say why. Only the status is known, so the words stay general.
     */
    ApiFailure forStatus(int status) {
        return switch (status) {
            case 400 -> invalid(List.of(new FieldProblem("request", "is malformed (path, query or headers)")));
            case 401 -> describe(new UnauthenticatedException());
            case 403 -> ApiFailure.of(HttpStatus.FORBIDDEN, "FORBIDDEN", "Forbidden");
            case 404 -> notFound("No such endpoint");
            case 405 -> ApiFailure.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "Method not allowed on this endpoint");
            case 413 -> payloadTooLarge();
            case 415 -> describe(new HttpMediaTypeNotSupportedException("unsupported"));
            case 429 -> ApiFailure.of(HttpStatus.TOO_MANY_REQUESTS, "RATE_LIMITED", "Too many requests, try again later");
            case 503 -> ApiFailure.of(HttpStatus.SERVICE_UNAVAILABLE, "UNAVAILABLE", "The chat is unavailable, try again later");
            default -> status >= 400 && status < 500
                    ? ApiFailure.of(HttpStatus.BAD_REQUEST, "Bad request",
                            new ErrorResponse.Error(VALIDATION_FAILED, List.of(new FieldProblem("request", "was refused")), null, null, null))
                    : internal();
        };
    }

    ApiFailure internal() {
        return ApiFailure.of(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL", "Internal server error");
    }

    ApiFailure payloadTooLarge() {
        long max = settings.maxRequestBodyBytes();
        return ApiFailure.of(HttpStatus.CONTENT_TOO_LARGE, "Request body exceeds " + max + " bytes",
                new ErrorResponse.Error("PAYLOAD_TOO_LARGE", null, null, null, max));
    }

    private static ApiFailure invalid(List<FieldProblem> problems) {
        return ApiFailure.of(HttpStatus.BAD_REQUEST, "Validation failed",
                new ErrorResponse.Error(VALIDATION_FAILED, problems, null, null, null));
    }

    private static ApiFailure malformed(String reason) {
        return ApiFailure.of(HttpStatus.BAD_REQUEST, "Malformed JSON request body",
                new ErrorResponse.Error(VALIDATION_FAILED, List.of(new FieldProblem("body", reason)), null, null, null));
    }

    private static ApiFailure notFound(String message) {
        return ApiFailure.of(HttpStatus.NOT_FOUND, "NOT_FOUND", message);
    }

    private static ApiFailure rateLimited(long seconds) {
        return ApiFailure.of(HttpStatus.TOO_MANY_REQUESTS, "Too many requests, try again in " + seconds + " s",
                new ErrorResponse.Error("RATE_LIMITED", null, null, seconds, null)).withHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    private static ApiFailure methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        ApiFailure failure = ApiFailure.of(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "Method not allowed on this endpoint");
        if (e.getSupportedHttpMethods() == null) {
            return failure;
        }
        String allowed = e.getSupportedHttpMethods().stream().map(Object::toString).collect(Collectors.joining(", "));
        return failure.withHeader(HttpHeaders.ALLOW, allowed);
    }

    private static String forbiddenMessage(ForbiddenException e) {
        return e.field() == null ? "You may not access this ticket" : "The request claims another identity than the authenticated one";
    }

    private ApiFailure unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause == null) {
            // Spring says so when a required body is absent.
            return invalid(List.of(new FieldProblem("body", "is required")));
        }
        if (cause instanceof StreamConstraintsException) {
            return malformed("exceeds the JSON limits (nesting depth " + settings.maxJsonNestingDepth() + ", numbers of "
                    + settings.maxJsonNumberLength() + " characters, strings of " + settings.maxJsonStringLength() + " characters)");
        }
        if (cause instanceof JacksonException jackson) {
            String path = path(jackson);
            if (cause instanceof InputCoercionException && !path.isEmpty()) {
                return invalid(List.of(new FieldProblem(path, "is out of range")));
            }
            if (cause instanceof StreamReadException) {
                return malformed("is not well-formed JSON");
            }
            return path.isEmpty()
                    ? invalid(List.of(new FieldProblem("body", "must be a JSON object")))
                    : invalid(List.of(new FieldProblem(path, "has the wrong type")));
        }
        return malformed("could not be read");
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
