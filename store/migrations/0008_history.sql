-- 0008: the past is history.

-- What each mailbox held when gratitude first read it (under this
-- UIDVALIDITY): messages up to history_uid dated before history_before are
-- recorded as history, command mail dated before history_began is never
-- carried out. Cursors made before this migration have none (0, NULL):
-- their mailboxes were read as live, and stay so.
ALTER TABLE mailbox_cursors ADD COLUMN history_uid INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mailbox_cursors ADD COLUMN history_before INTEGER;
ALTER TABLE mailbox_cursors ADD COLUMN history_began INTEGER;

-- A request asked before tracking began: history, in the ledger, never
-- reminded, drafted or carded of gratitude's own accord.
ALTER TABLE requests ADD COLUMN past INTEGER NOT NULL DEFAULT 0;
