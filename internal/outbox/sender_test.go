package outbox

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gratitude"

	"gratitude/inbox"
	"gratitude/internal/record"
	"gratitude/internal/testmail"
	"gratitude/mailer"
	"gratitude/store"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-smtp"
)

const (
	owner    = "ada@example.org"
	password = "s3cret"
)

var t0 = time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)

// clock is a clock the test moves by hand.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

type rig struct {
	t     *testing.T
	ctx   context.Context
	st    *store.Store
	acct  int64
	clock *clock
	smtp  *testmail.SMTP
	imap  *testmail.MemIMAP
	s     *Sender
}

func hostPort(t *testing.T, addr string) (string, int) {
	t.Helper()
	h, p, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(p)
	return h, n
}

func newRig(t *testing.T, reply func(stage, arg string) *smtp.SMTPError) *rig {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	acct, _ := st.Account(ctx, owner)
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Reply: reply})
	mem := testmail.NewMemIMAP(t, testmail.MemOptions{})
	if err := mem.AddUser(owner, password); err != nil {
		t.Fatal(err)
	}
	smtpHost, smtpPort := hostPort(t, srv.Addr())
	imapHost, imapPort := hostPort(t, mem.Addr())
	smtpOpts := &mailer.SMTPOptions{Host: smtpHost, Port: smtpPort, Security: mailer.SecurityInsecure, Timeout: 10 * time.Second}
	imapOpts := &inbox.Options{Host: imapHost, Port: imapPort, Security: inbox.SecurityInsecure, Username: owner,
		Password: func(context.Context) (string, error) { return password, nil }, CommandTimeout: 10 * time.Second}
	c := &clock{t: t0}
	r := &rig{t: t, ctx: ctx, st: st, acct: acct, clock: c, smtp: srv, imap: mem}
	r.s = &Sender{
		Queue: recordingStore{st}, Account: acct, Clock: c,
		SMTP:     func(ctx context.Context) SMTPConn { return mailer.NewConn(ctx, smtpOpts) },
		DialIMAP: func(ctx context.Context) (Mailbox, error) { return inbox.Dial(ctx, imapOpts, nil) },
		Folders: map[gratitude.Target]string{gratitude.TargetInbox: "INBOX", gratitude.TargetDrafts: "Drafts", gratitude.TargetSent: "Sent",
			gratitude.TargetDraftsRemove: "Drafts"},
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	return r
}

func (r *rig) enqueue(id string, target gratitude.Target) {
	r.t.Helper()
	r.enqueueKind("nudge", id, target)
}

func (r *rig) enqueueKind(kind, id string, target gratitude.Target) {
	r.t.Helper()
	raw := "From: Ada <ada@example.org>\r\nTo: Ada <ada@example.org>\r\nSubject: Nobody answered\r\n" +
		"Message-ID: <" + id + ">\r\n\r\nHello.\r\n"
	o := gratitude.Outgoing{Kind: kind, Target: target, Subject: "Nobody answered", MessageID: id, Raw: []byte(raw), Own: true}
	if target == gratitude.TargetSMTP {
		o.Sender, o.Recipients = owner, []string{owner}
	}
	if err := r.st.Enqueue(r.ctx, r.acct, []gratitude.Outgoing{o}, r.clock.Now()); err != nil {
		r.t.Fatal(err)
	}
}

func (r *rig) drain() DrainResult {
	r.t.Helper()
	res, err := r.s.Drain(r.ctx)
	if err != nil {
		r.t.Fatalf("drain: %v", err)
	}
	return res
}

// folder lists the Message-IDs and flags in a folder of the owner's mailbox.
func (r *rig) folder(name string) map[string][]imap.Flag {
	r.t.Helper()
	c, err := imapclient.DialInsecure(r.imap.Addr(), nil)
	if err != nil {
		r.t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(owner, password).Wait(); err != nil {
		r.t.Fatal(err)
	}
	sel, err := c.Select(name, nil).Wait()
	if err != nil {
		r.t.Fatal(err)
	}
	out := map[string][]imap.Flag{}
	if sel.NumMessages == 0 {
		return out
	}
	msgs, err := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{Envelope: true, Flags: true}).Collect()
	if err != nil {
		r.t.Fatal(err)
	}
	for _, m := range msgs {
		if _, dup := out[m.Envelope.MessageID]; dup {
			r.t.Errorf("%s holds %s twice", name, m.Envelope.MessageID)
		}
		out[m.Envelope.MessageID] = m.Flags
	}
	return out
}

