package store

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"gratitude"
)

func TestCommitBatchRecordsMessagesAndMovesCursor(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")

	cur, err := s.Cursor(ctx, acct, "INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if cur != (gratitude.MailboxCursor{Mailbox: "INBOX"}) {
		t.Fatalf("first Cursor = %+v, want zero with Mailbox set", cur)
	}

	batch := msgs("INBOX", 7, 1, 3)
	batch[1].Class, batch[1].Reason = gratitude.ClassIgnored, "auto-reply"
	commit(t, s, acct, "INBOX", 7, batch)

	cur, err = s.Cursor(ctx, acct, "INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if cur.UIDValidity != 7 || cur.LastUID != 3 || !cur.LastSyncAt.Equal(t0) {
		t.Errorf("Cursor = %+v", cur)
	}
	var (
		from, subject, class, reason string
		date, size, seen             int64
	)
	err = s.read.QueryRow(`SELECT from_addr, subject, date, size, class, reason, seen_at FROM messages
		WHERE account_id = ? AND mailbox = 'INBOX' AND uidvalidity = 7 AND uid = 2`, acct).
		Scan(&from, &subject, &date, &size, &class, &reason, &seen)
	if err != nil {
		t.Fatal(err)
	}
	m := batch[1]
	if from != m.From || subject != m.Subject || date != m.Date.UnixMilli() || size != m.Size ||
		class != string(gratitude.ClassIgnored) || reason != "auto-reply" || seen != t0.UnixMilli() {
		t.Errorf("row = %q %q %d %d %q %q %d", from, subject, date, size, class, reason, seen)
	}

	// An empty batch still moves the cursor (a pass over UIDs with nothing
	// new), and a zero LastSyncAt keeps the recorded one.
	if err := commitBatch(ctx, s, acct, gratitude.MailboxCursor{Mailbox: "INBOX", UIDValidity: 7, LastUID: 9}, nil); err != nil {
		t.Fatal(err)
	}
	cur, _ = s.Cursor(ctx, acct, "INBOX")
	if cur.LastUID != 9 || !cur.LastSyncAt.Equal(t0) {
		t.Errorf("after empty batch Cursor = %+v", cur)
	}
}

func TestCommitBatchTwiceRecordsEachMessageOnce(t *testing.T) {
	s := openTest(t)
	acct := account(t, s, "ada@example.org")
	commit(t, s, acct, "INBOX", 7, msgs("INBOX", 7, 1, 5))
	commit(t, s, acct, "INBOX", 7, msgs("INBOX", 7, 1, 5)) // replay after a crash
	commit(t, s, acct, "INBOX", 7, msgs("INBOX", 7, 4, 8)) // overlapping batch
	if n := count(t, s.write, `SELECT COUNT(*) FROM messages`); n != 8 {
		t.Errorf("rows = %d, want 8", n)
	}
	cur, _ := s.Cursor(context.Background(), acct, "INBOX")
	if cur.LastUID != 8 {
		t.Errorf("LastUID = %d, want 8", cur.LastUID)
	}
}

// assertUnmoved checks that the batch after UID 2 left no trace.
func assertUnmoved(t *testing.T, s *Store, acct int64) {
	t.Helper()
	cur, err := s.Cursor(context.Background(), acct, "INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if cur.LastUID != 2 {
		t.Errorf("cursor moved to %d by a failed batch", cur.LastUID)
	}
	if n := count(t, s.write, `SELECT COUNT(*) FROM messages`); n != 2 {
		t.Errorf("failed batch left %d rows, want 2", n)
	}
}

