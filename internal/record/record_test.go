package record_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/record"
	"gratitude/store"
)

var t0 = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

func open(t *testing.T) (*store.Store, int64) {
	t.Helper()
	st, err := store.Open(context.Background(), filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	acct, err := st.Account(context.Background(), "ada@example.org")
	if err != nil {
		t.Fatal(err)
	}
	return st, acct
}

func commit(t *testing.T, st *store.Store, acct int64, mailbox string, uid uint32, msgs ...gratitude.SeenMessage) {
	t.Helper()
	cur := gratitude.MailboxCursor{Mailbox: mailbox, UIDValidity: 1, LastUID: uid}
	if err := record.CommitBatch[*store.Tx](context.Background(), st, acct, cur, msgs); err != nil {
		t.Fatal(err)
	}
}

// A reply whose thread the classifier saw, but whose request is nowhere to
// be found when it is recorded, is kept as ignored, with why: the mailbox
// goes on.
func TestAReplyToNoRecordedRequestIsKeptAsIgnoredWithWhy(t *testing.T) {
	st, acct := open(t)
	reply := gratitude.SeenMessage{MessageID: "r1@example.net", UIDValidity: 1, UID: 1, From: "alice@example.net",
		Class: gratitude.ClassReply, SeenAt: t0, Event: gratitude.Replied{MessageID: "r1@example.net", At: t0,
			From: gratitude.Address{Email: "alice@example.net"}, Thread: []string{"gone@example.org"}}}
	commit(t, st, acct, "INBOX", 1, reply)
	counts, err := st.ClassCounts(context.Background(), acct)
	if err != nil || counts[gratitude.ClassIgnored] != 1 || counts[gratitude.ClassReply] != 0 {
		t.Fatalf("classes %v, %v; want the reply kept as ignored", counts, err)
	}
	if reqs, _ := st.Requests(context.Background(), acct, ""); len(reqs) != 0 {
		t.Errorf("a request was made: %+v", reqs)
	}
}

// An ask and a reply in one batch: the reply finds the ask's request by
// its thread, recorded a moment before in the same transaction.
func TestAReplyInTheAsksOwnBatchJoinsItsRequest(t *testing.T) {
	st, acct := open(t)
	ask := gratitude.SeenMessage{MessageID: "ask@example.org", UIDValidity: 1, UID: 1, From: "ada@example.org",
		Class: gratitude.ClassAsk, SeenAt: t0, Event: gratitude.Asked{MessageID: "ask@example.org", Subject: "Budget",
			NormSubject: "budget", At: t0, Asked: []gratitude.Address{{Email: "alice@example.net"}}}}
	reply := gratitude.SeenMessage{MessageID: "r1@example.net", UIDValidity: 1, UID: 2, From: "alice@example.net",
		Class: gratitude.ClassReply, SeenAt: t0, RequestID: -1, Event: gratitude.Replied{MessageID: "r1@example.net",
			At: t0.Add(time.Hour), From: gratitude.Address{Email: "alice@example.net"}, Thread: []string{"ask@example.org"}}}
	commit(t, st, acct, "INBOX", 2, ask, reply)
	reqs, err := st.Requests(context.Background(), acct, "")
	if err != nil || len(reqs) != 1 || reqs[0].State != gratitude.StateAnswered || reqs[0].Helper("alice@example.net") == nil {
		t.Fatalf("requests %+v, %v; want one, answered by Alice", reqs, err)
	}
	// Read again after a crash before the cursor moved: nothing twice.
	commit(t, st, acct, "INBOX", 2, ask, reply)
	r, _ := st.Request(context.Background(), acct, reqs[0].ID)
	if h := r.Helper("alice@example.net"); h == nil || h.Replies != 1 {
		t.Errorf("after the batch again: %+v", h)
	}
}

func TestABatchTheSyncDidNotFillInIsRefusedBeforeAnyWrite(t *testing.T) {
	st, acct := open(t)
	cur := gratitude.MailboxCursor{Mailbox: "INBOX", UIDValidity: 1, LastUID: 2}
	good := gratitude.SeenMessage{MessageID: "a@x", UIDValidity: 1, UID: 1, Class: gratitude.ClassIgnored, SeenAt: t0}
	for name, bad := range map[string]gratitude.SeenMessage{
		"another mailbox": {MessageID: "b@x", Mailbox: "Sent", UIDValidity: 1, UID: 2, Class: gratitude.ClassIgnored, SeenAt: t0},
		"no Message-ID":   {UIDValidity: 1, UID: 2, Class: gratitude.ClassIgnored, SeenAt: t0},
		"no SeenAt":       {MessageID: "b@x", UIDValidity: 1, UID: 2, Class: gratitude.ClassIgnored},
	} {
		if err := record.CommitBatch[*store.Tx](context.Background(), st, acct, cur, []gratitude.SeenMessage{good, bad}); err == nil {
			t.Errorf("%s: recorded", name)
		}
	}
	if c, _ := st.Cursor(context.Background(), acct, "INBOX"); c.LastUID != 0 {
		t.Errorf("the cursor moved to %d", c.LastUID)
	}
}
