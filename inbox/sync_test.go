package inbox_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/inbox"
	"gratitude/internal/testmail"

	"github.com/emersion/go-imap/v2/imapclient"
)

const (
	owner    = "ada@example.org"
	password = "s3cret-pass"
)

var testNow = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

func optionsFor(t *testing.T, addr string) *inbox.Options {
	t.Helper()
	host, port := splitAddr(t, addr)
	return &inbox.Options{
		Host: host, Port: port, Security: inbox.SecurityInsecure,
		Username:       owner,
		Password:       func(context.Context) (string, error) { return password, nil },
		CommandTimeout: 10 * time.Second,
		IdleRefresh:    time.Minute,
		Idle:           true,
		PollInterval:   time.Minute,
	}
}

func newSyncer(st inbox.Store, c inbox.Classifier) *inbox.Syncer {
	return &inbox.Syncer{
		Store: st, Classifier: c, Account: 1,
		Clock: gratitude.FixedClock{T: testNow}, Stats: &inbox.Stats{},
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)), BatchSize: 7,
	}
}

func dial(t *testing.T, opts *inbox.Options, stats *inbox.Stats) *inbox.Conn {
	t.Helper()
	conn, err := inbox.Dial(context.Background(), opts, stats)
	if err != nil {
		t.Fatalf("Dial: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

func newMem(t *testing.T) *testmail.MemIMAP {
	t.Helper()
	srv := testmail.NewMemIMAP(t, testmail.MemOptions{})
	if err := srv.AddUser(owner, password); err != nil {
		t.Fatal(err)
	}
	return srv
}

func appendN(t *testing.T, srv *testmail.MemIMAP, mailbox string, from, n int) {
	t.Helper()
	for i := from; i < from+n; i++ {
		if _, err := srv.Append(owner, mailbox, testMail(i, "Question")); err != nil {
			t.Fatal(err)
		}
	}
}

func TestSyncRecordsEachMessageOnceAcrossPasses(t *testing.T) {
	srv := newMem(t)
	appendN(t, srv, "INBOX", 0, 20)
	st := newMemStore()
	s := newSyncer(st, inbox.RecordOnly)
	conn := dial(t, optionsFor(t, srv.Addr()), s.Stats)

	res, err := s.Sync(context.Background(), conn, "INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if res.New != 20 || st.count("INBOX") != 20 {
		t.Fatalf("first pass: new %d, stored %d; want 20", res.New, st.count("INBOX"))
	}
	appendN(t, srv, "INBOX", 20, 3)
	res, err = s.Sync(context.Background(), conn, "INBOX")
	if err != nil {
		t.Fatal(err)
	}
	if res.New != 3 || st.count("INBOX") != 23 {
		t.Fatalf("second pass: new %d, stored %d; want 3 and 23", res.New, st.count("INBOX"))
	}
	if got := s.Stats.HeaderFetches.Load(); got != 23 {
		t.Fatalf("header fetches = %d, want 23 (each message once)", got)
	}
	cur, _ := st.Cursor(context.Background(), 1, "INBOX")
	if cur.LastUID != res.LastUID || cur.LastSyncAt != testNow {
		t.Fatalf("cursor %+v, want last uid %d synced at %v", cur, res.LastUID, testNow)
	}
}

func TestQuietPassFetchesNoHeadersAndNoBodies(t *testing.T) {
	srv := newMem(t)
	appendN(t, srv, "INBOX", 0, 5)
	st := newMemStore()
	s := newSyncer(st, inbox.RecordOnly)
	conn := dial(t, optionsFor(t, srv.Addr()), s.Stats)
	if _, err := s.Sync(context.Background(), conn, "INBOX"); err != nil {
		t.Fatal(err)
	}
	before := s.Stats.Snapshot()
	res, err := s.Sync(context.Background(), conn, "INBOX")
	if err != nil {
		t.Fatal(err)
	}
	after := s.Stats.Snapshot()
	if res.New != 0 || after.HeaderFetches != before.HeaderFetches || after.BodyFetches != before.BodyFetches {
		t.Fatalf("quiet pass fetched: new %d, headers %d→%d, bodies %d→%d",
			res.New, before.HeaderFetches, after.HeaderFetches, before.BodyFetches, after.BodyFetches)
	}
}

func TestSameMessageIDInSentAndInboxIsRecordedAsDuplicate(t *testing.T) {
	srv := newMem(t)
	raw := testMail(1, "Can you help")
	for _, mb := range []string{"Sent", "INBOX"} {
		if _, err := srv.Append(owner, mb, raw); err != nil {
			t.Fatal(err)
		}
	}
	st := newMemStore()
	s := newSyncer(st, inbox.RecordOnly)
	conn := dial(t, optionsFor(t, srv.Addr()), s.Stats)
	for _, mb := range []string{"Sent", "INBOX"} {
		if _, err := s.Sync(context.Background(), conn, mb); err != nil {
			t.Fatal(err)
		}
	}
	dups := st.byClass(gratitude.ClassDuplicate)
	if len(dups) != 1 || dups[0].Mailbox != "INBOX" {
		t.Fatalf("duplicates = %+v, want the INBOX copy only", dups)
	}
}

func TestBodiesFetchedOnlyForMessagesTheClassifierAsksFor(t *testing.T) {
	srv := newMem(t)
	appendN(t, srv, "INBOX", 0, 4)
	if _, err := srv.Append(owner, "INBOX", testMail(99, "[help] budget")); err != nil {
		t.Fatal(err)
	}
	var gotBody string
	c := inbox.ClassifierFunc(func(m *inbox.Message, _ *inbox.Batch) inbox.Verdict {
		if !strings.HasPrefix(m.Header.Subject, "[help]") {
			return inbox.Verdict{Class: gratitude.ClassIgnored, Reason: "not tagged"}
		}
		if m.Body == nil {
			return inbox.Verdict{NeedBody: true}
		}
		gotBody = string(m.Body)
		return inbox.Verdict{Class: gratitude.ClassAsk, Reason: "subject tag"}
	})
	st := newMemStore()
	s := newSyncer(st, c)
	conn := dial(t, optionsFor(t, srv.Addr()), s.Stats)
	if _, err := s.Sync(context.Background(), conn, "INBOX"); err != nil {
		t.Fatal(err)
	}
	if n := s.Stats.BodyFetches.Load(); n != 1 {
		t.Fatalf("body fetches = %d, want 1", n)
	}
	if !strings.Contains(gotBody, "Body of message 99") {
		t.Fatalf("classifier got body %q", gotBody)
	}
	if asks := st.byClass(gratitude.ClassAsk); len(asks) != 1 || asks[0].Subject != "[help] budget 99" {
		t.Fatalf("asks = %+v", asks)
	}
}

func TestUIDValidityChangeRereadsMailboxWithoutDuplicates(t *testing.T) {
	srv := newMem(t)
	adminDo(t, srv.Addr(), func(c *imapclient.Client) error { return c.Create("Projects", nil).Wait() })
	appendN(t, srv, "Projects", 0, 6)
	st := newMemStore()
	s := newSyncer(st, inbox.RecordOnly)
	conn := dial(t, optionsFor(t, srv.Addr()), s.Stats)
	first, err := s.Sync(context.Background(), conn, "Projects")
	if err != nil {
		t.Fatal(err)
	}
	// Recreating the mailbox gives it a new UIDVALIDITY, as a server
	// restore or migration would; one message is new meanwhile.
	recreateMailbox(t, srv.Addr(), "Projects")
	appendN(t, srv, "Projects", 0, 7)
	res, err := s.Sync(context.Background(), conn, "Projects")
	if err != nil {
		t.Fatal(err)
	}
	if !res.Resynced || res.UIDValidity == first.UIDValidity {
		t.Fatalf("resync not noticed: %+v (before %+v)", res, first)
	}
	if got := st.count("Projects"); got != 7 {
		t.Fatalf("stored %d messages after resync, want 7 (6 relocated + 1 new)", got)
	}
	if dups := st.byClass(gratitude.ClassDuplicate); len(dups) != 0 {
		t.Fatalf("resync recorded duplicates: %+v", dups)
	}
}

func TestAClassifierPanicQuarantinesTheMessageAndTheSyncGoesOn(t *testing.T) {
	srv := newMem(t)
	appendN(t, srv, "INBOX", 1, 3)
	st := newMemStore()
	panicky := inbox.ClassifierFunc(func(m *inbox.Message, b *inbox.Batch) inbox.Verdict {
		if m.UID == 2 {
			panic("hostile input")
		}
		return inbox.RecordOnly(m, b)
	})
	conn := dial(t, optionsFor(t, srv.Addr()), nil)
	if _, err := newSyncer(st, panicky).Sync(context.Background(), conn, "INBOX"); err != nil {
		t.Fatalf("sync: %v", err)
	}
	if n := st.count("INBOX"); n != 3 {
		t.Fatalf("%d messages recorded, want 3", n)
	}
	q := st.byClass(gratitude.ClassQuarantined)
	if len(q) != 1 || q[0].UID != 2 || !strings.Contains(q[0].Reason, "hostile input") {
		t.Errorf("quarantined %+v; want message 2, with the reason", q)
	}
}

func TestAKeptSelectionSeesNewMailWithoutSelectingAgain(t *testing.T) {
	for name, addr := range appendServers(t) {
		t.Run(name, func(t *testing.T) {
			st := newMemStore()
			s := newSyncer(st, inbox.RecordOnly)
			s.ReselectAfter = time.Hour
			conn := dial(t, optionsFor(t, addr), s.Stats)
			deliver := func(i int) {
				c := dial(t, optionsFor(t, addr), nil)
				if err := c.Append("INBOX", testMail(i, "Kept"), nil, testNow); err != nil {
					t.Fatal(err)
				}
			}
			deliver(1)
			if _, err := s.Sync(context.Background(), conn, "INBOX"); err != nil {
				t.Fatal(err)
			}
			before := s.Stats.Snapshot().BytesWritten
			if res, err := s.Sync(context.Background(), conn, "INBOX"); err != nil || res.New != 0 {
				t.Fatalf("quiet pass: %+v, %v", res, err)
			}
			quiet := s.Stats.Snapshot().BytesWritten - before
			deliver(2)
			res, err := s.Sync(context.Background(), conn, "INBOX")
			if err != nil || res.New != 1 || st.count("INBOX") != 2 {
				t.Fatalf("pass after a delivery: %+v, %v; %d recorded", res, err, st.count("INBOX"))
			}
			t.Logf("%s: the quiet pass on the kept selection wrote %d bytes", name, quiet)
		})
	}
}
