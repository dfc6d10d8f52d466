-- 0004: speaking. Every outgoing message is an outbox row before it
-- leaves; reminders remember what was sent of each reminder per request;
-- requests keep the ask's text (nudges quote it) and whether their next
-- reminder time must be worked out again.

-- One outgoing message: rendered once, with the Message-ID chosen when it
-- was queued, delivered to one target. A message that goes two ways (sent
-- by SMTP and filed in Sent) is two rows with the same Message-ID.
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
    failed_at       INTEGER,
    UNIQUE (account_id, message_id, target)
);
-- The sender's queue, and the rate limit's count of recent sends.
CREATE INDEX outbox_due ON outbox (account_id, state, next_attempt_at);
CREATE INDEX outbox_sent ON outbox (account_id, target, sent_at);

-- How many times each reminder went out for a request, and when last.
CREATE TABLE reminders (
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    request_id INTEGER NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL,
    sent       INTEGER NOT NULL DEFAULT 0,
    last_at    INTEGER,
    PRIMARY KEY (request_id, kind)
);

ALTER TABLE requests ADD COLUMN ask_text TEXT NOT NULL DEFAULT '';
-- version counts a request's changes; schedule_dirty is set with every
-- change, and cleared by the scheduler once it has worked out
-- next_reminder_at from the version it read.
ALTER TABLE requests ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE requests ADD COLUMN schedule_dirty INTEGER NOT NULL DEFAULT 1;
CREATE INDEX requests_schedule_dirty ON requests (account_id, schedule_dirty);
