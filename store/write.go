package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"gratitude"
)

// Tx is one write transaction, for the use-case layer (internal/record)
// to load, let the core decide, and save: each method reads or writes
// rows and decides nothing.
type Tx struct {
	tx     *sql.Tx
	insert *sql.Stmt // the message insert, prepared on first use
}

// Write runs fn in one write transaction and commits it when fn returns
// nil; an error or panic rolls everything back.
func (s *Store) Write(ctx context.Context, fn func(*Tx) error) error {
	return s.inTx(ctx, func(tx *sql.Tx) error {
		t := &Tx{tx: tx}
		defer func() {
			if t.insert != nil {
				t.insert.Close()
			}
		}()
		return fn(t)
	})
}

// InsertMessage records a message at its location in mailbox; fresh is
// false, and row 0, when a row was already there (a batch read again
// after a crash), so nothing that follows from it is done twice.
func (t *Tx) InsertMessage(ctx context.Context, account int64, mailbox string, m gratitude.SeenMessage) (row int64, fresh bool, err error) {
	if t.insert == nil {
		if t.insert, err = t.tx.PrepareContext(ctx, qMessageInsert); err != nil {
			return 0, false, err
		}
	}
	res, err := t.insert.ExecContext(ctx, account, m.MessageID, mailbox,
		int64(m.UIDValidity), int64(m.UID), m.From, m.Subject,
		nullMillis(m.Date), m.Size, string(m.Class), m.Reason,
		millis(m.SeenAt), m.NormSubject, m.BodyHash)
	if err != nil {
		return 0, false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return 0, false, err
	}
	row, err = res.LastInsertId()
	return row, err == nil, err
}

// Reclassify gives a recorded message another class and reason.
func (t *Tx) Reclassify(ctx context.Context, row int64, class gratitude.Class, reason string) error {
	_, err := t.tx.ExecContext(ctx, qMessageReclassify, string(class), reason, row)
	return err
}

// LinkMessage records the request a message belongs to.
func (t *Tx) LinkMessage(ctx context.Context, row, requestID int64) error {
	_, err := t.tx.ExecContext(ctx, qMessageSetRequest, requestID, row)
	return err
}

// SetCursor moves a mailbox's cursor; a zero LastSyncAt keeps the stored
// one, and a zero History (Began unset) the stored history.
func (t *Tx) SetCursor(ctx context.Context, account int64, cur gratitude.MailboxCursor) error {
	_, err := t.tx.ExecContext(ctx, qCursorSet, account, cur.Mailbox,
		int64(cur.UIDValidity), int64(cur.LastUID), nullMillis(cur.LastSyncAt))
	if err != nil || cur.History.Began.IsZero() {
		return err
	}
	return setHistory(ctx, t.tx, account, cur.Mailbox, cur.History)
}

// RevokeCards makes the cards an exposure names take no more commands.
func (t *Tx) RevokeCards(ctx context.Context, account int64, e *gratitude.Exposure, at time.Time) error {
	return revokeTx(ctx, t.tx, account, e, at)
}

// AddGave records that the owner helped each recipient of a message.
func (t *Tx) AddGave(ctx context.Context, account int64, g gratitude.Gave) error {
	return gaveTx(ctx, t.tx, account, g)
}

// AddCommand records command mail (or a held ask), once per Message-ID.
func (t *Tx) AddCommand(ctx context.Context, account int64, c gratitude.Commanded, seenAt time.Time) error {
	return commandTx(ctx, t.tx, account, c, seenAt)
}

// ThreadRequest returns the request whose thread holds any of ids, or 0.
func (t *Tx) ThreadRequest(ctx context.Context, account int64, ids []string) (int64, error) {
	for _, id := range ids {
		var req int64
		err := t.tx.QueryRowContext(ctx, qThreadRequest, account, id).Scan(&req)
		if err == nil {
			return req, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return 0, err
		}
	}
	return 0, nil
}

// RequestByMessageID returns the request whose ask has this Message-ID.
func (t *Tx) RequestByMessageID(ctx context.Context, account int64, messageID string) (int64, bool, error) {
	var id int64
	err := t.tx.QueryRowContext(ctx, qRequestByMessageID, account, messageID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return id, err == nil, err
}

// NearestMessage returns the Message-ID of the recorded message with this
// normalised subject (and sender, when from is not "") whose date is
// closest to near, between from and to; "" when there is none.
func (t *Tx) NearestMessage(ctx context.Context, account int64, normSubject, sender string, near, from, to time.Time) (string, error) {
	var id string
	err := t.tx.QueryRowContext(ctx, qFindOriginal, account, normSubject, sender, sender,
		millis(from), millis(to), millis(near)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}

// Request loads one request (gratitude.ErrNoSuchRequest when the account has none).
func (t *Tx) Request(ctx context.Context, account, id int64) (gratitude.Request, error) {
	return loadRequest(ctx, t.tx, account, id)
}

// Save saves the request an event made (a new one when its ID is 0) and
// logs the event with what it changed.
func (t *Tx) Save(ctx context.Context, account int64, a gratitude.Applied, now time.Time) (gratitude.Request, error) {
	return saveApplied(ctx, t.tx, account, a, now)
}

// TrackHeld records a refused held ask done: the owner tracked it by
// hand, as reason says. False when it is no refused held ask (tracked
// already).
func (t *Tx) TrackHeld(ctx context.Context, account, id int64, reason string, now time.Time) (bool, error) {
	res, err := t.tx.ExecContext(ctx, qCommandTracked, reason, millis(now), account, id)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// FollowedUp marks a sent outbox message's follow-ups done; false when
// they were done already.
func (t *Tx) FollowedUp(ctx context.Context, outID int64) (bool, error) {
	res, err := t.tx.ExecContext(ctx, qOutFollowedUp, outID)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

// Enqueue queues messages in the outbox (see Store.Enqueue).
func (t *Tx) Enqueue(ctx context.Context, account int64, out []gratitude.Outgoing, now time.Time) error {
	return enqueueTx(ctx, t.tx, account, out, now)
}

// DraftSent records an approved draft's thank-you sent and returns the
// draft; false when messageID is no approved draft's.
func (t *Tx) DraftSent(ctx context.Context, account int64, messageID string, now time.Time) (gratitude.Draft, bool, error) {
	d, err := scanDraft(t.tx.QueryRowContext(ctx, qDraftByMsgID, account, messageID))
	if errors.Is(err, sql.ErrNoRows) {
		return d, false, nil
	}
	if err != nil || d.State != gratitude.DraftApproved {
		return d, false, err
	}
	_, err = t.tx.ExecContext(ctx, qDraftSent, millis(now), account, messageID)
	return d, err == nil, err
}
