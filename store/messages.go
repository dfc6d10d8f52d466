package store

import (
	"context"
	"database/sql"
	"errors"
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
	qMessageUntracked  = `UPDATE messages SET class = 'ignored', reason = 'not-tracked: no request found for its thread when recorded' WHERE id = ?`
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

// CommitBatch records msgs and moves the mailbox cursor to cur in ONE
// transaction: after a crash either both happened or neither did, so no
// message is lost and none is recorded twice. A message whose (mailbox,
// uidvalidity, uid) is already recorded is skipped. Every message must
// belong to cur.Mailbox (an empty Mailbox means cur.Mailbox) and have a
// Message-ID, a class and SeenAt. A zero cur.LastSyncAt keeps the stored one.
func (s *Store) CommitBatch(ctx context.Context, account int64, cur gratitude.MailboxCursor, msgs []gratitude.SeenMessage) error {
	if cur.Mailbox == "" {
		return errors.New("store: commit batch: cursor has no mailbox")
	}
	for i := range msgs {
		if err := checkMessage(cur.Mailbox, &msgs[i]); err != nil {
			return fmt.Errorf("store: commit batch %q: %w", cur.Mailbox, err)
		}
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if len(msgs) > 0 {
			ins, err := tx.PrepareContext(ctx, qMessageInsert)
			if err != nil {
				return err
			}
			defer ins.Close()
			for _, m := range msgs {
				res, err := ins.ExecContext(ctx, account, m.MessageID, cur.Mailbox,
					int64(m.UIDValidity), int64(m.UID), m.From, m.Subject,
					nullMillis(m.Date), m.Size, string(m.Class), m.Reason,
					millis(m.SeenAt), m.NormSubject, m.BodyHash)
				if err != nil {
					return fmt.Errorf("message uid %d/%d: %w", m.UIDValidity, m.UID, err)
				}
				if err := applyMessage(ctx, tx, account, m, res); err != nil {
					return fmt.Errorf("message uid %d/%d (%s): %w", m.UIDValidity, m.UID, m.Class, err)
				}
			}
		}
		_, err := tx.ExecContext(ctx, qCursorSet, account, cur.Mailbox,
			int64(cur.UIDValidity), int64(cur.LastUID), nullMillis(cur.LastSyncAt))
		return err
	})
	if err != nil {
		return fmt.Errorf("store: commit batch %q up to uid %d/%d: %w", cur.Mailbox, cur.UIDValidity, cur.LastUID, err)
	}
	return nil
}

// checkMessage rejects a message the caller did not fill in, before any
// write; an empty Mailbox is taken to mean the cursor's.
func checkMessage(mailbox string, m *gratitude.SeenMessage) error {
	switch {
	case m.Mailbox != "" && m.Mailbox != mailbox:
		return fmt.Errorf("message uid %d is from mailbox %q, not %q", m.UID, m.Mailbox, mailbox)
	case m.MessageID == "":
		return fmt.Errorf("message uid %d has no Message-ID (the sync must synthesise one)", m.UID)
	case m.Class == "":
		return fmt.Errorf("message uid %d has no class (use %q)", m.UID, gratitude.ClassPending)
	case m.SeenAt.IsZero():
		return fmt.Errorf("message uid %d has no SeenAt", m.UID)
	}
	return nil
}

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

// applyMessage applies a newly recorded message's event (once: a row that
// was already there after a crash applies nothing) and links the row to
// its request.
func applyMessage(ctx context.Context, tx *sql.Tx, account int64, m gratitude.SeenMessage, res sql.Result) error {
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return err
	}
	if m.Exposed != nil {
		if err := revokeTx(ctx, tx, account, m.Exposed, m.SeenAt); err != nil {
			return err
		}
	}
	if m.Event == nil {
		return nil
	}
	row, err := res.LastInsertId()
	if err != nil {
		return err
	}
	if g, ok := m.Event.(gratitude.Gave); ok {
		return gaveTx(ctx, tx, account, g)
	}
	if c, ok := m.Event.(gratitude.Commanded); ok {
		return commandTx(ctx, tx, account, c, m.SeenAt)
	}
	reqID := m.RequestID
	if reqID <= 0 {
		// The classifier saw the thread but not its request id: the ask may
		// be in this very batch. Find it by the references, now committed.
		if reqID, err = threadRequestTx(ctx, tx, account, eventThread(m.Event)); err != nil {
			return err
		}
		if _, isAsk := m.Event.(gratitude.Asked); reqID == 0 && !isAsk {
			// Never wedge the mailbox on one message: record why instead.
			_, err = tx.ExecContext(ctx, qMessageUntracked, row)
			return err
		}
	}
	r, err := applyTx(ctx, tx, account, reqID, m.Event, m.SeenAt)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, qMessageSetRequest, r.ID, row)
	return err
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
// caller records the message through CommitBatch as usual. Relocated
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

// eventThread is the Message-IDs an event names as its thread.
func eventThread(ev gratitude.Event) []string {
	switch e := ev.(type) {
	case gratitude.Replied:
		return e.Thread
	case gratitude.OwnerWrote:
		return e.Thread
	}
	return nil
}

// threadRequestTx returns the request whose thread holds any of ids, or 0.
func threadRequestTx(ctx context.Context, tx *sql.Tx, account int64, ids []string) (int64, error) {
	for _, id := range ids {
		var req int64
		err := tx.QueryRowContext(ctx, qThreadRequest, account, id).Scan(&req)
		if err == nil {
			return req, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	return 0, nil
}
