package io.ticketchat.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a host configures under {@code chat.*}. The standalone service's own settings
 * ({@code chat.security.jwt}, {@code chat.embedded-database}, {@code chat.demo}) have their own classes
 * in the standalone package, since a host never sets them.
 */
@ConfigurationProperties("chat")
public class ChatProperties {

    private final Persistence persistence = new Persistence();
    private final Schema schema = new Schema();
    private final Tickets tickets = new Tickets();
    private final Rest rest = new Rest();
    private final Web web = new Web();
    private final Websocket websocket = new Websocket();
    private final Typing typing = new Typing();
    private final GroupCommit groupCommit = new GroupCommit();
    private final RateLimit rateLimit = new RateLimit();

    public Persistence getPersistence() {
        return persistence;
    }

    public Schema getSchema() {
        return schema;
    }

    public Tickets getTickets() {
        return tickets;
    }

    public Rest getRest() {
        return rest;
    }

    public Web getWeb() {
        return web;
    }

    public Websocket getWebsocket() {
        return websocket;
    }

    public Typing getTyping() {
        return typing;
    }

    public GroupCommit getGroupCommit() {
        return groupCommit;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    public static class Persistence {

        /** Store the chat with the jOOQ adapter over the host's DataSource; false when the host brings every repository itself. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    public static class Schema {

        /** Run the chat's own Flyway migrations (history table chat_schema_history) at start-up. */
        private boolean migrate = true;

        /**
         * Also create minimal tickets and users tables (history table chat_standalone_schema_history).
         * Only for a database of the chat's own: never in a host that owns those tables.
         */
        private boolean standaloneTables = false;

        public boolean isMigrate() {
            return migrate;
        }

        public void setMigrate(boolean migrate) {
            this.migrate = migrate;
        }

        public boolean isStandaloneTables() {
            return standaloneTables;
        }

        public void setStandaloneTables(boolean standaloneTables) {
            this.standaloneTables = standaloneTables;
        }
    }

    public static class Tickets {

        /** The host's tickets table read by the default ticket directory. */
        private String table = "tickets";

        /** Its primary key column. */
        private String idColumn = "id";

        /** The column holding the customer's name (the guide's ticket.name). */
        private String customerNameColumn = "name";

        /** The column holding the ticket's title (the guide's ticket.issue_title). */
        private String issueTitleColumn = "issue_title";

        /**
         * How long a ticket found in the host's table is remembered, so that sending a message does not
         * read that table each time. A deleted or renamed ticket may be seen as it was for this long;
         * 0 reads the table on every use.
         */
        private Duration cacheTtl = Duration.ofSeconds(10);

        public String getTable() {
            return table;
        }

        public void setTable(String table) {
            this.table = table;
        }

        public String getIdColumn() {
            return idColumn;
        }

        public void setIdColumn(String idColumn) {
            this.idColumn = idColumn;
        }

        public String getCustomerNameColumn() {
            return customerNameColumn;
        }

        public void setCustomerNameColumn(String customerNameColumn) {
            this.customerNameColumn = customerNameColumn;
        }

        public String getIssueTitleColumn() {
            return issueTitleColumn;
        }

        public void setIssueTitleColumn(String issueTitleColumn) {
            this.issueTitleColumn = issueTitleColumn;
        }

        public Duration getCacheTtl() {
            return cacheTtl;
        }

        public void setCacheTtl(Duration cacheTtl) {
            this.cacheTtl = cacheTtl;
        }
    }

    public static class Rest {

        /** Serve the REST API under /api/chat; false leaves it out (the socket and the use cases stay). */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Largest request body accepted; larger ones get 413. */
        private DataSize maxBodySize = DataSize.ofKilobytes(128);

        public DataSize getMaxBodySize() {
            return maxBodySize;
        }

        public void setMaxBodySize(DataSize maxBodySize) {
            this.maxBodySize = maxBodySize;
        }
    }

    public static class Web {

        /**
         * Origins (e.g. https://help.example.com) whose pages may use the chat: call the REST API (CORS,
         * preflights answered without credentials), load the web client's scripts, and open the socket.
         * Empty means the server's own origin only.
         */
        private List<String> allowedOrigins = new ArrayList<>();

        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }
    }

    public static class Websocket {

        /** Serve the WebSocket endpoint /ws/chat; false leaves it out (the REST API and the use cases stay). */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Deprecated: use chat.web.allowed-origins. More origins allowed to open a socket, on top of those. */
        private List<String> allowedOrigins = new ArrayList<>();

