package outbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"gratitude"
	"gratitude/store"

	"github.com/emersion/go-imap/v2"

	"gratitude/internal/retry"
	"gratitude/mailer"
)

// Queue is the outbox as the sender needs it.
type Queue interface {
	ClaimOutgoing(ctx context.Context, account int64, targets []gratitude.Target, now time.Time, lease time.Duration) (gratitude.Outgoing, bool, error)
	MarkSent(ctx context.Context, o gratitude.Outgoing, now time.Time) error
	SentBeforeDot(ctx context.Context, o gratitude.Outgoing, now time.Time) error
	ConfirmSent(ctx context.Context, o gratitude.Outgoing) error
	UndoSent(ctx context.Context, o gratitude.Outgoing) error
	FollowUp(ctx context.Context, o gratitude.Outgoing, now time.Time) error
	SentNotFollowedUp(ctx context.Context, account int64) ([]gratitude.Outgoing, error)
	MarkRetry(ctx context.Context, o gratitude.Outgoing, next time.Time, lastErr string) error
	Defer(ctx context.Context, o gratitude.Outgoing, until time.Time) error
	MarkFailed(ctx context.Context, o gratitude.Outgoing, lastErr string, now time.Time) error
	NextOutgoingAt(ctx context.Context, account int64, targets []gratitude.Target) (time.Time, bool, error)
	SentSince(ctx context.Context, account int64, target gratitude.Target, since time.Time) (int, time.Time, error)
}

// Mailbox is an IMAP connection the sender appends with.
type Mailbox interface {
	Append(mailbox string, raw []byte, flags []imap.Flag, date time.Time) error
	HasMessageID(mailbox, messageID string) (bool, error)
	RemoveMessageID(mailbox, messageID string) error
	Close() error // logs out
	Abort() error // closes at once
}

// SMTPConn sends messages over one SMTP connection, one after another.
type SMTPConn interface {
	// Send sends raw to the recipients. It calls beforeDot (when not nil)
	// once the message is written but for its final dot, and ends the
	// message only if it returns nil; then accepted (when not nil) the
	// moment the server has taken it.
	Send(from string, to []string, raw []byte, beforeDot func() error, accepted func()) error
	Close() error // says goodbye
}

// Defaults for the retry policy.
const (
	DefaultLease       = 3 * time.Minute
	DefaultMinBackoff  = time.Minute
	DefaultMaxBackoff  = time.Hour
	DefaultGiveUpAfter = 48 * time.Hour
)

// Sender delivers the outbox of one account. It is not safe for
// concurrent use: run one per account (a second process is kept apart by
// the leases).
type Sender struct {
	Queue   Queue
	Account int64
	Clock   gratitude.Clock
	// SMTP opens an SMTP connection for ctx (dialed on its first Send):
	// one carries every message of a drain.
	SMTP func(ctx context.Context) SMTPConn
	// Temporary reports whether an SMTP error is worth retrying (nil:
	// mailer.Retryable, the rule production uses).
	Temporary func(error) bool
	// DialIMAP opens a connection for APPEND; Folders names the folder of
	// each IMAP target.
	DialIMAP func(ctx context.Context) (Mailbox, error)
	Folders  map[gratitude.Target]string
	// RateLimit allows at most Limit SMTP messages per Per (0: no limit).
	Limit int
	Per   time.Duration
	// Quiet, when set, moves the retry of a notification to the owner
	// (into INBOX, or by SMTP to Owner) out of the owner's quiet hours.
	Quiet func(time.Time) time.Time
	Owner string
	// QuietKinds are the kinds Quiet holds back even on their first
	// attempt (the reminders, the digest): one queued before quiet hours
	// and not sent before they began, because the daemon was down or
	// stopped mid-send, waits for their end.
	QuietKinds []string
	// FilesSent: the SMTP server files what it sends in the Sent folder,
	// so a retry first looks there: the server may have taken the message
	// before the sender could record it.
	FilesSent bool
	// Retry policy; zero values take the defaults.
	Lease, MinBackoff, MaxBackoff, GiveUpAfter time.Duration
	Log                                        *slog.Logger
	// OnResult, when set, is told the outcome of every attempt (nil: sent).
	OnResult func(o gratitude.Outgoing, err error)

	imap     Mailbox // open during Drain
	stopIMAP func() bool
	smtp     SMTPConn // open during Drain
}

// DrainResult says what one drain did and when the next is needed.
type DrainResult struct {
	Sent, Retried, Failed int
	Next                  time.Time // zero: nothing queued
}

