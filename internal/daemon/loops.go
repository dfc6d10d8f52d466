package daemon

import (
	"context"
	"errors"
	"time"

	"gratitude/inbox"
	"gratitude/internal/outbox"

	"gratitude/internal/retry"
)

// Bounds on how long the reminder and send loops sleep: never so long
// that a changed clock (a suspended laptop) goes unnoticed, and a failed
// pass is tried again after a pause that grows from firstRetry to
// afterError while it keeps failing.
const (
	maxSleep   = time.Hour
	minSleep   = time.Second
	firstRetry = 2 * time.Second
	afterError = time.Minute
)

// retryWait is the pause after the n-th failure in a row (n >= 1).
func retryWait(n int) time.Duration {
	return retry.Backoff{Min: firstRetry, Max: afterError}.Ceiling(n)
}

// waitForSent is how often commands waiting for their copy in Sent are
// looked at again.
const waitForSent = 30 * time.Second

// decideLoop carries out commands, handles thank-yous and queues
// reminders and digests as they fall due, and whenever the mailbox brought
// news, but only while the mailbox is read up to date (see mailGate); it
// wakes the sender when it queued something.
func (d *Daemon) decideLoop(ctx context.Context, wake <-chan struct{}, sendKick chan<- struct{}) {
	fails := 0
	for ctx.Err() == nil {
		if !d.gate.isOpen() {
			sleepUntil(ctx, wake, maxSleep) // the watcher wakes us once INBOX is read
			continue
		}
		d.decide.Lock()
		tres, terr := d.thanksPass(ctx)
		res, err := d.remindPass(ctx)
		d.decide.Unlock()
		if res.Reminders > 0 || res.Digest || tres.Queued {
			kick(sendKick)
		}
		if res.Reminders > 0 || tres.Queued || tres.Drafted > 0 || tres.Commands > 0 {
			d.changed()
		}
		wait := d.wait(res.Next)
		if err = errors.Join(terr, err); err != nil && ctx.Err() == nil {
			fails++
			wait = retryWait(fails)
			d.log.Error("decision pass failed; trying again", "in", wait, "err", err)
		} else {
			fails = 0
		}
		if tres.Waiting > 0 {
			wait = min(wait, waitForSent)
		}
		sleepUntil(ctx, wake, wait)
	}
}

// sendLoop delivers the outbox whenever something is due or queued, into
// the folders last found (a missing one may turn up: see healthLoop).
func (d *Daemon) sendLoop(ctx context.Context, s *outbox.Sender, wake <-chan struct{}, folders <-chan inbox.Folders) {
	fails := 0
	for ctx.Err() == nil {
		takeFolders(s, folders)
		res, err := d.drain(ctx, s)
		wait := d.wait(res.Next)
		if err != nil && ctx.Err() == nil {
			fails++
			wait = retryWait(fails)
			d.log.Error("sending failed; trying again", "in", wait, "err", err)
		} else {
			fails = 0
		}
		sleepUntil(ctx, wake, wait)
	}
}

// wait is how long to sleep until next (zero: nothing known), bounded.
func (d *Daemon) wait(next time.Time) time.Duration {
	if next.IsZero() {
		return maxSleep
	}
	return min(max(next.Sub(d.clock.Now()), minSleep), maxSleep)
}

// sleepUntil waits for the duration, a wake-up or the end of ctx.
func sleepUntil(ctx context.Context, wake <-chan struct{}, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-wake:
	case <-t.C:
	}
}

// kick wakes a loop without blocking; one pending wake-up is enough.
func kick(c chan<- struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}
