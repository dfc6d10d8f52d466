package store

import (
	"context"
	"testing"
	"time"

	"gratitude"
)

// commandMail records one command mail in INBOX with the given hash.
func commandMail(t *testing.T, s *Store, acct int64, uid uint32, id, hash string, ask *gratitude.Asked) {
	t.Helper()
	m := msg("INBOX", 1, uid)
	m.MessageID, m.From, m.Class, m.BodyHash = id, "ada@example.org", gratitude.ClassCommand, hash
	m.Event = gratitude.Commanded{MessageID: id, At: t0, From: "ada@example.org", BodyHash: hash, Ask: ask,
		Commands: []gratitude.Command{{Verb: gratitude.VerbStatus, Line: "status"}}}
	commit(t, s, acct, "INBOX", 1, []gratitude.SeenMessage{m})
}

func TestCommandMailKeepsItsHashAndAHeldAsk(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	acct := account(t, s, "ada@example.org")
	ask := &gratitude.Asked{MessageID: "ask@example.org", Subject: "Ladder?", At: t0,
		Asked: []gratitude.Address{{Name: "Bob", Email: "bob@example.org"}}}
	commandMail(t, s, acct, 1, "cmd@example.org", "h1", nil)
	commandMail(t, s, acct, 2, "ask@example.org", "h2", ask)
	pending, err := s.PendingCommands(ctx, acct)
	if err != nil || len(pending) != 2 {
		t.Fatalf("pending %v, %v", pending, err)
	}
	if pending[0].BodyHash != "h1" || pending[0].Ask != nil {
		t.Errorf("command mail read back as %+v", pending[0])
	}
	if a := pending[1].Ask; a == nil || a.Subject != "Ladder?" || len(a.Asked) != 1 || a.Asked[0].Email != "bob@example.org" {
		t.Errorf("held ask read back as %+v", a)
	}
	copies, err := s.CopiesIn(ctx, acct, "cmd@example.org", "INBOX")
	if err != nil || len(copies) != 1 || copies[0].BodyHash != "h1" || copies[0].Class != gratitude.ClassCommand {
		t.Errorf("copies %+v, %v", copies, err)
	}
	if c, err := s.CopiesIn(ctx, acct, "cmd@example.org", "Sent"); err != nil || len(c) != 0 {
		t.Errorf("copies in Sent %+v, %v; want none", c, err)
	}
}

func TestCommandMailIsClaimedByOneDaemonAtATime(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	acct := account(t, s, "ada@example.org")
	commandMail(t, s, acct, 1, "cmd@example.org", "h1", nil)
	pending, _ := s.PendingCommands(ctx, acct)
	id := pending[0].ID
	claim := func(now time.Time) bool {
		ok, err := s.ClaimCommand(ctx, acct, id, now, now.Add(-10*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		return ok
	}
	if !claim(t0) {
		t.Fatal("first claim refused")
	}
	if claim(t0.Add(time.Minute)) {
		t.Fatal("a second daemon took mail claimed a minute ago")
	}
	if !claim(t0.Add(11 * time.Minute)) {
		t.Fatal("a claim of a daemon gone for 11 minutes was not taken over")
	}
	if err := s.ReleaseCommand(ctx, acct, id); err != nil || !claim(t0.Add(12*time.Minute)) {
		t.Fatalf("released mail could not be claimed again (%v)", err)
	}
	if err := s.DecideCommand(ctx, acct, id, "done", "", t0.Add(13*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if claim(t0.Add(time.Hour)) {
		t.Fatal("decided mail was claimed")
	}
}

func TestLiveCardsAndRepliesCounted(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	acct := account(t, s, "ada@example.org")
	if live, err := s.LiveCards(ctx, acct, t0); err != nil || live {
		t.Fatalf("live %v, %v with no cards", live, err)
	}
	if _, err := s.NewCard(ctx, acct, gratitude.Card{Kind: "card", MessageID: "card@gratitude", CreatedAt: t0, ExpiresAt: t0.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if live, _ := s.LiveCards(ctx, acct, t0); !live {
		t.Error("a card valid for an hour is not live")
	}
	if live, _ := s.LiveCards(ctx, acct, t0.Add(time.Hour)); live {
		t.Error("an expired card is live")
	}
	out := []gratitude.Outgoing{{Kind: "commands", Target: gratitude.TargetInbox, MessageID: "a@g", Raw: []byte("x"), Subject: "s"},
		{Kind: "status", Target: gratitude.TargetInbox, MessageID: "b@g", Raw: []byte("x"), Subject: "s"},
		{Kind: "nudge", Target: gratitude.TargetInbox, MessageID: "c@g", Raw: []byte("x"), Subject: "s"}}
	if err := s.Enqueue(ctx, acct, out, t0); err != nil {
		t.Fatal(err)
	}
	if n, err := s.QueuedSince(ctx, acct, []string{"commands", "status"}, t0.Add(-time.Hour)); err != nil || n != 2 {
		t.Errorf("replies queued in the hour: %d, %v; want 2", n, err)
	}
	if n, _ := s.QueuedSince(ctx, acct, []string{"commands", "status"}, t0.Add(time.Minute)); n != 0 {
		t.Errorf("replies queued since a minute after: %d, want 0", n)
	}
	if kind, ok, err := s.OwnKind(ctx, acct, "a@g"); err != nil || ok {
		t.Errorf("own kind of a message not marked own: %q %v %v", kind, ok, err)
	}
}
