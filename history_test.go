package gratitude

import (
	"testing"
	"time"
)

func TestHistoryPastIsWhatTheMailboxHeldDatedBeforeTracking(t *testing.T) {
	h := History{UpToUID: 10, Before: at(-48), Began: at(0)}
	cases := []struct {
		name    string
		uid     uint32
		date    time.Time
		command bool
		past    bool
	}{
		{"held, dated before track_from", 3, at(-100), false, true},
		{"held, dated after track_from", 3, at(-1), false, false},
		{"held, no readable date", 3, time.Time{}, false, true},
		{"held command after track_from but before the sync began", 10, at(-1), true, true},
		{"held command dated after the sync began", 10, at(1), true, false},
		{"arrived after the first sync, dated long ago", 11, at(-1000), true, false},
		{"no UID", 0, at(-1000), false, false},
	}
	for _, c := range cases {
		if got := h.Past(c.uid, c.date, c.command); got != c.past {
			t.Errorf("%s: past %v, want %v", c.name, got, c.past)
		}
	}
	if (History{}).Past(1, at(-1000), true) {
		t.Error("a cursor without history (older than it) made a message past")
	}
}

func TestTrackFromStartsAtTheDateOrASpanBeforeTheFirstSync(t *testing.T) {
	if got := (TrackFrom{}).Start(at(0)); !got.Equal(at(0)) {
		t.Errorf("default: %v, want the moment of the first sync", got)
	}
	if got := (TrackFrom{Back: 30 * 24 * time.Hour}).Start(at(0)); !got.Equal(at(-30 * 24)) {
		t.Errorf("30d: %v", got)
	}
	if got := (TrackFrom{Date: at(-5), Back: time.Hour}).Start(at(0)); !got.Equal(at(-5)) {
		t.Errorf("a date wins: %v", got)
	}
}

func TestAPastRequestIsNeverRemindedUntilTracked(t *testing.T) {
	a := ask()
	a.Past = true
	r, _ := run(t, a)
	if !r.Past || r.State != StateOpen {
		t.Fatalf("past ask: %+v", r)
	}
	p := ReminderPolicy{NoReplyAfter: 72 * time.Hour, UnresolvedAfter: 7 * 24 * time.Hour, ThanksPendingAfter: 48 * time.Hour}
	if rem, ok := NextReminder(r, p); ok {
		t.Fatalf("a past request gets reminder %+v", rem)
	}
	r, ch := Apply(r, Track{At: at(200)}, at(200))
	if r.Past || len(ch) != 1 {
		t.Fatalf("tracked: past %v, changes %v", r.Past, ch)
	}
	if _, ok := NextReminder(r, p); !ok {
		t.Error("a tracked request gets no reminder")
	}
	if r2, ch := Apply(r, Track{At: at(201)}, at(201)); r2.Past || len(ch) != 0 {
		t.Errorf("tracking a live request changed it: %v", ch)
	}
}

// Read out of order (Sent before INBOX on a first sync), the owner's thanks
// comes before the reply it thanks; the helper is thanked all the same.
func TestThanksReadBeforeTheReplyItThanksCounts(t *testing.T) {
	a := ask()
	a.Past = true
	thanks := OwnerWrote{MessageID: "ty@x", At: at(5), To: []Address{alice}, Thanks: true, Thread: []string{"r1@x"}}
	r, _ := run(t, a, thanks, reply(alice, "r1@x", 2))
	if h := r.Helper(alice.Email); h == nil || !h.ThankedAt.Equal(at(5)) || r.State != StateThanked {
		t.Fatalf("thanks read first: state %s, helper %+v; want thanked at +5h", r.State, h)
	}
	// Thanks written before the help (for an offer, say) does not count.
	r, _ = run(t, ask(), OwnerWrote{MessageID: "ty@x", At: at(1), To: []Address{alice}, Thanks: true}, reply(alice, "r1@x", 2))
	if h := r.Helper(alice.Email); h == nil || h.Thanked() {
		t.Fatalf("thanks before the reply counted: %+v", h)
	}
	// A live request is thanked helper by helper, and still waits for "resolved".
	r, _ = run(t, ask(), thanks, reply(alice, "r1@x", 2))
	if h := r.Helper(alice.Email); h == nil || !h.Thanked() || r.State != StateAnswered {
		t.Fatalf("live: state %s, helper %+v; want answered with Alice thanked", r.State, h)
	}
}
