package remind

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"gratitude"
	"gratitude/store"
)

// batch is how many requests one query of a pass looks at.
const batch = 200

// maxRounds bounds the loops of one pass, whatever the store answers.
const maxRounds = 10000

// digestSetting is where the time of the last digest is kept.
const digestSetting = "digest.last_at"

// Store is what the runner needs remembered.
type Store interface {
	ChangedRequests(ctx context.Context, account int64, limit int) ([]gratitude.Versioned, error)
	SetNextReminder(ctx context.Context, account, id, version int64, at time.Time) (bool, error)
	DueRequests(ctx context.Context, account int64, now time.Time, limit int) ([]gratitude.Versioned, error)
	NextReminderAt(ctx context.Context, account int64) (time.Time, bool, error)
	PostponeReminder(ctx context.Context, account, id int64, at time.Time) error
	Remind(ctx context.Context, account int64, a gratitude.Applied, v gratitude.Versioned, out []gratitude.Outgoing, next, now time.Time) error
	ActiveRequests(ctx context.Context, account int64, since time.Time) ([]gratitude.Request, error)
	People(ctx context.Context, account int64) ([]gratitude.Person, error)
	Failures(ctx context.Context, account int64, since time.Time) ([]gratitude.SendFailure, error)
	TimeSetting(ctx context.Context, account int64, name string) (time.Time, bool, error)
	SetTimeSetting(ctx context.Context, account int64, name string, t, now time.Time) error
	AdvanceTime(ctx context.Context, account int64, name string, was, t time.Time, out []gratitude.Outgoing, now time.Time) (bool, error)
}

// Runner decides, at a given now, what reminders and digest are due and
// queues them. It keeps no state between passes: everything is in Store.
type Runner struct {
	Store   Store
	Account int64
	Policy  gratitude.ReminderPolicy
	// NextDigest returns the first digest time strictly after t; nil or a
	// zero time means no digest.
	NextDigest func(t time.Time) time.Time
	Composer   *Composer
	Log        *slog.Logger
}

// PassResult says what one pass queued and when the next is needed.
type PassResult struct {
	Reminders int       // reminders queued
	Digest    bool      // a digest was queued
	Next      time.Time // when something next falls due; zero: nothing known
}

// Pass brings the schedule up to date and queues what is due at now.
func (r *Runner) Pass(ctx context.Context, now time.Time) (PassResult, error) {
	var res PassResult
	if err := r.reschedule(ctx); err != nil {
		return res, err
	}
	n, err := r.sendDue(ctx, now)
	res.Reminders = n
	if err != nil {
		return res, err
	}
	if res.Digest, err = r.digest(ctx, now); err != nil {
		return res, err
	}
	res.Next, err = r.next(ctx, now)
	return res, err
}

// reschedule works out the next reminder time of every changed request.
func (r *Runner) reschedule(ctx context.Context) error {
	for range maxRounds {
		changed, err := r.Store.ChangedRequests(ctx, r.Account, batch)
		if err != nil || len(changed) == 0 {
			return err
		}
		for _, v := range changed {
			var at time.Time
			if rem, ok := gratitude.NextReminder(v.Request, r.Policy); ok {
				at = rem.DueAt
			}
			if _, err := r.Store.SetNextReminder(ctx, r.Account, v.ID, v.Version, at); err != nil {
				return err
			}
		}
	}
	return fmt.Errorf("remind: requests keep changing; rescheduling gave up after %d rounds", maxRounds)
}

// retryBroken is how long a request whose reminder cannot be written
// waits before it is tried again, so it never holds up the others.
const retryBroken = time.Hour

// sendDue queues every reminder due at now, outside quiet hours. A request
// whose reminder cannot be written is put off and reported; the others go
// on.
func (r *Runner) sendDue(ctx context.Context, now time.Time) (int, error) {
	if r.Policy.InQuietHours(now) {
		return 0, nil
	}
	sent := 0
	var broken []error
	for range maxRounds {
		due, err := r.Store.DueRequests(ctx, r.Account, now, batch)
		if err != nil || len(due) == 0 {
			return sent, errors.Join(append(broken, err)...)
		}
		for _, v := range due {
			queued, err := r.remind(ctx, v, now)
			if err != nil {
				if !errors.As(err, new(*composeError)) {
					return sent, err
				}
				broken = append(broken, err)
				r.Log.Error("cannot write a reminder; trying again later", "request", v.ID, "in", retryBroken, "err", err)
				if err := r.Store.PostponeReminder(ctx, r.Account, v.ID, now.Add(retryBroken)); err != nil {
					return sent, err
				}
			}
			if queued {
				sent++
			}
		}
	}
	return sent, fmt.Errorf("remind: reminders keep falling due; gave up after %d rounds", maxRounds)
}

// composeError is a reminder that could not be written.
type composeError struct {
	request int64
	err     error
}

func (e *composeError) Error() string {
	return fmt.Sprintf("remind: request #%d: cannot write its reminder: %v; if the request is broken, drop it with `gratitude cancel %d`", e.request, e.err, e.request)
}

func (e *composeError) Unwrap() error { return e.err }

