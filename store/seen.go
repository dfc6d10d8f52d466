package store

import (
	"context"
	"database/sql"

	"gratitude"
)

const qSeenAfter = `
SELECT id, message_id, mailbox, from_addr, subject, class, reason, COALESCE(request_id, 0), seen_at
FROM messages WHERE account_id = ? AND id > ? ORDER BY id`

// Seen is one recorded message, numbered in the order it was recorded.
type Seen struct {
	Seq int64 // grows with every message recorded
	gratitude.SeenMessage
}

// SeenAfter returns the messages recorded after seq, oldest first.
func (s *Store) SeenAfter(ctx context.Context, account, seq int64) ([]Seen, error) {
	return collect(ctx, s, "messages", func(sc scanner) (Seen, error) {
		var m Seen
		var class string
		var seen int64
		var req sql.NullInt64
		err := sc.Scan(&m.Seq, &m.MessageID, &m.Mailbox, &m.From, &m.Subject, &class, &m.Reason, &req, &seen)
		m.Class, m.RequestID, m.SeenAt = gratitude.Class(class), req.Int64, fromMillis(seen)
		return m, err
	}, qSeenAfter, account, seq)
}
