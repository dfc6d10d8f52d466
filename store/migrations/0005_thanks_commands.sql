-- 0005: closing the loop. Thank-you drafts (one per helper per request,
-- enforced here), the cards the owner answers (their token addresses),
-- and the commands read from the owner's mail with what became of them.

-- A thank-you to one helper. Its Message-ID is chosen when it is drafted
-- and kept: the copy in Drafts, the message sent and its copy in Sent all
-- carry it.
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
    sent_at     INTEGER,
    UNIQUE (request_id, person_id),
    UNIQUE (account_id, message_id)
);
CREATE INDEX drafts_by_state ON drafts (account_id, state);
CREATE INDEX drafts_by_person ON drafts (person_id, created_at);

-- A card sent to the owner about a request; replies to its token address
-- (capture+c<ID>.<HMAC>@) are commands about that request until it expires.
CREATE TABLE cards (
    id         INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    request_id INTEGER REFERENCES requests (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    message_id TEXT    NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);

-- Mail from the owner's address that holds commands. It is carried out only
-- once it provably comes from the owner (a copy in Sent, a valid card
-- token, or trusted DKIM), else refused with the reason.
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
    reported_at INTEGER,
    UNIQUE (account_id, message_id)
);
CREATE INDEX commands_by_state ON commands (account_id, state);

-- Snoozed reminders wait until then.
ALTER TABLE requests ADD COLUMN snoozed_until INTEGER;
