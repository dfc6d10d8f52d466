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
	qDirty = `
SELECT id, version FROM requests
WHERE account_id = ? AND schedule_dirty > 0 ORDER BY id LIMIT ?`
	// qSetNext clears the dirty mark only if nobody changed the request
	// since it was read at that version.
	qSetNext = `
UPDATE requests SET next_reminder_at = ?, schedule_dirty = 0
WHERE account_id = ? AND id = ? AND version = ?`
	qSetNextOnly = `UPDATE requests SET next_reminder_at = ? WHERE account_id = ? AND id = ?`
	qDue         = `
SELECT id, version FROM requests
WHERE account_id = ? AND next_reminder_at IS NOT NULL AND next_reminder_at <= ?
ORDER BY next_reminder_at, id LIMIT ?`
	qVersion      = `SELECT version FROM requests WHERE account_id = ? AND id = ?`
	qNextReminder = `SELECT MIN(next_reminder_at) FROM requests WHERE account_id = ? AND next_reminder_at IS NOT NULL`
	qAllDirty     = `UPDATE requests SET schedule_dirty = 1, version = version + 1 WHERE account_id = ? AND state NOT IN ('thanked', 'cancelled')`
	qActiveIDs    = `
SELECT id FROM requests
WHERE account_id = ? AND (state IN ('open', 'answered', 'resolved') OR updated_at > ?) ORDER BY id`

	qSettingGet = `SELECT value FROM settings WHERE account_id = ? AND name = ?`
	qSettingSet = `
INSERT INTO settings (account_id, name, value, updated_at) VALUES (?, ?, ?, ?)
ON CONFLICT (account_id, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`
)

// ErrChanged is returned when a request changed after it was read.
var ErrChanged = errors.New("the request changed since it was read")

// ChangedRequests returns up to limit requests whose next reminder time
// must be worked out again because they changed.
func (s *Store) ChangedRequests(ctx context.Context, account int64, limit int) ([]gratitude.Versioned, error) {
	return s.versioned(ctx, account, "changed requests", qDirty, account, limit)
}

// versioned runs q (selecting id, version) and loads each request. The
// version is read before the request, so it is never newer than what was
// loaded: a check against it can only err on the side of "changed".
func (s *Store) versioned(ctx context.Context, account int64, op, q string, args ...any) ([]gratitude.Versioned, error) {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, wrap(op, err)
	}
	var vs []gratitude.Versioned
	for rows.Next() {
		var v gratitude.Versioned
		if err := rows.Scan(&v.ID, &v.Version); err != nil {
			rows.Close()
			return nil, wrap(op, err)
		}
		vs = append(vs, v)
	}
	rows.Close()
	for i := range vs {
		if vs[i].Request, err = loadRequest(ctx, s.read, account, vs[i].ID); err != nil {
			return nil, wrap(op, err)
		}
	}
	return vs, nil
}

// SetNextReminder records when the request's next reminder falls due (zero:
// none) unless it changed since it was read at version; false then, and
// it stays marked for another look.
func (s *Store) SetNextReminder(ctx context.Context, account, id, version int64, at time.Time) (bool, error) {
	res, err := s.write.ExecContext(ctx, qSetNext, nullMillis(at), account, id, version)
	if err != nil {
		return false, wrap("set next reminder", err)
	}
	n, err := res.RowsAffected()
	return n == 1, wrap("set next reminder", err)
}

// PostponeReminder sets when the request's next reminder falls due (zero:
// none) without marking it scheduled: for a request that changed after it
// was scheduled, until the scheduler looks at it again.
func (s *Store) PostponeReminder(ctx context.Context, account, id int64, at time.Time) error {
	_, err := s.write.ExecContext(ctx, qSetNextOnly, nullMillis(at), account, id)
	return wrap("postpone reminder", err)
}

// DueRequests returns up to limit requests whose next reminder time is at
// or before now, earliest first, with the version they were read at.
func (s *Store) DueRequests(ctx context.Context, account int64, now time.Time, limit int) ([]gratitude.Versioned, error) {
	return s.versioned(ctx, account, "due requests", qDue, account, millis(now), limit)
}

// NextReminderAt is the earliest next reminder time of any request; false
// when no reminder is coming.
func (s *Store) NextReminderAt(ctx context.Context, account int64) (time.Time, bool, error) {
	var at sql.NullInt64
	if err := s.read.QueryRowContext(ctx, qNextReminder, account).Scan(&at); err != nil {
		return time.Time{}, false, wrap("next reminder", err)
	}
	return fromNullMillis(at), at.Valid, nil
}

