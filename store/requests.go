package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"gratitude"
)

const (
	qRequestGet = `
SELECT id, state, subject, norm_subject, message_id, asked_at, resolved_at, thanked_at,
       cancelled_at, due_at, no_remind, options, ask_text, snoozed_until, past
FROM requests WHERE account_id = ? AND id = ?`

	qRequestByMessageID = `SELECT id FROM requests WHERE account_id = ? AND message_id = ?`

	qRequestInsert = `
INSERT INTO requests (account_id, state, subject, norm_subject, message_id, asked_at,
                      resolved_at, thanked_at, cancelled_at, due_at, no_remind, options,
                      ask_text, snoozed_until, past, created_at, updated_at, schedule_dirty)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)`

	qRequestUpdate = `
UPDATE requests SET state = ?, subject = ?, norm_subject = ?, asked_at = ?, resolved_at = ?,
       thanked_at = ?, cancelled_at = ?, due_at = ?, no_remind = ?, options = ?, ask_text = ?,
       snoozed_until = ?, past = ?, updated_at = ?, version = version + 1, schedule_dirty = 1
WHERE account_id = ? AND id = ?`

	qParticipants = `
SELECT p.email, p.name, x.role, x.first_reply_at, x.last_reply_at, x.last_message_id,
       x.replies, x.excerpt, x.thanked_at, x.skipped, x.manual
FROM request_participants x JOIN people p ON p.id = x.person_id
WHERE x.request_id = ? ORDER BY x.rowid`

	qParticipantUpsert = `
INSERT INTO request_participants (account_id, request_id, person_id, role, first_reply_at,
       last_reply_at, last_message_id, replies, excerpt, thanked_at, skipped, manual)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (request_id, person_id, role) DO UPDATE SET
    first_reply_at = excluded.first_reply_at, last_reply_at = excluded.last_reply_at,
    last_message_id = excluded.last_message_id, replies = excluded.replies,
    excerpt = excluded.excerpt, thanked_at = excluded.thanked_at,
    skipped = excluded.skipped, manual = excluded.manual`

	qReminders      = `SELECT kind, sent, last_at FROM reminders WHERE request_id = ? ORDER BY kind`
	qReminderUpsert = `
INSERT INTO reminders (account_id, request_id, kind, sent, last_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (request_id, kind) DO UPDATE SET sent = excluded.sent, last_at = excluded.last_at`

	qHelpersClear = `DELETE FROM request_participants WHERE request_id = ? AND role = 'helper'`

	qThread       = `SELECT message_id FROM request_threads WHERE request_id = ? ORDER BY rowid`
	qThreadInsert = `
INSERT INTO request_threads (account_id, request_id, message_id) VALUES (?, ?, ?)
ON CONFLICT DO NOTHING`
)

// requestOptions is what the options column holds.
type requestOptions struct {
	Notes   []string           `json:"notes,omitempty"`
	Thanks  []gratitude.Thanks `json:"thanks,omitempty"`
	Outcome string             `json:"outcome,omitempty"`
}

type rowQueryer interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// loadRequest reads one request with its people and thread.
func loadRequest(ctx context.Context, q rowQueryer, account, id int64) (gratitude.Request, error) {
	r, err := scanRequest(q.QueryRowContext(ctx, qRequestGet, account, id))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("request %d: %w", id, gratitude.ErrNoSuchRequest)
	}
	if err != nil {
		return r, err
	}
	if err := loadParticipants(ctx, q, &r); err != nil {
		return r, err
	}
	if err := loadReminders(ctx, q, &r); err != nil {
		return r, err
	}
	r.Thread, err = loadStrings(ctx, q, qThread, r.ID)
	return r, err
}

// scanRequest reads a request's own row (the columns of qRequestGet).
func scanRequest(sc scanner) (gratitude.Request, error) {
	var r gratitude.Request
	var state, opts string
	var asked int64
	var resolved, thanked, cancelled, due, snoozed sql.NullInt64
	err := sc.Scan(&r.ID, &state, &r.Subject, &r.NormSubject,
		&r.MessageID, &asked, &resolved, &thanked, &cancelled, &due, &r.NoRemind, &opts, &r.AskText, &snoozed, &r.Past)
	if err != nil {
		return r, err
	}
	r.State, r.AskedAt = gratitude.State(state), fromMillis(asked)
	r.ResolvedAt, r.ThankedAt = fromNullMillis(resolved), fromNullMillis(thanked)
	r.CancelledAt, r.DueAt = fromNullMillis(cancelled), fromNullMillis(due)
	r.SnoozedUntil = fromNullMillis(snoozed)
	var o requestOptions
	if json.Unmarshal([]byte(opts), &o) == nil {
		r.Notes, r.Thanks, r.Outcome = o.Notes, o.Thanks, o.Outcome
	}
	return r, nil
}

func loadParticipants(ctx context.Context, q rowQueryer, r *gratitude.Request) error {
	rows, err := q.QueryContext(ctx, qParticipants, r.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		h, role, err := scanParticipant(rows)
		if err != nil {
			return err
		}
		addParticipant(r, h, role)
	}
	return rows.Err()
}

// scanParticipant reads one row of qParticipants (after the columns
// extra reads): someone asked, or a helper, and which.
func scanParticipant(sc scanner, extra ...any) (gratitude.Helper, string, error) {
	var h gratitude.Helper
	var role string
	var first, last, thanked sql.NullInt64
	dest := append(append([]any{}, extra...), &h.Email, &h.Name, &role, &first, &last, &h.LastMessageID,
		&h.Replies, &h.Excerpt, &thanked, &h.Skipped, &h.Manual)
	if err := sc.Scan(dest...); err != nil {
		return h, "", err
	}
	h.FirstReplyAt, h.LastReplyAt, h.ThankedAt = fromNullMillis(first), fromNullMillis(last), fromNullMillis(thanked)
	return h, role, nil
}

// addParticipant adds someone asked, or a helper, to r.
func addParticipant(r *gratitude.Request, h gratitude.Helper, role string) {
	if role == "asked" {
		r.Asked = append(r.Asked, gratitude.Address{Name: h.Name, Email: h.Email})
		return
	}
	r.Helpers = append(r.Helpers, h)
}

func loadReminders(ctx context.Context, q rowQueryer, r *gratitude.Request) error {
	rows, err := q.QueryContext(ctx, qReminders, r.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		l, err := scanReminder(rows)
		if err != nil {
			return err
		}
		r.Reminders = append(r.Reminders, l)
	}
	return rows.Err()
}

// scanReminder reads one row of qReminders (after the columns extra reads).
func scanReminder(sc scanner, extra ...any) (gratitude.ReminderLog, error) {
	var l gratitude.ReminderLog
	var last sql.NullInt64
	if err := sc.Scan(append(append([]any{}, extra...), &l.Kind, &l.Sent, &last)...); err != nil {
		return l, err
	}
	l.LastAt = fromNullMillis(last)
	return l, nil
}

func loadStrings(ctx context.Context, q rowQueryer, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