func TestTemporarySMTPFailureIsRetriedAndDeliveredOnce(t *testing.T) {
	r := newRig(t, testmail.FailOnce(testmail.SMTPData, &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}))
	r.enqueue("n1@example.org", gratitude.TargetSMTP)
	res := r.drain()
	if res.Retried != 1 || res.Sent != 0 || !res.Next.Equal(t0.Add(DefaultMinBackoff)) {
		t.Fatalf("first drain %+v; want one retry in %v", res, DefaultMinBackoff)
	}
	if res := r.drain(); res.Sent != 0 {
		t.Fatalf("sent before the retry time: %+v", res)
	}
	r.clock.add(DefaultMinBackoff)
	if res := r.drain(); res.Sent != 1 {
		t.Fatalf("second drain %+v", res)
	}
	r.clock.add(24 * time.Hour)
	r.drain()
	got := r.smtp.Messages()
	if len(got) != 1 || !strings.Contains(string(got[0].Data), "Message-ID: <n1@example.org>") {
		t.Fatalf("server received %d messages, want exactly one", len(got))
	}
}

func TestPermanentSMTPFailureFailsTheMessageAndIsReported(t *testing.T) {
	r := newRig(t, func(stage, arg string) *smtp.SMTPError {
		if stage == testmail.SMTPRcpt {
			return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
		}
		return nil
	})
	r.enqueue("n1@example.org", gratitude.TargetSMTP)
	if res := r.drain(); res.Failed != 1 || !res.Next.IsZero() {
		t.Fatalf("drain %+v; want one failure and nothing left", res)
	}
	fs, err := r.st.Failures(r.ctx, r.acct, t0.Add(-time.Hour))
	if err != nil || len(fs) != 1 || !strings.Contains(fs[0].Error, "550") {
		t.Fatalf("failures %+v, %v", fs, err)
	}
	if n := len(r.smtp.Messages()); n != 0 {
		t.Errorf("server recorded %d messages", n)
	}
}

func TestUnreachableSMTPIsRetriedWithGrowingWaitsThenGivenUp(t *testing.T) {
	r := newRig(t, nil)
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	closed := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	r.s.SMTP = func(ctx context.Context) SMTPConn {
		return mailer.NewConn(ctx, &mailer.SMTPOptions{Host: "127.0.0.1", Port: closed, Security: mailer.SecurityInsecure, Timeout: 5 * time.Second})
	}
	r.enqueue("n1@example.org", gratitude.TargetSMTP)
	var waits []time.Duration
	failed := false
	for range 100 {
		res := r.drain()
		if res.Failed == 1 {
			failed = true
			break
		}
		waits = append(waits, res.Next.Sub(r.clock.Now()))
		r.clock.t = res.Next
	}
	want := []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute, 16 * time.Minute, 32 * time.Minute, time.Hour, time.Hour}
	if len(waits) < len(want) || !slices.Equal(waits[:len(want)], want) {
		t.Errorf("waits %v, want them to start %v", waits, want)
	}
	if elapsed := r.clock.Now().Sub(t0); !failed || elapsed <= DefaultGiveUpAfter || elapsed > DefaultGiveUpAfter+DefaultMaxBackoff {
		t.Errorf("failed = %v after %v; want it given up just after %v", failed, elapsed, DefaultGiveUpAfter)
	}
}

func TestNotificationsAndDraftsAreAppendedWithTheirFlags(t *testing.T) {
	r := newRig(t, nil)
	r.enqueue("n1@example.org", gratitude.TargetInbox)
	r.enqueue("d1@example.org", gratitude.TargetDrafts)
	if res := r.drain(); res.Sent != 2 {
		t.Fatalf("drain %+v", res)
	}
	inbox := r.folder("INBOX")
	if flags, ok := inbox["n1@example.org"]; !ok || len(flags) != 0 {
		t.Errorf("INBOX: %v; want the notification, unread", inbox)
	}
	drafts := r.folder("Drafts")
	if flags := drafts["d1@example.org"]; !slices.Contains(flags, imap.FlagDraft) {
		t.Errorf("Drafts: %v; want the draft flagged \\Draft", drafts)
	}
}

