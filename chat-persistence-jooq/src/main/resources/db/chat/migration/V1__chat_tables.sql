-- The chat tables of the chat system guide, kept column for column (snake_case, same enum values), with:
--   * DATETIME(3) times, written by the application in UTC;
--   * client_message_id and its unique key, which make retried sends idempotent;
--   * indexes for the latest page, unread counts and session lookups;
--   * no foreign keys to users(id): customers without an account may use any id (see docs/persistence.md);
--   * chat_ticket_heads, the per-ticket lock row that orders appends (see docs/persistence.md).
-- Everything is utf8mb4; identifiers that are compared as keys use the binary collation.
-- Placeholders (filled in by ChatSchemaMigrator after reading information_schema): ${ticket_key} and
-- ${user_key} are the exact integer types of the host's tickets and users keys (INT or BIGINT, signed or
-- not), which a foreign key must match; ${tickets_table} and ${ticket_id_column} name the referenced key.

CREATE TABLE chat_sessions (
    id               INT                                  NOT NULL AUTO_INCREMENT,
    ticket_id        ${ticket_key}                        NOT NULL,
    session_id       VARCHAR(100) COLLATE utf8mb4_bin     NOT NULL,
    agent_id         ${user_key}                          NULL,
    customer_id      ${user_key}                          NULL,
    status           ENUM ('active', 'paused', 'closed') NOT NULL DEFAULT 'active',
    started_at       DATETIME(3)                          NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    ended_at         DATETIME(3)                          NULL,
    last_activity_at DATETIME(3)                          NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    -- 1 while the session is open, NULL once closed: with the unique key below a ticket has at most one
    -- open session. Derived from status only, because MySQL forbids ON DELETE CASCADE on a column that a
    -- stored generated column is computed from (ticket_id).
    open_marker      TINYINT GENERATED ALWAYS AS (CASE WHEN status IN ('active', 'paused') THEN 1 END) STORED,
    PRIMARY KEY (id),
    CONSTRAINT uk_chat_sessions_session_id UNIQUE (session_id),
    CONSTRAINT uk_chat_sessions_one_open UNIQUE (ticket_id, open_marker),
    CONSTRAINT fk_chat_sessions_ticket FOREIGN KEY (ticket_id) REFERENCES ${tickets_table} (${ticket_id_column}) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE chat_participants (
    id             INT                         NOT NULL AUTO_INCREMENT,
    session_id     VARCHAR(100) COLLATE utf8mb4_bin NOT NULL,
    user_id        ${user_key}                 NULL,
    user_type      ENUM ('agent', 'customer') NOT NULL,
    user_name      VARCHAR(100)                NOT NULL,
    joined_at      DATETIME(3)                 NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    left_at        DATETIME(3)                 NULL,
    is_typing      BOOLEAN                     NOT NULL DEFAULT FALSE,
    last_typing_at DATETIME(3)                 NULL,
    PRIMARY KEY (id),
    INDEX idx_chat_participants_member (session_id, user_type, user_id),
    CONSTRAINT fk_chat_participants_session FOREIGN KEY (session_id) REFERENCES chat_sessions (session_id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE chat_messages (
    id                INT                                                             NOT NULL AUTO_INCREMENT,
    ticket_id         ${ticket_key}                                                   NOT NULL,
    sender_type       ENUM ('agent', 'customer', 'system')                           NOT NULL,
    sender_id         ${user_key}                                                     NULL,
    sender_name       VARCHAR(100)                                                    NOT NULL,
    message           TEXT                                                            NOT NULL,
    message_type      ENUM ('text', 'system', 'status_update', 'typing_indicator')  NOT NULL DEFAULT 'text',
    is_read           BOOLEAN                                                         NOT NULL DEFAULT FALSE,
    read_at           DATETIME(3)                                                     NULL,
    is_edited         BOOLEAN                                                         NOT NULL DEFAULT FALSE,
    edited_at         DATETIME(3)                                                     NULL,
    parent_message_id INT                                                             NULL,
    client_message_id VARCHAR(64) COLLATE utf8mb4_bin                                 NULL,
    created_at        DATETIME(3)                                                     NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    updated_at        DATETIME(3)                                                     NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT uk_chat_messages_client_message UNIQUE (ticket_id, sender_type, sender_id, client_message_id),
    -- A ticket's history in id order: the latest page and afterId/beforeId pages.
    INDEX idx_chat_messages_ticket (ticket_id, id),
    -- Unread counts per ticket and reader side, answered from the index alone.
    INDEX idx_chat_messages_unread (ticket_id, is_read, sender_type),
    INDEX idx_chat_messages_parent (parent_message_id),
    CONSTRAINT fk_chat_messages_ticket FOREIGN KEY (ticket_id) REFERENCES ${tickets_table} (${ticket_id_column}) ON DELETE CASCADE,
    CONSTRAINT fk_chat_messages_parent FOREIGN KEY (parent_message_id) REFERENCES chat_messages (id) ON DELETE SET NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per ticket that has messages. Appending a message locks the ticket's row first and keeps the
-- lock until commit, so a ticket's messages get their ids in commit order.
CREATE TABLE chat_ticket_heads (
    ticket_id       ${ticket_key} NOT NULL,
    last_message_id INT NULL,
    PRIMARY KEY (ticket_id),
    CONSTRAINT fk_chat_ticket_heads_ticket FOREIGN KEY (ticket_id) REFERENCES ${tickets_table} (${ticket_id_column}) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
