package io.ticketchat.web.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import io.ticketchat.web.rest.ChatJsonBody;

import java.util.List;

/** The contract's error body: {@code {"success": false, "message": ..., "error": {"code": ..., ...}}}. */
@Schema(name = "ErrorResponse")
public record ErrorResponse(
        @Schema(example = "false") boolean success,
        @Schema(description = "Human readable; never a stack trace, SQL or class name") String message,
        Error error) implements ChatJsonBody {

    @Schema(name = "Error")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(
            @Schema(allowableValues = {"VALIDATION_FAILED", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "METHOD_NOT_ALLOWED",
                    "NOT_ACCEPTABLE", "CONFLICT", "PAYLOAD_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "RATE_LIMITED", "INTERNAL",
                    "UNAVAILABLE"}) String code,
            @Schema(description = "VALIDATION_FAILED: every offending field and why") List<FieldProblem> fields,
            @Schema(description = "FORBIDDEN: the body field that claimed another identity") String field,
            @Schema(description = "RATE_LIMITED: seconds to wait (also in Retry-After)") Long retryAfterSeconds,
            @Schema(description = "PAYLOAD_TOO_LARGE: the body limit in bytes") Long maxBytes) {
    }

    @Schema(name = "FieldProblem")
    public record FieldProblem(@Schema(example = "message") String field, @Schema(example = "must not be blank") String reason) {
    }

    public static ErrorResponse of(String message, Error error) {
        return new ErrorResponse(false, message, error);
    }

    public static Error code(String code) {
        return new Error(code, null, null, null, null);
    }
}