// remind queues the reminder due for v at now and reports whether it did.
// When none is due (the request changed since it was scheduled), it
// records when the next one is; when the request changed since it was
// read, it leaves it to the next pass.
func (r *Runner) remind(ctx context.Context, v gratitude.Versioned, now time.Time) (bool, error) {
	req := v.Request
	rem, ok := gratitude.DueReminder(req, r.Policy, now)
	if !ok {
		next, _ := gratitude.NextReminder(req, r.Policy)
		return false, r.Store.PostponeReminder(ctx, r.Account, req.ID, next.DueAt)
	}
	out, id, err := r.Composer.Reminder(ctx, req, rem, now)
	if err != nil {
		return false, &composeError{req.ID, err}
	}
	ev := gratitude.Reminded{Reminder: rem.Kind, Seq: rem.Seq, At: now, DueAt: rem.DueAt, Late: rem.Late, MessageID: id}
	after, changes := gratitude.Apply(req, ev, now)
	var next time.Time
	if n, ok := gratitude.NextReminder(after, r.Policy); ok {
		next = n.DueAt
	}
	err = r.Store.Remind(ctx, r.Account, gratitude.Applied{Event: ev, Request: after, Changes: changes}, v, out, next, now)
	if errors.Is(err, store.ErrChanged) {
		r.Log.Debug("request changed while its reminder was written; deciding again", "request", req.ID)
		return false, nil // still due: the next round reads it afresh
	}
	if err != nil {
		return false, err
	}
	r.Log.Info("reminder queued", "request", req.ID, "kind", rem.Kind, "seq", rem.Seq, "late", rem.Late, "message_id", id)
	return true, nil
}

// digest queues the digest when its time has come (once, however many
// were missed, marked late), unless it would say nothing. The first pass
// ever only starts the clock.
func (r *Runner) digest(ctx context.Context, now time.Time) (bool, error) {
	if r.NextDigest == nil {
		return false, nil
	}
	last, ok, err := r.Store.TimeSetting(ctx, r.Account, digestSetting)
	if err != nil {
		return false, err
	}
	if !ok {
		return false, r.Store.SetTimeSetting(ctx, r.Account, digestSetting, now, now)
	}
	due := r.NextDigest(last)
	if due.IsZero() {
		return false, nil
	}
	due = r.Policy.OutsideQuiet(due)
	if now.Before(due) || r.Policy.InQuietHours(now) {
		return false, nil
	}
	return r.SendDigest(ctx, last, due, now)
}

// FirstDigestSpan is what a digest covers when none was sent before.
const FirstDigestSpan = 7 * 24 * time.Hour

// DigestSince is the start of a digest written at now after the last one
// (zero: there was none).
func DigestSince(last, now time.Time) time.Time {
	if last.IsZero() {
		return now.Add(-FirstDigestSpan)
	}
	return last
}

// SendDigest builds the digest of what happened since the last one (zero:
// none yet), and queues it unless it is empty; either way the digest
// clock moves from last to now. Of two processes sending the same
// digest, one does.
func (r *Runner) SendDigest(ctx context.Context, last, due, now time.Time) (bool, error) {
	since := DigestSince(last, now)
	d, err := r.BuildDigest(ctx, since, now)
	if err != nil {
		return false, err
	}
	var out []gratitude.Outgoing
	late := now.Sub(due) > gratitude.LateAfter
	if !d.Empty() {
		o, err := r.Composer.Digest(ctx, d, due, late, now)
		if err != nil {
			return false, err
		}
		out = append(out, o)
	}
	done, err := r.Store.AdvanceTime(ctx, r.Account, digestSetting, last, now, out, now)
	switch {
	case err != nil || !done:
		return false, err
	case len(out) == 0:
		r.Log.Info("digest skipped: nothing to say", "since", since)
		return false, nil
	}
	r.Log.Info("digest queued", "since", since, "late", late, "message_id", out[0].MessageID)
	return true, nil
}

// BuildDigest gathers the digest covering since to now.
func (r *Runner) BuildDigest(ctx context.Context, since, now time.Time) (gratitude.Digest, error) {
	reqs, err := r.Store.ActiveRequests(ctx, r.Account, since)
	if err != nil {
		return gratitude.Digest{}, err
	}
	people, err := r.Store.People(ctx, r.Account)
	if err != nil {
		return gratitude.Digest{}, err
	}
	failures, err := r.Store.Failures(ctx, r.Account, since)
	if err != nil {
		return gratitude.Digest{}, err
	}
	return gratitude.BuildDigest(reqs, people, failures, since, now), nil
}

// LastDigest is when the last digest went out (or the clock started).
func (r *Runner) LastDigest(ctx context.Context) (time.Time, bool, error) {
	return r.Store.TimeSetting(ctx, r.Account, digestSetting)
}

// next is when the next pass is needed: the earliest reminder or digest,
// moved out of quiet hours.
func (r *Runner) next(ctx context.Context, now time.Time) (time.Time, error) {
	next, ok, err := r.Store.NextReminderAt(ctx, r.Account)
	if err != nil {
		return time.Time{}, err
	}
	if !ok {
		next = time.Time{}
	}
	if r.NextDigest != nil {
		if last, ok, err := r.Store.TimeSetting(ctx, r.Account, digestSetting); err != nil {
			return time.Time{}, err
		} else if d := r.NextDigest(last); ok && !d.IsZero() && (next.IsZero() || d.Before(next)) {
			next = d
		}
	}
	if next.IsZero() {
		return next, nil
	}
	return r.Policy.OutsideQuiet(later(next, now)), nil
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
