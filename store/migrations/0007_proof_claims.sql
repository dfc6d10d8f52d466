-- 0007: proof that cannot be borrowed, held asks, claimed commands.

-- A hash of the normalised text a message of the owner's says, kept for
-- copies that may prove or disprove a command or an ask: a Sent copy
-- proves only a command whose text hashes the same.
ALTER TABLE messages ADD COLUMN body_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE commands ADD COLUMN body_hash TEXT NOT NULL DEFAULT '';

-- An ask from outside Sent waits here for the same proof as a command:
-- the JSON of its event, '' for command mail.
ALTER TABLE commands ADD COLUMN ask TEXT NOT NULL DEFAULT '';

-- Set when a daemon takes pending command mail to carry it out, so that
-- two never carry out the same mail; a claim older than a few minutes is
-- a crashed daemon's and may be taken again.
ALTER TABLE commands ADD COLUMN claimed_at INTEGER;

-- Replies to the owner's commands are capped per hour: counted by kind.
CREATE INDEX outbox_by_kind ON outbox (account_id, kind, created_at);

-- Cards now take commands for 7 days at most; older ones are cut short.
UPDATE cards SET expires_at = MIN(expires_at, created_at + 7 * 24 * 3600 * 1000);

-- An SMTP message's record as sent is committed just before its final dot
-- (unconfirmed = 1) and confirmed on the server's 250: after a crash in
-- between it is not sent again (it has most likely left) and the owner is
-- told it could not be confirmed.
ALTER TABLE outbox ADD COLUMN unconfirmed INTEGER NOT NULL DEFAULT 0;
