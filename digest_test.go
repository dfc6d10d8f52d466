package gratitude

import (
	"testing"
)

func TestDigestSortsRequestsByStateAndSumsUpTheLedger(t *testing.T) {
	carol := Address{Name: "Carol", Email: "carol@example.de"}
	open, _ := run(t, ask())
	open.ID = 1
	answered, _ := run(t, ask(), reply(alice, "r1", 5))
	answered.ID = 2
	resolved, _ := run(t, ask(), reply(alice, "r2", 30), reply(carol, "r3", 31), Resolve{At: at(40)})
	resolved.ID = 3
	thanked, _ := run(t, ask(), reply(bob, "r4", 6), Resolve{At: at(7)}, OwnerWrote{MessageID: "t", At: at(8), To: []Address{bob}})
	thanked.ID = 4
	people := []Person{
		{Email: "alice@example.net", Name: "Alice Martin", HelpedMe: 2, LastHelpAt: at(30)},
		{Email: "bob@example.com", HelpedMe: 3, IHelped: 1},
		{Email: "carol@example.de", HelpedMe: 1},
	}
	d := BuildDigest([]Request{thanked, resolved, answered, open}, people, nil, at(20), at(100))
	if len(d.Open) != 1 || d.Open[0].ID != 1 || len(d.Answered) != 1 || d.Answered[0].ID != 2 || len(d.Unthanked) != 1 || d.Unthanked[0].ID != 3 {
		t.Fatalf("open %v answered %v unthanked %v", ids(d.Open), ids(d.Answered), ids(d.Unthanked))
	}
	// Since at(20): Alice (r2) and Carol (r3); not Alice's r1 nor Bob's r4.
	if len(d.HelpedSince) != 2 || d.HelpedSince[0].Who.Email != "carol@example.de" || d.HelpedSince[1].Who.Email != "alice@example.net" {
		t.Errorf("helped since %+v", d.HelpedSince)
	}
	// Unthanked: Alice since at(5) (answered request), then Carol at(31); Alice twice.
	if len(d.LongestUnthanked) != 2 || d.LongestUnthanked[0].Who.Email != "alice@example.net" ||
		d.LongestUnthanked[0].Count != 2 || !d.LongestUnthanked[0].At.Equal(at(5)) {
		t.Errorf("longest unthanked %+v", d.LongestUnthanked)
	}
	if len(d.NeverHelpedBack) != 1 || d.NeverHelpedBack[0].Who.Email != "alice@example.net" || d.NeverHelpedBack[0].Count != 2 {
		t.Errorf("never helped back %+v", d.NeverHelpedBack)
	}
	if d.Empty() {
		t.Error("a digest with open requests is empty")
	}
}

func TestDigestWithNothingToSayIsEmpty(t *testing.T) {
	thanked, _ := run(t, ask(), reply(bob, "r4", 6), Resolve{At: at(7)}, OwnerWrote{MessageID: "t", At: at(8), To: []Address{bob}})
	cancelled, _ := run(t, ask(), Cancel{At: at(1)})
	people := []Person{{Email: "bob@example.com", HelpedMe: 5}} // never helped back alone is no news
	d := BuildDigest([]Request{thanked, cancelled}, people, nil, at(10), at(100))
	if !d.Empty() {
		t.Errorf("digest not empty: %+v", d)
	}
	d = BuildDigest([]Request{thanked}, nil, []SendFailure{{Kind: "nudge", Error: "550"}}, at(10), at(100))
	if d.Empty() {
		t.Error("a failure is news")
	}
}

func ids(rs []Request) []int64 {
	var out []int64
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// History is not work: a past request is neither open nor waiting for
// thanks in the digest, though its help still counts.
func TestDigestLeavesHistoryOut(t *testing.T) {
	pastAsk := ask()
	pastAsk.Past = true
	open, _ := run(t, pastAsk)
	answered, _ := run(t, pastAsk, reply(alice, "r1", 30))
	d := BuildDigest([]Request{open, answered}, nil, nil, at(20), at(100))
	if len(d.Open)+len(d.Answered)+len(d.Unthanked)+len(d.LongestUnthanked) != 0 {
		t.Errorf("history as work: open %d answered %d unthanked %d longest %v",
			len(d.Open), len(d.Answered), len(d.Unthanked), d.LongestUnthanked)
	}
	if len(d.HelpedSince) != 1 {
		t.Errorf("helped since %+v, want Alice's past help counted", d.HelpedSince)
	}
}
