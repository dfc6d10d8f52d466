-- The gratitude schema at version 14, FROZEN: databases in the field look
-- like this. Never edit; written by `go test ./store -run Frozen -update`.

CREATE TABLE accounts (
    id         INTEGER PRIMARY KEY,
    email      TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

CREATE TABLE cards (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    request_id INTEGER REFERENCES requests (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    message_id TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
, drafts TEXT NOT NULL DEFAULT '');

CREATE TABLE commands (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    message_id  TEXT    NOT NULL,
    request_id  INTEGER REFERENCES requests (id) ON DELETE SET NULL,
    from_addr   TEXT    NOT NULL DEFAULT '',
    subject     TEXT    NOT NULL DEFAULT '',
    card_id     INTEGER NOT NULL DEFAULT 0,
    token       TEXT    NOT NULL DEFAULT '',
    dkim        INTEGER NOT NULL DEFAULT 0,
    commands    TEXT    NOT NULL DEFAULT '[]',
    unknown     TEXT    NOT NULL DEFAULT '[]',
    state       TEXT    NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'done', 'refused')),
    reason      TEXT    NOT NULL DEFAULT '',
    received_at INTEGER NOT NULL,
    decided_at  INTEGER,
    reported_at INTEGER, refs TEXT NOT NULL DEFAULT '', body_hash TEXT NOT NULL DEFAULT '', ask TEXT NOT NULL DEFAULT '', claimed_at INTEGER, reported_in TEXT NOT NULL DEFAULT '',
    UNIQUE (account_id, message_id)
);

CREATE TABLE drafts (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    request_id  INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    message_id  TEXT    NOT NULL,
    in_reply_to TEXT    NOT NULL DEFAULT '',
    refs        TEXT    NOT NULL DEFAULT '',
    subject     TEXT    NOT NULL DEFAULT '',
    body        TEXT    NOT NULL DEFAULT '',
    html        TEXT    NOT NULL DEFAULT '',
    variant     INTEGER NOT NULL DEFAULT 0,
    edited      INTEGER NOT NULL DEFAULT 0,
    -- set once its copy in Drafts and the approval card are queued
    delivered   INTEGER NOT NULL DEFAULT 0,
    state       TEXT    NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'approved', 'sent', 'skipped')),
    reason      TEXT    NOT NULL DEFAULT '',
    created_at  INTEGER NOT NULL,
    decided_at  INTEGER,
    sent_at     INTEGER, language TEXT NOT NULL DEFAULT 'en',
    UNIQUE (request_id, person_id),
    UNIQUE (account_id, message_id)
);

CREATE TABLE gave (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    message_id TEXT    NOT NULL,
    at         INTEGER NOT NULL,
    PRIMARY KEY (account_id, message_id, person_id)
);

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

CREATE TABLE mailbox_cursors (
    account_id   INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    mailbox      TEXT    NOT NULL,
    uidvalidity  INTEGER NOT NULL DEFAULT 0,
    last_uid     INTEGER NOT NULL DEFAULT 0,
    last_sync_at INTEGER, history_uid INTEGER NOT NULL DEFAULT 0, history_before INTEGER, history_began INTEGER,
    PRIMARY KEY (account_id, mailbox)
);

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
    seen_at     INTEGER NOT NULL, norm_subject TEXT NOT NULL DEFAULT '', body_hash TEXT NOT NULL DEFAULT '',
    UNIQUE (account_id, mailbox, uidvalidity, uid)
);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    request_id      INTEGER REFERENCES requests (id) ON DELETE SET NULL,
    kind            TEXT    NOT NULL,
    target          TEXT    NOT NULL
                    CHECK (target IN ('smtp', 'imap:inbox', 'imap:drafts', 'imap:sent', 'imap:drafts-remove')),
    sender          TEXT    NOT NULL DEFAULT '',
    recipients      TEXT    NOT NULL DEFAULT '',
    subject         TEXT    NOT NULL DEFAULT '',
    message_id      TEXT    NOT NULL,
    raw             BLOB    NOT NULL,
    late            INTEGER NOT NULL DEFAULT 0,
    -- targets the same message goes to once it is sent (e.g. a copy in Sent)
    then_targets    TEXT    NOT NULL DEFAULT '',
    state           TEXT    NOT NULL DEFAULT 'queued'
                    CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    last_error      TEXT    NOT NULL DEFAULT '',
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    failed_at       INTEGER, followed_up INTEGER NOT NULL DEFAULT 0, unconfirmed INTEGER NOT NULL DEFAULT 0,
    UNIQUE (account_id, message_id, target)
);

CREATE TABLE own_messages (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    message_id TEXT    NOT NULL,
    request_id INTEGER REFERENCES requests (id) ON DELETE SET NULL,
    kind       TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, message_id)
);

