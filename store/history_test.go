package store

import (
	"context"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/record"
)

// What a mailbox held at its first sync is kept with its cursor, survives
// later batches that do not restate it, and is forgotten on a UIDVALIDITY
// reset; past command mail is recorded, never queued; a past ask makes a
// past request.
func TestHistoryIsKeptWithTheCursorAndPastMailIsRecordedAsSuch(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	h := gratitude.History{UpToUID: 2, Before: t0.Add(-time.Hour), Began: t0}

	ask := msg("Sent", 7, 1)
	ask.Class, ask.Past = gratitude.ClassAsk, true
	ask.Event = gratitude.Asked{MessageID: ask.MessageID, Subject: "old ask", At: t0.Add(-48 * time.Hour)}
	cmd := msg("Sent", 7, 2)
	cmd.Class, cmd.Past = gratitude.ClassCommand, true
	cmd.Event = gratitude.Commanded{MessageID: cmd.MessageID, At: t0.Add(-2 * time.Hour), From: "ada@example.org",
		Commands: []gratitude.Command{{Verb: "resolved"}}}
	cur := gratitude.MailboxCursor{Mailbox: "Sent", UIDValidity: 7, LastUID: 2, LastSyncAt: t0, History: h}
	if err := commitBatch(ctx, s, acct, cur, []gratitude.SeenMessage{ask, cmd}); err != nil {
		t.Fatal(err)
	}
	commit(t, s, acct, "Sent", 7, msgs("Sent", 7, 3, 4)) // a later batch, history not restated
	got, err := s.Cursor(ctx, acct, "Sent")
	if err != nil || got.History.UpToUID != 2 || !got.History.Before.Equal(h.Before) || !got.History.Began.Equal(h.Began) {
		t.Fatalf("cursor history %+v (%v), want %+v", got.History, err, h)
	}

	if n := count(t, s.write, `SELECT COUNT(*) FROM commands`); n != 0 {
		t.Errorf("past command mail queued %d commands", n)
	}
	var class, reason string
	s.write.QueryRow(`SELECT class, reason FROM messages WHERE message_id = ?`, cmd.MessageID).Scan(&class, &reason)
	if class != string(gratitude.ClassIgnored) || reason != record.ReasonPastCommand {
		t.Errorf("past command recorded as %s (%s)", class, reason)
	}
	reqs, err := s.Requests(ctx, acct, "")
	if err != nil || len(reqs) != 1 || !reqs[0].Past {
		t.Fatalf("requests %+v (%v), want one past request", reqs, err)
	}
	if counts, err := s.RequestCounts(ctx, acct); err != nil || len(counts) != 0 {
		t.Errorf("request counts %v (%v): history counted as live work", counts, err)
	}

	if err := s.ResetMailbox(ctx, acct, "Sent", 9, gratitude.History{}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Cursor(ctx, acct, "Sent"); got.History != (gratitude.History{}) {
		t.Errorf("history after a UIDVALIDITY reset: %+v, want none", got.History)
	}
}
