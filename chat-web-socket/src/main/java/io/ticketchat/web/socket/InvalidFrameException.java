package io.ticketchat.web.socket;

/** A client frame that is not the JSON the protocol describes. Answered with {@code VALIDATION_FAILED}. */
class InvalidFrameException extends RuntimeException {

    private final String field;

    InvalidFrameException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field, or {@code null} when the frame as a whole is wrong. */
    String field() {
        return field;
    }
}