CREATE TABLE people (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    email           TEXT    NOT NULL,
    name            TEXT    NOT NULL DEFAULT '', same_as INTEGER REFERENCES people (id) ON DELETE SET NULL,
    UNIQUE (account_id, email)
);

CREATE TABLE reminders (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    sent       INTEGER NOT NULL DEFAULT 0,
    last_at    INTEGER,
    PRIMARY KEY (request_id, kind)
);

CREATE TABLE request_events (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    at         INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    data       TEXT    NOT NULL DEFAULT 'null'
);

CREATE TABLE request_participants (
    account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    request_id     INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    person_id      INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    role           TEXT    NOT NULL CHECK (role IN ('asked', 'helper', 'cc')),
    first_reply_at INTEGER,
    replies        INTEGER NOT NULL DEFAULT 0,
    excerpt        TEXT    NOT NULL DEFAULT '',
    thanked_at     INTEGER,
    skipped        INTEGER NOT NULL DEFAULT 0, last_reply_at INTEGER, last_message_id TEXT NOT NULL DEFAULT '', manual INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (request_id, person_id, role)
);

CREATE TABLE request_threads (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    message_id TEXT    NOT NULL,
    PRIMARY KEY (account_id, message_id, request_id)
);

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
    updated_at       INTEGER NOT NULL, norm_subject TEXT NOT NULL DEFAULT '', due_at INTEGER, no_remind INTEGER NOT NULL DEFAULT 0, ask_text TEXT NOT NULL DEFAULT '', version INTEGER NOT NULL DEFAULT 0, schedule_dirty INTEGER NOT NULL DEFAULT 1, snoozed_until INTEGER, past INTEGER NOT NULL DEFAULT 0,
    UNIQUE (account_id, message_id)
);

CREATE TABLE settings (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    value      BLOB    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, name)
);

CREATE TABLE voice_samples (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    message_id TEXT    NOT NULL,
    recipient  TEXT    NOT NULL DEFAULT '', -- the first To, lower-case
    date       INTEGER,                     -- when it was sent (unix ms)
    greeting   TEXT    NOT NULL DEFAULT '', -- 'Hey {name}!'
    name       TEXT    NOT NULL DEFAULT '', -- what the greeting called the recipient
    closing    TEXT    NOT NULL DEFAULT '', -- 'Cheers,\nAda'
    language   TEXT    NOT NULL DEFAULT '', -- ISO 639-1, '' when not told
    sampled_at INTEGER NOT NULL,
    PRIMARY KEY (account_id, message_id)
);

CREATE TABLE web_tokens (
    hash       BLOB    NOT NULL PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('signin', 'session')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER -- a sign-in token once spent
);

CREATE INDEX cards_by_message_id ON cards (account_id, message_id);

CREATE INDEX commands_by_notice ON commands (account_id, reported_in) WHERE reported_in <> '';

CREATE INDEX commands_by_state ON commands (account_id, state);

CREATE INDEX drafts_by_person ON drafts (person_id, created_at);

CREATE INDEX drafts_by_state ON drafts (account_id, state);

CREATE INDEX gave_by_person ON gave (person_id, message_id, at);

CREATE INDEX messages_by_class ON messages (account_id, class);

CREATE INDEX messages_by_message_id ON messages (account_id, message_id);

CREATE INDEX messages_by_norm_subject ON messages (account_id, norm_subject);

CREATE INDEX messages_by_request ON messages (request_id);

CREATE INDEX outbox_by_kind ON outbox (account_id, kind, created_at);

CREATE INDEX outbox_due ON outbox (account_id, state, next_attempt_at);

CREATE INDEX outbox_sent ON outbox (account_id, target, sent_at);

CREATE INDEX outbox_to_follow_up ON outbox (account_id, followed_up, state);

CREATE INDEX people_by_same_as ON people (same_as);

CREATE INDEX request_events_by_request ON request_events (request_id, id);

CREATE INDEX request_participants_ledger ON request_participants (person_id, role, request_id, thanked_at, first_reply_at);

CREATE INDEX request_threads_by_request ON request_threads (request_id);

CREATE INDEX requests_by_next_reminder ON requests (account_id, next_reminder_at);

CREATE INDEX requests_by_norm_subject ON requests (account_id, norm_subject);

CREATE INDEX requests_by_state ON requests (account_id, state);

CREATE INDEX requests_schedule_dirty ON requests (account_id, schedule_dirty);

CREATE INDEX voice_samples_date ON voice_samples (account_id, date);

CREATE INDEX web_tokens_expiry ON web_tokens (expires_at);

CREATE TRIGGER request_events_append_only
BEFORE UPDATE ON request_events
BEGIN
    SELECT RAISE(ABORT, 'request_events is append-only');
END;

