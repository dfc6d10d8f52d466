package gratitude

import (
	"testing"
	"time"
)

const day = 24 * time.Hour

var policy = ReminderPolicy{NoReplyAfter: 3 * day, UnresolvedAfter: 7 * day, ThanksPendingAfter: 2 * day}

// remind applies a Reminded event for the reminder r at its due time.
func remind(t *testing.T, req Request, r Reminder) Request {
	t.Helper()
	next, _ := Apply(req, Reminded{Reminder: r.Kind, Seq: r.Seq, At: r.DueAt, DueAt: r.DueAt}, r.DueAt)
	return next
}

func TestNudgeRepeatsThreeTimesWithDoublingGapsThenStops(t *testing.T) {
	req, _ := run(t, ask())
	var got []time.Time
	for range 5 {
		r, ok := NextReminder(req, policy)
		if !ok {
			break
		}
		if r.Kind != ReminderNoReply || r.Seq != len(got)+1 {
			t.Fatalf("reminder %+v", r)
		}
		got = append(got, r.DueAt)
		req = remind(t, req, r)
	}
	want := []time.Time{at(0).Add(3 * day), at(0).Add(6 * day), at(0).Add(12 * day)}
	if len(got) != len(want) {
		t.Fatalf("%d nudges %v, want 3 %v", len(got), got, want)
	}
	for i := range want {
		if !got[i].Equal(want[i]) {
			t.Errorf("nudge %d due %v, want %v", i+1, got[i], want[i])
		}
	}
}

func TestTheAsksOwnWindowSetsTheNudgeAndItsRepeats(t *testing.T) {
	a := ask()
	a.DueAt = at(36)
	req, _ := run(t, a)
	r, _ := NextReminder(req, policy)
	if !r.DueAt.Equal(at(36)) {
		t.Fatalf("first nudge %v, want the ask's own due time %v", r.DueAt, at(36))
	}
	req = remind(t, req, r)
	if r, _ := NextReminder(req, policy); !r.DueAt.Equal(at(72)) {
		t.Errorf("second nudge %v, want one window (36h) later %v", r.DueAt, at(72))
	}
}

func TestEachStateHasItsReminder(t *testing.T) {
	open, _ := run(t, ask())
	answered, _ := run(t, ask(), reply(alice, "r1", 5))
	resolved, _ := run(t, ask(), reply(alice, "r1", 5), Resolve{At: at(50)})
	thanked, _ := run(t, ask(), reply(alice, "r1", 5), Resolve{At: at(50)}, OwnerWrote{MessageID: "t", At: at(51), To: []Address{alice}})
	cancelled, _ := run(t, ask(), Cancel{At: at(1)})
	resolvedNoHelpers, _ := run(t, ask(), Resolve{At: at(2)})
	noremind := ask()
	noremind.NoRemind = true
	quiet, _ := run(t, noremind)
	tests := []struct {
		name string
		req  Request
		kind ReminderKind
		due  time.Time
	}{
		{"open", open, ReminderNoReply, at(0).Add(3 * day)},
		{"answered", answered, ReminderUnresolved, at(5).Add(7 * day)},
		{"resolved", resolved, ReminderThanks, at(50).Add(2 * day)},
		{"thanked", thanked, "", time.Time{}},
		{"cancelled", cancelled, "", time.Time{}},
		{"resolved without helpers", resolvedNoHelpers, "", time.Time{}},
		{"noremind", quiet, "", time.Time{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := NextReminder(tc.req, policy)
			if ok != (tc.kind != "") || r.Kind != tc.kind || !r.DueAt.Equal(tc.due) {
				t.Errorf("NextReminder = %+v, %v; want %s at %v", r, ok, tc.kind, tc.due)
			}
		})
	}
}

func TestAnsweringStopsTheNudgesAndStartsTheUnresolvedClock(t *testing.T) {
	req, _ := run(t, ask())
	r, _ := NextReminder(req, policy)
	req = remind(t, req, r)
	req, _ = Apply(req, reply(bob, "r1", 80), at(80))
	r, ok := NextReminder(req, policy)
	if !ok || r.Kind != ReminderUnresolved || r.Seq != 1 || !r.DueAt.Equal(at(80).Add(7*day)) {
		t.Errorf("after an answer: %+v, %v", r, ok)
	}
}

// berlinQuiet is 21:00-08:00 in Berlin.
func berlinQuiet(t *testing.T) func(time.Time) time.Time {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	return func(t time.Time) time.Time {
		l := t.In(loc)
		m := l.Hour()*60 + l.Minute()
		switch {
		case m >= 21*60:
			return time.Date(l.Year(), l.Month(), l.Day()+1, 8, 0, 0, 0, loc)
		case m < 8*60:
			return time.Date(l.Year(), l.Month(), l.Day(), 8, 0, 0, 0, loc)
		}
		return t
	}
}