// Drain delivers every message due now, then returns when the next one
// falls due (the rate limit included).
func (s *Sender) Drain(ctx context.Context) (DrainResult, error) {
	var res DrainResult
	defer s.closeIMAP()
	defer s.closeSMTP()
	if err := s.followUpCutOff(ctx); err != nil {
		return res, err
	}
	for ctx.Err() == nil {
		now := s.Clock.Now()
		targets, smtpFree, err := s.targets(ctx, now)
		if err != nil {
			return res, err
		}
		o, ok, err := s.Queue.ClaimOutgoing(ctx, s.Account, targets, now, s.lease())
		if err != nil {
			return res, err
		}
		if !ok {
			res.Next, err = s.next(ctx, now, smtpFree)
			return res, err
		}
		if until, held := s.heldUntil(o, now); held {
			s.Log.Info("held until quiet hours end", "kind", o.Kind, "request", o.RequestID, "message_id", o.MessageID, "until", until)
			err = s.Queue.Defer(context.WithoutCancel(ctx), o, until)
		} else {
			err = s.deliver(ctx, o, &res)
		}
		if errors.Is(err, store.ErrLeaseLost) {
			// Cancelled meanwhile (an edited draft's old copy), or taken
			// over after a stall: its fate is no longer this attempt's.
			s.Log.Warn("outbox message changed hands during its attempt", "kind", o.Kind, "message_id", o.MessageID, "err", err)
			continue
		}
		if err != nil {
			return res, err
		}
	}
	return res, ctx.Err()
}

// targets are the targets that may be sent to now: SMTP only while the
// rate limit allows, and when it does not, the time it will again.
func (s *Sender) targets(ctx context.Context, now time.Time) ([]gratitude.Target, time.Time, error) {
	all := s.Served()
	if s.Limit <= 0 || s.Per <= 0 {
		return all, time.Time{}, nil
	}
	n, oldest, err := s.Queue.SentSince(ctx, s.Account, gratitude.TargetSMTP, now.Add(-s.Per))
	if err != nil {
		return nil, time.Time{}, err
	}
	if n < s.Limit {
		return all, time.Time{}, nil
	}
	return slices.DeleteFunc(all, func(t gratitude.Target) bool { return t == gratitude.TargetSMTP }), oldest.Add(s.Per), nil
}

// Served are the targets this sender delivers to: SMTP, and the IMAP
// targets whose folder it knows. One started before the mailbox could be
// read sends by SMTP alone, leaving the rest queued.
func (s *Sender) Served() []gratitude.Target {
	var all []gratitude.Target
	for _, t := range []gratitude.Target{gratitude.TargetInbox, gratitude.TargetDrafts, gratitude.TargetSent, gratitude.TargetDraftsRemove} {
		if s.Folders[t] != "" {
			all = append(all, t)
		}
	}
	return append(all, gratitude.TargetSMTP)
}

// next is when the next drain is needed: the next due message among the
// targets served (one for a folder the sender does not know would wake it
// for nothing); while the rate limit holds SMTP back, a message already
// due is an SMTP one (IMAP ones were claimed), so it waits until the
// limit lets it go.
func (s *Sender) next(ctx context.Context, now, smtpFree time.Time) (time.Time, error) {
	next, ok, err := s.Queue.NextOutgoingAt(ctx, s.Account, s.Served())
	if err != nil || !ok || smtpFree.IsZero() {
		return next, err
	}
	if next.After(now) && next.Before(smtpFree) {
		return next, nil
	}
	return smtpFree, nil
}

// deliver sends one claimed message and records the outcome. The outcome
// is recorded even when ctx ends meanwhile: a message the server accepted
// must never stay "sending", or it would be sent again.
func (s *Sender) deliver(ctx context.Context, o gratitude.Outgoing, res *DrainResult) error {
	record := context.WithoutCancel(ctx)
	rec := &sentRecord{s: s, ctx: record, o: o}
	err := s.send(ctx, o, rec)
	rec.forget()
	if rec.prepErr != nil {
		return rec.prepErr // not recordable, so not finished: the lease brings it back
	}
	if !rec.marked && rec.err != nil {
		return rec.err // the record before the dot could not be taken back
	}
	if s.OnResult != nil {
		s.OnResult(o, err)
	}
	now := s.Clock.Now()
	switch {
	case err == nil:
		res.Sent++
		s.Log.Info("sent", "kind", o.Kind, "target", o.Target, "request", o.RequestID, "message_id", o.MessageID, "attempt", o.Attempts)
		if rec.marked {
			return errors.Join(rec.err, rec.followUp())
		}
		return s.recordSent(record, o)
	case rec.marked:
		return errors.Join(rec.err, rec.followUp()) // accepted, then the goodbye failed: it left
	case errors.Is(err, context.Canceled) && ctx.Err() != nil:
		return ctx.Err() // stopping before the server answered: the lease brings it back
	case !s.temporary(o, err) || now.Sub(o.CreatedAt) > s.giveUpAfter():
		res.Failed++
		s.Log.Error("could not send; giving up", "kind", o.Kind, "target", o.Target, "request", o.RequestID,
			"message_id", o.MessageID, "attempts", o.Attempts, "err", err)
		return s.Queue.MarkFailed(record, o, err.Error(), now)
	default:
		res.Retried++
		next := s.retryAt(o, now)
		s.Log.Warn("could not send; will retry", "kind", o.Kind, "target", o.Target, "message_id", o.MessageID,
			"attempt", o.Attempts, "retry_at", next, "err", err)
		return s.Queue.MarkRetry(record, o, next, err.Error())
	}
}

