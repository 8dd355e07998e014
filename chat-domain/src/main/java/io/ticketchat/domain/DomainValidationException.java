package io.ticketchat.domain;

/**
 * A value broke one of the chat's rules. Names the field (as the contract names it on the wire) so
 * adapters can report which input was wrong without parsing the message.
 */
public class DomainValidationException extends IllegalArgumentException {

    private final String field;

    public DomainValidationException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
