package store

import (
	"context"
	"database/sql"
	"fmt"
	"gratitude/internal/record"
	"path/filepath"
	"testing"
	"time"

	"gratitude"
)

// t0 is the fixed instant tests start from.
var t0 = time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC)

// openTest opens a fresh store in a temporary directory.
func openTest(t testing.TB) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "gratitude.db"))
}

// openAt opens the store at path and closes it when the test ends.
func openAt(t testing.TB, path string) *Store {
	t.Helper()
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return s
}

// account returns the id of a test account.
func account(t testing.TB, s *Store, email string) int64 {
	t.Helper()
	id, err := s.Account(context.Background(), email)
	if err != nil {
		t.Fatalf("Account(%q): %v", email, err)
	}
	return id
}

// msg builds a seen message with a Message-ID derived from mailbox and uid.
func msg(mailbox string, uv, uid uint32) gratitude.SeenMessage {
	return gratitude.SeenMessage{
		MessageID:   fmt.Sprintf("%s-%d-%d@example.org", mailbox, uv, uid),
		Mailbox:     mailbox,
		UIDValidity: uv,
		UID:         uid,
		From:        "alice@example.org",
		Subject:     fmt.Sprintf("message %d", uid),
		Date:        t0.Add(-time.Hour),
		Size:        1234,
		Class:       gratitude.ClassPending,
		SeenAt:      t0,
	}
}

// msgs builds the messages with UIDs from..to inclusive.
func msgs(mailbox string, uv, from, to uint32) []gratitude.SeenMessage {
	var out []gratitude.SeenMessage
	for uid := from; uid <= to; uid++ {
		out = append(out, msg(mailbox, uv, uid))
	}
	return out
}

// commit records ms and moves the cursor to the last of them.
func commit(t testing.TB, s *Store, acct int64, mailbox string, uv uint32, ms []gratitude.SeenMessage) {
	t.Helper()
	cur := gratitude.MailboxCursor{Mailbox: mailbox, UIDValidity: uv, LastSyncAt: t0}
	if len(ms) > 0 {
		cur.LastUID = ms[len(ms)-1].UID
	}
	if err := commitBatch(context.Background(), s, acct, cur, ms); err != nil {
		t.Fatalf("CommitBatch: %v", err)
	}
}

// count returns the result of a COUNT(*) query on the writer.
func count(t testing.TB, db *sql.DB, query string, args ...any) int64 {
	t.Helper()
	var n int64
	if err := db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// newRequest inserts a request row directly (its API comes later).
func newRequest(t testing.TB, s *Store, acct int64, messageID string) int64 {
	t.Helper()
	res, err := s.write.Exec(`INSERT INTO requests (account_id, message_id, subject, asked_at, created_at, updated_at)
		VALUES (?, ?, 'help with the boiler', ?, ?, ?)`, acct, messageID, millis(t0), millis(t0), millis(t0))
	if err != nil {
		t.Fatalf("insert request: %v", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// commitBatch records a batch through internal/record, as the sync does.
func commitBatch(ctx context.Context, s *Store, account int64, cur gratitude.MailboxCursor, msgs []gratitude.SeenMessage) error {
	return record.CommitBatch[*Tx](ctx, s, account, cur, msgs)
}

// followUp records what follows from a sent message, as the outbox does.
func followUp(ctx context.Context, s *Store, o gratitude.Outgoing, now time.Time) error {
	return record.FollowUp[*Tx](ctx, s, o, now)
}