// sentRecord records one SMTP attempt so that no crash can make it leave
// twice: just before the final dot, prepare commits the record as sent,
// unconfirmed (once committed it survives the process being killed); the
// server's 250 confirms it. If the sender lives to see the server refuse
// the message, or never answer, forget takes the record back and the
// attempt is retried or failed as before. A crash between the two leaves
// it sent, unconfirmed: it has almost surely left (the dot was on its way)
// and is not sent again; status and the log say it could not be confirmed.
type sentRecord struct {
	s         *Sender
	ctx       context.Context // never ends: the record must be written
	o         gratitude.Outgoing
	committed bool  // recorded as sent before the final dot
	prepErr   error // prepare failed: the message was not finished
	marked    bool  // the server took the message
	err       error // recording that failed
}

// prepare is the SMTPConn's beforeDot.
func (r *sentRecord) prepare() error {
	if r.committed {
		return nil
	}
	if err := r.s.Queue.SentBeforeDot(r.ctx, r.o, r.s.Clock.Now()); err != nil {
		r.prepErr = err
		return err
	}
	r.committed = true
	return nil
}

// accepted is the SMTPConn's accepted: the server has the message.
func (r *sentRecord) accepted() {
	r.marked = true
	if r.committed {
		r.err = r.s.Queue.ConfirmSent(r.ctx, r.o)
		return
	}
	r.err = r.s.Queue.MarkSent(r.ctx, r.o, r.s.Clock.Now())
}

// forget takes back a record the server refused or never answered.
func (r *sentRecord) forget() {
	if r.committed && !r.marked {
		r.err = errors.Join(r.err, r.s.Queue.UndoSent(r.ctx, r.o))
	}
	r.committed = false
}

func (r *sentRecord) followUp() error { return r.s.Queue.FollowUp(r.ctx, r.o, r.s.Clock.Now()) }

// followUpCutOff finishes what a crash cut off between a send and its
// follow-up (a copy for Sent, a helper thanked).
func (s *Sender) followUpCutOff(ctx context.Context) error {
	cut, err := s.Queue.SentNotFollowedUp(ctx, s.Account)
	for _, o := range cut {
		if err := s.Queue.FollowUp(ctx, o, s.Clock.Now()); err != nil {
			return err
		}
	}
	return err
}

// recordSent records o sent, then what follows from it.
func (s *Sender) recordSent(ctx context.Context, o gratitude.Outgoing) error {
	if err := s.Queue.MarkSent(ctx, o, s.Clock.Now()); err != nil {
		return err
	}
	return s.Queue.FollowUp(ctx, o, s.Clock.Now())
}

// retryAt is when attempt o is tried again: after the backoff, and for a
// notification to the owner not inside quiet hours.
func (s *Sender) retryAt(o gratitude.Outgoing, now time.Time) time.Time {
	next := now.Add(s.backoff(o.Attempts))
	if s.Quiet != nil && s.toOwner(o) {
		next = s.Quiet(next)
	}
	return next
}

// heldUntil reports whether o is a kind quiet hours hold back and now is
// inside them, and if so when they end.
func (s *Sender) heldUntil(o gratitude.Outgoing, now time.Time) (time.Time, bool) {
	if s.Quiet == nil || !slices.Contains(s.QuietKinds, o.Kind) {
		return time.Time{}, false
	}
	until := s.Quiet(now)
	return until, until.After(now)
}

// toOwner reports a notification to the owner: into INBOX, or by SMTP to
// the owner alone.
func (s *Sender) toOwner(o gratitude.Outgoing) bool {
	if o.Target == gratitude.TargetInbox {
		return true
	}
	return o.Target == gratitude.TargetSMTP && len(o.Recipients) == 1 && strings.EqualFold(o.Recipients[0], s.Owner)
}

// send delivers o once, recording an SMTP send with rec.
func (s *Sender) send(ctx context.Context, o gratitude.Outgoing, rec *sentRecord) error {
	if o.Target == gratitude.TargetSMTP {
		if s.SMTP == nil {
			return errPermanent{fmt.Errorf("outbox: %s %s needs SMTP, which is not set up", o.Kind, o.MessageID)}
		}
		if sent, err := s.filedBefore(ctx, o); err != nil || sent {
			return err
		}
		if s.smtp == nil {
			s.smtp = s.SMTP(ctx)
		}
		return s.smtp.Send(o.Sender, o.Recipients, o.Raw, rec.prepare, rec.accepted)
	}
	return s.appendIMAP(ctx, o)
}