func TestCommitBatchFailingMidwayLeavesNoRowsAndCursorUnmoved(t *testing.T) {
	s := openTest(t)
	acct := account(t, s, "ada@example.org")
	commit(t, s, acct, "INBOX", 7, msgs("INBOX", 7, 1, 2))

	// The fifth insert fails after the third and fourth succeeded.
	if _, err := s.write.Exec(`CREATE TRIGGER test_fail BEFORE INSERT ON messages
		WHEN NEW.uid = 5 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`); err != nil {
		t.Fatal(err)
	}
	err := commitBatch(context.Background(), s, acct,
		gratitude.MailboxCursor{Mailbox: "INBOX", UIDValidity: 7, LastUID: 6}, msgs("INBOX", 7, 3, 6))
	if err == nil {
		t.Fatal("CommitBatch succeeded")
	}
	assertUnmoved(t, s, acct)

	// Once the cause is gone the same batch goes through.
	if _, err := s.write.Exec(`DROP TRIGGER test_fail`); err != nil {
		t.Fatal(err)
	}
	commit(t, s, acct, "INBOX", 7, msgs("INBOX", 7, 3, 6))
	if n := count(t, s.write, `SELECT COUNT(*) FROM messages`); n != 6 {
		t.Errorf("rows = %d, want 6", n)
	}
}

func TestCommitBatchFailingOnCursorKeepsNoMessages(t *testing.T) {
	s := openTest(t)
	acct := account(t, s, "ada@example.org")
	commit(t, s, acct, "INBOX", 7, msgs("INBOX", 7, 1, 2))
	if _, err := s.write.Exec(`CREATE TRIGGER test_fail BEFORE UPDATE ON mailbox_cursors
		BEGIN SELECT RAISE(ABORT, 'power cut'); END`); err != nil {
		t.Fatal(err)
	}
	if err := commitBatch(context.Background(), s, acct,
		gratitude.MailboxCursor{Mailbox: "INBOX", UIDValidity: 7, LastUID: 6}, msgs("INBOX", 7, 3, 6)); err == nil {
		t.Fatal("CommitBatch succeeded")
	}
	assertUnmoved(t, s, acct)
}

func TestCommitBatchWithCancelledContextChangesNothing(t *testing.T) {
	s := openTest(t)
	acct := account(t, s, "ada@example.org")
	commit(t, s, acct, "INBOX", 7, msgs("INBOX", 7, 1, 2))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := commitBatch(ctx, s, acct, gratitude.MailboxCursor{Mailbox: "INBOX", UIDValidity: 7, LastUID: 6}, msgs("INBOX", 7, 3, 6))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("CommitBatch = %v; want context.Canceled", err)
	}
	assertUnmoved(t, s, acct)
}

func TestCommitBatchRejectsIncompleteMessagesBeforeWriting(t *testing.T) {
	s := openTest(t)
	acct := account(t, s, "ada@example.org")
	commit(t, s, acct, "INBOX", 7, msgs("INBOX", 7, 1, 2))
	for name, spoil := range map[string]func(*gratitude.SeenMessage){
		"other mailbox": func(m *gratitude.SeenMessage) { m.Mailbox = "Sent" },
		"no Message-ID": func(m *gratitude.SeenMessage) { m.MessageID = "" },
		"no class":      func(m *gratitude.SeenMessage) { m.Class = "" },
		"no SeenAt":     func(m *gratitude.SeenMessage) { m.SeenAt = time.Time{} },
	} {
		batch := msgs("INBOX", 7, 3, 6)
		spoil(&batch[2])
		if err := commitBatch(context.Background(), s, acct,
			gratitude.MailboxCursor{Mailbox: "INBOX", UIDValidity: 7, LastUID: 6}, batch); err == nil {
			t.Errorf("%s: CommitBatch succeeded", name)
		}
		assertUnmoved(t, s, acct)
	}
}

func TestKnownMessagesSeesEveryMailboxOfTheAccountOnly(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ada := account(t, s, "ada@example.org")
	bob := account(t, s, "bob@example.org")
	commit(t, s, ada, "INBOX", 7, msgs("INBOX", 7, 1, 1))
	commit(t, s, ada, "Sent", 3, msgs("Sent", 3, 1, 1))
	bobMsg := msg("INBOX", 7, 1)
	bobMsg.MessageID = "bob-only@example.org"
	commit(t, s, bob, "INBOX", 7, []gratitude.SeenMessage{bobMsg})

	inbox, sent := msg("INBOX", 7, 1).MessageID, msg("Sent", 3, 1).MessageID
	known, err := s.KnownMessages(ctx, ada, []string{inbox, sent, "new@example.org", "bob-only@example.org", "", inbox})
	if err != nil {
		t.Fatal(err)
	}
	_, hasInbox := known[inbox]
	_, hasSent := known[sent]
	if len(known) != 2 || !hasInbox || !hasSent {
		t.Errorf("KnownMessages = %v, want the INBOX and Sent ids only", known)
	}
	if known, err := s.KnownMessages(ctx, ada, nil); err != nil || len(known) != 0 {
		t.Errorf("KnownMessages(nil) = %v, %v", known, err)
	}
}

