package store

import (
	"gratitude"

	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

const (
	// qEventAppend inserts nothing when the request is not the account's,
	// so a wrong pairing is reported instead of silently stored.
	qEventAppend = `
INSERT INTO request_events (account_id, request_id, at, kind, data)
SELECT account_id, id, ?, ?, ? FROM requests WHERE id = ? AND account_id = ?`

	qEvents = `
SELECT id, account_id, request_id, at, kind, data
FROM request_events
WHERE request_id = ?
ORDER BY id`
)

// AppendEvent adds an event to the history of request requestID of account;
// data is stored JSON-encoded (nil becomes null).
func (s *Store) AppendEvent(ctx context.Context, account, requestID int64, kind string, data any, at time.Time) error {
	if kind == "" {
		return errors.New("store: append event: empty kind")
	}
	body, err := json.Marshal(data)
	if err != nil {
		return fmt.Errorf("store: append event %s to request %d: encode data: %w", kind, requestID, err)
	}
	res, err := s.write.ExecContext(ctx, qEventAppend, millis(at), kind, string(body), requestID, account)
	if err != nil {
		return fmt.Errorf("store: append event %s to request %d: %w", kind, requestID, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("store: append event %s to request %d: %w", kind, requestID, err)
	} else if n == 0 {
		return fmt.Errorf("store: append event %s: request %d of account %d: %w", kind, requestID, account, gratitude.ErrNoSuchRequest)
	}
	return nil
}

// Events returns the history of a request in the order it was recorded.
func (s *Store) Events(ctx context.Context, requestID int64) ([]gratitude.LogEntry, error) {
	rows, err := s.read.QueryContext(ctx, qEvents, requestID)
	if err != nil {
		return nil, fmt.Errorf("store: events of request %d: %w", requestID, err)
	}
	defer rows.Close()
	var out []gratitude.LogEntry
	for rows.Next() {
		var (
			e    gratitude.LogEntry
			at   int64
			data string
		)
		if err := rows.Scan(&e.ID, &e.AccountID, &e.RequestID, &at, &e.Kind, &data); err != nil {
			return nil, fmt.Errorf("store: events of request %d: %w", requestID, err)
		}
		e.At, e.Data = fromMillis(at), json.RawMessage(data)
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: events of request %d: %w", requestID, err)
	}
	return out, nil
}
