-- Minimal host tables for the standalone service. Never run inside a host that owns tickets and users:
-- these CREATE TABLEs deliberately fail if the tables already exist.

CREATE TABLE tickets (
    id          INT          NOT NULL AUTO_INCREMENT,
    name        VARCHAR(255) NOT NULL COMMENT 'the customer''s name',
    issue_title VARCHAR(255) NOT NULL,
    created_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE users (
    id        INT                         NOT NULL AUTO_INCREMENT,
    name      VARCHAR(100)                NOT NULL,
    user_type ENUM ('agent', 'customer') NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
