package io.ticketchat.reliability;

import io.ticketchat.persistence.jooq.testing.ChatTestDatabase;

import java.net.URI;
import java.util.List;

/** What the database holds, read over the test's own connections (never the service's). */
final class StoredMessages {

    record Stored(long id, String clientMessageId) {
    }

    private final ChatTestDatabase database;

    StoredMessages(ChatTestDatabase database) {
        this.database = database;
    }

    /** Every message of a ticket in id order. */
    List<Stored> of(long ticketId) {
        return database.dsl()
                .resultQuery("select id, client_message_id from chat_messages where ticket_id = ? order by id", ticketId)
                .fetch(record -> new Stored(record.get(0, Long.class), record.get(1, String.class)));
    }

    List<Long> idsOf(long ticketId) {
        return of(ticketId).stream().map(Stored::id).toList();
    }

    /** How many rows carry this clientMessageId on this ticket. */
    int countOf(long ticketId, String clientMessageId) {
        return database.dsl()
                .resultQuery("select count(*) from chat_messages where ticket_id = ? and client_message_id = ?", ticketId, clientMessageId)
                .fetchSingle(0, Integer.class);
    }

    boolean exists(long messageId) {
        return database.dsl().resultQuery("select id from chat_messages where id = ?", messageId).fetchOptional().isPresent();
    }

    /** The same JDBC URL with host and port replaced, e.g. to go through a {@link TcpProxy}. */
    static String withHostAndPort(String jdbcUrl, String host, int port) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return "jdbc:" + uri.getScheme() + "://" + host + ":" + port + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static URI address(String jdbcUrl) {
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }
}