func TestKnownMessagesChunksLongLists(t *testing.T) {
	s := openTest(t)
	acct := account(t, s, "ada@example.org")
	const n = 2500
	for from := uint32(1); from <= n; from += 500 {
		commit(t, s, acct, "INBOX", 7, msgs("INBOX", 7, from, from+499))
	}
	var ids []string
	for uid := uint32(1); uid <= n+100; uid++ { // 100 unknown
		ids = append(ids, msg("INBOX", 7, uid).MessageID)
	}
	ids = append(ids, ids[:300]...) // and duplicates
	known, err := s.KnownMessages(context.Background(), acct, ids)
	if err != nil {
		t.Fatal(err)
	}
	if len(known) != n {
		t.Errorf("%d known, want %d", len(known), n)
	}
	if _, ok := known[msg("INBOX", 7, n+1).MessageID]; ok {
		t.Error("an unrecorded id is reported known")
	}
}

func TestResetMailboxRestartsCursorAndKeepsRows(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	commit(t, s, acct, "INBOX", 7, msgs("INBOX", 7, 1, 3))

	if err := s.ResetMailbox(ctx, acct, "INBOX", 9, gratitude.History{}); err != nil {
		t.Fatal(err)
	}
	cur, _ := s.Cursor(ctx, acct, "INBOX")
	if cur.UIDValidity != 9 || cur.LastUID != 0 || !cur.LastSyncAt.Equal(t0) {
		t.Errorf("Cursor after reset = %+v", cur)
	}
	cs, _ := s.Cursors(ctx, acct)
	if len(cs) != 1 || cs[0].Messages != 3 {
		t.Errorf("Cursors after reset = %+v, want 3 messages kept", cs)
	}
	known, _ := s.KnownMessages(ctx, acct, []string{msg("INBOX", 7, 2).MessageID})
	if known[msg("INBOX", 7, 2).MessageID] == "" {
		t.Error("reset forgot a Message-ID")
	}
	if err := s.ResetMailbox(ctx, acct, "Archive", 1, gratitude.History{}); err != nil {
		t.Fatal(err)
	}
	if cur, _ := s.Cursor(ctx, acct, "Archive"); cur.UIDValidity != 1 || !cur.LastSyncAt.IsZero() {
		t.Errorf("reset of an unknown mailbox = %+v", cur)
	}
}

func TestRelocateMovesAKnownMessageToItsNewUIDOnce(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	old := msgs("INBOX", 7, 1, 3)
	old[1].Class = gratitude.ClassReply
	commit(t, s, acct, "INBOX", 7, old)
	commit(t, s, acct, "Sent", 2, []gratitude.SeenMessage{msg("Sent", 2, 1)})
	if err := s.ResetMailbox(ctx, acct, "INBOX", 9, gratitude.History{}); err != nil {
		t.Fatal(err)
	}
	id := old[1].MessageID

	for i := range 2 { // the second call is the replay after a crash
		moved, err := s.Relocate(ctx, acct, "INBOX", id, 9, 20)
		if err != nil || !moved {
			t.Fatalf("Relocate #%d = %v, %v; want true", i+1, moved, err)
		}
	}
	var uv, uid int64
	var class string
	if err := s.read.QueryRow(`SELECT uidvalidity, uid, class FROM messages WHERE message_id = ?`, id).Scan(&uv, &uid, &class); err != nil {
		t.Fatal(err)
	}
	if uv != 9 || uid != 20 || class != string(gratitude.ClassReply) {
		t.Errorf("relocated row = %d/%d %s", uv, uid, class)
	}
	if n := count(t, s.write, `SELECT COUNT(*) FROM messages WHERE uidvalidity = 7`); n != 2 {
		t.Errorf("%d rows left under the old UIDVALIDITY, want 2", n)
	}

	// Unknown, or known only in another mailbox: nothing to move.
	for _, mid := range []string{"never@example.org", msg("Sent", 2, 1).MessageID} {
		if moved, err := s.Relocate(ctx, acct, "INBOX", mid, 9, 21); err != nil || moved {
			t.Errorf("Relocate(%s) = %v, %v; want false", mid, moved, err)
		}
	}

	// Including the relocated message in the next batch adds no row.
	again := msg("INBOX", 9, 20)
	again.MessageID = id
	commit(t, s, acct, "INBOX", 9, []gratitude.SeenMessage{again})
	if n := count(t, s.write, `SELECT COUNT(*) FROM messages WHERE message_id = ?`, id); n != 1 {
		t.Errorf("%d rows for the relocated message, want 1", n)
	}
}

