package gratitude

import (
	"testing"
	"time"
)

func TestPlanThanksDraftsForHelpersWhoWroteInTheThread(t *testing.T) {
	carol := Address{Name: "Carol", Email: "carol@example.de"}
	r, _ := run(t, ask(), reply(alice, "r1", 5), reply(bob, "r2", 30), MarkHelped{Who: carol, At: at(31)},
		Resolve{At: at(40)}, Skip{Who: bob, At: at(41)})
	plans, none := PlanThanks(r, map[string]int{"alice@example.net": 3}, map[string]int{"alice@example.net": 1}, 4)
	if len(plans) != 1 || plans[0].Helper.Email != "alice@example.net" {
		t.Fatalf("plans %+v; want Alice only (Bob skipped, Carol helped outside the thread)", plans)
	}
	p := plans[0]
	if p.InReplyTo != "r1" || len(p.References) != 2 || p.References[0] != "ask@x" || p.Subject != "Re: Budget" ||
		p.TookFor != 5*time.Hour || p.HelpedBefore != 2 || p.Variant != 2 {
		t.Errorf("plan %+v", p)
	}
	if len(none) != 1 || none[0].Email != "carol@example.de" {
		t.Errorf("no draft for %+v, want Carol", none)
	}
	open, _ := run(t, ask(), reply(alice, "r1", 5))
	if plans, _ := PlanThanks(open, nil, nil, 4); len(plans) != 0 {
		t.Errorf("an unresolved request got drafts: %+v", plans)
	}
}

func TestVariantsRotateSoNobodyGetsTheSameWordsTwiceInARow(t *testing.T) {
	last := map[string]int{}
	seen := map[int]bool{}
	for range 8 {
		v := nextVariant(last, "alice@example.net", 4)
		if prev, ok := last["alice@example.net"]; ok && prev == v {
			t.Fatalf("variant %d twice in a row", v)
		}
		last["alice@example.net"] = v
		seen[v] = true
	}
	if len(seen) != 4 {
		t.Errorf("only variants %v were used", seen)
	}
	if nextVariant(nil, "x", 1) != 0 {
		t.Error("one variant must be variant 0")
	}
}

func TestSkipAndNotHelpedCloseTheThanksClock(t *testing.T) {
	r, _ := run(t, ask(), reply(alice, "r1", 5), reply(bob, "r2", 6), Resolve{At: at(10)},
		OwnerWrote{MessageID: "t1", At: at(11), To: []Address{alice}})
	if r.State != StateResolved {
		t.Fatalf("state %s", r.State)
	}
	skipped, _ := Apply(r, Skip{Who: bob, At: at(12)}, at(12))
	if skipped.State != StateThanked || !skipped.Helper("bob@example.com").Skipped {
		t.Errorf("after skipping Bob: %s", skipped.State)
	}
	removed, _ := Apply(r, NotHelped{Who: bob, At: at(12)}, at(12))
	if removed.State != StateThanked || removed.Helper("bob@example.com") != nil {
		t.Errorf("after Bob did not help: %s, %+v", removed.State, removed.Helpers)
	}
	answered, _ := run(t, ask(), reply(alice, "r1", 5), NotHelped{Who: alice, At: at(6)})
	if answered.State != StateOpen || len(answered.Helpers) != 0 {
		t.Errorf("the only helper removed: %s %+v; want open again", answered.State, answered.Helpers)
	}
}

func TestSnoozeHoldsRemindersBack(t *testing.T) {
	r, _ := run(t, ask(), Snooze{Until: at(100), At: at(1)})
	next, ok := NextReminder(r, policy)
	if !ok || !next.DueAt.Equal(at(100)) {
		t.Errorf("next %+v; want the nudge at the end of the snooze", next)
	}
	r, _ = run(t, ask(), Snooze{Until: at(10), At: at(1)})
	if next, _ := NextReminder(r, policy); !next.DueAt.Equal(at(72)) {
		t.Errorf("a snooze shorter than the window changes nothing: %v", next.DueAt)
	}
}

