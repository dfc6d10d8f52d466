package daemon

import (
	"context"
	"time"

	"gratitude"
	"gratitude/internal/record"
	"gratitude/store"
)

// recording is the store as the sync and the outbox write to it: a batch
// of messages read and a message sent go through internal/record, which
// routes their events and lets the core decide within the store's
// transaction.
type recording struct{ *store.Store }

// CommitBatch records messages and the mailbox cursor (record.CommitBatch).
func (r recording) CommitBatch(ctx context.Context, account int64, cur gratitude.MailboxCursor, msgs []gratitude.SeenMessage) error {
	return record.CommitBatch[*store.Tx](ctx, r.Store, account, cur, msgs)
}

// FollowUp records what follows from a sent message (record.FollowUp).
func (r recording) FollowUp(ctx context.Context, o gratitude.Outgoing, now time.Time) error {
	return record.FollowUp[*store.Tx](ctx, r.Store, o, now)
}