func TestCursorsCountMessagesPerMailbox(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	commit(t, s, acct, "Sent", 3, msgs("Sent", 3, 1, 2))
	commit(t, s, acct, "INBOX", 7, msgs("INBOX", 7, 1, 5))
	other := account(t, s, "bob@example.org")
	commit(t, s, other, "INBOX", 7, msgs("INBOX", 7, 1, 9))

	cs, err := s.Cursors(ctx, acct)
	if err != nil {
		t.Fatal(err)
	}
	if len(cs) != 2 || cs[0].Mailbox != "INBOX" || cs[0].Messages != 5 || cs[0].LastUID != 5 ||
		cs[1].Mailbox != "Sent" || cs[1].Messages != 2 || !cs[1].LastSyncAt.Equal(t0) {
		t.Errorf("Cursors = %+v", cs)
	}
}

func TestClassCountsPerAccount(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	batch := msgs("INBOX", 7, 1, 6)
	for i, c := range []gratitude.Class{gratitude.ClassAsk, gratitude.ClassReply, gratitude.ClassReply,
		gratitude.ClassIgnored, gratitude.ClassIgnored, gratitude.ClassIgnored} {
		batch[i].Class = c
	}
	commit(t, s, acct, "INBOX", 7, batch)
	commit(t, s, account(t, s, "bob@example.org"), "INBOX", 7, msgs("INBOX", 7, 1, 4))

	got, err := s.ClassCounts(ctx, acct)
	if err != nil {
		t.Fatal(err)
	}
	want := map[gratitude.Class]int64{gratitude.ClassAsk: 1, gratitude.ClassReply: 2, gratitude.ClassIgnored: 3}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("ClassCounts = %v, want %v", got, want)
	}
}

// BenchmarkCommitBatch measures recording batches of 500 new messages.
func BenchmarkCommitBatch(b *testing.B) {
	s := openTest(b)
	acct := account(b, s, "ada@example.org")
	const size = 500
	uid := uint32(0)
	for b.Loop() {
		batch := msgs("INBOX", 7, uid+1, uid+size)
		uid += size
		cur := gratitude.MailboxCursor{Mailbox: "INBOX", UIDValidity: 7, LastUID: uid, LastSyncAt: t0}
		if err := commitBatch(context.Background(), s, acct, cur, batch); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*size)/b.Elapsed().Seconds(), "msgs/s")
}

// BenchmarkBatchLookups measures what the classifier asks of the store
// per batch of 500 new messages, on 20,000 recorded ones: which are known,
// and which of their ids and references are request threads or the
// program's own mail.
func BenchmarkBatchLookups(b *testing.B) {
	s := openTest(b)
	acct := account(b, s, "ada@example.org")
	ctx := context.Background()
	for from := uint32(1); from <= 20000; from += 500 {
		commit(b, s, acct, "INBOX", 7, msgs("INBOX", 7, from, from+499))
	}
	const size = 500
	var ids []string
	for uid := uint32(19751); uid < 19751+size; uid++ { // half known, half new
		ids = append(ids, fmt.Sprintf("INBOX-7-%d@example.org", uid))
	}
	for b.Loop() {
		if _, err := s.KnownMessages(ctx, acct, ids); err != nil {
			b.Fatal(err)
		}
		if _, err := s.ThreadRequests(ctx, acct, ids); err != nil {
			b.Fatal(err)
		}
		if _, err := s.OwnMessages(ctx, acct, ids); err != nil {
			b.Fatal(err)
		}
	}
}
