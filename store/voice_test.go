package store

import (
	"context"
	"testing"
	"time"

	"gratitude"
)

func TestVoiceCandidatesAreTheRecentOwnMailNotYetRead(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	acct := account(t, s, "ada@example.org")
	sent := msgs("Sent", 7, 1, 6)
	sent[4].Class = gratitude.ClassOwn     // a thank-you gratitude wrote
	sent[5].Class = gratitude.ClassCommand // "approve" to a card
	commit(t, s, acct, "Sent", 7, sent)
	commit(t, s, acct, "INBOX", 3, msgs("INBOX", 3, 1, 3))

	got, err := s.VoiceCandidates(ctx, acct, "Sent", 7, 3, 10)
	if err != nil {
		t.Fatal(err)
	}
	// The 3 most recent of the owner's own words: 6 and 5 are not theirs.
	if len(got) != 3 || got[0].UID != 4 || got[0].MessageID != sent[3].MessageID || got[2].UID != 2 {
		t.Fatalf("candidates = %+v, want UIDs 4, 3, 2", got)
	}
	if got, _ := s.VoiceCandidates(ctx, acct, "Sent", 8, 10, 10); len(got) != 0 {
		t.Errorf("candidates under another UIDVALIDITY = %+v", got)
	}

	read := []gratitude.VoiceSample{
		{MessageID: sent[3].MessageID, To: "bob@example.net", Date: t0.Add(-time.Hour), Greeting: "Hey {name}!", Name: "Bob", Closing: "Cheers,\nAda", Language: "en"},
		{MessageID: sent[2].MessageID}, // nothing read: still never fetched again
	}
	if err := s.AddVoiceSamples(ctx, acct, read, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.AddVoiceSamples(ctx, acct, read[:1], t0); err != nil {
		t.Fatalf("a sample recorded twice: %v", err)
	}
	got, err = s.VoiceCandidates(ctx, acct, "Sent", 7, 10, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].UID != 2 || got[1].UID != 1 {
		t.Errorf("candidates after reading 4 and 3 = %+v, want 2 and 1", got)
	}
	if got, _ := s.VoiceCandidates(ctx, acct, "Sent", 7, 10, 1); len(got) != 1 || got[0].UID != 2 {
		t.Errorf("limit 1 = %+v, want the newest unread", got)
	}

	v, err := s.Voice(ctx, acct)
	if err != nil {
		t.Fatal(err)
	}
	if v.Learned != 2 {
		t.Errorf("learned from %d, want 2", v.Learned)
	}
	g, c := v.For("bob@example.net", "en", "Robert")
	if g != "Hey Bob!" || c != "Cheers,\nAda" {
		t.Errorf("voice with Bob = %q, %q", g, c)
	}
}
