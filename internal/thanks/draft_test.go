package thanks

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/record"
	"gratitude/store"
)

// A thank-you says how often the helper helped before whichever of their
// linked addresses they wrote from: every address maps to the person's
// count.
func TestHelpedCountsKnowEveryLinkedAddress(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	acct, err := st.Account(ctx, "ada@example.org")
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Date(2026, 5, 4, 9, 0, 0, 0, time.UTC)
	alice := gratitude.Address{Name: "Alice Martin", Email: "alice@example.net"}
	ask := gratitude.SeenMessage{MessageID: "ask@example.org", Mailbox: "Sent", UIDValidity: 1, UID: 1, From: "ada@example.org",
		Class: gratitude.ClassAsk, SeenAt: t0, Event: gratitude.Asked{MessageID: "ask@example.org", Subject: "Budget",
			NormSubject: "budget", At: t0, Asked: []gratitude.Address{alice, {Email: "alice@work.example"}}}}
	if err := record.CommitBatch[*store.Tx](ctx, st, acct, gratitude.MailboxCursor{Mailbox: "Sent", UIDValidity: 1, LastUID: 1}, []gratitude.SeenMessage{ask}); err != nil {
		t.Fatal(err)
	}
	req, _, _ := st.RequestByMessageID(ctx, acct, "ask@example.org")
	reply := gratitude.SeenMessage{MessageID: "r@example.net", Mailbox: "INBOX", UIDValidity: 1, UID: 1, From: alice.Email,
		Class: gratitude.ClassReply, SeenAt: t0, RequestID: req, Event: gratitude.Replied{MessageID: "r@example.net",
			At: t0.Add(time.Hour), From: alice, Excerpt: "Done.", Thread: []string{"ask@example.org"}}}
	if err := record.CommitBatch[*store.Tx](ctx, st, acct, gratitude.MailboxCursor{Mailbox: "INBOX", UIDValidity: 1, LastUID: 1}, []gratitude.SeenMessage{reply}); err != nil {
		t.Fatal(err)
	}
	if err := st.SaveLinks(ctx, acct, []gratitude.PersonLink{{Email: "alice@work.example", SameAs: alice.Email}}); err != nil {
		t.Fatal(err)
	}
	got, err := (&Runner{Store: st, Account: acct}).helpedCounts(ctx)
	if err != nil || got["alice@work.example"] != 1 || got["alice@example.net"] != 1 {
		t.Errorf("helped counts %v, %v; want 1 for both of Alice's addresses", got, err)
	}
}
