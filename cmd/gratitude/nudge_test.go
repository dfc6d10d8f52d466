package main

import (
	"bufio"
	"bytes"
	"fmt"
	"net/textproto"
	"slices"
	"strings"
	"testing"
	"time"

	"gratitude/internal/testmail"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-smtp"
)

// speakConfig keeps the clock simple: UTC, no quiet hours, no digest.
const speakConfig = `timezone: UTC
reminders:
  quiet_hours: "off"
  digest: "off"
`

// askedAt is when the test ask was written.
var askedAt = time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC)

// budgetAsk is Ada's ask to Alice and Bob, as her client files it in Sent.
func budgetAsk() []byte {
	return mailAt([]string{"From: Ada Lovelace <ada@example.org>",
		"To: Alice Martin <alice@example.net>, Bob Chen <bob@example.com>", "Bcc: ada+thanks@example.org",
		"Subject: Budget review for Q1", "Date: " + askedAt.Format(time.RFC1123Z), "Message-ID: <ask-budget@example.org>",
		"MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8"},
		"Could you two look at the Q1 budget before Friday? The travel line looks off to me.\n\nAda")
}

// folderMessage is one message of a folder: its header and flags.
type folderMessage struct {
	header textproto.MIMEHeader
	flags  []imap.Flag
	body   string
}

// readFolder fetches every message of a folder of the owner's mailbox.
func readFolder(t *testing.T, m *mailbox, folder string) []folderMessage {
	t.Helper()
	return readFolderAs(t, m, testOwner, folder)
}

// readFolderAs fetches every message of a folder of user's mailbox.
func readFolderAs(t *testing.T, m *mailbox, user, folder string) []folderMessage {
	t.Helper()
	return folderAt(t, m.dc.Addr(), user, folder)
}

