package store

import (
	"context"
	"database/sql"
	"fmt"

	"gratitude"
)

const (
	// qMessageInsert ignores a row already at its location, so a batch
	// re-processed after a crash inserts nothing twice.
	qMessageInsert = `
INSERT INTO messages (account_id, message_id, mailbox, uidvalidity, uid,
                      from_addr, subject, date, size, class, reason, seen_at, norm_subject, body_hash)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (account_id, mailbox, uidvalidity, uid) DO NOTHING`

	qMessageSetRequest = `UPDATE messages SET request_id = ? WHERE id = ?`
	qMessageReclassify = `UPDATE messages SET class = ?, reason = ? WHERE id = ?`
	qThreadRequest     = `SELECT request_id FROM request_threads WHERE account_id = ? AND message_id = ? LIMIT 1`

	// qKnownIDsPrefix is completed with the placeholders and ")"; a
	// message recorded twice reports its most telling class (a request's
	// ask before a duplicate copy).
	qKnownIDsPrefix = `
SELECT message_id, class FROM messages
WHERE account_id = ? AND message_id IN (`

	qMessageAt = `
SELECT COUNT(*) FROM messages
WHERE account_id = ? AND mailbox = ? AND uidvalidity = ? AND uid = ? AND message_id = ?`

	// qRelocate moves one row of this Message-ID recorded in this mailbox
	// under another UIDVALIDITY (the oldest row first).
	qRelocate = `
UPDATE messages SET uidvalidity = ?, uid = ?
WHERE id = (SELECT id FROM messages
            WHERE account_id = ? AND mailbox = ? AND message_id = ? AND uidvalidity <> ?
            ORDER BY id LIMIT 1)`

	qClassCounts = `
SELECT class, COUNT(*) FROM messages WHERE account_id = ? GROUP BY class`
)

// KnownMessages reports which of ids already have a row in any mailbox of
// the account, with the class recorded (the most telling one when there are
// several copies); unknown ids are absent. Any number of ids is fine; they
// are queried in chunks.
func (s *Store) KnownMessages(ctx context.Context, account int64, ids []string) (map[string]gratitude.Class, error) {
	known := make(map[string]gratitude.Class)
	uniq := make([]string, 0, len(ids))
	seen := make(map[string]struct{}, len(ids))
	for _, id := range ids {
		if _, dup := seen[id]; dup || id == "" {
			continue
		}
		seen[id] = struct{}{}
		uniq = append(uniq, id)
	}
	err := inChunks(uniq, []any{account}, func(placeholders string, args []any) error {
		return s.knownChunk(ctx, qKnownIDsPrefix+placeholders+")", args, known)
	})
	if err != nil {
		return nil, fmt.Errorf("store: known message ids: %w", err)
	}
	return known, nil
}

// classRank orders classes by how much a copy tells: an ask or reply
// outranks a duplicate or ignored copy of the same message.
func classRank(c gratitude.Class) int {
	switch c {
	case gratitude.ClassDuplicate:
		return 0
	case gratitude.ClassIgnored, gratitude.ClassPending, gratitude.ClassQuarantined:
		return 1
	default:
		return 2
	}
}

// knownChunk adds to known the ids of one chunk that have a row.
func (s *Store) knownChunk(ctx context.Context, q string, args []any, known map[string]gratitude.Class) error {
	rows, err := s.read.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, class string
		if err := rows.Scan(&id, &class); err != nil {
			return err
		}
		if old, ok := known[id]; !ok || classRank(gratitude.Class(class)) > classRank(old) {
			known[id] = gratitude.Class(class)
		}
	}
	return rows.Err()
}

// Relocate handles a message met again after mailbox's UIDVALIDITY
// changed: a row recorded for messageID in this mailbox under another
// UIDVALIDITY is moved to (uidValidity, uid) instead of a new row being
// added. It reports whether the message is recorded at that location after
// the call, so it is idempotent: calling it again after a crash (cursor not
// yet moved) reports true again without moving a second row. On false the
// caller records the message through record.CommitBatch as usual. Relocated
// messages keep their class, reason and request; leave them out of the
// next CommitBatch (including them is harmless: the insert is skipped).
func (s *Store) Relocate(ctx context.Context, account int64, mailbox string, messageID string, uidValidity, uid uint32) (bool, error) {
	var moved bool
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, qMessageAt, account, mailbox,
			int64(uidValidity), int64(uid), messageID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			moved = true
			return nil
		}
		res, err := tx.ExecContext(ctx, qRelocate, int64(uidValidity), int64(uid),
			account, mailbox, messageID, int64(uidValidity))
		if err != nil {
			return err
		}
		affected, err := res.RowsAffected()
		moved = affected > 0
		return err
	})
	if err != nil {
		return false, fmt.Errorf("store: relocate %q in %q to uid %d/%d: %w", messageID, mailbox, uidValidity, uid, err)
	}
	return moved, nil
}

// ClassCounts returns how many recorded messages of the account have each
// class; classes without messages are absent.
func (s *Store) ClassCounts(ctx context.Context, account int64) (map[gratitude.Class]int64, error) {
	out := map[gratitude.Class]int64{}
	if err := s.countBy(ctx, qClassCounts, account, func(k string, n int64) { out[gratitude.Class(k)] = n }); err != nil {
		return nil, wrap("class counts", err)
	}
	return out, nil
}
