package record

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gratitude"
)

// Tx is one store transaction, as internal/record uses it (store.Tx).
type Tx interface {
	InsertMessage(ctx context.Context, account int64, mailbox string, m gratitude.SeenMessage) (row int64, fresh bool, err error)
	Reclassify(ctx context.Context, row int64, class gratitude.Class, reason string) error
	LinkMessage(ctx context.Context, row, requestID int64) error
	SetCursor(ctx context.Context, account int64, cur gratitude.MailboxCursor) error
	RevokeCards(ctx context.Context, account int64, e *gratitude.Exposure, at time.Time) error
	AddGave(ctx context.Context, account int64, g gratitude.Gave) error
	AddCommand(ctx context.Context, account int64, c gratitude.Commanded, seenAt time.Time) error
	ThreadRequest(ctx context.Context, account int64, ids []string) (int64, error)
	RequestByMessageID(ctx context.Context, account int64, messageID string) (int64, bool, error)
	NearestMessage(ctx context.Context, account int64, normSubject, sender string, near, from, to time.Time) (string, error)
	Request(ctx context.Context, account, id int64) (gratitude.Request, error)
	Save(ctx context.Context, account int64, a gratitude.Applied, now time.Time) (gratitude.Request, error)
	FollowedUp(ctx context.Context, outID int64) (bool, error)
	Enqueue(ctx context.Context, account int64, out []gratitude.Outgoing, now time.Time) error
	DraftSent(ctx context.Context, account int64, messageID string, now time.Time) (gratitude.Draft, bool, error)
	TrackHeld(ctx context.Context, account, id int64, reason string, now time.Time) (bool, error)
}

// Writer runs a function in one store transaction (store.Store.Write).
type Writer[T Tx] interface {
	Write(ctx context.Context, fn func(T) error) error
}

// ReasonUntracked is why a message whose thread names no request, though
// the classifier saw one, is recorded as ignored.
const ReasonUntracked = "not-tracked: no request found for its thread when recorded"

// ReasonPastCommand is why command mail (or a held ask) from before
// gratitude began reading the mailbox is recorded as ignored: the past is
// history, never carried out.
const ReasonPastCommand = "history: command mail from before gratitude began reading this mailbox; never carried out"

// CommitBatch records msgs and moves the mailbox cursor to cur in ONE
// transaction: after a crash either both happened or neither did, so no
// message is lost and none is recorded twice. A message already recorded
// at its location is skipped, with everything that follows from it. Every
// message must belong to cur.Mailbox (an empty Mailbox means cur.Mailbox)
// and have a Message-ID, a class and SeenAt. A zero cur.LastSyncAt keeps
// the stored one.
func CommitBatch[T Tx](ctx context.Context, w Writer[T], account int64, cur gratitude.MailboxCursor, msgs []gratitude.SeenMessage) error {
	if cur.Mailbox == "" {
		return errors.New("record: commit batch: cursor has no mailbox")
	}
	for i := range msgs {
		if err := checkMessage(cur.Mailbox, &msgs[i]); err != nil {
			return fmt.Errorf("record: commit batch %q: %w", cur.Mailbox, err)
		}
	}
	err := w.Write(ctx, func(tx T) error {
		for _, m := range msgs {
			if err := message(ctx, tx, account, cur.Mailbox, m); err != nil {
				return fmt.Errorf("message uid %d/%d (%s): %w", m.UIDValidity, m.UID, m.Class, err)
			}
		}
		return tx.SetCursor(ctx, account, cur)
	})
	if err != nil {
		return fmt.Errorf("record: commit batch %q up to uid %d/%d: %w", cur.Mailbox, cur.UIDValidity, cur.LastUID, err)
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

// message records one message and, when it is new, what it means: cards
// it exposed are spent, and its event goes to the ledger, the command
// mail waiting for proof, or its request.
func message[T Tx](ctx context.Context, tx T, account int64, mailbox string, m gratitude.SeenMessage) error {
	row, fresh, err := tx.InsertMessage(ctx, account, mailbox, m)
	if err != nil || !fresh {
		return err
	}
	if m.Exposed != nil {
		if err := tx.RevokeCards(ctx, account, m.Exposed, m.SeenAt); err != nil {
			return err
		}
	}
	switch ev := m.Event.(type) {
	case nil:
		if m.RequestID > 0 && (m.Class == gratitude.ClassIgnored || m.Class == gratitude.ClassQuarantined) {
			// Set aside in a request's thread: its history shows it, and why.
			return tx.LinkMessage(ctx, row, m.RequestID)
		}
		return nil
	case gratitude.Gave:
		return tx.AddGave(ctx, account, ev)
	case gratitude.Commanded:
		if m.Past {
			return tx.Reclassify(ctx, row, gratitude.ClassIgnored, ReasonPastCommand)
		}
		return command(ctx, tx, account, ev, m.SeenAt)
	case gratitude.Asked:
		ev.Past = m.Past
		m.Event = ev
	}
	reqID := m.RequestID
	if reqID <= 0 {
		// The classifier saw the thread but not its request id: the ask may
		// be earlier in this very batch. Find it by the references, now recorded.
		if reqID, err = tx.ThreadRequest(ctx, account, thread(m.Event)); err != nil {
			return err
		}
		if _, isAsk := m.Event.(gratitude.Asked); reqID == 0 && !isAsk {
			// Never wedge the mailbox on one message: record why instead.
			return tx.Reclassify(ctx, row, gratitude.ClassIgnored, ReasonUntracked)
		}
	}
	r, err := apply(ctx, tx, account, reqID, m.Event, m.SeenAt)
	if err != nil {
		return err
	}
	return tx.LinkMessage(ctx, row, r.ID)
}

// command records command mail; a "#999" in its subject that names no
// request is dropped, the mail kept.
func command[T Tx](ctx context.Context, tx T, account int64, c gratitude.Commanded, seenAt time.Time) error {
	if c.RequestID != 0 {
		if _, err := tx.Request(ctx, account, c.RequestID); errors.Is(err, gratitude.ErrNoSuchRequest) {
			c.RequestID = 0
		} else if err != nil {
			return err
		}
	}
	return tx.AddCommand(ctx, account, c, seenAt)
}

// thread is the Message-IDs an event names as its thread.
func thread(ev gratitude.Event) []string {
	switch e := ev.(type) {
	case gratitude.Replied:
		return e.Thread
	case gratitude.OwnerWrote:
		return e.Thread
	}
	return nil
}
