package outbox

import (
	"cmp"
	"slices"
	"time"

	"gratitude"
	"gratitude/store"
)

// Cause is why outbox messages are not leaving.
type Cause string

// The causes Watch finds. A message merely waiting for its next attempt
// (a backoff, quiet hours, the rate limit) has none.
const (
	// CauseNoFolder: an IMAP target whose folder the mailbox lacks. The
	// sender never attempts it, so it never fails and is never given up.
	CauseNoFolder Cause = "no_folder"
	// CauseOverdue: due long ago and not attempted since: the sender
	// that should have tried it did not run, or is stuck.
	CauseOverdue Cause = "overdue"
	// CauseFailed: given up on recently (a permanent refusal, or
	// temporary failures for longer than the sender keeps trying).
	CauseFailed Cause = "failed"
)

// Watch decides which outbox messages are stuck.
type Watch struct {
	// Folders is the folder of each IMAP target as the sender knows it;
	// nil while the mailbox's folders are not known yet (then no message
	// is said to lack its folder).
	Folders map[gratitude.Target]string
	// Grace is how long past due a message may wait before it is overdue.
	Grace time.Duration
	// Limit messages per Per is the SMTP rate limit, which may hold due
	// messages back longer (zero: none).
	Limit int
	Per   time.Duration
	// FailedFor is how long a message given up on stays stuck.
	FailedFor time.Duration
}

// Stuck is the messages held back for one cause, to one target.
type Stuck struct {
	Cause  Cause
	Target gratitude.Target // "" for CauseFailed, which spans targets
	Count  int
	// Since is when the oldest of them was queued (CauseNoFolder), fell
	// due (CauseOverdue) or was given up (CauseFailed).
	Since time.Time
	// Attempted counts those attempted at least once (CauseOverdue).
	Attempted int
	// LastError is the error of the most recent attempt among them, if
	// any; Latest, for CauseFailed, is the latest message given up.
	LastError string
	Latest    gratitude.SendFailure
}

// Stuck groups the pending messages and the recent failures by cause and
// target: no folder first, then overdue, then failed.
func (w Watch) Stuck(pending []store.PendingOut, failed []gratitude.SendFailure, now time.Time) []Stuck {
	groups := map[[2]string]*Stuck{}
	var out []*Stuck
	add := func(c Cause, t gratitude.Target, since time.Time) *Stuck {
		k := [2]string{string(c), string(t)}
		g := groups[k]
		if g == nil {
			g = &Stuck{Cause: c, Target: t, Since: since}
			groups[k] = g
			out = append(out, g)
		}
		g.Count++
		if since.Before(g.Since) {
			g.Since = since
		}
		return g
	}
	late := w.smtpLateness(pending, now)
	for _, p := range pending {
		switch {
		case w.Folders != nil && p.Target.IMAP() && w.Folders[p.Target] == "":
			add(CauseNoFolder, p.Target, p.CreatedAt)
		case now.Sub(p.DueAt) > w.Grace+late[p.Target]:
			g := add(CauseOverdue, p.Target, p.DueAt)
			if p.Attempts > 0 {
				g.Attempted++
			}
			if p.LastError != "" {
				g.LastError = p.LastError
			}
		}
	}
	for _, f := range failed {
		if now.Sub(f.At) <= w.FailedFor {
			g := add(CauseFailed, "", f.At)
			if !f.At.Before(g.Latest.At) {
				g.Latest, g.LastError = f, f.Error
			}
		}
	}
	order := map[Cause]int{CauseNoFolder: 0, CauseOverdue: 1, CauseFailed: 2}
	slices.SortStableFunc(out, func(a, b *Stuck) int { return cmp.Compare(order[a.Cause], order[b.Cause]) })
	res := make([]Stuck, len(out))
	for i, g := range out {
		res[i] = *g
	}
	return res
}

// smtpLateness is how much longer than the grace the rate limit may keep
// the due SMTP messages waiting: one period per limit's worth of them.
func (w Watch) smtpLateness(pending []store.PendingOut, now time.Time) map[gratitude.Target]time.Duration {
	if w.Limit <= 0 || w.Per <= 0 {
		return nil
	}
	due := 0
	for _, p := range pending {
		if p.Target == gratitude.TargetSMTP && !p.DueAt.After(now) {
			due++
		}
	}
	periods := (due + w.Limit - 1) / w.Limit
	return map[gratitude.Target]time.Duration{gratitude.TargetSMTP: time.Duration(periods) * w.Per}
}
