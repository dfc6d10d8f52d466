package store

import (
	"context"
	"database/sql"

	"gratitude"
)

// Reading many requests at once: a query per table for each chunk of
// ids, not one per table per request (ten thousand requests were forty
// thousand queries).
const (
	qRequestsIn = `
SELECT id, state, subject, norm_subject, message_id, asked_at, resolved_at, thanked_at,
       cancelled_at, due_at, no_remind, options, ask_text, snoozed_until, past
FROM requests WHERE account_id = ? AND id IN (`
	qParticipantsIn = `
SELECT x.request_id, p.email, p.name, x.role, x.first_reply_at, x.last_reply_at, x.last_message_id,
       x.replies, x.excerpt, x.thanked_at, x.skipped, x.manual
FROM request_participants x JOIN people p ON p.id = x.person_id
WHERE x.account_id = ? AND x.request_id IN (`
	qRemindersIn = `SELECT request_id, kind, sent, last_at FROM reminders WHERE account_id = ? AND request_id IN (`
	qThreadsIn   = `SELECT request_id, message_id FROM request_threads WHERE account_id = ? AND request_id IN (`
)

// The order each request's rows are read in, as the one-request queries
// read them.
const (
	byParticipant = `) ORDER BY x.request_id, x.rowid`
	byReminder    = `) ORDER BY request_id, kind`
	byThread      = `) ORDER BY request_id, rowid`
)

// requestsBy reads the requests whose ids q selects, in its order, each
// as loadRequest reads it, from one snapshot of the database.
func (s *Store) requestsBy(ctx context.Context, account int64, q string, args ...any) ([]gratitude.Request, error) {
	tx, err := s.read.BeginTx(ctx, nil)
	if err != nil {
		return nil, wrap("requests", err)
	}
	defer tx.Rollback()
	var ids []int64
	err = eachRow(ctx, tx, q, args, func(sc scanner) error {
		var id int64
		err := sc.Scan(&id)
		ids = append(ids, id)
		return err
	})
	if err != nil {
		return nil, wrap("requests", err)
	}
	out, err := loadRequests(ctx, tx, account, ids)
	if err != nil {
		return nil, wrap("requests", err)
	}
	return out, wrap("requests", tx.Commit())
}

// loadRequests reads the requests with ids, in that order.
func loadRequests(ctx context.Context, tx *sql.Tx, account int64, ids []int64) ([]gratitude.Request, error) {
	byID := make(map[int64]*gratitude.Request, len(ids))
	err := inChunks(ids, []any{account}, func(in string, args []any) error {
		return eachRow(ctx, tx, qRequestsIn+in+")", args, func(sc scanner) error {
			r, err := scanRequest(sc)
			if err == nil {
				byID[r.ID] = &r
			}
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	if err := loadDetails(ctx, tx, account, ids, byID); err != nil {
		return nil, err
	}
	out := make([]gratitude.Request, 0, len(ids))
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, *r)
		}
	}
	return out, nil
}

// loadDetails reads the people, reminders and thread of the requests in byID.
func loadDetails(ctx context.Context, tx *sql.Tx, account int64, ids []int64, byID map[int64]*gratitude.Request) error {
	return inChunks(ids, []any{account}, func(in string, args []any) error {
		var id int64
		err := eachRow(ctx, tx, qParticipantsIn+in+byParticipant, args, func(sc scanner) error {
			h, role, err := scanParticipant(sc, &id)
			if r := byID[id]; err == nil && r != nil {
				addParticipant(r, h, role)
			}
			return err
		})
		if err == nil {
			err = eachRow(ctx, tx, qRemindersIn+in+byReminder, args, func(sc scanner) error {
				l, err := scanReminder(sc, &id)
				if r := byID[id]; err == nil && r != nil {
					r.Reminders = append(r.Reminders, l)
				}
				return err
			})
		}
		if err == nil {
			err = eachRow(ctx, tx, qThreadsIn+in+byThread, args, func(sc scanner) error {
				var m string
				err := sc.Scan(&id, &m)
				if r := byID[id]; err == nil && r != nil {
					r.Thread = append(r.Thread, m)
				}
				return err
			})
		}
		return err
	})
}

// eachRow runs a query and calls scan for each row.
func eachRow(ctx context.Context, q rowQueryer, query string, args []any, scan func(scanner) error) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
