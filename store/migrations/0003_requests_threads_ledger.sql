-- Requests as the core sees them: the no-reply window, options, the
-- normalised subject for replies without threading headers.
ALTER TABLE requests ADD COLUMN norm_subject TEXT NOT NULL DEFAULT '';
ALTER TABLE requests ADD COLUMN due_at INTEGER;
ALTER TABLE requests ADD COLUMN no_remind INTEGER NOT NULL DEFAULT 0;
CREATE INDEX requests_by_norm_subject ON requests (account_id, norm_subject);

-- What a thank-you is threaded under, and helpers the owner added by hand.
ALTER TABLE request_participants ADD COLUMN last_reply_at INTEGER;
ALTER TABLE request_participants ADD COLUMN last_message_id TEXT NOT NULL DEFAULT '';
ALTER TABLE request_participants ADD COLUMN manual INTEGER NOT NULL DEFAULT 0;

-- The ledger is derived from participants and gave entries; counters that
-- could drift from them are dropped.
ALTER TABLE people DROP COLUMN helped_me;
ALTER TABLE people DROP COLUMN thanked;
ALTER TABLE people DROP COLUMN asked;
ALTER TABLE people DROP COLUMN i_helped;
ALTER TABLE people DROP COLUMN last_help_at;
ALTER TABLE people DROP COLUMN last_thanked_at;

-- Normalised subject of every message, to find a forwarded original.
ALTER TABLE messages ADD COLUMN norm_subject TEXT NOT NULL DEFAULT '';
CREATE INDEX messages_by_norm_subject ON messages (account_id, norm_subject);

-- Every Message-ID known to belong to a request's thread.
CREATE TABLE request_threads (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    message_id TEXT    NOT NULL,
    PRIMARY KEY (account_id, message_id, request_id)
);
CREATE INDEX request_threads_by_request ON request_threads (request_id);

-- Message-IDs of mail this program generated: how it recognises its own
-- mail forever after (never by a header alone).
CREATE TABLE own_messages (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    message_id TEXT    NOT NULL,
    request_id INTEGER REFERENCES requests (id) ON DELETE SET NULL,
    kind       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, message_id)
);

-- Times the owner helped someone (BCC to the capture address with .gave).
CREATE TABLE gave (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    message_id TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    PRIMARY KEY (account_id, message_id, person_id)
);
