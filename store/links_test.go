package store

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/owner"
)

var aliceWork = gratitude.Address{Name: "A. Martin", Email: "alice@work.example"}

// aliceTwice records the ask to Alice and Bob, Alice's replies from both
// her addresses, and two messages the owner sent to help her: one to both
// addresses, a later one to her work address; it returns the request.
func aliceTwice(t *testing.T, s *Store, acct int64) int64 {
	t.Helper()
	commit(t, s, acct, "Sent", 1, []gratitude.SeenMessage{askMsg(1)})
	reqs, _ := s.Requests(context.Background(), acct, "")
	commit(t, s, acct, "INBOX", 7, []gratitude.SeenMessage{
		replyMsg(1, alice, "r1@x", reqs[0].ID), replyMsg(2, aliceWork, "r2@x", reqs[0].ID)})
	both, work := msg("Sent", 1, 2), msg("Sent", 1, 3)
	both.Class, both.Event = gratitude.ClassGave, gratitude.Gave{MessageID: both.MessageID, At: t0.Add(24 * time.Hour), To: []gratitude.Address{alice, aliceWork}}
	work.Class, work.Event = gratitude.ClassGave, gratitude.Gave{MessageID: work.MessageID, At: t0.Add(48 * time.Hour), To: []gratitude.Address{aliceWork}}
	commit(t, s, acct, "Sent", 1, []gratitude.SeenMessage{both, work})
	return reqs[0].ID
}

func peopleByEmail(t *testing.T, s *Store, acct int64) map[string]Person {
	t.Helper()
	people, err := s.People(context.Background(), acct)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Person{}
	for _, p := range people {
		out[p.Email] = p
	}
	return out
}

// Two addresses of one person are one row of the ledger once linked, with
// both addresses and what either did; help on one request from both
// counts once, and so does one message to both.
func TestLinkedAddressesAreOnePersonCountedOncePerRequest(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	aliceTwice(t, s, acct)
	if got := peopleByEmail(t, s, acct); len(got) != 3 || got["alice@work.example"].HelpedMe != 1 {
		t.Fatalf("before linking: %+v, want Alice's two addresses apart", got)
	}
	if err := s.SaveLinks(ctx, acct, []gratitude.PersonLink{{Email: "alice@work.example", SameAs: "alice@example.net"}}); err != nil {
		t.Fatal(err)
	}
	got := peopleByEmail(t, s, acct)
	a := got["alice@example.net"]
	if len(got) != 2 || !slices.Equal(a.Emails, []string{"alice@example.net", "alice@work.example"}) {
		t.Fatalf("after linking: %+v, want Alice once with both addresses", got)
	}
	if a.HelpedMe != 1 || a.Asked != 1 || a.IHelped != 2 || a.Name != "Alice Martin" {
		t.Errorf("alice = %+v, want helped 1, asked 1, I helped 2", a)
	}
	if want := t0.Add(48 * time.Hour); !a.LastGaveAt.Equal(want) || !a.LastContactAt.Equal(want) {
		t.Errorf("last gave %v, last contact %v; want both %v", a.LastGaveAt, a.LastContactAt, want)
	}
	if b := got["bob@example.com"]; !slices.Equal(b.Emails, []string{"bob@example.com"}) {
		t.Errorf("bob's addresses %v", b.Emails)
	}
	received, given, err := s.HelpTimes(ctx, acct, t0)
	if err != nil || len(received) != 1 || len(given) != 2 {
		t.Errorf("help times %v, %v, %v; want one received and two given", received, given, err)
	}
	if all, err := s.Addresses(ctx, acct, "ALICE@work.example"); err != nil || !slices.Equal(all, a.Emails) {
		t.Errorf("addresses of Alice's work address: %v, %v", all, err)
	}
}