// folderAt fetches every message of user's folder on the IMAP server at
// addr (no TLS); a folder that does not exist holds none.
func folderAt(t *testing.T, addr, user, folder string) []folderMessage {
	t.Helper()
	c, err := imapclient.DialInsecure(addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(user, testPass).Wait(); err != nil {
		t.Fatal(err)
	}
	sel, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil || sel.NumMessages == 0 {
		return nil
	}
	body := &imap.FetchItemBodySection{Peek: true}
	msgs, err := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{Flags: true, BodySection: []*imap.FetchItemBodySection{body}}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	var out []folderMessage
	for _, msg := range msgs {
		raw := msg.FindBodySection(body)
		h, err := textproto.NewReader(bufio.NewReader(bytes.NewReader(raw))).ReadMIMEHeader()
		if err != nil {
			t.Fatalf("%s: header: %v", folder, err)
		}
		_, rest, _ := bytes.Cut(raw, []byte("\r\n\r\n"))
		out = append(out, folderMessage{h, msg.Flags, string(rest)})
	}
	return out
}

// ofKind keeps the messages whose X-Gratitude-Kind is kind.
func ofKind(msgs []folderMessage, kind string) []folderMessage {
	var out []folderMessage
	for _, m := range msgs {
		if m.header.Get("X-Gratitude-Kind") == kind {
			out = append(out, m)
		}
	}
	return out
}

func TestUnansweredAskGetsANudgeInTheInboxAndAFollowUpDraft(t *testing.T) {
	m := newMailbox(t, speakConfig)
	m.watching(t)
	if err := m.dc.Deliver(testOwner, "Sent", budgetAsk()); err != nil {
		t.Fatal(err)
	}
	if r := m.run(t, "--now", askedAt.Add(2*time.Hour).Format(time.RFC3339), "run", "--once"); r.code != 0 {
		t.Fatalf("run --once: exit %d\n%s", r.code, r.stderr)
	}
	reqs := listRequests(t, m)
	if len(reqs) != 1 || reqs[0].NextReminderAt == nil || !reqs[0].NextReminderAt.Equal(askedAt.Add(72*time.Hour)) {
		t.Fatalf("requests %+v; want one with its nudge due three days after the ask", reqs)
	}
	if n := len(ofKind(readFolder(t, m, "INBOX"), "nudge")); n != 0 {
		t.Fatalf("%d nudges before the window ended", n)
	}

	after := askedAt.Add(72*time.Hour + time.Hour).Format(time.RFC3339)
	if r := m.run(t, "--now", after, "run", "--once"); r.code != 0 {
		t.Fatalf("run --once: exit %d\n%s", r.code, r.stderr)
	}
	nudges := ofKind(readFolder(t, m, "INBOX"), "nudge")
	if len(nudges) != 1 {
		t.Fatalf("%d nudges in INBOX after the window, want 1", len(nudges))
	}
	n := nudges[0]
	for field, want := range map[string]string{"In-Reply-To": "<ask-budget@example.org>", "References": "<ask-budget@example.org>",
		"Auto-Submitted": "auto-generated", "Reply-To": "<ada+thanks.c1."} {
		if got := n.header.Get(field); !strings.Contains(got, want) {
			t.Errorf("nudge %s = %q, want %q", field, got, want)
		}
	}
	if slices.Contains(n.flags, imap.FlagSeen) {
		t.Error("the nudge arrived marked read")
	}
	drafts := readFolder(t, m, "Drafts")
	if len(drafts) != 1 {
		t.Fatalf("%d drafts, want the follow-up", len(drafts))
	}
	d := drafts[0]
	if to := d.header.Get("To"); !strings.Contains(to, "alice@example.net") || !strings.Contains(to, "bob@example.com") {
		t.Errorf("follow-up draft To = %q, want Alice and Bob", to)
	}
	if d.header.Get("In-Reply-To") != "<ask-budget@example.org>" || !strings.HasPrefix(d.header.Get("Subject"), "Re: Budget review") ||
		!slices.Contains(d.flags, imap.FlagDraft) || d.header.Get("Auto-Submitted") != "" {
		t.Errorf("follow-up draft: subject %q, In-Reply-To %q, flags %v, Auto-Submitted %q",
			d.header.Get("Subject"), d.header.Get("In-Reply-To"), d.flags, d.header.Get("Auto-Submitted"))
	}

	// The next passes read the nudge back from INBOX: it is the program's
	// own mail, never an ask or a reply, and it is not sent again.
	for _, h := range []time.Duration{2, 3} {
		if r := m.run(t, "--now", askedAt.Add(72*time.Hour+h*time.Hour).Format(time.RFC3339), "run", "--once"); r.code != 0 {
			t.Fatalf("run --once: exit %d\n%s", r.code, r.stderr)
		}
	}
	if n := len(ofKind(readFolder(t, m, "INBOX"), "nudge")); n != 1 {
		t.Errorf("%d nudges after more passes, want still 1", n)
	}
	reqs = listRequests(t, m)
	if len(reqs) != 1 || len(reqs[0].Helpers) != 0 || reqs[0].State != "open" {
		t.Errorf("requests after the nudge was read back: %+v", reqs)
	}
	if counts := m.classCounts(t); counts["own"] != 1 {
		t.Errorf("messages by class %v; want the nudge recorded as own", counts)
	}
}

func TestAnAskAnsweredInTimeGetsNoNudge(t *testing.T) {
	m := newMailbox(t, speakConfig)
	m.watching(t)
	if err := m.dc.Deliver(testOwner, "Sent", budgetAsk()); err != nil {
		t.Fatal(err)
	}
	reply := mailAt([]string{"From: Alice Martin <alice@example.net>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Budget review for Q1", "Date: " + askedAt.Add(5*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-alice@example.net>", "In-Reply-To: <ask-budget@example.org>", "References: <ask-budget@example.org>",
		"Content-Type: text/plain; charset=utf-8"}, "The travel line is counted twice; I fixed it.\n\nAlice")
	if err := m.dc.DeliverLMTP("alice@example.net", []string{testOwner}, reply); err != nil {
		t.Fatal(err)
	}
	for _, h := range []time.Duration{6, 73, 100} {
		if r := m.run(t, "--now", askedAt.Add(h*time.Hour).Format(time.RFC3339), "run", "--once"); r.code != 0 {
			t.Fatalf("run --once: exit %d\n%s", r.code, r.stderr)
		}
	}
	if n := len(ofKind(readFolder(t, m, "INBOX"), "nudge")); n != 0 {
		t.Errorf("%d nudges for an answered ask", n)
	}
	if d := readFolder(t, m, "Drafts"); len(d) != 0 {
		t.Errorf("%d drafts for an answered ask", len(d))
	}
	reqs := listRequests(t, m)
	if len(reqs) != 1 || reqs[0].State != "answered" || reqs[0].NextReminder != "unresolved" {
		t.Errorf("requests %+v; want it answered, next an 'is this done?' reminder", reqs)
	}
}

func TestNudgeBySMTPIsRetriedAfterA451AndDeliveredOnce(t *testing.T) {
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Reply: testmail.FailOnce(testmail.SMTPData,
		&smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "local problem, try later"})})
	host, port := splitHostPort(t, srv.Addr())
	m := newMailbox(t, speakConfig+"notify: {via: smtp}\n")
	m.withSMTP(t, fmt.Sprintf("smtp:\n  host: %s\n  port: %s\n  security: insecure\n", host, port))
	m.watching(t)
	if err := m.dc.Deliver(testOwner, "Sent", budgetAsk()); err != nil {
		t.Fatal(err)
	}
	at := func(d time.Duration) string { return askedAt.Add(d).Format(time.RFC3339) }
	for _, d := range []time.Duration{time.Hour, 73 * time.Hour} {
		if r := m.run(t, "--now", at(d), "run", "--once"); r.code != 0 {
			t.Fatalf("run --once: exit %d\n%s", r.code, r.stderr)
		}
	}
	if n := len(srv.Messages()); n != 0 {
		t.Fatalf("%d messages accepted after the 451", n)
	}
	if r := m.run(t, "--now", at(73*time.Hour), "status"); !strings.Contains(r.stdout, "1 queued") {
		t.Errorf("status does not show the nudge waiting:\n%s", r.stdout)
	}
	for _, d := range []time.Duration{73*time.Hour + 2*time.Minute, 74 * time.Hour} {
		if r := m.run(t, "--now", at(d), "run", "--once"); r.code != 0 {
			t.Fatalf("run --once: exit %d\n%s", r.code, r.stderr)
		}
	}
	got := srv.Messages()
	if len(got) != 1 || !strings.Contains(string(got[0].Data), "X-Gratitude-Kind: nudge") || got[0].To[0] != testOwner {
		t.Fatalf("SMTP server got %d messages, want the nudge once, to the owner", len(got))
	}
	if n := len(ofKind(readFolder(t, m, "INBOX"), "nudge")); n != 0 {
		t.Errorf("with notify.via smtp the nudge was also appended to INBOX (%d)", n)
	}
}

