package io.ticketchat.application.port.in;

/** The caller may not do this: another person's ticket, or a body that claims someone else. */
public class ForbiddenException extends RuntimeException {

    private final String field;

    public ForbiddenException(String field, String message) {
        super(message);
        this.field = field;
    }

    public static ForbiddenException ticket() {
        return new ForbiddenException(null, "you may not access this ticket");
    }

    /** The request field that claimed another identity, or {@code null} when the ticket itself is off-limits. */
    public String field() {
        return field;
    }
}