func TestAnAppendCutOffByACrashIsNotStoredTwice(t *testing.T) {
	r := newRig(t, nil)
	r.enqueue("n1@example.org", gratitude.TargetInbox)
	// The first sender appends, then dies before recording it.
	o, ok, err := r.st.ClaimOutgoing(r.ctx, r.acct, []gratitude.Target{gratitude.TargetInbox}, t0, DefaultLease)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if _, err := r.imap.Append(owner, "INBOX", o.Raw); err != nil {
		t.Fatal(err)
	}
	if res := r.drain(); res.Sent != 0 || !res.Next.Equal(t0.Add(DefaultLease)) {
		t.Fatalf("drain within the lease %+v", res)
	}
	r.clock.add(DefaultLease)
	if res := r.drain(); res.Sent != 1 {
		t.Fatalf("drain after the lease %+v", res)
	}
	if n := len(r.folder("INBOX")); n != 1 {
		t.Errorf("INBOX holds %d copies", n)
	}
}

func TestRateLimitHoldsSMTPButNotIMAP(t *testing.T) {
	r := newRig(t, nil)
	r.s.Limit, r.s.Per = 2, time.Hour
	for _, id := range []string{"a@x", "b@x", "c@x"} {
		r.enqueue(id, gratitude.TargetSMTP)
		r.clock.add(time.Minute)
	}
	r.enqueue("i@x", gratitude.TargetInbox)
	res := r.drain()
	if res.Sent != 3 || len(r.smtp.Messages()) != 2 {
		t.Fatalf("drain %+v, smtp got %d; want 2 SMTP and the IMAP one", res, len(r.smtp.Messages()))
	}
	if want := r.clock.Now().Add(time.Hour); !res.Next.Equal(want) {
		t.Errorf("next %v, want %v (an hour after the first send)", res.Next, want)
	}
	r.clock.add(time.Hour)
	if res := r.drain(); res.Sent != 1 || len(r.smtp.Messages()) != 3 {
		t.Errorf("after the hour: %+v", res)
	}
}

func TestARetryWaitsForTheEndOfQuietHours(t *testing.T) {
	r := newRig(t, testmail.FailOnce(testmail.SMTPRcpt, &smtp.SMTPError{Code: 421, Message: "closing"}))
	morning := t0.Add(10 * time.Hour)
	r.s.Owner = owner
	r.s.Quiet = func(t time.Time) time.Time {
		if t.Before(morning) {
			return morning
		}
		return t
	}
	r.enqueue("n1@example.org", gratitude.TargetSMTP)
	if res := r.drain(); res.Retried != 1 || !res.Next.Equal(morning) {
		t.Fatalf("drain %+v; want the retry at the end of quiet hours %v", res, morning)
	}
}

// stopOnAccept sends, then cancels as SIGTERM would arriving as the
// server says 250, without telling the sender it was accepted.
type stopOnAccept struct {
	SMTPConn
	cancel func()
}

func (c stopOnAccept) Send(from string, to []string, raw []byte, _ func() error, _ func()) error {
	err := c.SMTPConn.Send(from, to, raw, nil, nil)
	c.cancel()
	return err
}

func TestAStopRightAfterTheServerAcceptedStillRecordsTheSend(t *testing.T) {
	r := newRig(t, nil)
	send := r.s.SMTP
	ctx, cancel := context.WithCancel(r.ctx)
	r.s.SMTP = func(c context.Context) SMTPConn { return stopOnAccept{send(c), cancel} }
	r.enqueue("n1@example.org", gratitude.TargetSMTP)
	if _, err := r.s.Drain(ctx); err != nil && !errors.Is(err, context.Canceled) {
		t.Fatalf("drain: %v", err)
	}
	r.clock.add(DefaultLease + time.Minute)
	r.s.SMTP = send
	if res := r.drain(); res.Sent != 0 {
		t.Errorf("the message was sent again after the stop: %+v", res)
	}
	if n := len(r.smtp.Messages()); n != 1 {
		t.Errorf("server received %d copies, want 1", n)
	}
}

