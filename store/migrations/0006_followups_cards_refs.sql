-- 0006: what 0004 and 0005 lacked as first shipped.

-- Set once what follows a send (then_targets, a thank-you's helper
-- thanked) is recorded: a crash between the two is finished later.
-- Messages sent before this version had theirs recorded with the send.
ALTER TABLE outbox ADD COLUMN followed_up INTEGER NOT NULL DEFAULT 0;
UPDATE outbox SET followed_up = 1 WHERE state = 'sent';
CREATE INDEX outbox_to_follow_up ON outbox (account_id, followed_up, state);

-- The drafts an approval card showed: "approve" answers only those.
ALTER TABLE cards ADD COLUMN drafts TEXT NOT NULL DEFAULT '';
CREATE INDEX cards_by_message_id ON cards (account_id, message_id);

-- The program's own messages a command mail answers (a card, a nudge).
ALTER TABLE commands ADD COLUMN refs TEXT NOT NULL DEFAULT '';
