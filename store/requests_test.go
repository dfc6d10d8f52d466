package store

import (
	"context"
	"testing"
	"time"

	"gratitude"
)

var (
	alice = gratitude.Address{Name: "Alice Martin", Email: "alice@example.net"}
	bob   = gratitude.Address{Name: "Bob Chen", Email: "bob@example.com"}
)

// askMsg is the Sent copy of an ask to Alice and Bob.
func askMsg(uid uint32) gratitude.SeenMessage {
	m := msg("Sent", 1, uid)
	m.MessageID, m.Class, m.From, m.Subject, m.NormSubject = "ask@example.org", gratitude.ClassAsk, "ada@example.org", "Budget", "budget"
	m.Event = gratitude.Asked{MessageID: m.MessageID, Subject: "Budget", NormSubject: "budget", At: t0,
		Asked: []gratitude.Address{alice, bob}, DueAt: t0.Add(72 * time.Hour)}
	return m
}

func replyMsg(uid uint32, from gratitude.Address, id string, req int64) gratitude.SeenMessage {
	m := msg("INBOX", 7, uid)
	m.MessageID, m.Class, m.From, m.RequestID = id, gratitude.ClassReply, from.Email, req
	m.Event = gratitude.Replied{MessageID: id, At: t0.Add(time.Hour), From: from, Excerpt: "Use the template.",
		Thread: []string{"ask@example.org"}}
	return m
}

func TestAskMessageCreatesARequestWithItsPeopleAndThread(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	commit(t, s, acct, "Sent", 1, []gratitude.SeenMessage{askMsg(1)})
	reqs, err := s.Requests(ctx, acct, "")
	if err != nil || len(reqs) != 1 {
		t.Fatalf("Requests = %v, %v", reqs, err)
	}
	r := reqs[0]
	if r.State != gratitude.StateOpen || len(r.Asked) != 2 || !r.DueAt.Equal(t0.Add(72*time.Hour)) || r.NormSubject != "budget" {
		t.Fatalf("request %+v", r)
	}
	got, err := s.ThreadRequests(ctx, acct, []string{"ask@example.org", "other@x"})
	if err != nil || got["ask@example.org"] != r.ID || len(got) != 1 {
		t.Fatalf("ThreadRequests = %v, %v", got, err)
	}
	if n := count(t, s.write, `SELECT COUNT(*) FROM messages WHERE request_id = ?`, r.ID); n != 1 {
		t.Errorf("ask row not linked to its request (%d rows)", n)
	}
}

