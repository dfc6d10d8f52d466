package store

import (
	"context"

	"gratitude"
)

// qAsides is a request's mail that changed nothing: messages of its
// thread set aside or quarantined, and command mail about it refused.
const qAsides = `
SELECT message_id, from_addr, subject, COALESCE(date, seen_at), reason, 0 FROM messages
WHERE account_id = ? AND request_id = ? AND class IN ('ignored', 'quarantined')
UNION ALL
SELECT message_id, from_addr, subject, received_at, reason, 1 FROM commands
WHERE account_id = ? AND request_id = ? AND state = 'refused'
ORDER BY 4`

// Asides returns the mail about a request that changed nothing, each with
// why, oldest first.
func (s *Store) Asides(ctx context.Context, account, requestID int64) ([]gratitude.Aside, error) {
	return collect(ctx, s, "mail set aside", func(sc scanner) (gratitude.Aside, error) {
		var a gratitude.Aside
		var at int64
		err := sc.Scan(&a.MessageID, &a.From, &a.Subject, &at, &a.Reason, &a.Refused)
		a.At = fromMillis(at)
		return a, err
	}, qAsides, account, requestID, account, requestID)
}