func TestDigestPrintsAndSendsIntoTheInbox(t *testing.T) {
	m := newMailbox(t, speakConfig)
	m.watching(t)
	if err := m.dc.Deliver(testOwner, "Sent", budgetAsk()); err != nil {
		t.Fatal(err)
	}
	now := askedAt.Add(time.Hour).Format(time.RFC3339)
	if r := m.run(t, "--now", now, "run", "--once"); r.code != 0 {
		t.Fatalf("run --once: exit %d\n%s", r.code, r.stderr)
	}
	r := m.run(t, "--now", now, "digest")
	if r.code != 0 || !strings.Contains(r.stdout, "Budget review for Q1") || !strings.HasPrefix(r.stdout, "Subject: ") {
		t.Fatalf("digest: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if n := len(readFolder(t, m, "INBOX")); n != 0 {
		t.Fatalf("printing the digest delivered %d messages", n)
	}
	if r := m.run(t, "--now", now, "digest", "--send"); r.code != 0 || !strings.Contains(r.stdout, "Digest queued") {
		t.Fatalf("digest --send: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if n := len(ofKind(readFolder(t, m, "INBOX"), "digest")); n != 1 {
		t.Errorf("%d digests in INBOX, want 1", n)
	}
}

func TestRunningDaemonNudgesAnOverdueAskOnce(t *testing.T) {
	m := newMailbox(t, speakConfig)
	m.watching(t)
	d := m.startDaemon(t)
	ask := strings.Replace(string(budgetAsk()), askedAt.Format(time.RFC1123Z), time.Now().Add(-4*24*time.Hour).Format(time.RFC1123Z), 1)
	if err := m.dc.Deliver(testOwner, "Sent", []byte(ask)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for len(ofKind(readFolder(t, m, "INBOX"), "nudge")) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no nudge 30s after an overdue ask was filed")
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The daemon reads its own nudge back (IDLE) and must not nudge again.
	waitCount(t, m, "INBOX", 1, 30*time.Second)
	if n := len(ofKind(readFolder(t, m, "INBOX"), "nudge")); n != 1 {
		t.Errorf("%d nudges, want 1", n)
	}
	if len(readFolder(t, m, "Drafts")) != 1 {
		t.Error("no follow-up draft")
	}
	d.stop(t)
}

func TestADaemonStartedAfterTheWindowReadsTheReplyBeforeNudging(t *testing.T) {
	m := newMailbox(t, speakConfig)
	m.watching(t)
	if err := m.dc.Deliver(testOwner, "Sent", budgetAsk()); err != nil {
		t.Fatal(err)
	}
	if r := m.run(t, "--now", askedAt.Add(time.Hour).Format(time.RFC3339), "run", "--once"); r.code != 0 {
		t.Fatalf("run --once: exit %d\n%s", r.code, r.stderr)
	}
	// Alice answers while gratitude is not running.
	reply := mailAt([]string{"From: Alice Martin <alice@example.net>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Budget review for Q1", "Date: " + askedAt.Add(5*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-alice@example.net>", "In-Reply-To: <ask-budget@example.org>",
		"Content-Type: text/plain; charset=utf-8"}, "The travel line is counted twice.\n\nAlice")
	if err := m.dc.DeliverLMTP("alice@example.net", []string{testOwner}, reply); err != nil {
		t.Fatal(err)
	}
	d := m.startDaemon(t, "--now", askedAt.Add(80*time.Hour).Format(time.RFC3339))
	deadline := time.Now().Add(30 * time.Second)
	for {
		reqs := listRequests(t, m)
		if len(reqs) == 1 && reqs[0].State == "answered" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the reply was not read: %+v", reqs)
		}
		time.Sleep(20 * time.Millisecond)
	}
	d.stop(t)
	if n := len(ofKind(readFolder(t, m, "INBOX"), "nudge")); n != 0 {
		t.Errorf("%d nudges: the daemon nudged before reading the reply that arrived while it was down", n)
	}
}