// filedBefore reports, for a retried SMTP message whose server files sent
// mail in Sent, whether it is there already: it left before a crash.
func (s *Sender) filedBefore(ctx context.Context, o gratitude.Outgoing) (bool, error) {
	sent := s.Folders[gratitude.TargetSent]
	if !s.FilesSent || o.Attempts < 2 || sent == "" || s.DialIMAP == nil {
		return false, nil
	}
	conn, err := s.mailbox(ctx)
	if err != nil {
		return false, err
	}
	found, err := conn.HasMessageID(sent, o.MessageID)
	if err != nil {
		s.closeIMAP()
	}
	return found, err
}

// appendIMAP stores o in its folder. A retry first looks for it there: an
// APPEND whose answer was lost may have happened.
func (s *Sender) appendIMAP(ctx context.Context, o gratitude.Outgoing) error {
	folder := s.Folders[o.Target]
	if folder == "" {
		return errPermanent{fmt.Errorf("outbox: no folder for %s; check imap.mailboxes", o.Target)}
	}
	conn, err := s.mailbox(ctx)
	if err != nil {
		return err
	}
	if o.Target == gratitude.TargetDraftsRemove {
		if err := conn.RemoveMessageID(folder, o.MessageID); err != nil {
			s.closeIMAP()
			return err
		}
		return nil
	}
	if o.Attempts > 1 {
		found, err := conn.HasMessageID(folder, o.MessageID)
		if err != nil {
			s.closeIMAP()
			return err
		}
		if found {
			return nil
		}
	}
	if err := conn.Append(folder, o.Raw, flagsFor(o.Target), o.CreatedAt); err != nil {
		s.closeIMAP()
		return err
	}
	return nil
}

// flagsFor are the flags a message gets in its folder: notifications
// arrive unread, drafts are drafts, Sent copies are read.
func flagsFor(t gratitude.Target) []imap.Flag {
	switch t {
	case gratitude.TargetDrafts:
		return []imap.Flag{imap.FlagDraft, imap.FlagSeen}
	case gratitude.TargetSent:
		return []imap.Flag{imap.FlagSeen}
	}
	return nil
}

func (s *Sender) mailbox(ctx context.Context) (Mailbox, error) {
	if s.imap != nil {
		return s.imap, nil
	}
	if s.DialIMAP == nil {
		return nil, errPermanent{errors.New("outbox: IMAP is not set up")}
	}
	c, err := s.DialIMAP(ctx)
	if err != nil {
		return nil, err
	}
	s.imap = c
	// Stopping must not wait for a slow server: close the socket, and the
	// APPEND or SEARCH in progress fails at once (the lease brings the
	// message back).
	s.stopIMAP = context.AfterFunc(ctx, func() { c.Abort() })
	return c, nil
}

func (s *Sender) closeIMAP() {
	if s.imap != nil {
		s.stopIMAP()
		go s.imap.Close() // a dead server must not hold up the sender
		s.imap = nil
	}
}

func (s *Sender) closeSMTP() {
	if s.smtp != nil {
		_ = s.smtp.Close() // everything sent is recorded: a failed QUIT changes nothing
		s.smtp = nil
	}
}

// errPermanent marks an error no retry can fix.
type errPermanent struct{ error }

func (e errPermanent) Unwrap() error { return e.error }

// temporary reports whether err is worth retrying: IMAP trouble always
// is (the server or the network comes back); SMTP as Temporary says.
func (s *Sender) temporary(o gratitude.Outgoing, err error) bool {
	var p errPermanent
	if errors.As(err, &p) {
		return false
	}
	if o.Target != gratitude.TargetSMTP {
		return true
	}
	if s.Temporary != nil {
		return s.Temporary(err)
	}
	return mailer.Retryable(err)
}

// backoff is the wait before attempt n+1: MinBackoff doubled per attempt,
// capped at MaxBackoff.
func (s *Sender) backoff(attempts int) time.Duration {
	return retry.Backoff{Min: or(s.MinBackoff, DefaultMinBackoff), Max: or(s.MaxBackoff, DefaultMaxBackoff)}.Ceiling(attempts)
}

func (s *Sender) lease() time.Duration       { return or(s.Lease, DefaultLease) }
func (s *Sender) giveUpAfter() time.Duration { return or(s.GiveUpAfter, DefaultGiveUpAfter) }

func or(d, def time.Duration) time.Duration {
	if d > 0 {
		return d
	}
	return def
}