        /** Largest text frame accepted; a larger one closes that socket with 1009. */
        private DataSize maxFrameSize = DataSize.ofKilobytes(128);

        /** How often the server pings each socket. */
        private Duration pingInterval = Duration.ofSeconds(25);

        /** A socket that sent nothing (not even a pong) for this long is closed. */
        private Duration idleTimeout = Duration.ofSeconds(60);

        /** Outgoing bytes buffered for one slow socket before it is cut off. */
        private DataSize sendBufferSize = DataSize.ofKilobytes(512);

        /** Longest a single send to one socket may take before it is cut off. */
        private Duration sendTimeLimit = Duration.ofSeconds(10);

        /** Sockets one person may hold open at once. */
        private int maxSocketsPerUser = 10;

        @DeprecatedConfigurationProperty(replacement = "chat.web.allowed-origins",
                reason = "one allow-list for REST, the web client and the socket")
        public List<String> getAllowedOrigins() {
            return allowedOrigins;
        }

        public void setAllowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
        }

        public DataSize getMaxFrameSize() {
            return maxFrameSize;
        }

        public void setMaxFrameSize(DataSize maxFrameSize) {
            this.maxFrameSize = maxFrameSize;
        }

        public Duration getPingInterval() {
            return pingInterval;
        }

        public void setPingInterval(Duration pingInterval) {
            this.pingInterval = pingInterval;
        }

        public Duration getIdleTimeout() {
            return idleTimeout;
        }

        public void setIdleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
        }

        public DataSize getSendBufferSize() {
            return sendBufferSize;
        }

        public void setSendBufferSize(DataSize sendBufferSize) {
            this.sendBufferSize = sendBufferSize;
        }

        public Duration getSendTimeLimit() {
            return sendTimeLimit;
        }

        public void setSendTimeLimit(Duration sendTimeLimit) {
            this.sendTimeLimit = sendTimeLimit;
        }

        public int getMaxSocketsPerUser() {
            return maxSocketsPerUser;
        }

        public void setMaxSocketsPerUser(int maxSocketsPerUser) {
            this.maxSocketsPerUser = maxSocketsPerUser;
        }
    }

    public static class GroupCommit {

        /**
         * Threads that store sent messages, each committing everything sent to its tickets meanwhile in
         * one transaction. Each holds a pooled connection while it writes. 0 stores each message in a
         * transaction of its own.
         */
        private int writers = 2;

        /** The most messages one writer stores in one transaction. */
        private int maxBatch = 64;

        /** Messages one writer lets wait for it; a send beyond that fails at once with UNAVAILABLE. */
        private int queueCapacity = 1024;

        /**
         * Longest a sender waits for its message to be stored before it gets UNAVAILABLE. Such a message
         * may still commit a moment later: a retry with the same clientMessageId then gets it back.
         */
        private Duration sendTimeout = Duration.ofSeconds(5);

        public int getQueueCapacity() {
            return queueCapacity;
        }

        public void setQueueCapacity(int queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        public Duration getSendTimeout() {
            return sendTimeout;
        }

        public void setSendTimeout(Duration sendTimeout) {
            this.sendTimeout = sendTimeout;
        }

        public int getWriters() {
            return writers;
        }

        public void setWriters(int writers) {
            this.writers = writers;
        }

        public int getMaxBatch() {
            return maxBatch;
        }

        public void setMaxBatch(int maxBatch) {
            this.maxBatch = maxBatch;
        }
    }

    public static class Typing {

        /** How often abandoned typing spells are looked for; they end at most this long after their 8 s TTL. */
        private Duration expiryCheckInterval = Duration.ofMillis(500);

        public Duration getExpiryCheckInterval() {
            return expiryCheckInterval;
        }

        public void setExpiryCheckInterval(Duration expiryCheckInterval) {
            this.expiryCheckInterval = expiryCheckInterval;
        }
    }

    public static class RateLimit {

        /** Limit how many messages one person may send; false sends unlimited. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** Messages one person may send per window, over REST and WebSocket together. */
        private int messages = 30;

        /** The window those messages are counted in. */
        private Duration window = Duration.ofSeconds(10);

        public int getMessages() {
            return messages;
        }

        public void setMessages(int messages) {
            this.messages = messages;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }
    }
}
