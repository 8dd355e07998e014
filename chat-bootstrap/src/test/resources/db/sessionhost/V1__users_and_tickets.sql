-- The session host's own schema, as JPA's Long ids would make it: BIGINT keys everywhere.
CREATE TABLE users (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    username      VARCHAR(50)  NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    role          ENUM ('AGENT', 'CUSTOMER') NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_users_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tickets (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    title       VARCHAR(200) NOT NULL,
    customer_id BIGINT       NOT NULL,
    status      ENUM ('OPEN', 'CLOSED') NOT NULL DEFAULT 'OPEN',
    created_at  DATETIME(3)  NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT fk_tickets_customer FOREIGN KEY (customer_id) REFERENCES users (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Sample accounts, all with the password "correct-horse" (BCrypt).
INSERT INTO users (id, username, password_hash, display_name, role) VALUES
    (1, 'alice', '{bcrypt}$2a$10$DeSVLbQzNOBj5J7Js5Vh3eaQ1rjqJHDmzwsqrw6SdGJgGuB2ocexO', 'Alice Agent', 'AGENT'),
    (2, 'carol', '{bcrypt}$2a$10$DeSVLbQzNOBj5J7Js5Vh3eaQ1rjqJHDmzwsqrw6SdGJgGuB2ocexO', 'Carol Customer', 'CUSTOMER'),
    (3, 'dan', '{bcrypt}$2a$10$DeSVLbQzNOBj5J7Js5Vh3eaQ1rjqJHDmzwsqrw6SdGJgGuB2ocexO', 'Dan Customer', 'CUSTOMER');

INSERT INTO tickets (id, title, customer_id) VALUES
    (101, 'Invoice shows the wrong address', 2),
    (102, 'Cannot reset my password', 3);
