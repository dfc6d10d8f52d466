package inbox_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"gratitude/inbox"
	"gratitude/internal/retry"
	"gratitude/internal/testmail"
)

// runWatcher starts a Watcher on mailbox and returns a stop function that
// waits for it to return.
func runWatcher(t *testing.T, opts *inbox.Options, s *inbox.Syncer, mailbox string, onPass func(inbox.PassResult, error), onIdle ...func()) func() {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	w := &inbox.Watcher{
		Options: opts, Syncer: s, Mailboxes: []string{mailbox},
		Backoff: retry.Backoff{Min: 20 * time.Millisecond, Max: 200 * time.Millisecond},
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		OnPass:  onPass,
	}
	if len(onIdle) > 0 {
		w.OnIdle = onIdle[0]
	}
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	stop := func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("watcher did not stop within 5s of cancel")
		}
	}
	t.Cleanup(stop)
	return stop
}

// TestWatcherSeesNewMailThroughIdle runs on Dovecot: go-imap's in-memory
// server acknowledges IDLE before it listens for updates, so mail arriving
// in that instant is reported only at the next command (an upstream race).
func TestWatcherSeesNewMailThroughIdle(t *testing.T) {
	srv := testmail.NewDovecot(t, testmail.DovecotOptions{})
	if err := srv.AddUser(owner, password); err != nil {
		t.Fatal(err)
	}
	st := newMemStore()
	s := newSyncer(st, inbox.RecordOnly)
	opts := optionsFor(t, srv.Addr())
	opts.PollInterval = time.Hour // only IDLE can deliver within the deadline
	opts.IdleRefresh = 30 * time.Minute
	idling := make(chan struct{}, 1)
	runWatcher(t, opts, s, "INBOX", nil, func() {
		select {
		case idling <- struct{}{}:
		default:
		}
	})
	<-idling // only mail arriving during IDLE tests IDLE
	if err := srv.Deliver(owner, "INBOX", testMail(1, "Question")); err != nil {
		t.Fatal(err)
	}
	if !waitFor(10*time.Second, func() bool { return st.count("INBOX") == 1 }) {
		t.Fatalf("appended message not seen through IDLE")
	}
}

func TestWatcherPollsWhenServerHasNoIdle(t *testing.T) {
	srv := testmail.NewMemIMAP(t, testmail.MemOptions{NoIdle: true})
	if err := srv.AddUser(owner, password); err != nil {
		t.Fatal(err)
	}
	st := newMemStore()
	s := newSyncer(st, inbox.RecordOnly)
	opts := optionsFor(t, srv.Addr())
	opts.PollInterval = 50 * time.Millisecond
	runWatcher(t, opts, s, "INBOX", nil)
	appendN(t, srv, "INBOX", 0, 2)
	if !waitFor(10*time.Second, func() bool { return st.count("INBOX") == 2 }) {
		t.Fatalf("polling did not pick up new mail")
	}
}

func TestWatchdogClosesAStalledConnection(t *testing.T) {
	srv := newMem(t)
	appendN(t, srv, "INBOX", 0, 3)
	proxy := newStallProxy(t, srv.Addr())
	opts := optionsFor(t, proxy.Addr())
	opts.CommandTimeout = 300 * time.Millisecond
	s := newSyncer(newMemStore(), inbox.RecordOnly)
	conn := dial(t, opts, s.Stats)
	proxy.stall()
	start := time.Now()
	_, err := s.Sync(context.Background(), conn, "INBOX")
	if !errors.Is(err, inbox.ErrStalled) {
		t.Fatalf("Sync through a stalled proxy: err = %v, want ErrStalled", err)
	}
	t.Logf("stall detected after %v", time.Since(start))
}

