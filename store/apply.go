package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"gratitude"
)

const (
	qEventInsert = `INSERT INTO request_events (account_id, request_id, at, kind, data) VALUES (?, ?, ?, ?, ?)`

	// qFindOriginal finds a forwarded message among those seen: same
	// normalised subject, same sender when known, closest in time.
	qFindOriginal = `
SELECT message_id FROM messages
WHERE account_id = ? AND norm_subject = ? AND (? = '' OR from_addr = ?)
  AND date BETWEEN ? AND ?
ORDER BY ABS(date - ?) LIMIT 1`
)

// Update changes one request in one transaction: it loads the request,
// hands it to decide (the caller runs the core, gratitude.Apply), saves
// the request decide returns and logs its event with what changed.
func (s *Store) Update(ctx context.Context, account, requestID int64, now time.Time, decide func(gratitude.Request) gratitude.Applied) (gratitude.Request, error) {
	var r gratitude.Request
	kind := "update"
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		cur, err := loadRequest(ctx, tx, account, requestID)
		if err != nil {
			return err
		}
		a := decide(cur)
		kind = a.Event.Kind()
		if a.Request.ID != cur.ID {
			return fmt.Errorf("the %s decided about request %d, not %d", kind, a.Request.ID, cur.ID)
		}
		r, err = saveApplied(ctx, tx, account, a, now)
		return err
	})
	if err != nil {
		return r, fmt.Errorf("store: %s request %d: %w", kind, requestID, err)
	}
	return r, nil
}

// saveApplied saves the request an event made and logs the event with
// what it changed.
func saveApplied(ctx context.Context, tx *sql.Tx, account int64, a gratitude.Applied, now time.Time) (gratitude.Request, error) {
	next := a.Request
	id, err := saveRequest(ctx, tx, account, &next, millis(now))
	if err != nil {
		return next, err
	}
	data, _ := json.Marshal(map[string]any{"event": a.Event, "changes": a.Changes})
	_, err = tx.ExecContext(ctx, qEventInsert, account, id, millis(now), a.Event.Kind(), string(data))
	return next, err
}
