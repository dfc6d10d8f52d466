package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

const (
	// qHealthSet records one outcome. On success the previous last_error
	// is kept (it is the last error, not the current one) and failing_since
	// is cleared; on failure failing_since keeps the start of the streak.
	qHealthSet = `
INSERT INTO health (account_id, component, ok, last_error, last_ok_at, failing_since, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (account_id, component) DO UPDATE SET
    ok            = excluded.ok,
    last_error    = CASE WHEN excluded.ok = 1 THEN health.last_error ELSE excluded.last_error END,
    last_ok_at    = COALESCE(excluded.last_ok_at, health.last_ok_at),
    failing_since = CASE WHEN excluded.ok = 1 THEN NULL
                         ELSE COALESCE(health.failing_since, excluded.failing_since) END,
    updated_at    = excluded.updated_at`

	qHealth = `
SELECT component, ok, last_error, last_ok_at, failing_since, updated_at
FROM health
WHERE account_id = ?
ORDER BY component`
)

// HealthRow is the last known state of one component of the daemon.
type HealthRow struct {
	Component    string
	OK           bool      // the last outcome was a success
	LastError    string    // the most recent error; kept after recovery
	LastOKAt     time.Time // zero if it never succeeded
	FailingSince time.Time // start of the current failure streak; zero when OK
	UpdatedAt    time.Time // when the last outcome was recorded
}

// SetHealth records the outcome of component at now: err == nil is success.
// It is persisted because `gratitude status` runs in another process.
func (s *Store) SetHealth(ctx context.Context, account int64, component string, err error, now time.Time) error {
	if component == "" {
		return errors.New("store: set health: empty component name")
	}
	var (
		ok           = 1
		lastErr      string
		lastOK       = nullMillis(now)
		failingSince sql.NullInt64
	)
	if err != nil {
		ok, lastErr, lastOK, failingSince = 0, err.Error(), sql.NullInt64{}, nullMillis(now)
	}
	if _, werr := s.write.ExecContext(ctx, qHealthSet, account, component, ok, lastErr,
		lastOK, failingSince, millis(now)); werr != nil {
		return fmt.Errorf("store: set health %s: %w", component, werr)
	}
	return nil
}

// Health returns the state of every component of the account, by name.
func (s *Store) Health(ctx context.Context, account int64) ([]HealthRow, error) {
	rows, err := s.read.QueryContext(ctx, qHealth, account)
	if err != nil {
		return nil, fmt.Errorf("store: health: %w", err)
	}
	defer rows.Close()
	var out []HealthRow
	for rows.Next() {
		var (
			h                    HealthRow
			ok                   int
			lastOK, failingSince sql.NullInt64
			updated              int64
		)
		if err := rows.Scan(&h.Component, &ok, &h.LastError, &lastOK, &failingSince, &updated); err != nil {
			return nil, fmt.Errorf("store: health: %w", err)
		}
		h.OK = ok != 0
		h.LastOKAt, h.FailingSince, h.UpdatedAt = fromNullMillis(lastOK), fromNullMillis(failingSince), fromMillis(updated)
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: health: %w", err)
	}
	return out, nil
}
