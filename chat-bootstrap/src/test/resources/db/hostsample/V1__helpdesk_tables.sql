-- The sample host's own schema: its tickets (with columns the chat does not know) and its customers.
CREATE TABLE customers (
    id    INT          NOT NULL AUTO_INCREMENT,
    name  VARCHAR(100) NOT NULL,
    email VARCHAR(200) NOT NULL,
    PRIMARY KEY (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE tickets (
    id            INT                              NOT NULL AUTO_INCREMENT,
    subject       VARCHAR(200)                     NOT NULL,
    customer_id   INT                              NOT NULL,
    customer_name VARCHAR(100)                     NOT NULL,
    priority      ENUM ('low', 'normal', 'high')  NOT NULL DEFAULT 'normal',
    opened_at     DATETIME(3)                      NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    PRIMARY KEY (id),
    CONSTRAINT fk_tickets_customer FOREIGN KEY (customer_id) REFERENCES customers (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