func TestQuietHoursPushTheReminderToTheirEnd(t *testing.T) {
	p := policy
	p.Quiet = berlinQuiet(t)
	a := ask()
	a.At = time.Date(2026, 11, 16, 22, 30, 0, 0, time.UTC) // 23:30 in Berlin
	req, _ := run(t, a)
	r, _ := NextReminder(req, p)
	want := time.Date(2026, 11, 20, 7, 0, 0, 0, time.UTC) // 08:00 in Berlin, 3 days later
	if !r.DueAt.Equal(want) {
		t.Errorf("due %v, want %v", r.DueAt, want)
	}
	if _, ok := DueReminder(req, p, want.Add(-time.Minute)); ok {
		t.Error("due inside quiet hours")
	}
	if got, ok := DueReminder(req, p, want); !ok || got.Late {
		t.Errorf("at the end of quiet hours: %+v, %v", got, ok)
	}
}

func TestACatchUpAfterDowntimeIsOneLateReminder(t *testing.T) {
	req, _ := run(t, ask())
	back := at(0).Add(20 * day) // all three nudges were missed
	r, ok := DueReminder(req, policy, back)
	if !ok || r.Seq != 1 || !r.Late {
		t.Fatalf("after downtime: %+v, %v; want the first nudge, late", r, ok)
	}
	next, _ := Apply(req, Reminded{Reminder: r.Kind, Seq: r.Seq, At: back, DueAt: r.DueAt, Late: true}, back)
	if _, ok := DueReminder(next, policy, back); ok {
		t.Error("a second reminder is due at the same instant: missed ticks are being replayed")
	}
	if r, _ := NextReminder(next, policy); !r.DueAt.Equal(back.Add(3 * day)) {
		t.Errorf("the repeat counts from the late send: due %v, want %v", r.DueAt, back.Add(3*day))
	}
	if r, ok := DueReminder(req, policy, at(0).Add(3*day).Add(LateAfter)); !ok || r.Late {
		t.Errorf("within LateAfter it is not late: %+v, %v", r, ok)
	}
}

func TestARepeatedRemindedEventCountsOnce(t *testing.T) {
	req, _ := run(t, ask())
	ev := Reminded{Reminder: ReminderNoReply, Seq: 1, At: at(72)}
	once, _ := Apply(req, ev, at(72))
	twice, ch := Apply(once, ev, at(73))
	if twice.ReminderLog(ReminderNoReply).Sent != 1 || len(ch) != 0 {
		t.Errorf("log %+v, changes %v", twice.ReminderLog(ReminderNoReply), ch)
	}
}

func TestWholeDayWindowsKeepTheTimeOfDayAcrossDST(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	a := ask()
	a.At = time.Date(2026, 10, 23, 15, 0, 0, 0, loc) // summer time ends on the 25th
	req, _ := run(t, a)
	p := policy
	p.Location = loc
	r, _ := NextReminder(req, p)
	if want := time.Date(2026, 10, 26, 15, 0, 0, 0, loc); !r.DueAt.Equal(want) {
		t.Errorf("due %v, want %v (three calendar days)", r.DueAt, want)
	}
	p.NoReplyAfter = 36 * time.Hour
	if r, _ := NextReminder(req, p); !r.DueAt.Equal(a.At.Add(36 * time.Hour)) {
		t.Errorf("a window in hours is counted in hours: %v", r.DueAt)
	}
}

func TestEveryReminderKindHasWordsAndIsAReminder(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range ReminderKinds {
		if w := k.Words(); w == string(k) || w == "" || seen[w] {
			t.Errorf("%s: words %q (none of its own)", k, w)
		}
		seen[k.Words()] = true
		if !IsReminder(string(k)) {
			t.Errorf("%s is not a reminder", k)
		}
	}
	if IsReminder("digest") || IsReminder("card") {
		t.Error("the digest or a card counts as a reminder")
	}
}

func TestThePolicyFingerprintChangesWithEveryWindow(t *testing.T) {
	p := ReminderPolicy{NoReplyAfter: 72 * time.Hour, UnresolvedAfter: 168 * time.Hour, ThanksPendingAfter: 48 * time.Hour, Location: time.UTC}
	fp := p.Fingerprint("22:00-08:00")
	for _, q := range []ReminderPolicy{
		{NoReplyAfter: 24 * time.Hour, UnresolvedAfter: p.UnresolvedAfter, ThanksPendingAfter: p.ThanksPendingAfter, Location: time.UTC},
		{NoReplyAfter: p.NoReplyAfter, UnresolvedAfter: time.Hour, ThanksPendingAfter: p.ThanksPendingAfter, Location: time.UTC},
		{NoReplyAfter: p.NoReplyAfter, UnresolvedAfter: p.UnresolvedAfter, ThanksPendingAfter: time.Hour, Location: time.UTC},
		{NoReplyAfter: p.NoReplyAfter, UnresolvedAfter: p.UnresolvedAfter, ThanksPendingAfter: p.ThanksPendingAfter},
	} {
		if q.Fingerprint("22:00-08:00") == fp {
			t.Errorf("%+v has the fingerprint of %+v", q, p)
		}
	}
	if p.Fingerprint("off") == fp || p.Fingerprint("22:00-08:00") != fp {
		t.Error("quiet hours do not count, or the fingerprint is not stable")
	}
}
