package store

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"gratitude"
)

// listWorld is three live requests (one answered by Alice) and one from
// history, in one account, and one request in another.
func listWorld(t *testing.T) (*Store, int64, []int64) {
	t.Helper()
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	var asks []gratitude.SeenMessage
	for i, subject := range []string{"Flat", "Bike", "Budget", "Old"} {
		m := msg("Sent", 1, uint32(i+1))
		m.MessageID, m.Class, m.From, m.Subject, m.Past = fmt.Sprintf("ask-%d@example.org", i), gratitude.ClassAsk, "ada@example.org", subject, subject == "Old"
		m.Event = gratitude.Asked{MessageID: m.MessageID, Subject: subject, NormSubject: subject, At: t0.Add(time.Duration(i) * time.Hour),
			Asked: []gratitude.Address{bob}}
		asks = append(asks, m)
	}
	commit(t, s, acct, "Sent", 1, asks)
	all, err := s.Requests(ctx, acct, "")
	if err != nil || len(all) != 4 {
		t.Fatalf("Requests: %d, %v", len(all), err)
	}
	ids := []int64{all[0].ID, all[1].ID, all[2].ID, all[3].ID}
	commit(t, s, acct, "INBOX", 7, []gratitude.SeenMessage{replyMsg(1, alice, "r@example.net", ids[1])})
	other := account(t, s, "eve@example.org")
	commit(t, s, other, "Sent", 1, asks[:1])
	return s, acct, ids
}

func TestLiveRequestsLeaveOutHistoryAndOtherStates(t *testing.T) {
	s, acct, ids := listWorld(t)
	ctx := context.Background()
	for _, c := range []struct {
		states []gratitude.State
		want   []int64
	}{
		{[]gratitude.State{gratitude.StateOpen}, []int64{ids[0], ids[2]}},
		{[]gratitude.State{gratitude.StateAnswered}, []int64{ids[1]}},
		{[]gratitude.State{gratitude.StateOpen, gratitude.StateAnswered, gratitude.StateResolved}, ids[:3]},
		{[]gratitude.State{gratitude.StateThanked}, nil},
		{nil, nil},
	} {
		got, err := s.LiveRequests(ctx, acct, c.states)
		if err != nil {
			t.Fatal(err)
		}
		var gotIDs []int64
		for _, r := range got {
			gotIDs = append(gotIDs, r.ID)
		}
		if !slices.Equal(gotIDs, c.want) {
			t.Errorf("LiveRequests(%v) = %v, want %v", c.states, gotIDs, c.want)
		}
	}
}

func TestRequestsByIDKeepTheOrderAndTheAccount(t *testing.T) {
	s, acct, ids := listWorld(t)
	ctx := context.Background()
	got, err := s.RequestsByID(ctx, acct, []int64{ids[2], 999, ids[0], ids[3] + 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Subject != "Budget" || got[1].Subject != "Flat" || len(got[1].Asked) != 1 || len(got[1].Thread) == 0 {
		t.Errorf("RequestsByID = %+v; want Budget then Flat, whole, and nothing of another account's", got)
	}
}

func TestRequestHeadsAndWhoTookPart(t *testing.T) {
	s, acct, ids := listWorld(t)
	ctx := context.Background()
	heads, err := s.RequestHeads(ctx, acct, "")
	if err != nil || len(heads) != 4 {
		t.Fatalf("RequestHeads: %d, %v", len(heads), err)
	}
	if h := heads[3]; h.ID != ids[3] || h.Subject != "Old" || !h.Past || h.State != gratitude.StateOpen || !h.AskedAt.Equal(t0.Add(3*time.Hour)) {
		t.Errorf("the last head: %+v", h)
	}
	if answered, _ := s.RequestHeads(ctx, acct, gratitude.StateAnswered); len(answered) != 1 || answered[0].ID != ids[1] {
		t.Errorf("answered heads: %+v", answered)
	}
	people, err := s.Correspondents(ctx, acct)
	if err != nil || len(people) != 2 || people[0] != alice || people[1] != bob {
		t.Errorf("Correspondents = %+v, %v; want Alice and Bob", people, err)
	}
	with, err := s.RequestsWith(ctx, acct, []string{alice.Email, "nobody@example.org"})
	if err != nil || !maps.Equal(with, map[int64]bool{ids[1]: true}) {
		t.Errorf("RequestsWith(alice) = %v, %v; want %d", with, err, ids[1])
	}
	if with, _ := s.RequestsWith(ctx, acct, []string{bob.Email}); len(with) != 4 {
		t.Errorf("RequestsWith(bob) = %v; want all four", with)
	}
}
