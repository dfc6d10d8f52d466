-- 0011: thank-yous in the owner's voice.

-- One row per message of the owner's in Sent whose text was read for how
-- they greet and sign off, read or not (so each is fetched once). The
-- voice is worked out from the most recent rows when it is needed.
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
CREATE INDEX voice_samples_date ON voice_samples (account_id, date);
