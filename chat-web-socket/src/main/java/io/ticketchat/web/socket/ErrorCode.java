package io.ticketchat.web.socket;

/** The contract's error codes, the same set REST uses, carried in {@code ERROR.code}. */
public enum ErrorCode {
    VALIDATION_FAILED,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    PAYLOAD_TOO_LARGE,
    RATE_LIMITED,
    UNAVAILABLE,
    INTERNAL
}