// RescheduleAll marks every request that may still get reminders for a
// new look (after the reminder settings changed).
func (s *Store) RescheduleAll(ctx context.Context, account int64) error {
	_, err := s.write.ExecContext(ctx, qAllDirty, account)
	return wrap("reschedule", err)
}

// ActiveRequests returns the requests that still need the owner (open,
// answered, resolved) and those that changed after since: what a digest
// covers.
func (s *Store) ActiveRequests(ctx context.Context, account int64, since time.Time) ([]gratitude.Request, error) {
	return s.requestsBy(ctx, account, qActiveIDs, account, millis(since))
}

// Remind records, in one transaction, that a reminder about a request goes
// out: the request as the core left it after the Reminded event (a.Request,
// saved as it is, with the event in its log), the messages in the outbox,
// and when the next reminder falls due (zero: none). It does so only if the
// request is still at the version the reminder was decided on; otherwise
// it returns ErrChanged and queues nothing (a reply, a resolve or another
// scheduler got there first).
func (s *Store) Remind(ctx context.Context, account int64, a gratitude.Applied, v gratitude.Versioned, out []gratitude.Outgoing, next, now time.Time) error {
	requestID := v.ID
	if a.Request.ID != requestID {
		return fmt.Errorf("store: remind: the reminder is about request %d, not %d", a.Request.ID, requestID)
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var version int64
		if err := tx.QueryRowContext(ctx, qVersion, account, requestID).Scan(&version); err != nil {
			return err
		}
		if version != v.Version {
			return ErrChanged
		}
		if _, err := saveApplied(ctx, tx, account, a, now); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, qSetNextOnly, nullMillis(next), account, requestID); err != nil {
			return err
		}
		return enqueueTx(ctx, tx, account, out, now)
	})
	return wrap("remind", err)
}

// AdvanceTime moves a time setting from was to t and queues messages, in
// one transaction, but only if the setting still holds was (a zero was:
// it was never set): of two processes that decided to send the same
// digest, one does. It reports whether it did.
func (s *Store) AdvanceTime(ctx context.Context, account int64, name string, was, t time.Time, out []gratitude.Outgoing, now time.Time) (bool, error) {
	v, _ := json.Marshal(millis(t))
	done := false
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var cur []byte
		err := tx.QueryRowContext(ctx, qSettingGet, account, name).Scan(&cur)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if !was.IsZero() {
				return nil
			}
		case err != nil:
			return err
		default:
			var ms int64
			if err := json.Unmarshal(cur, &ms); err != nil || was.IsZero() || ms != millis(was) {
				return err
			}
		}
		if err := enqueueTx(ctx, tx, account, out, now); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, qSettingSet, account, name, v, millis(now))
		done = err == nil
		return err
	})
	return done, wrap("advance "+name, err)
}

// Setting returns a per-account value; false when it was never set.
func (s *Store) Setting(ctx context.Context, account int64, name string) ([]byte, bool, error) {
	var v []byte
	err := s.read.QueryRowContext(ctx, qSettingGet, account, name).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, false, nil
	}
	return v, err == nil, wrap("setting "+name, err)
}

// SetSetting stores a per-account value.
func (s *Store) SetSetting(ctx context.Context, account int64, name string, value []byte, now time.Time) error {
	_, err := s.write.ExecContext(ctx, qSettingSet, account, name, value, millis(now))
	return wrap("set setting "+name, err)
}

// TimeSetting returns a per-account instant; false when never set.
func (s *Store) TimeSetting(ctx context.Context, account int64, name string) (time.Time, bool, error) {
	v, ok, err := s.Setting(ctx, account, name)
	if !ok || err != nil {
		return time.Time{}, false, err
	}
	var ms int64
	if err := json.Unmarshal(v, &ms); err != nil {
		return time.Time{}, false, wrap("setting "+name, err)
	}
	return fromMillis(ms), true, nil
}

// SetTimeSetting stores a per-account instant.
func (s *Store) SetTimeSetting(ctx context.Context, account int64, name string, t, now time.Time) error {
	v, _ := json.Marshal(millis(t))
	return s.SetSetting(ctx, account, name, v, now)
}
