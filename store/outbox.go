package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"gratitude"
)

const (
	qOutInsert = `
INSERT INTO outbox (account_id, request_id, kind, target, sender, recipients, subject, message_id,
                    raw, late, then_targets, next_attempt_at, created_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (account_id, message_id, target) DO NOTHING`

	outColumns = `id, account_id, COALESCE(request_id, 0), kind, target, sender, recipients, subject, message_id, raw,
       late, then_targets, state, attempts, next_attempt_at, last_error, created_at, sent_at, failed_at`

	// qOutClaimable is the next message to send: queued and due, or left
	// in sending by a sender that stopped (its lease ran out).
	//
	// Two branches, each an index range on (account_id, state,
	// next_attempt_at), so years of sent history cost nothing.
	qOutClaimable = `
SELECT * FROM (
  SELECT ` + outColumns + ` FROM outbox
  WHERE account_id = ? AND state = 'queued' AND next_attempt_at <= ? AND target IN (%[1]s)
  UNION ALL
  SELECT ` + outColumns + ` FROM outbox
  WHERE account_id = ? AND state = 'sending' AND lease_until <= ? AND target IN (%[1]s))
ORDER BY next_attempt_at, id LIMIT 1`
	qOutLease = `
UPDATE outbox SET state = 'sending', attempts = attempts + 1, lease_until = ? WHERE id = ?`
	qOutSent = `
UPDATE outbox SET state = 'sent', sent_at = ?, lease_until = NULL, last_error = ''
WHERE id = ? AND state = 'sending' AND attempts = ?`
	// qOutSentUnconfirmed keeps the lease: the attempt is still the
	// sender's until the server answers.
	qOutSentUnconfirmed = `
UPDATE outbox SET state = 'sent', sent_at = ?, last_error = '', unconfirmed = 1
WHERE id = ? AND state = 'sending' AND attempts = ?`
	qOutConfirm  = `UPDATE outbox SET unconfirmed = 0, lease_until = NULL WHERE id = ? AND attempts = ? AND unconfirmed = 1`
	qOutUndoSent = `
UPDATE outbox SET state = 'sending', sent_at = NULL, unconfirmed = 0
WHERE id = ? AND state = 'sent' AND unconfirmed = 1 AND followed_up = 0 AND attempts = ?`
	qOutUnconfirmed = `SELECT message_id FROM outbox WHERE account_id = ? AND state = 'sent' AND unconfirmed = 1 ORDER BY id`
	qOutRetry       = `
UPDATE outbox SET state = 'queued', next_attempt_at = ?, lease_until = NULL, last_error = ?
WHERE id = ? AND state = 'sending' AND attempts = ?`
	qOutDefer = `
UPDATE outbox SET state = 'queued', next_attempt_at = ?, lease_until = NULL, attempts = attempts - 1
WHERE id = ? AND state = 'sending' AND attempts = ?`
	qOutFailed = `
UPDATE outbox SET state = 'failed', failed_at = ?, lease_until = NULL, last_error = ?
WHERE id = ? AND state = 'sending' AND attempts = ?`
	// qOutNext is when the next message among some targets falls due. It
	// reads the unsent rows by outbox_due: "+target" keeps SQLite from
	// choosing outbox_sent, which walks every sent message to the targets
	// (a second, instead of milliseconds, at a million rows of history).
	qOutNext = `
SELECT MIN(CASE state WHEN 'queued' THEN next_attempt_at ELSE lease_until END) FROM outbox
WHERE account_id = ? AND state IN ('queued', 'sending') AND +target IN (%s)`
	// qOutPending is every message not sent yet nor given up, by index
	// range, without its content.
	qOutPending = `
SELECT kind, target, state, attempts, CASE state WHEN 'queued' THEN next_attempt_at
       ELSE COALESCE(lease_until, next_attempt_at) END, created_at, last_error
FROM outbox WHERE account_id = ? AND state IN ('queued', 'sending') ORDER BY id`
	qOutSentSince = `
SELECT COUNT(*), MIN(sent_at) FROM outbox WHERE account_id = ? AND target = ? AND sent_at > ?`
	qOutFollowedUp    = `UPDATE outbox SET followed_up = 1 WHERE id = ? AND state = 'sent' AND followed_up = 0`
	qOutNotFollowedUp = `SELECT ` + outColumns + ` FROM outbox WHERE account_id = ? AND followed_up = 0 AND state = 'sent' ORDER BY id`
	qOutAll           = `SELECT ` + outColumns + ` FROM outbox WHERE account_id = ? ORDER BY id`
	qOutCounts        = `SELECT state, COUNT(*) FROM outbox WHERE account_id = ? GROUP BY state`
	qOutFailures      = `
SELECT kind, recipients, subject, last_error, failed_at FROM outbox
WHERE account_id = ? AND state = 'failed' AND failed_at > ? ORDER BY failed_at`
)