func TestReplyMakesAHelperAndARecommittedBatchAppliesNothingTwice(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	commit(t, s, acct, "Sent", 1, []gratitude.SeenMessage{askMsg(1)})
	reqs, _ := s.Requests(ctx, acct, "")
	batch := []gratitude.SeenMessage{replyMsg(1, alice, "r1@x", reqs[0].ID)}
	commit(t, s, acct, "INBOX", 7, batch)
	commit(t, s, acct, "INBOX", 7, batch) // as after a crash before the cursor moved on
	r, err := s.Request(ctx, acct, reqs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	h := r.Helper("alice@example.net")
	if r.State != gratitude.StateAnswered || h == nil || h.Replies != 1 || h.Excerpt != "Use the template." || h.Name != "Alice Martin" {
		t.Fatalf("state %s helper %+v", r.State, h)
	}
	evs, _ := s.Events(ctx, r.ID)
	if len(evs) != 2 {
		t.Fatalf("%d events logged, want 2 (asked, replied)", len(evs))
	}
}

func TestTheSameAskFromSentAndInboxIsOneRequest(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	inboxCopy := askMsg(5)
	inboxCopy.Mailbox, inboxCopy.UIDValidity = "INBOX", 7
	commit(t, s, acct, "INBOX", 7, []gratitude.SeenMessage{inboxCopy})
	commit(t, s, acct, "Sent", 1, []gratitude.SeenMessage{askMsg(1)})
	if reqs, _ := s.Requests(ctx, acct, ""); len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
}

func TestLedgerIsDerivedFromRequestsAndGiving(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	commit(t, s, acct, "Sent", 1, []gratitude.SeenMessage{askMsg(1)})
	reqs, _ := s.Requests(ctx, acct, "")
	commit(t, s, acct, "INBOX", 7, []gratitude.SeenMessage{replyMsg(1, alice, "r1@x", reqs[0].ID)})
	if _, err := s.Update(ctx, acct, reqs[0].ID, t0, gratitude.Deciding(gratitude.Resolve{At: t0.Add(2 * time.Hour)}, t0)); err != nil {
		t.Fatal(err)
	}
	thanks := msg("Sent", 1, 2)
	thanks.Class, thanks.RequestID = gratitude.ClassOwnerFollowup, reqs[0].ID
	thanks.Event = gratitude.OwnerWrote{MessageID: thanks.MessageID, At: t0.Add(3 * time.Hour), To: []gratitude.Address{alice}}
	gave := msg("Sent", 1, 3)
	gave.Class, gave.Event = gratitude.ClassGave, gratitude.Gave{MessageID: gave.MessageID, At: t0, To: []gratitude.Address{alice}}
	commit(t, s, acct, "Sent", 1, []gratitude.SeenMessage{thanks, gave})

	people, err := s.People(ctx, acct)
	if err != nil {
		t.Fatal(err)
	}
	byEmail := map[string]Person{}
	for _, p := range people {
		byEmail[p.Email] = p
	}
	a, b := byEmail["alice@example.net"], byEmail["bob@example.com"]
	if a.HelpedMe != 1 || a.Thanked != 1 || a.Asked != 1 || a.IHelped != 1 || a.Name != "Alice Martin" || a.LastThankedAt.IsZero() {
		t.Errorf("alice = %+v", a)
	}
	if b.HelpedMe != 0 || b.Asked != 1 {
		t.Errorf("bob = %+v", b)
	}
	r, _ := s.Request(ctx, acct, reqs[0].ID)
	if r.State != gratitude.StateThanked {
		t.Errorf("state %s, want thanked", r.State)
	}
}

func TestForwardedAskJoinsTheOriginalThread(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	orig := msg("Sent", 1, 1)
	orig.MessageID, orig.From, orig.NormSubject, orig.Date = "orig@example.org", "ada@example.org", "moving to berlin", t0.Add(-48*time.Hour)
	fwd := msg("INBOX", 7, 9)
	fwd.MessageID, fwd.Class = "fwd@example.org", gratitude.ClassAsk
	fwd.Event = gratitude.Asked{MessageID: "fwd@example.org", Subject: "Moving to Berlin", At: t0,
		Original: &gratitude.Original{NormSubject: "moving to berlin", From: "ada@example.org", Date: t0.Add(-47 * time.Hour)}}
	commit(t, s, acct, "Sent", 1, []gratitude.SeenMessage{orig})
	commit(t, s, acct, "INBOX", 7, []gratitude.SeenMessage{fwd})
	got, err := s.ThreadRequests(ctx, acct, []string{"orig@example.org"})
	if err != nil || got["orig@example.org"] == 0 {
		t.Fatalf("original not in the thread: %v, %v", got, err)
	}
}

func TestOwnMessagesAreRecognisedByMessageID(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	if err := s.RecordOwn(ctx, acct, "nudge-1@gratitude", 0, "digest", t0); err != nil {
		t.Fatal(err)
	}
	own, err := s.OwnMessages(ctx, acct, []string{"nudge-1@gratitude", "x@y"})
	if _, ok := own["nudge-1@gratitude"]; err != nil || !ok || len(own) != 1 {
		t.Fatalf("OwnMessages = %v, %v", own, err)
	}
}

func TestApplyToAMissingRequestFails(t *testing.T) {
	s := openTest(t)
	acct := account(t, s, "ada@example.org")
	if _, err := s.Update(context.Background(), acct, 42, t0, gratitude.Deciding(gratitude.Resolve{At: t0}, t0)); err == nil {
		t.Fatal("resolving a request that does not exist succeeded")
	}
}

func TestRequestsBySubjectFindsOnlyTheSubjectsAsked(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	commit(t, s, acct, "Sent", 1, []gratitude.SeenMessage{askMsg(1)})
	got, err := s.RequestsBySubject(ctx, acct, []string{"budget", "other"}, t0.Add(-time.Hour))
	if err != nil || len(got) != 1 || got[0].NormSubject != "budget" {
		t.Errorf("by subject: %+v, %v", got, err)
	}
	if got, _ := s.RequestsBySubject(ctx, acct, []string{"other"}, t0.Add(-time.Hour)); len(got) != 0 {
		t.Errorf("another subject found %d requests", len(got))
	}
	if got, _ := s.RequestsBySubject(ctx, acct, []string{"budget"}, t0.Add(time.Hour)); len(got) != 0 {
		t.Errorf("a request asked before the window was found")
	}
}