func TestWatcherReconnectsAfterStallAndMissesNothing(t *testing.T) {
	srv := newMem(t)
	appendN(t, srv, "INBOX", 0, 2)
	proxy := newStallProxy(t, srv.Addr())
	opts := optionsFor(t, proxy.Addr())
	opts.CommandTimeout = 300 * time.Millisecond
	opts.IdleRefresh = 200 * time.Millisecond // a NOOP soon finds the stall
	st := newMemStore()
	s := newSyncer(st, inbox.RecordOnly)
	var mu sync.Mutex
	var failures []error
	runWatcher(t, opts, s, "INBOX", func(_ inbox.PassResult, err error) {
		if err != nil {
			mu.Lock()
			failures = append(failures, err)
			mu.Unlock()
		}
	})
	if !waitFor(10*time.Second, func() bool { return st.count("INBOX") == 2 }) {
		t.Fatal("first pass did not record the mailbox")
	}
	proxy.stall()
	appendN(t, srv, "INBOX", 2, 1)
	if !waitFor(10*time.Second, func() bool { mu.Lock(); defer mu.Unlock(); return len(failures) > 0 }) {
		t.Fatal("stall never reported")
	}
	proxy.stalled.Store(false) // new connections flow again
	if !waitFor(10*time.Second, func() bool { return st.count("INBOX") == 3 }) {
		t.Fatalf("after the stall, stored %d messages, want 3", st.count("INBOX"))
	}
}

func TestLoginRejectedSaysWhatToCheck(t *testing.T) {
	srv := newMem(t)
	opts := optionsFor(t, srv.Addr())
	opts.Password = func(context.Context) (string, error) { return "wrong", nil }
	_, err := inbox.Dial(context.Background(), opts, nil)
	if !errors.Is(err, inbox.ErrAuth) {
		t.Fatalf("err = %v, want ErrAuth", err)
	}
	var se *inbox.StageError
	if !errors.As(err, &se) || se.Stage != inbox.StageLogin {
		t.Fatalf("err = %#v, want a login-stage error", err)
	}
	if msg := err.Error(); !strings.Contains(msg, owner) || !strings.Contains(msg, "imap.username") || strings.Contains(msg, "wrong") {
		t.Fatalf("error %q should name the user and the key to check, and never the password", msg)
	}
}

func TestUnreachableServerIsAConnectStageError(t *testing.T) {
	port, err := testmail.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	opts := optionsFor(t, "127.0.0.1:1")
	opts.Port = port
	_, err = inbox.Dial(context.Background(), opts, nil)
	var se *inbox.StageError
	if !errors.As(err, &se) || se.Stage != inbox.StageConnect || !strings.Contains(err.Error(), "imap.host") {
		t.Fatalf("err = %v, want a connect-stage error naming imap.host", err)
	}
}

func TestWatcherPassesOverSentBeforeInboxWhenEitherChanges(t *testing.T) {
	srv := testmail.NewDovecot(t, testmail.DovecotOptions{})
	if err := srv.AddUser(owner, password); err != nil {
		t.Fatal(err)
	}
	st := newMemStore()
	s := newSyncer(st, inbox.RecordOnly)
	opts := optionsFor(t, srv.Addr())
	opts.PollInterval, opts.IdleRefresh = time.Hour, 30*time.Minute
	var mu sync.Mutex
	var order []string
	idling := make(chan struct{}, 4)
	ctx, cancel := context.WithCancel(context.Background())
	w := &inbox.Watcher{
		Options: opts, Syncer: s, Mailboxes: []string{"Sent", "INBOX"},
		Backoff: inbox.DefaultBackoff, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
		OnPass: func(res inbox.PassResult, err error) {
			mu.Lock()
			order = append(order, res.Mailbox)
			mu.Unlock()
		},
		OnIdle: func() { idling <- struct{}{} },
	}
	done := make(chan struct{})
	go func() { w.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	<-idling
	if err := srv.Deliver(owner, "INBOX", testMail(1, "Re: question")); err != nil {
		t.Fatal(err)
	}
	<-idling
	if err := srv.Deliver(owner, "Sent", testMail(2, "question")); err != nil {
		t.Fatal(err)
	}
	<-idling
	mu.Lock()
	defer mu.Unlock()
	if got := strings.Join(order, " "); got != "Sent INBOX Sent INBOX Sent INBOX" {
		t.Fatalf("pass order %q, want Sent before INBOX on every wake-up", got)
	}
	if st.count("INBOX") != 1 || st.count("Sent") != 1 {
		t.Fatalf("recorded INBOX %d, Sent %d", st.count("INBOX"), st.count("Sent"))
	}
}
