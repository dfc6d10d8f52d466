-- 0009: the owner answers a refusal notice.

-- The Message-ID of the notice that told the owner about refused mail: a
-- reply "track" to that notice tracks the untraced asks it listed, in the
-- order it numbered them (by id). '' until reported, and for mail reported
-- before this version.
ALTER TABLE commands ADD COLUMN reported_in TEXT NOT NULL DEFAULT '';
CREATE INDEX commands_by_notice ON commands (account_id, reported_in) WHERE reported_in <> '';
