-- 0012: signing in to the web page.

-- A one-time sign-in link's token ('signin', spent when used) and a
-- signed-in browser's session ('session'). Only a SHA-256 of each token
-- is kept: the database alone signs nobody in.
CREATE TABLE web_tokens (
    hash       BLOB    NOT NULL PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind       TEXT    NOT NULL CHECK (kind IN ('signin', 'session')),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER -- a sign-in token once spent
);
CREATE INDEX web_tokens_expiry ON web_tokens (expires_at);
