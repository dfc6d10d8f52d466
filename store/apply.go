package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
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

// originalWindow is how far a forwarded message's date may be from the
// stored one (forwards print minutes, and guess the zone).
const originalWindow = 36 * time.Hour

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

// applyTx loads the request (for an ask: the one with its Message-ID, or a
// new one), lets the core decide, saves the result and logs the event with
// what it changed.
func applyTx(ctx context.Context, tx *sql.Tx, account, requestID int64, ev gratitude.Event, now time.Time) (gratitude.Request, error) {
	if asked, ok := ev.(gratitude.Asked); ok {
		var err error
		if requestID, ev, err = prepareAsk(ctx, tx, account, asked); err != nil {
			return gratitude.Request{}, err
		}
	}
	var r gratitude.Request
	if requestID != 0 {
		var err error
		if r, err = loadRequest(ctx, tx, account, requestID); err != nil {
			return r, err
		}
	} else if _, ok := ev.(gratitude.Asked); !ok {
		return r, fmt.Errorf("%s: %w", ev.Kind(), ErrNoSuchRequest)
	}
	next, changes := gratitude.Apply(r, ev, now)
	return saveApplied(ctx, tx, account, gratitude.Applied{Event: ev, Request: next, Changes: changes}, now)
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

// prepareAsk finds the request an ask belongs to (another copy of it may
// have been recorded) and resolves a forwarded original's Message-ID.
func prepareAsk(ctx context.Context, tx *sql.Tx, account int64, a gratitude.Asked) (int64, gratitude.Event, error) {
	var id int64
	err := tx.QueryRowContext(ctx, qRequestByMessageID, account, a.MessageID).Scan(&id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, a, err
	}
	if a.Original != nil {
		orig, err := findOriginal(ctx, tx, account, a.Original)
		if err != nil {
			return 0, a, err
		}
		if orig != "" {
			a.Thread = append(a.Thread, orig)
		}
	}
	return id, a, nil
}

func findOriginal(ctx context.Context, tx *sql.Tx, account int64, o *gratitude.Original) (string, error) {
	if o.MessageID != "" {
		return o.MessageID, nil
	}
	if o.NormSubject == "" || o.Date.IsZero() {
		return "", nil
	}
	from := gratitude.NormalizeEmail(o.From)
	var id string
	err := tx.QueryRowContext(ctx, qFindOriginal, account, o.NormSubject, from, from,
		millis(o.Date.Add(-originalWindow)), millis(o.Date.Add(originalWindow)), millis(o.Date)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}