// Enqueue puts messages in the outbox in one transaction; a message with
// the same Message-ID and target as one already queued is not added twice.
func (s *Store) Enqueue(ctx context.Context, account int64, out []gratitude.Outgoing, now time.Time) error {
	return wrap("enqueue", s.inTx(ctx, func(tx *sql.Tx) error { return enqueueTx(ctx, tx, account, out, now) }))
}

func enqueueTx(ctx context.Context, tx *sql.Tx, account int64, out []gratitude.Outgoing, now time.Time) error {
	for _, o := range out {
		if err := checkOutgoing(&o); err != nil {
			return err
		}
		next := o.NextAttemptAt
		if next.IsZero() {
			next = now
		}
		if o.Raw == nil {
			o.Raw = []byte{} // a removal carries no message
		}
		if _, err := tx.ExecContext(ctx, qOutInsert, account, nullID(o.RequestID), o.Kind, string(o.Target),
			o.Sender, strings.Join(o.Recipients, ","), o.Subject, o.MessageID, o.Raw, o.Late,
			joinTargets(o.Then), millis(next), millis(now)); err != nil {
			return err
		}
		if o.Own {
			if _, err := tx.ExecContext(ctx, qOwnInsert, account, o.MessageID, nullID(o.RequestID), o.Kind, millis(now)); err != nil {
				return err
			}
		}
	}
	return nil
}

func joinTargets(ts []gratitude.Target) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = string(t)
	}
	return strings.Join(s, " ")
}

func splitTargets(s string) []gratitude.Target {
	var ts []gratitude.Target
	for _, f := range strings.Fields(s) {
		ts = append(ts, gratitude.Target(f))
	}
	return ts
}

func checkOutgoing(o *gratitude.Outgoing) error {
	switch {
	case o.MessageID == "" || o.Kind == "" || (len(o.Raw) == 0 && o.Target != gratitude.TargetDraftsRemove):
		return fmt.Errorf("outgoing %q: Message-ID, kind and content are required", o.Kind)
	case o.Target == gratitude.TargetSMTP && (o.Sender == "" || len(o.Recipients) == 0):
		return fmt.Errorf("outgoing %s %s: SMTP needs a sender and recipients", o.Kind, o.MessageID)
	case o.Target != gratitude.TargetSMTP && !o.Target.IMAP():
		return fmt.Errorf("outgoing %s %s: unknown target %q", o.Kind, o.MessageID, o.Target)
	}
	return nil
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// ClaimOutgoing takes the next message due at now among targets and marks
// it sending (one more attempt) until now+lease; false when none is due.
// A message whose sender died mid-send is claimed again once its lease
// ends, with the same Message-ID.
func (s *Store) ClaimOutgoing(ctx context.Context, account int64, targets []gratitude.Target, now time.Time, lease time.Duration) (gratitude.Outgoing, bool, error) {
	var o gratitude.Outgoing
	found := false
	if len(targets) == 0 {
		return o, false, nil
	}
	var args []any
	for range 2 {
		args = append(args, account, millis(now))
		for _, t := range targets {
			args = append(args, string(t))
		}
	}
	q := fmt.Sprintf(qOutClaimable, strings.TrimSuffix(strings.Repeat("?,", len(targets)), ","))
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		o, err = scanOutgoing(tx.QueryRowContext(ctx, q, args...))
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		found = true
		o.State, o.Attempts = gratitude.OutSending, o.Attempts+1
		_, err = tx.ExecContext(ctx, qOutLease, millis(now.Add(lease)), o.ID)
		return err
	})
	return o, found, wrap("claim outgoing", err)
}

// ErrLeaseLost is returned when recording the outcome of an attempt that
// is no longer the message's latest: its lease ran out and another sender
// claimed it.
var ErrLeaseLost = errors.New("outbox message is no longer this sender's: its lease ran out")

