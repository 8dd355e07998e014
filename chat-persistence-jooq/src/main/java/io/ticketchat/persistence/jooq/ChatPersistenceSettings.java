package io.ticketchat.persistence.jooq;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the host keeps its tickets. The chat only reads them; the defaults match the chat system
 * guide ({@code tickets.id}, {@code tickets.name} = the customer's name, {@code tickets.issue_title}).
 *
 * @param ticketTable              table name, optionally schema-qualified ({@code helpdesk.tickets})
 * @param ticketIdColumn           the ticket's integer key
 * @param ticketCustomerNameColumn the customer's display name
 * @param ticketIssueTitleColumn   what the ticket is about
 */
public record ChatPersistenceSettings(
        String ticketTable,
        String ticketIdColumn,
        String ticketCustomerNameColumn,
        String ticketIssueTitleColumn) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,63}");
    private static final Pattern QUALIFIED = Pattern.compile(IDENTIFIER.pattern() + "(\\." + IDENTIFIER.pattern() + ")?");

    public ChatPersistenceSettings {
        require("ticketTable", ticketTable, QUALIFIED);
        require("ticketIdColumn", ticketIdColumn, IDENTIFIER);
        require("ticketCustomerNameColumn", ticketCustomerNameColumn, IDENTIFIER);
        require("ticketIssueTitleColumn", ticketIssueTitleColumn, IDENTIFIER);
    }

    public static ChatPersistenceSettings defaults() {
        return new ChatPersistenceSettings("tickets", "id", "name", "issue_title");
    }

    private static void require(String setting, String value, Pattern pattern) {
        Objects.requireNonNull(value, setting);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(setting + " must be a plain SQL identifier, was '" + value + "'");
        }
    }
}