// The store keeps no chains and links no unknown address: such a set of
// links is refused whole.
func TestSaveLinksRefusesChainsAndUnknownAddresses(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	aliceTwice(t, s, acct)
	if err := s.SaveLinks(ctx, acct, []gratitude.PersonLink{{Email: "alice@work.example", SameAs: "alice@example.net"}}); err != nil {
		t.Fatal(err)
	}
	chain := []gratitude.PersonLink{{Email: "bob@example.com", SameAs: "alice@work.example"}}
	if err := s.SaveLinks(ctx, acct, chain); err == nil {
		t.Error("a link to a linked address was saved")
	}
	self := []gratitude.PersonLink{{Email: "bob@example.com", SameAs: "bob@example.com"}}
	if err := s.SaveLinks(ctx, acct, self); err == nil {
		t.Error("an address linked to itself was saved")
	}
	unknown := []gratitude.PersonLink{{Email: "bob@example.com", SameAs: "alice@example.net"}, {Email: "eve@example.com", SameAs: "alice@example.net"}}
	if err := s.SaveLinks(ctx, acct, unknown); !errors.Is(err, gratitude.ErrNoSuchPerson) {
		t.Errorf("linking an unknown address: %v, want gratitude.ErrNoSuchPerson", err)
	}
	if got := peopleByEmail(t, s, acct); len(got) != 2 || len(got["bob@example.com"].Emails) != 1 {
		t.Errorf("after the refusals: %+v, want Bob on his own", got)
	}
	if _, err := s.Addresses(ctx, acct, "eve@example.com"); !errors.Is(err, gratitude.ErrNoSuchPerson) {
		t.Errorf("addresses of an unknown address: %v", err)
	}
}

// Help is counted in the owner's months: an answer at 23:30 UTC on 31
// March is April's for an owner at UTC+1; a cancelled request's help is
// no help received.
func TestHelpByMonthIsInTheOwnersZone(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	commit(t, s, acct, "Sent", 1, []gratitude.SeenMessage{askMsg(1)})
	reqs, _ := s.Requests(ctx, acct, "")
	late := replyMsg(1, alice, "r1@x", reqs[0].ID)
	late.Event = gratitude.Replied{MessageID: "r1@x", At: time.Date(2025, 3, 31, 23, 30, 0, 0, time.UTC), From: alice,
		Excerpt: "Done.", Thread: []string{"ask@example.org"}}
	commit(t, s, acct, "INBOX", 7, []gratitude.SeenMessage{late})
	q := owner.Queries{Store: s, Account: acct}
	plus1, now := time.FixedZone("UTC+1", 3600), time.Date(2025, 4, 10, 12, 0, 0, 0, time.UTC)
	months, err := q.HelpByMonth(ctx, plus1, now)
	if err != nil || len(months) != gratitude.HelpMonths {
		t.Fatalf("%v, %v", months, err)
	}
	if april, march := months[11], months[10]; april.Received != 1 || march.Received != 0 || april.Month.Month() != time.April {
		t.Errorf("March %+v, April %+v; want the answer in April", march, april)
	}
	if months, _ := q.HelpByMonth(ctx, time.UTC, now); months[10].Received != 1 {
		t.Errorf("for an owner in UTC, March %+v; want the answer there", months[10])
	}
	if _, err := s.Update(ctx, acct, reqs[0].ID, now, gratitude.Deciding(gratitude.Cancel{At: now}, now)); err != nil {
		t.Fatal(err)
	}
	if months, _ := q.HelpByMonth(ctx, plus1, now); months[11].Received != 0 {
		t.Errorf("a cancelled request's help still counts: %+v", months[11])
	}
}

// A page of the ledger finds a person by any of their addresses or their
// name, counts who matches, and pages in address order.
func TestPeoplePageFindsByAnyAddressAndPages(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	aliceTwice(t, s, acct)
	if err := s.SaveLinks(ctx, acct, []gratitude.PersonLink{{Email: "alice@work.example", SameAs: "alice@example.net"}}); err != nil {
		t.Fatal(err)
	}
	for text, want := range map[string][]string{
		"":          {"alice@example.net", "bob@example.com"},
		"WORK.ex":   {"alice@example.net"},
		"martin":    {"alice@example.net"},
		"bob":       {"bob@example.com"},
		"nobody@zz": nil,
	} {
		people, total, err := s.PeoplePage(ctx, acct, text, 0, 10)
		var got []string
		for _, p := range people {
			got = append(got, p.Email)
		}
		if err != nil || total != len(want) || !slices.Equal(got, want) {
			t.Errorf("PeoplePage(%q) = %v (total %d), %v; want %v", text, got, total, err, want)
		}
	}
	people, total, err := s.PeoplePage(ctx, acct, "", 1, 1)
	if err != nil || total != 2 || len(people) != 1 || people[0].Email != "bob@example.com" {
		t.Errorf("the second page of one: %+v (total %d), %v", people, total, err)
	}
	if people, _, _ := s.PeoplePage(ctx, acct, "work", 0, 10); len(people) == 1 && people[0].HelpedMe != 1 {
		t.Errorf("a page's figures differ from the ledger's: %+v", people[0])
	}
}