// MarkSent records that the claimed attempt o delivered the message: one
// small write, as fast as can be, since the server has the message and a
// crash before this is recorded sends it again. What follows from the send
// (FollowUp) is recorded next; after a crash, SentNotFollowedUp finds it.
// An SMTP sender records with SentBeforeDot instead, before the server has it.
func (s *Store) MarkSent(ctx context.Context, o gratitude.Outgoing, now time.Time) error {
	return s.markOut(ctx, "mark sent", o, qOutSent, millis(now))
}

// SentBeforeDot records attempt o as sent, unconfirmed, at now: what a
// sender writes just before the final dot of an SMTP message, so that no
// crash after the server takes the message can make it send it again.
// ConfirmSent follows the server's 250; UndoSent a refusal or silence.
func (s *Store) SentBeforeDot(ctx context.Context, o gratitude.Outgoing, now time.Time) error {
	return s.markOut(ctx, "sent before the final dot", o, qOutSentUnconfirmed, millis(now))
}

// ConfirmSent records that the server took a message SentBeforeDot
// recorded.
func (s *Store) ConfirmSent(ctx context.Context, o gratitude.Outgoing) error {
	_, err := s.write.ExecContext(ctx, qOutConfirm, o.ID, o.Attempts)
	return wrap("confirm sent", err)
}

// UndoSent takes back what SentBeforeDot recorded when the server refused
// the message or never answered while the sender lived: the attempt is
// sending again, for MarkRetry or MarkFailed.
func (s *Store) UndoSent(ctx context.Context, o gratitude.Outgoing) error {
	return s.markOut(ctx, "undo sent", o, qOutUndoSent)
}

// Unconfirmed counts the messages recorded as sent before their final dot
// whose 250 never came: a crash fell in between.
func (s *Store) Unconfirmed(ctx context.Context, account int64) (int, error) {
	ids, err := s.UnconfirmedIDs(ctx, account)
	return len(ids), err
}

// UnconfirmedIDs lists the Message-IDs of the unconfirmed messages.
func (s *Store) UnconfirmedIDs(ctx context.Context, account int64) ([]string, error) {
	return collect(ctx, s, "unconfirmed", func(sc scanner) (string, error) {
		var id string
		err := sc.Scan(&id)
		return id, err
	}, qOutUnconfirmed, account)
}

// SentNotFollowedUp returns messages sent whose follow-up a crash cut off.
func (s *Store) SentNotFollowedUp(ctx context.Context, account int64) ([]gratitude.Outgoing, error) {
	return collect(ctx, s, "sent, not followed up", scanOutgoing, qOutNotFollowedUp, account)
}

// MarkRetry puts the message of attempt o back in the queue until next.
func (s *Store) MarkRetry(ctx context.Context, o gratitude.Outgoing, next time.Time, lastErr string) error {
	return s.markOut(ctx, "mark retry", o, qOutRetry, millis(next), lastErr)
}

// Defer puts the message of claimed attempt o back in the queue until
// until, as if it had not been claimed: a reminder that must wait for the
// end of quiet hours.
func (s *Store) Defer(ctx context.Context, o gratitude.Outgoing, until time.Time) error {
	return s.markOut(ctx, "defer", o, qOutDefer, millis(until))
}

// MarkFailed gives up on the message of attempt o, keeping the error for
// status and the digest.
func (s *Store) MarkFailed(ctx context.Context, o gratitude.Outgoing, lastErr string, now time.Time) error {
	return s.markOut(ctx, "mark failed", o, qOutFailed, millis(now), lastErr)
}

// markOut records an attempt's outcome, if the attempt still holds the
// message.
func (s *Store) markOut(ctx context.Context, op string, o gratitude.Outgoing, q string, args ...any) error {
	return wrap(op, s.inTx(ctx, func(tx *sql.Tx) error { return markOutTx(ctx, tx, o, q, args...) }))
}

