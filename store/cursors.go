package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"gratitude"
)

const (
	qCursor = `
SELECT uidvalidity, last_uid, last_sync_at, history_uid, history_before, history_began
FROM mailbox_cursors
WHERE account_id = ? AND mailbox = ?`

	qCursors = `
SELECT c.mailbox, c.uidvalidity, c.last_uid, c.last_sync_at,
       (SELECT COUNT(*) FROM messages m
        WHERE m.account_id = c.account_id AND m.mailbox = c.mailbox)
FROM mailbox_cursors c
WHERE c.account_id = ?
ORDER BY c.mailbox`

	// qCursorSet moves the cursor; a zero last_sync_at keeps the old one.
	qCursorSet = `
INSERT INTO mailbox_cursors (account_id, mailbox, uidvalidity, last_uid, last_sync_at)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (account_id, mailbox) DO UPDATE SET
    uidvalidity  = excluded.uidvalidity,
    last_uid     = excluded.last_uid,
    last_sync_at = COALESCE(excluded.last_sync_at, mailbox_cursors.last_sync_at)`

	// qCursorHistory records what the mailbox held when its sync began.
	qCursorHistory = `
UPDATE mailbox_cursors SET history_uid = ?, history_before = ?, history_began = ?
WHERE account_id = ? AND mailbox = ?`
)

// Cursor returns where the sync of mailbox stands: the zero cursor (with
// Mailbox set) before the first batch. Messages is left zero here; Cursors
// fills it.
func (s *Store) Cursor(ctx context.Context, account int64, mailbox string) (gratitude.MailboxCursor, error) {
	cur := gratitude.MailboxCursor{Mailbox: mailbox}
	var (
		uv, last, histUID     int64
		syncAt, before, began sql.NullInt64
	)
	err := s.read.QueryRowContext(ctx, qCursor, account, mailbox).Scan(&uv, &last, &syncAt, &histUID, &before, &began)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return cur, nil
	case err != nil:
		return cur, fmt.Errorf("store: cursor %q: %w", mailbox, err)
	}
	cur.UIDValidity, cur.LastUID, cur.LastSyncAt = uint32(uv), uint32(last), fromNullMillis(syncAt)
	cur.History = gratitude.History{UpToUID: uint32(histUID), Before: fromNullMillis(before), Began: fromNullMillis(began)}
	return cur, nil
}

// Cursors returns every mailbox cursor of the account, by mailbox name,
// with Messages = the message rows recorded for that mailbox (all
// UIDVALIDITY generations).
func (s *Store) Cursors(ctx context.Context, account int64) ([]gratitude.MailboxCursor, error) {
	rows, err := s.read.QueryContext(ctx, qCursors, account)
	if err != nil {
		return nil, fmt.Errorf("store: cursors: %w", err)
	}
	defer rows.Close()
	var out []gratitude.MailboxCursor
	for rows.Next() {
		var (
			c        gratitude.MailboxCursor
			uv, last int64
			syncAt   sql.NullInt64
		)
		if err := rows.Scan(&c.Mailbox, &uv, &last, &syncAt, &c.Messages); err != nil {
			return nil, fmt.Errorf("store: cursors: %w", err)
		}
		c.UIDValidity, c.LastUID, c.LastSyncAt = uint32(uv), uint32(last), fromNullMillis(syncAt)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: cursors: %w", err)
	}
	return out, nil
}

// ResetMailbox handles a UIDVALIDITY change: the cursor restarts at
// (uidValidity, last UID 0) with h, what the mailbox holds now, as its
// history. Message rows stay: they are the dedupe memory by Message-ID,
// and Relocate moves them to their new UIDs.
func (s *Store) ResetMailbox(ctx context.Context, account int64, mailbox string, uidValidity uint32, h gratitude.History) error {
	if mailbox == "" {
		return errors.New("store: reset mailbox: empty mailbox name")
	}
	err := s.Write(ctx, func(t *Tx) error {
		if _, err := t.tx.ExecContext(ctx, qCursorSet, account, mailbox, int64(uidValidity), 0, sql.NullInt64{}); err != nil {
			return err
		}
		return setHistory(ctx, t.tx, account, mailbox, h)
	})
	if err != nil {
		return fmt.Errorf("store: reset mailbox %q: %w", mailbox, err)
	}
	return nil
}

// setHistory records what the mailbox held when its sync began.
func setHistory(ctx context.Context, tx *sql.Tx, account int64, mailbox string, h gratitude.History) error {
	_, err := tx.ExecContext(ctx, qCursorHistory, int64(h.UpToUID), nullMillis(h.Before), nullMillis(h.Began), account, mailbox)
	return err
}