func TestARetryFindsTheMessageTheServerFiledInSentAndSendsNothing(t *testing.T) {
	r := newRig(t, nil)
	r.s.FilesSent = true
	r.enqueue("ty1@example.org", gratitude.TargetSMTP)
	// A sender hands it to the server, which files it in Sent, then dies
	// before recording the send.
	o, _, _ := r.st.ClaimOutgoing(r.ctx, r.acct, []gratitude.Target{gratitude.TargetSMTP}, t0, DefaultLease)
	conn := r.s.SMTP(r.ctx)
	defer conn.Close()
	if err := conn.Send(o.Sender, o.Recipients, o.Raw, nil, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := r.imap.Append(owner, "Sent", o.Raw); err != nil {
		t.Fatal(err)
	}
	r.clock.add(DefaultLease)
	if res := r.drain(); res.Sent != 1 {
		t.Fatalf("drain %+v", res)
	}
	if n := len(r.smtp.Messages()); n != 1 {
		t.Errorf("the server got the message %d times, want 1", n)
	}
}

func TestEachTemporaryReplyIsRetriedAndEachPermanentOneFails(t *testing.T) {
	for _, tc := range []struct {
		code  int
		stage string
		temp  bool
	}{
		{421, testmail.SMTPMail, true}, {451, testmail.SMTPData, true}, {452, testmail.SMTPRcpt, true},
		{550, testmail.SMTPRcpt, false}, {554, testmail.SMTPData, false},
	} {
		t.Run(fmt.Sprint(tc.code), func(t *testing.T) {
			r := newRig(t, testmail.FailOnce(tc.stage, &smtp.SMTPError{Code: tc.code, Message: "scripted"}))
			r.enqueue("n1@example.org", gratitude.TargetSMTP)
			res := r.drain()
			if tc.temp && (res.Retried != 1 || res.Failed != 0) || !tc.temp && (res.Failed != 1 || res.Retried != 0) {
				t.Fatalf("%d at %s: %+v", tc.code, tc.stage, res)
			}
			r.clock.add(time.Hour)
			r.drain()
			if want := map[bool]int{true: 1, false: 0}[tc.temp]; len(r.smtp.Messages()) != want {
				t.Errorf("%d: the server got %d messages, want %d", tc.code, len(r.smtp.Messages()), want)
			}
		})
	}
}

func TestADrainSendsEverythingDueOverOneSMTPConnection(t *testing.T) {
	r := newRig(t, nil)
	for i := range 5 {
		r.enqueue(fmt.Sprintf("n%d@example.org", i), gratitude.TargetSMTP)
	}
	r.enqueue("i@example.org", gratitude.TargetInbox)
	if res := r.drain(); res.Sent != 6 {
		t.Fatalf("drain %+v; want all 6 sent", res)
	}
	if n, m := r.smtp.Connections(), len(r.smtp.Messages()); n != 1 || m != 5 {
		t.Errorf("%d SMTP connections for %d messages; want one for all 5", n, m)
	}
}

// leaseLosingQueue reports the lease of one message lost when its send is
// about to be recorded, as when the message was cancelled during the
// attempt.
type leaseLosingQueue struct {
	Queue
	messageID string
}

func (q leaseLosingQueue) SentBeforeDot(ctx context.Context, o gratitude.Outgoing, now time.Time) error {
	if o.MessageID == q.messageID {
		return fmt.Errorf("message %s: %w", o.MessageID, store.ErrLeaseLost)
	}
	return q.Queue.SentBeforeDot(ctx, o, now)
}

func TestALostLeaseEndsThatAttemptAloneNotTheDrain(t *testing.T) {
	r := newRig(t, nil)
	r.s.Queue = leaseLosingQueue{Queue: recordingStore{r.st}, messageID: "n1@example.org"}
	r.enqueue("n1@example.org", gratitude.TargetSMTP)
	r.enqueue("n2@example.org", gratitude.TargetSMTP)
	if _, err := r.s.Drain(r.ctx); err != nil {
		t.Fatalf("drain failed on a lost lease: %v", err)
	}
	// The message no longer this sender's is not finished (its final dot
	// never sent, the server discards it); the next one goes.
	msgs := r.smtp.Messages()
	if len(msgs) != 1 || !strings.Contains(string(msgs[0].Data), "<n2@example.org>") {
		t.Errorf("the server got %d messages; want n2 alone", len(msgs))
	}
}

// recordingStore is the store as the daemon gives it to the sender: what
// follows from a sent message goes through internal/record.
type recordingStore struct{ *store.Store }

func (r recordingStore) FollowUp(ctx context.Context, o gratitude.Outgoing, now time.Time) error {
	return record.FollowUp[*store.Tx](ctx, r.Store, o, now)
}
