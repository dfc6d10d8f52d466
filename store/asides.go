package store

import (
	"context"
	"database/sql"

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

const (
	qPlacements = `SELECT message_id, mailbox, uidvalidity, uid, from_addr, subject, date, class, reason,
       COALESCE(request_id, 0), seen_at
FROM messages WHERE account_id = ? AND message_id = ? ORDER BY seen_at, id`
	qDecisions = `SELECT message_id, state, reason, COALESCE(request_id, 0), received_at
FROM commands WHERE account_id = ? AND message_id = ? ORDER BY id`
)

// Placements returns every copy of a message that was read, oldest first,
// with what each was classified as and why.
func (s *Store) Placements(ctx context.Context, account int64, messageID string) ([]gratitude.Placement, error) {
	return collect(ctx, s, "placements", func(sc scanner) (gratitude.Placement, error) {
		var p gratitude.Placement
		var uidv, uid, seen int64
		var date sql.NullInt64
		err := sc.Scan(&p.MessageID, &p.Mailbox, &uidv, &uid, &p.From, &p.Subject, &date, &p.Class, &p.Reason, &p.RequestID, &seen)
		p.UIDValidity, p.UID, p.SeenAt, p.Date = uint32(uidv), uint32(uid), fromMillis(seen), fromNullMillis(date)
		return p, err
	}, qPlacements, account, messageID)
}

// Decisions returns what became of a message as command mail or a held
// ask, if it was one.
func (s *Store) Decisions(ctx context.Context, account int64, messageID string) ([]gratitude.Decision, error) {
	return collect(ctx, s, "decisions", func(sc scanner) (gratitude.Decision, error) {
		var d gratitude.Decision
		var at int64
		err := sc.Scan(&d.MessageID, &d.State, &d.Reason, &d.RequestID, &at)
		d.At = fromMillis(at)
		return d, err
	}, qDecisions, account, messageID)
}