func TestASentDraftIsTheOwnersThanksInTheThread(t *testing.T) {
	d := Draft{MessageID: "ty@example.org", To: Address{Name: "Alice", Email: "alice@example.net"},
		InReplyTo: "r-alice@example.net", References: []string{"ask@example.org", "r-alice@example.net"}}
	at := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	r := Request{ID: 1, State: StateResolved, MessageID: "ask@example.org", Thread: []string{"ask@example.org"},
		Helpers: []Helper{{Email: "alice@example.net", Replies: 1}}}
	after, _ := Apply(r, d.Sent(at), at)
	if h := after.Helper("alice@example.net"); h == nil || !h.Thanked() || after.State != StateThanked {
		t.Fatalf("after the thank-you left: %+v", after)
	}
}

// Each helper's plan says what fits them: the first of several to answer,
// one nobody asked (Erin, brought in), one who wrote twice, one who came
// after the request was resolved; and the outcome the owner gave.
func TestPlanThanksSaysHowEachHelperHelpedAndWhatCameOfIt(t *testing.T) {
	r, _ := run(t, ask(), reply(alice, "r1", 5), reply(bob, "r2", 7), reply(bob, "r3", 9), reply(erin, "r4", 8),
		Resolve{At: at(20), Outcome: " we took the flat in Kreuzberg "})
	r, _ = Apply(r, Replied{MessageID: "r5", At: at(30), From: Address{Name: "Dan", Email: "dan@example.net"},
		Excerpt: "Late, but: ask the Hausverwaltung.", Thread: []string{"ask@x"}}, at(30))
	if r.Outcome != "we took the flat in Kreuzberg" {
		t.Fatalf("outcome %q", r.Outcome)
	}
	plans, _ := PlanThanks(r, nil, nil, 5)
	got := map[string]ThanksPlan{}
	for _, p := range plans {
		got[p.Helper.Email] = p
		if p.Outcome != "we took the flat in Kreuzberg" {
			t.Errorf("%s: outcome %q", p.Helper.Email, p.Outcome)
		}
	}
	a, b, e, d := got["alice@example.net"], got["bob@example.com"], got["erin@example.com"], got["dan@example.net"]
	if !a.First || a.BroughtIn || a.Late || b.First || b.Replies != 2 || !e.BroughtIn || e.First || !d.Late || !d.BroughtIn {
		t.Errorf("facts: alice %+v\nbob %+v\nerin %+v\ndan %+v", a, b, e, d)
	}
}

// Two helpers of one request never get the same wording while there are
// wordings enough, whatever they got last time.
func TestHelpersOfOneRequestGetDifferentWordings(t *testing.T) {
	r, _ := run(t, ask(), reply(alice, "r1", 5), reply(bob, "r2", 7), reply(erin, "r4", 8), Resolve{At: at(20)})
	for _, last := range []map[string]int{nil, {"alice@example.net": 0, "bob@example.com": 0, "erin@example.com": 0},
		{"alice@example.net": 2, "bob@example.com": 1, "erin@example.com": 1}} {
		plans, _ := PlanThanks(r, nil, last, 4)
		seen := map[int]string{}
		for _, p := range plans {
			if other, dup := seen[p.Variant]; dup {
				t.Errorf("last %v: %s and %s both get variant %d", last, other, p.Helper.Email, p.Variant)
			}
			seen[p.Variant] = p.Helper.Email
			if prev, ok := last[p.Helper.Email]; ok && prev == p.Variant {
				t.Errorf("last %v: %s gets variant %d again", last, p.Helper.Email, p.Variant)
			}
		}
	}
	// Three wordings, three helpers who each had the first last time: they
	// cannot all avoid it and differ, and differing wins.
	plans, _ := PlanThanks(r, nil, map[string]int{"alice@example.net": 0, "bob@example.com": 0, "erin@example.com": 0}, 3)
	if vs := map[int]bool{plans[0].Variant: true, plans[1].Variant: true, plans[2].Variant: true}; len(vs) != 3 {
		t.Errorf("three helpers, three wordings: %+v", plans)
	}
}
