package main

import (
	"context"
	"slices"
	"time"

	"gratitude"

	"gratitude/internal/outbox"
	"gratitude/store"
)

// step is one store call of a steady pass, timed in this process on the
// filled database.
type step struct {
	Runner string // thanks, remind, outbox or sync
	Call   string
	Rows   int // what it returned
	Took   time.Duration
}

// read is a store call to time; it returns how many rows it got.
type read struct {
	runner, call string
	do           func() (int, error)
}

// timeSteps opens the database through the store, as the daemon does, and
// times each read a steady pass makes (the median of rounds, after one
// untimed call that warms the page cache); subject is a recent request's
// normalised subject.
func timeSteps(path, user, subject string, rounds int) ([]step, error) {
	ctx := context.Background()
	st, err := store.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	acct, err := st.Account(ctx, user)
	if err != nil {
		return nil, err
	}
	var steps []step
	for _, c := range passReads(ctx, st, acct, subject, time.Now()) {
		s := step{Runner: c.runner, Call: c.call}
		var took []time.Duration
		for r := range rounds + 1 {
			start := time.Now()
			n, err := c.do()
			if err != nil {
				return nil, err
			}
			if r > 0 {
				took = append(took, time.Since(start))
			}
			s.Rows = n
		}
		slices.Sort(took)
		s.Took = took[len(took)/2]
		steps = append(steps, s)
	}
	return steps, nil
}

// passReads are the reads of a steady pass that finds nothing to do, in
// the order the daemon makes them, and the read by which the sync finds
// the request a reply without threading headers answers.
func passReads(ctx context.Context, st *store.Store, acct int64, subject string, now time.Time) []read {
	return []read{
		{"thanks", "ObsoleteDrafts (supersede; runs twice)", func() (int, error) {
			ds, err := st.ObsoleteDrafts(ctx, acct)
			return len(ds), err
		}},
		{"thanks", "PendingCommands", func() (int, error) { c, err := st.PendingCommands(ctx, acct); return len(c), err }},
		{"thanks", "RequestsToDraft (qToDraft)", func() (int, error) { r, err := st.RequestsToDraft(ctx, acct, 100); return len(r), err }},
		{"thanks", "UndeliveredRequests", func() (int, error) { r, err := st.UndeliveredRequests(ctx, acct); return len(r), err }},
		{"thanks", "RefusalsToReport", func() (int, error) { r, err := st.RefusalsToReport(ctx, acct); return len(r), err }},
		{"remind", "ChangedRequests (qDirty)", func() (int, error) { r, err := st.ChangedRequests(ctx, acct, 200); return len(r), err }},
		{"remind", "DueRequests (qDue)", func() (int, error) { r, err := st.DueRequests(ctx, acct, now, 200); return len(r), err }},
		{"remind", "NextReminderAt (qNextReminder)", func() (int, error) { _, ok, err := st.NextReminderAt(ctx, acct); return b2i(ok), err }},
		{"outbox", "ClaimOutgoing, nothing due (qOutClaimable)", func() (int, error) {
			_, ok, err := st.ClaimOutgoing(ctx, acct, allTargets, now, outbox.DefaultLease)
			return b2i(ok), err
		}},
		{"outbox", "NextOutgoingAt (qOutNext)", func() (int, error) { _, ok, err := st.NextOutgoingAt(ctx, acct, allTargets); return b2i(ok), err }},
		{"sync", "RequestsBySubject, one subject (a message without threading headers)", func() (int, error) {
			r, err := st.RequestsBySubject(ctx, acct, []string{subject}, now.Add(-60*24*time.Hour))
			return len(r), err
		}},
	}
}

// allTargets are the targets the sender claims from with no rate limit.
var allTargets = []gratitude.Target{gratitude.TargetInbox, gratitude.TargetDrafts, gratitude.TargetSent, gratitude.TargetDraftsRemove, gratitude.TargetSMTP}

// b2i counts a found row as 1.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
