package io.ticketchat.bench;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/** Direct JDBC access to the database the server under test uses: tickets, history seed, raw insert baseline. */
final class BenchDatabase {

    private static final Logger log = LoggerFactory.getLogger(BenchDatabase.class);

    private final String url;
    private final String user;
    private final String password;

    BenchDatabase(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password);
        try (Statement s = connection.createStatement()) {
            s.execute("SET time_zone = '+00:00'");
        }
        return connection;
    }

    /** "MariaDB 11.4.x, innodb_flush_log_at_trx_commit=1, buffer pool 128 MiB". */
    String describe() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT VERSION(), @@innodb_flush_log_at_trx_commit, @@innodb_buffer_pool_size, @@sync_binlog, @@log_bin")) {
            rs.next();
            return "%s, innodb_flush_log_at_trx_commit=%s, buffer pool %d MiB, log_bin=%s".formatted(rs.getString(1), rs.getString(2),
                    rs.getLong(3) >> 20, rs.getString(5));
        }
    }

    /**
     * Statements received by the database server so far, from every client ({@code Questions}); the
     * bench's own query adds one per reading.
     */
    long statementsReceived() {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
            rs.next();
            return rs.getLong(2);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the statement count", e);
        }
    }

    /** Inserts {@code count} tickets and returns their ids. */
    List<Long> createTickets(int count, String title) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (Connection c = connect();
             PreparedStatement insert = c.prepareStatement("INSERT INTO tickets (name, issue_title) VALUES (?, ?)",
                     Statement.RETURN_GENERATED_KEYS)) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, "Bench customer " + i);
                insert.setString(2, title);
                insert.addBatch();
            }
            insert.executeBatch();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                while (keys.next()) {
                    ids.add(keys.getLong(1));
                }
            }
        }
        if (ids.size() != count) {
            throw new IllegalStateException("expected " + count + " ticket ids, got " + ids.size());
        }
        return ids;
    }

    /**
     * Seeds at least {@code totalRows} read messages: {@code hotMessages} on {@code hotTicket} (the last
     * {@code unreadOnHot} of them unread customer messages) and the rest spread evenly over {@code fillerTickets},
     * by doubling with INSERT ... SELECT; then brings chat_ticket_heads up to date as the adapter would.
     */
    long seedHistory(long hotTicket, int hotMessages, int unreadOnHot, List<Long> fillerTickets, long totalRows) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            String columns = "ticket_id, sender_type, sender_id, sender_name, message, is_read, read_at, created_at";
            String fillers = fillerTickets.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElseThrow();
            for (long ticket : fillerTickets) {
                s.addBatch(seedRow(columns, ticket, ticket % 2 == 0 ? "agent" : "customer", 1));
            }
            s.addBatch(seedRow(columns, hotTicket, "agent", 1));
            s.addBatch(seedRow(columns, hotTicket, "customer", 1));
            s.executeBatch();
            String copy = "INSERT INTO chat_messages (" + columns + ") SELECT ticket_id, "
                    + "CASE WHEN id % 2 = 0 THEN 'agent' ELSE 'customer' END, sender_id, sender_name, message, 1, read_at, created_at "
                    + "FROM chat_messages WHERE ticket_id ";
            long filler = fillerTickets.size();
            while (filler < totalRows - hotMessages) {
                filler += s.executeUpdate(copy + "IN (" + fillers + ") LIMIT " + (totalRows - hotMessages - filler));
            }
            long hot = 2;
            while (hot < hotMessages - unreadOnHot) {
                hot += s.executeUpdate(copy + "= " + hotTicket + " LIMIT " + (hotMessages - unreadOnHot - hot));
            }
            for (int i = 0; i < unreadOnHot; i++) {
                s.addBatch(seedRow(columns, hotTicket, "customer", 0));
            }
            s.executeBatch();
            s.executeUpdate("INSERT INTO chat_ticket_heads (ticket_id, last_message_id) "
                    + "SELECT ticket_id, MAX(id) FROM chat_messages WHERE ticket_id IN (" + fillers + "," + hotTicket + ") GROUP BY ticket_id "
                    + "ON DUPLICATE KEY UPDATE last_message_id = VALUES(last_message_id)");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM chat_messages")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String seedRow(String columns, long ticket, String senderType, int read) {
        return "INSERT INTO chat_messages (" + columns + ") VALUES (" + ticket + ", '" + senderType + "', " + (ticket % 1000 + 1)
                + ", 'Seeded " + senderType + "', 'A seeded message of realistic length, about one line of chat text.', "
                + read + ", " + (read == 1 ? "CURRENT_TIMESTAMP(3)" : "NULL") + ", CURRENT_TIMESTAMP(3))";
    }

    /**
     * The persistence ceiling: {@code threads} connections each committing single-row inserts (autocommit,
     * so one durable commit per row) into a copy of chat_messages' structure, for {@code duration}.
     * Returns inserts per second and the latency of each insert-and-commit.
     */
    RawInserts rawInserts(int threads, Duration duration, long ticketId) throws SQLException, InterruptedException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_raw_messages");
            s.execute("CREATE TABLE bench_raw_messages LIKE chat_messages");
        }
        LongAdder inserted = new LongAdder();
        LatencyStats latency = new LatencyStats();
        CountDownLatch done = new CountDownLatch(threads);
        long deadline = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            workers.add(Thread.ofPlatform().start(() -> {
                try (Connection c = connect(); PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO bench_raw_messages (ticket_id, sender_type, sender_id, sender_name, message, client_message_id, created_at) "
                                + "VALUES (?, 'agent', ?, 'Raw baseline', ?, ?, ?)")) {
                    long seq = 0;
                    while (System.nanoTime() < deadline) {
                        insert.setLong(1, ticketId + worker);
                        insert.setInt(2, worker + 1);
                        insert.setString(3, "bench raw " + System.nanoTime());
                        insert.setString(4, "raw." + worker + "." + seq++);
                        insert.setTimestamp(5, new java.sql.Timestamp(System.currentTimeMillis()));
                        long start = System.nanoTime();
                        insert.executeUpdate();
                        latency.recordNanos(System.nanoTime() - start);
                        inserted.increment();
                    }
                } catch (SQLException e) {
                    log.warn("raw insert worker failed: {}", e.getMessage());
                } finally {
                    done.countDown();
                }
            }));
        }
        done.await();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE bench_raw_messages");
        }
        return new RawInserts(threads, inserted.sum() / (duration.toNanos() / 1e9), latency.snapshot());
    }

    record RawInserts(int threads, double perSecond, LatencyStats.Summary latency) {
    }

    /**
     * The persistence floor under the REST reads: the statements the service sends for the latest page
     * and for an agent's unread count, run over JDBC one at a time on one connection, every column of
     * every row read, with the same warm-up and count as the HTTP probe.
     */
    RawReads rawReads(long hotTicket, int pageRows, int warmup, int count) throws SQLException {
        try (Connection c = connect();
             PreparedStatement page = c.prepareStatement("SELECT id, ticket_id, sender_type, sender_id, sender_name, message, "
                     + "message_type, read_at, edited_at, parent_message_id, client_message_id, created_at, updated_at "
                     + "FROM chat_messages WHERE ticket_id = ? ORDER BY id DESC LIMIT ?");
             PreparedStatement unread = c.prepareStatement("SELECT COUNT(*) FROM chat_messages "
                     + "WHERE ticket_id = ? AND is_read = 0 AND sender_type IN ('customer', 'system')")) {
            page.setLong(1, hotTicket);
            page.setInt(2, pageRows);
            unread.setLong(1, hotTicket);
            return new RawReads(timed(page, warmup, count), timed(unread, warmup, count));
        }
    }

    private static LatencyStats.Summary timed(PreparedStatement query, int warmup, int count) throws SQLException {
        LatencyStats latency = new LatencyStats();
        for (int i = 0; i < warmup + count; i++) {
            long start = System.nanoTime();
            try (ResultSet rows = query.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    for (int column = 1; column <= columns; column++) {
                        rows.getObject(column);
                    }
                }
            }
            if (i >= warmup) {
                latency.recordNanos(System.nanoTime() - start);
            }
        }
        return latency.snapshot();
    }

    record RawReads(LatencyStats.Summary page, LatencyStats.Summary unread) {
    }
}