func markOutTx(ctx context.Context, tx *sql.Tx, o gratitude.Outgoing, q string, args ...any) error {
	res, err := tx.ExecContext(ctx, q, append(args, o.ID, o.Attempts)...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err == nil && n == 0 {
		return fmt.Errorf("message %s (attempt %d): %w", o.MessageID, o.Attempts, ErrLeaseLost)
	}
	return nil
}

// NextOutgoingAt is when the next queued message to one of targets falls
// due (or the lease of one being sent ends); false when the outbox has
// nothing to send there.
func (s *Store) NextOutgoingAt(ctx context.Context, account int64, targets []gratitude.Target) (time.Time, bool, error) {
	if len(targets) == 0 {
		return time.Time{}, false, nil
	}
	args := []any{account}
	for _, t := range targets {
		args = append(args, string(t))
	}
	q := fmt.Sprintf(qOutNext, strings.TrimSuffix(strings.Repeat("?,", len(targets)), ","))
	var at sql.NullInt64
	if err := s.read.QueryRowContext(ctx, q, args...).Scan(&at); err != nil {
		return time.Time{}, false, wrap("next outgoing", err)
	}
	return fromNullMillis(at), at.Valid, nil
}

// PendingOut is an outbox message neither sent nor given up, as far as
// health needs to know it: where it goes, when it is due, how it went.
type PendingOut struct {
	Kind      string
	Target    gratitude.Target
	State     gratitude.OutState // queued or sending
	Attempts  int
	DueAt     time.Time // its next attempt; for one being sent, the end of its lease
	CreatedAt time.Time
	LastError string
}

// PendingOutbox lists the account's messages neither sent nor given up,
// oldest first.
func (s *Store) PendingOutbox(ctx context.Context, account int64) ([]PendingOut, error) {
	return collect(ctx, s, "pending outbox", func(sc scanner) (PendingOut, error) {
		var p PendingOut
		var target, state string
		var due, created int64
		err := sc.Scan(&p.Kind, &target, &state, &p.Attempts, &due, &created, &p.LastError)
		p.Target, p.State = gratitude.Target(target), gratitude.OutState(state)
		p.DueAt, p.CreatedAt = fromMillis(due), fromMillis(created)
		return p, err
	}, qOutPending, account)
}

// SentSince counts the messages sent to target after since, and when the
// oldest of them left (for the rate limit).
func (s *Store) SentSince(ctx context.Context, account int64, target gratitude.Target, since time.Time) (int, time.Time, error) {
	var n int
	var oldest sql.NullInt64
	err := s.read.QueryRowContext(ctx, qOutSentSince, account, string(target), millis(since)).Scan(&n, &oldest)
	return n, fromNullMillis(oldest), wrap("sent since", err)
}

// Outbox returns every outbox message of the account, oldest first.
func (s *Store) Outbox(ctx context.Context, account int64) ([]gratitude.Outgoing, error) {
	return collect(ctx, s, "outbox", scanOutgoing, qOutAll, account)
}

// OutboxCounts counts the account's outbox messages by state.
func (s *Store) OutboxCounts(ctx context.Context, account int64) (map[gratitude.OutState]int, error) {
	out := map[gratitude.OutState]int{}
	if err := s.countBy(ctx, qOutCounts, account, func(k string, n int64) { out[gratitude.OutState(k)] = int(n) }); err != nil {
		return nil, wrap("outbox counts", err)
	}
	return out, nil
}

// Failures returns the messages that failed after since, oldest first.
func (s *Store) Failures(ctx context.Context, account int64, since time.Time) ([]gratitude.SendFailure, error) {
	return collect(ctx, s, "failures", func(sc scanner) (gratitude.SendFailure, error) {
		var f gratitude.SendFailure
		var at sql.NullInt64
		err := sc.Scan(&f.Kind, &f.To, &f.Subject, &f.Error, &at)
		f.At = fromNullMillis(at)
		return f, err
	}, qOutFailures, account, millis(since))
}

type scanner interface{ Scan(dest ...any) error }

func scanOutgoing(sc scanner) (gratitude.Outgoing, error) {
	var o gratitude.Outgoing
	var target, state, recipients, then string
	var next, created int64
	var sent, failed sql.NullInt64
	err := sc.Scan(&o.ID, &o.Account, &o.RequestID, &o.Kind, &target, &o.Sender, &recipients, &o.Subject, &o.MessageID,
		&o.Raw, &o.Late, &then, &state, &o.Attempts, &next, &o.LastError, &created, &sent, &failed)
	if err != nil {
		return o, err
	}
	o.Target, o.State, o.Then = gratitude.Target(target), gratitude.OutState(state), splitTargets(then)
	if recipients != "" {
		o.Recipients = strings.Split(recipients, ",")
	}
	o.NextAttemptAt, o.CreatedAt = fromMillis(next), fromMillis(created)
	o.SentAt, o.FailedAt = fromNullMillis(sent), fromNullMillis(failed)
	return o, nil
}
