package outbox

import (
	"context"
	"errors"
	"testing"
	"time"

	"gratitude"
)

// quietUntil makes the rig's quiet hours last from before t0 until end.
func (r *rig) quietUntil(end time.Time) {
	r.s.Owner = owner
	r.s.QuietKinds = []string{"nudge", "digest"}
	r.s.Quiet = func(t time.Time) time.Time {
		if t.Before(end) {
			return end
		}
		return t
	}
}

func TestAReminderQueuedBeforeQuietHoursWaitsForTheirEnd(t *testing.T) {
	r := newRig(t, nil)
	morning := t0.Add(10 * time.Hour)
	r.quietUntil(morning)
	// Queued in the evening; the daemon was down when quiet hours began.
	r.enqueueKind("nudge", "n1@example.org", gratitude.TargetSMTP)
	r.enqueueKind("digest", "d1@example.org", gratitude.TargetInbox)
	// An approval card answers something the owner just did: it goes now.
	r.enqueueKind("card", "c1@example.org", gratitude.TargetInbox)
	if res := r.drain(); res.Sent != 1 || !res.Next.Equal(morning) {
		t.Fatalf("drain in quiet hours %+v; want the card alone sent and the rest at %v", res, morning)
	}
	if got := r.folder("INBOX"); !hasKey(got, "c1@example.org") || len(got) != 1 {
		t.Fatalf("INBOX holds %v; want the card alone", got)
	}
	if n := len(r.smtp.Messages()); n != 0 {
		t.Fatalf("the server got %d messages in quiet hours", n)
	}
	r.clock.add(time.Hour)
	if res := r.drain(); res.Sent != 0 {
		t.Fatalf("sent before the end of quiet hours: %+v", res)
	}
	r.clock.add(morning.Sub(r.clock.Now()))
	if res := r.drain(); res.Sent != 2 || !res.Next.IsZero() {
		t.Fatalf("drain at the end of quiet hours %+v; want both sent", res)
	}
	all, err := r.st.Outbox(r.ctx, r.acct)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range all {
		if o.Attempts != 1 {
			t.Errorf("%s took %d attempts; holding it back is not an attempt", o.MessageID, o.Attempts)
		}
	}
}

func TestAReminderCutOffByACrashIsNotResentInsideQuietHours(t *testing.T) {
	r := newRig(t, nil)
	morning := t0.Add(10 * time.Hour)
	r.quietUntil(morning)
	r.enqueueKind("nudge", "n1@example.org", gratitude.TargetSMTP)
	// A sender claimed it (before a crash, with no quiet hours set) and
	// died mid-send.
	if _, ok, err := r.st.ClaimOutgoing(r.ctx, r.acct, []gratitude.Target{gratitude.TargetSMTP}, t0, DefaultLease); err != nil || !ok {
		t.Fatal(ok, err)
	}
	r.clock.add(DefaultLease)
	if res := r.drain(); res.Sent != 0 || !res.Next.Equal(morning) {
		t.Fatalf("drain after the lease, in quiet hours %+v; want it held until %v", res, morning)
	}
	r.clock.add(morning.Sub(r.clock.Now()))
	if res := r.drain(); res.Sent != 1 {
		t.Fatalf("drain at the end of quiet hours %+v", res)
	}
	if n := len(r.smtp.Messages()); n != 1 {
		t.Fatalf("the server got %d messages, want 1", n)
	}
}

func hasKey[V any](m map[string]V, k string) bool {
	_, ok := m[k]
	return ok
}

func TestAStopWhileHoldingAReminderBackStillPutsItBack(t *testing.T) {
	r := newRig(t, nil)
	morning := t0.Add(10 * time.Hour)
	r.quietUntil(morning)
	ctx, cancel := context.WithCancel(r.ctx)
	quiet := r.s.Quiet
	r.s.Quiet = func(t time.Time) time.Time {
		cancel() // SIGTERM arrives between the claim and putting it back
		return quiet(t)
	}
	r.enqueueKind("nudge", "n1@example.org", gratitude.TargetSMTP)
	if _, err := r.s.Drain(ctx); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("drain: %v", err)
	}
	all, err := r.st.Outbox(r.ctx, r.acct)
	if err != nil || len(all) != 1 {
		t.Fatal(all, err)
	}
	if o := all[0]; o.State != gratitude.OutQueued || o.Attempts != 0 || !o.NextAttemptAt.Equal(morning) {
		t.Errorf("after the stop: %s, %d attempts, next at %v; want queued, 0, %v", o.State, o.Attempts, o.NextAttemptAt, morning)
	}
}
