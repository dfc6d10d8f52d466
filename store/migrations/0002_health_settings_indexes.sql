-- 0002: what `gratitude status` needs from another process (health), a
-- place for per-account settings and secrets (the HMAC key for card
-- addresses), and the secondary indexes behind the daemon's lookups.

-- One row per component (imap, smtp, scheduler, ...): its last outcome.
-- last_error is the most recent error and survives recovery; failing_since
-- is set while the component fails and cleared when it is ok again.
CREATE TABLE health (
    account_id    INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    component     TEXT    NOT NULL,
    ok            INTEGER NOT NULL,
    last_error    TEXT    NOT NULL DEFAULT '',
    last_ok_at    INTEGER,
    failing_since INTEGER,
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (account_id, component)
);

-- Opaque per-account values (BYTEA in PostgreSQL), e.g. the card HMAC key.
CREATE TABLE settings (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    value      BLOB    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, name)
);

-- Dedupe by Message-ID across mailboxes (KnownMessageIDs, Relocate).
CREATE INDEX messages_by_message_id ON messages (account_id, message_id);
-- Status counts per class.
CREATE INDEX messages_by_class ON messages (account_id, class);
-- The messages of a request; also serves ON DELETE SET NULL.
CREATE INDEX messages_by_request ON messages (request_id);
-- Lists by state and the reminder scheduler.
CREATE INDEX requests_by_state ON requests (account_id, state);
CREATE INDEX requests_by_next_reminder ON requests (account_id, next_reminder_at);
-- A person's requests (the ledger); also serves ON DELETE CASCADE.
CREATE INDEX request_participants_by_person ON request_participants (person_id);
-- A request's history.
CREATE INDEX request_events_by_request ON request_events (request_id, id);
