-- A later migration of the host, to show both histories keep their own versions.
ALTER TABLE tickets ADD COLUMN status ENUM ('open', 'closed') NOT NULL DEFAULT 'open';
