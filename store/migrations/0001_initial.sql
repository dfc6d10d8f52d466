-- 0001: the core tables. Every row belongs to an account, so a second
-- account is a row in accounts, not a migration.
--
-- Conventions (kept portable for a later PostgreSQL adapter):
--   * plain INTEGER and TEXT (BLOB only for opaque bytes);
--   * timestamps are INTEGER unix milliseconds UTC, NULL when unknown;
--   * booleans are INTEGER 0/1;
--   * "INTEGER PRIMARY KEY" is the surrogate key (BIGSERIAL / identity there).

CREATE TABLE accounts (
    id         INTEGER PRIMARY KEY,
    email      TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

-- Where the sync of each mailbox stands: the server's UIDVALIDITY and the
-- highest UID already processed under it.
CREATE TABLE mailbox_cursors (
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    mailbox      TEXT    NOT NULL,
    uidvalidity  INTEGER NOT NULL DEFAULT 0,
    last_uid     INTEGER NOT NULL DEFAULT 0,
    last_sync_at INTEGER,
    PRIMARY KEY (account_id, mailbox)
);

-- A request for help and its three clocks (answered via participants,
-- resolved, thanked). Requests are cancelled, never deleted.
CREATE TABLE requests (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    state            TEXT    NOT NULL DEFAULT 'open'
                     CHECK (state IN ('open', 'answered', 'resolved', 'thanked', 'cancelled')),
    subject          TEXT    NOT NULL DEFAULT '',
    message_id       TEXT    NOT NULL,
    asked_at         INTEGER NOT NULL,
    resolved_at      INTEGER,
    thanked_at       INTEGER,
    cancelled_at     INTEGER,
    next_reminder_at INTEGER,
    options          TEXT    NOT NULL DEFAULT '{}',
    created_at       INTEGER NOT NULL,
    updated_at       INTEGER NOT NULL,
    UNIQUE (account_id, message_id)
);

-- Every message the sync saw, located by (mailbox, uidvalidity, uid); rows
-- outlive a UIDVALIDITY change because they are the dedupe memory by
-- Message-ID.
CREATE TABLE messages (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    message_id  TEXT    NOT NULL,
    mailbox     TEXT    NOT NULL,
    uidvalidity INTEGER NOT NULL,
    uid         INTEGER NOT NULL,
    from_addr   TEXT    NOT NULL DEFAULT '',
    subject     TEXT    NOT NULL DEFAULT '',
    date        INTEGER,
    size        INTEGER NOT NULL DEFAULT 0,
    class       TEXT    NOT NULL,
    reason      TEXT    NOT NULL DEFAULT '',
    request_id  INTEGER REFERENCES requests (id) ON DELETE SET NULL,
    seen_at     INTEGER NOT NULL,
    UNIQUE (account_id, mailbox, uidvalidity, uid)
);

-- The ledger: one row per correspondent per account.
CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    email           TEXT    NOT NULL,
    name            TEXT    NOT NULL DEFAULT '',
    helped_me       INTEGER NOT NULL DEFAULT 0,
    thanked         INTEGER NOT NULL DEFAULT 0,
    asked           INTEGER NOT NULL DEFAULT 0,
    i_helped        INTEGER NOT NULL DEFAULT 0,
    last_help_at    INTEGER,
    last_thanked_at INTEGER,
    UNIQUE (account_id, email)
);

-- Who took part in a request and how; a helper is closed by thanked_at or
-- skipped.
CREATE TABLE request_participants (
    account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    request_id     INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role           TEXT    NOT NULL CHECK (role IN ('asked', 'helper', 'cc')),
    first_reply_at INTEGER,
    replies        INTEGER NOT NULL DEFAULT 0,
    excerpt        TEXT    NOT NULL DEFAULT '',
    thanked_at     INTEGER,
    skipped        INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (request_id, person_id, role)
);

-- What happened to a request, in the order it was recorded. Append-only.
CREATE TABLE request_events (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    data       TEXT    NOT NULL DEFAULT 'null'
);

-- The event log is append-only: refuse edits at the database level too.
-- (Deletes stay possible so that deleting a request or account cascades.)
CREATE TRIGGER request_events_append_only
BEFORE UPDATE ON request_events
BEGIN
    SELECT RAISE(ABORT, 'request_events is append-only');
END;
