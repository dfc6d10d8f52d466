package store

import (
	"context"
	"fmt"
	"time"

	"gratitude"
)

const (
	qRequestIDs      = `SELECT id FROM requests WHERE account_id = ? ORDER BY id`
	qRequestIDsState = `SELECT id FROM requests WHERE account_id = ? AND state = ? ORDER BY id`
	qRecentIDs       = `SELECT id FROM requests WHERE account_id = ? AND asked_at >= ? AND state <> 'cancelled' ORDER BY id`
	qBySubjectPrefix = `SELECT id FROM requests WHERE account_id = ? AND asked_at >= ? AND state <> 'cancelled' AND norm_subject IN (`
	qThreadPrefix    = `SELECT message_id, request_id FROM request_threads WHERE account_id = ? AND message_id IN (`
	qOwnPrefix       = `SELECT message_id, COALESCE(request_id, 0) FROM own_messages WHERE account_id = ? AND message_id IN (`
	qOwnInsert       = `
INSERT INTO own_messages (account_id, message_id, request_id, kind, created_at) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (account_id, message_id) DO NOTHING`
)

// Request returns one request with its people and thread.
func (s *Store) Request(ctx context.Context, account, id int64) (gratitude.Request, error) {
	r, err := loadRequest(ctx, s.read, account, id)
	return r, wrap("request", err)
}

// Requests returns the account's requests, all or in one state, oldest first.
func (s *Store) Requests(ctx context.Context, account int64, state gratitude.State) ([]gratitude.Request, error) {
	q, args := qRequestIDs, []any{account}
	if state != "" {
		q, args = qRequestIDsState, append(args, string(state))
	}
	return s.requestsBy(ctx, account, q, args...)
}

// RequestsBySubject returns the requests asked since then, not cancelled,
// whose normalised subject is one of subjects: the candidates for replies
// without threading headers, found by index however many requests there are.
func (s *Store) RequestsBySubject(ctx context.Context, account int64, subjects []string, since time.Time) ([]gratitude.Request, error) {
	var out []gratitude.Request
	err := inChunks(subjects, []any{account, millis(since)}, func(placeholders string, args []any) error {
		reqs, err := s.requestsBy(ctx, account, qBySubjectPrefix+placeholders+") ORDER BY id", args...)
		out = append(out, reqs...)
		return err
	})
	return out, err
}

// RecentRequests returns the requests asked since then that are not
// cancelled: the candidates for replies without threading headers.
func (s *Store) RecentRequests(ctx context.Context, account int64, since time.Time) ([]gratitude.Request, error) {
	return s.requestsBy(ctx, account, qRecentIDs, account, millis(since))
}

// ThreadRequests maps each of ids that belongs to a request's thread to
// that request.
func (s *Store) ThreadRequests(ctx context.Context, account int64, ids []string) (map[string]int64, error) {
	out := map[string]int64{}
	return out, wrap("thread lookup", s.lookupIDs(ctx, qThreadPrefix, account, ids, func(id string, req int64) { out[id] = req }))
}

// OwnMessages maps each of ids that this program generated to its request
// (0 when it belongs to none, like a digest).
func (s *Store) OwnMessages(ctx context.Context, account int64, ids []string) (map[string]int64, error) {
	out := map[string]int64{}
	return out, wrap("own messages", s.lookupIDs(ctx, qOwnPrefix, account, ids, func(id string, req int64) { out[id] = req }))
}

// RecordOwn remembers a Message-ID this program generated, before the
// message leaves, so it is never taken for someone else's mail.
func (s *Store) RecordOwn(ctx context.Context, account int64, messageID string, requestID int64, kind string, now time.Time) error {
	var req any
	if requestID != 0 {
		req = requestID
	}
	_, err := s.write.ExecContext(ctx, qOwnInsert, account, messageID, req, kind, millis(now))
	return wrap("record own message", err)
}

// lookupIDs runs prefix + "?, …)" over ids in chunks, calling add per row.
func (s *Store) lookupIDs(ctx context.Context, prefix string, account int64, ids []string, add func(string, int64)) error {
	return inChunks(ids, []any{account}, func(placeholders string, args []any) error {
		rows, err := s.read.QueryContext(ctx, prefix+placeholders+")", args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			var n int64
			if err := rows.Scan(&id, &n); err != nil {
				return fmt.Errorf("scan: %w", err)
			}
			add(id, n)
		}
		return rows.Err()
	})
}
