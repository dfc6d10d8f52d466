package gratitude

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 16, 9, 0, 0, 0, time.UTC)

func at(h int) time.Time { return t0.Add(time.Duration(h) * time.Hour) }

var (
	alice = Address{Name: "Alice Martin", Email: "alice@example.net"}
	bob   = Address{Name: "Bob Chen", Email: "Bob@Example.com"}
	erin  = Address{Name: "Erin", Email: "erin@example.com"}
)

func ask() Asked {
	return Asked{MessageID: "ask@x", Subject: "Budget", NormSubject: "budget", At: at(0), Asked: []Address{alice, bob}}
}

func reply(from Address, id string, h int) Replied {
	return Replied{MessageID: id, At: at(h), From: from, Excerpt: "Try the template.", Thread: []string{"ask@x"}}
}

// run applies events in order, each at its own time.
func run(t *testing.T, evs ...Event) (Request, []Change) {
	t.Helper()
	var r Request
	var all []Change
	for _, ev := range evs {
		var ch []Change
		r, ch = Apply(r, ev, at(100))
		all = append(all, ch...)
	}
	return r, all
}

func TestAskCreatesAnOpenRequestAndASecondCopyMergesRecipients(t *testing.T) {
	second := ask()
	second.Asked = []Address{bob, erin}
	r, _ := run(t, ask(), second)
	if r.State != StateOpen || r.MessageID != "ask@x" || len(r.Asked) != 3 {
		t.Fatalf("request %+v", r)
	}
	if !r.WasAsked("BOB@example.com") || !r.InThread("ask@x") {
		t.Fatalf("asked %v thread %v", r.Asked, r.Thread)
	}
}

func TestFirstReplyAnswersAndEachReplyCountsOnce(t *testing.T) {
	r, _ := run(t, ask(), reply(alice, "r1", 1), reply(alice, "r1", 1), reply(alice, "r2", 5))
	h := r.Helper("alice@example.net")
	if r.State != StateAnswered || h == nil || h.Replies != 2 {
		t.Fatalf("state %s helper %+v", r.State, h)
	}
	if !h.FirstReplyAt.Equal(at(1)) || h.LastMessageID != "r2" || h.Excerpt != "Try the template." {
		t.Fatalf("helper %+v", h)
	}
}

func TestThanksBeforeResolveMarksTheHelperButNotTheRequest(t *testing.T) {
	r, _ := run(t, ask(), reply(alice, "r1", 1),
		OwnerWrote{MessageID: "o1", At: at(2), To: []Address{alice}, Thanks: true})
	if !r.Helper("alice@example.net").Thanked() || r.State != StateAnswered {
		t.Fatalf("state %s helper %+v", r.State, r.Helper("alice@example.net"))
	}
	r, _ = Apply(r, Resolve{At: at(3)}, at(3))
	if r.State != StateThanked {
		t.Fatalf("resolving with every helper thanked: state %s, want thanked", r.State)
	}
}

func TestAFollowUpWithoutThanksBeforeResolveThanksNobody(t *testing.T) {
	r, _ := run(t, ask(), reply(alice, "r1", 1),
		OwnerWrote{MessageID: "o1", At: at(2), To: []Address{alice}})
	if r.Helper("alice@example.net").Thanked() {
		t.Fatal("a plain follow-up counted as thanks")
	}
}

func TestAfterResolveAnyMessageToTheHelperThanksThem(t *testing.T) {
	r, _ := run(t, ask(), reply(alice, "r1", 1), reply(bob, "r2", 2), Resolve{At: at(3)},
		OwnerWrote{MessageID: "o1", At: at(4), To: []Address{alice}})
	if r.State != StateResolved || !r.Helper("alice@example.net").Thanked() || r.Helper("bob@example.com").Thanked() {
		t.Fatalf("state %s helpers %+v", r.State, r.Helpers)
	}
	r, ch := Apply(r, OwnerWrote{MessageID: "o2", At: at(5), To: []Address{bob}}, at(5))
	if r.State != StateThanked || !r.ThankedAt.Equal(at(5)) {
		t.Fatalf("state %s thanked at %v; changes %v", r.State, r.ThankedAt, ch)
	}
}

func TestOwnerMailBeforeTheHelpersReplyIsNotThanks(t *testing.T) {
	r, _ := run(t, ask(), reply(alice, "r1", 5), Resolve{At: at(6)},
		OwnerWrote{MessageID: "o1", At: at(4), To: []Address{alice}, Thanks: true})
	if r.Helper("alice@example.net").Thanked() {
		t.Fatal("a message written before the help arrived counted as thanks")
	}
}

func TestResolvingWithoutHelpersStaysResolved(t *testing.T) {
	r, _ := run(t, ask(), Resolve{At: at(1)})
	if r.State != StateResolved {
		t.Fatalf("state %s", r.State)
	}
}

func TestANewHelperAfterThanksReopensTheThanksClock(t *testing.T) {
	r, _ := run(t, ask(), reply(alice, "r1", 1), Resolve{At: at(2)},
		OwnerWrote{MessageID: "o1", At: at(3), To: []Address{alice}}, reply(erin, "r9", 4))
	if r.State != StateResolved || r.Helper("erin@example.com") == nil {
		t.Fatalf("state %s helpers %+v", r.State, r.Helpers)
	}
}

func TestCancelFromAnywhereAndNothingResolvesACancelledRequest(t *testing.T) {
	r, _ := run(t, ask(), reply(alice, "r1", 1), Cancel{At: at(2)}, Resolve{At: at(3)})
	if r.State != StateCancelled || !r.ResolvedAt.IsZero() {
		t.Fatalf("state %s resolved %v", r.State, r.ResolvedAt)
	}
}

func TestMarkHelpedAddsAManualHelper(t *testing.T) {
	r, ch := run(t, ask(), MarkHelped{Who: erin, At: at(1)})
	if r.State != StateAnswered || r.Helper("erin@example.com") == nil || !r.Helper("erin@example.com").Manual {
		t.Fatalf("state %s helpers %+v", r.State, r.Helpers)
	}
	if len(ch) < 2 {
		t.Fatalf("changes %v: want asked state change and helper", ch)
	}
}

func TestForwardedAnswerStartsItsSenderAsHelper(t *testing.T) {
	fwd := ask()
	helped := reply(alice, "orig-reply", -2)
	fwd.Helped = &helped
	r, _ := run(t, fwd)
	if r.State != StateAnswered || r.Helper("alice@example.net") == nil || !r.InThread("orig-reply") {
		t.Fatalf("state %s helpers %+v thread %v", r.State, r.Helpers, r.Thread)
	}
}

func TestApplyDoesNotShareSlicesWithItsInput(t *testing.T) {
	r, _ := run(t, ask(), reply(alice, "r1", 1))
	before := r.Helpers[0].Replies
	Apply(r, reply(alice, "r2", 2), at(2))
	if r.Helpers[0].Replies != before {
		t.Fatal("Apply changed the caller's request")
	}
}

func TestBetterNameKeepsARealName(t *testing.T) {
	for _, c := range []struct{ old, seen, want string }{
		{"", "Alice Martin", "Alice Martin"},
		{"Alice Martin", "", "Alice Martin"},
		{"Alice Martin", "alice@example.net", "Alice Martin"},
		{"Alice", "Alice Martin", "Alice Martin"},
		{"", "", ""},
	} {
		if got := BetterName(c.old, c.seen, "alice@example.net"); got != c.want {
			t.Errorf("BetterName(%q, %q) = %q, want %q", c.old, c.seen, got, c.want)
		}
	}
}
