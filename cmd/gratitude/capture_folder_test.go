package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"

	"gratitude/internal/testmail"
)

// detailDovecot files mail to ada+thanks@ in Ada's folder "thanks", as
// Dovecot does with lmtp_save_to_detail_mailbox (when the folder exists;
// else it delivers to INBOX).
var detailDovecot = testmail.DovecotOptions{ExtraConfig: "lmtp_save_to_detail_mailbox = yes"}

// colleague is a second user of Ada's server: Postfix hands a message to
// her and to Ada's capture address over LMTP in one transaction, and then
// Dovecot adds no Delivered-To naming either.
const colleague = "bob@example.org"

// newCaptureMailbox is a mailbox on detailDovecot with a "thanks" folder
// (unless folder is false) and Ada's colleague, with extra config.
func newCaptureMailbox(t *testing.T, folder bool, extra string) *mailbox {
	t.Helper()
	m := newMailboxOn(t, detailDovecot, speakConfig+extra)
	if err := m.dc.AddUser(colleague, testPass); err != nil {
		t.Fatal(err)
	}
	if folder {
		createFolder(t, m, "thanks")
	}
	return m
}

// createFolder creates a folder in Ada's mailbox, as her mail client does.
func createFolder(t *testing.T, m *mailbox, name string) {
	t.Helper()
	onMailbox(t, m.dc.Addr(), func(c *imapclient.Client) error { return c.Create(name, nil).Wait() })
}

// venueAsk is Ada's ask to her colleague and to Alice, BCC'd to the
// capture address; sent is her client's copy in Sent, which keeps the
// Bcc, and the delivered copy has none.
func venueAsk(id string, at time.Time, sent bool) []byte {
	h := []string{"From: Ada Lovelace <ada@example.org>", "To: Bob Chen <" + colleague + ">, Alice Martin <alice@example.net>",
		"Subject: Which venue for the offsite?", "Date: " + at.Format(time.RFC1123Z), "Message-ID: <" + id + ">",
		"MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8"}
	if sent {
		h = append(h, captureBcc)
	}
	return mailAt(h, "Do you know a place for twenty people near the station?\n\nAda")
}

// askOverLMTP delivers the ask as Postfix does: the colleague and the
// capture address in one LMTP transaction. It must land in "thanks" with
// no header naming the capture address.
func askOverLMTP(t *testing.T, m *mailbox, raw []byte) {
	t.Helper()
	before := len(readFolder(t, m, "thanks"))
	if err := m.dc.DeliverLMTP(testOwner, []string{"ada+thanks@example.org", colleague}, raw); err != nil {
		t.Fatal(err)
	}
	got := readFolder(t, m, "thanks")
	if len(got) != before+1 {
		t.Fatalf("the ask did not land in the thanks folder (%d there, INBOX %d)", len(got), len(readFolder(t, m, "INBOX")))
	}
	h := got[len(got)-1].header
	for _, k := range []string{"Delivered-To", "X-Original-To", "Bcc"} {
		if v := h.Get(k); strings.Contains(v, "thanks") {
			t.Fatalf("Dovecot's copy names the capture address in %s: %q; the test needs one that does not", k, v)
		}
	}
}

// captureStatus is what `status --json` says of the mailboxes and command mail.
type captureStatus struct {
	Health    string `json:"health"`
	Reason    string `json:"reason"`
	Mailboxes []struct {
		Mailbox  string `json:"mailbox"`
		Messages int64  `json:"messages"`
	} `json:"mailboxes"`
	Messages map[string]int64 `json:"messages"`
	Commands map[string]int   `json:"commands"`
}

func readCaptureStatus(t *testing.T, m *mailbox) (captureStatus, result) {
	t.Helper()
	r := m.run(t, "status", "--json")
	var st captureStatus
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil {
		t.Fatalf("status --json: exit %d, %v\n%s%s", r.code, err, r.stdout, r.stderr)
	}
	return st, r
}

// messagesIn is how many messages status lists for mailbox; -1 when it
// lists no cursor for it.
func (s captureStatus) messagesIn(mailbox string) int64 {
	for _, mb := range s.Mailboxes {
		if mb.Mailbox == mailbox {
			return mb.Messages
		}
	}
	return -1
}

func (m *mailbox) runOnceAt(t *testing.T, at time.Time) result {
	t.Helper()
	r := m.run(t, "--now", at.Format(time.RFC3339), "run", "--once")
	if r.code != 0 {
		t.Fatalf("run --once at %s: exit %d\n%s", at.Format(time.RFC3339), r.code, r.stderr)
	}
	return r
}

// With Dovecot's lmtp_save_to_detail_mailbox, an ask BCC'd to
// ada+thanks@ lands in "thanks" with no header naming the capture
// address. gratitude finds that folder with no setting, reads it after
// Sent, holds the ask until its copy in Sent proves it, and tracks it.
func TestAnAskFiledInTheDetailFolderIsReadThereAndTracked(t *testing.T) {
	m := newCaptureMailbox(t, true, "")
	m.watching(t)
	if r := m.run(t, "check", "--no-send"); !strings.Contains(r.stdout, `drafts "Drafts", capture "thanks"`) {
		t.Errorf("check does not say it found the capture folder:\n%s%s", r.stdout, r.stderr)
	}
	askOverLMTP(t, m, venueAsk("ask-venue@example.org", askedAt, false))
	// Read before the client has filed its copy in Sent: held, waiting.
	m.runOnceAt(t, askedAt.Add(time.Minute))
	st, _ := readCaptureStatus(t, m)
	if st.messagesIn("thanks") != 1 || st.Commands["pending"] != 1 {
		t.Fatalf("after the ask reached the thanks folder: status lists %+v, commands %v; want it read there and held",
			st.Mailboxes, st.Commands)
	}
	if err := m.dc.Deliver(testOwner, "Sent", venueAsk("ask-venue@example.org", askedAt, true)); err != nil {
		t.Fatal(err)
	}
	m.runOnceAt(t, askedAt.Add(2*time.Minute))
	reqs := listRequests(t, m)
	if len(reqs) != 1 || reqs[0].Subject != "Which venue for the offsite?" || reqs[0].State != "open" {
		t.Fatalf("requests %+v; want the ask tracked", reqs)
	}
	st, r := readCaptureStatus(t, m)
	if st.Commands["done"] != 1 || st.Commands["pending"] != 0 {
		t.Errorf("status: commands %v; want the held ask closed by its copy in Sent", st.Commands)
	}
	if !strings.Contains(r.stdout, `"mailbox": "thanks"`) {
		t.Errorf("status --json lists no cursor for the thanks folder:\n%s", r.stdout)
	}
}

// The proof rules do not change for mail in the capture folder: an ask
// there with no copy in Sent (a client that files none) is not tracked,
// and the owner is told once why instead of hearing nothing.
func TestAnAskInTheCaptureFolderWithNoSentCopyIsReportedNotTracked(t *testing.T) {
	m := newCaptureMailbox(t, true, "")
	m.watching(t)
	askOverLMTP(t, m, venueAsk("ask-venue@example.org", askedAt, false))
	m.runOnceAt(t, askedAt.Add(time.Minute))
	m.runOnceAt(t, askedAt.Add(10*time.Minute)) // after the grace for its copy in Sent
	if reqs := listRequests(t, m); len(reqs) != 0 {
		t.Fatalf("requests %+v; an ask nothing proves is not tracked", reqs)
	}
	refused := ofKind(readFolder(t, m, "INBOX"), "refused")
	if len(refused) != 1 || !strings.Contains(strings.ReplaceAll(refused[0].body, "=\r\n", ""), "no copy in Sent") {
		t.Fatalf("%d refusal notices in INBOX; want one saying there is no copy in Sent", len(refused))
	}
}

// A capture folder configured but missing fails the folders component:
// status exits 1 naming it and the key; the rest of the mailbox is read.
func TestAConfiguredCaptureFolderThatDoesNotExistFailsStatus(t *testing.T) {
	m := newCaptureMailbox(t, false, "capture: {folder: Asks}\n")
	m.watching(t)
	if err := m.dc.Deliver(testOwner, "Sent", venueAsk("ask-venue@example.org", askedAt, true)); err != nil {
		t.Fatal(err)
	}
	m.runOnceAt(t, askedAt.Add(time.Minute))
	if reqs := listRequests(t, m); len(reqs) != 1 {
		t.Errorf("requests %+v; want the ask in Sent tracked all the same", reqs)
	}
	r := m.run(t, "status")
	if r.code != 1 || !strings.Contains(r.stdout, `the capture folder "Asks" cannot be watched`) ||
		!strings.Contains(r.stdout, "set capture.folder") {
		t.Errorf("status with no Asks folder: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := m.run(t, "check"); r.code != 1 || !strings.Contains(r.stdout, `capture.folder: folder "Asks" not found`) {
		t.Errorf("check with no Asks folder: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	createFolder(t, m, "Asks")
	m.runOnceAt(t, askedAt.Add(2*time.Minute))
	if r := m.run(t, "status"); strings.Contains(r.stdout, "FAILING") {
		t.Errorf("status once the folder exists:\n%s", r.stdout)
	}
}

// A capture folder read for the first time is like any folder: what it
// already holds is history (here, an old ask whose copy in Sent is gone),
// never held or reported; what arrives afterwards is live.
func TestMailAlreadyInTheCaptureFolderIsHistory(t *testing.T) {
	m := newCaptureMailbox(t, false, "")
	m.watching(t) // no thanks folder yet
	// Ada creates the folder later, and files an old ask in it.
	createFolder(t, m, "thanks")
	if err := m.dc.Deliver(testOwner, "thanks", venueAsk("old-ask@example.org", askedAt.Add(-30*day), false)); err != nil {
		t.Fatal(err)
	}
	m.runOnceAt(t, askedAt)
	m.runOnceAt(t, askedAt.Add(time.Hour))
	st, _ := readCaptureStatus(t, m)
	if st.messagesIn("thanks") != 1 || st.Commands["pending"]+st.Commands["refused"] != 0 || st.Messages["ignored"] != 1 {
		t.Fatalf("after the first read of the thanks folder: mailboxes %+v, commands %v, messages %v; "+
			"want its old ask recorded as history (ignored), neither held nor refused", st.Mailboxes, st.Commands, st.Messages)
	}
	if n := len(ofKind(readFolder(t, m, "INBOX"), "refused")); n != 0 {
		t.Errorf("%d refusal notices for history", n)
	}
	askOverLMTP(t, m, venueAsk("ask-venue@example.org", askedAt.Add(2*time.Hour), false))
	m.runOnceAt(t, askedAt.Add(2*time.Hour+time.Minute))
	if st, _ := readCaptureStatus(t, m); st.Commands["pending"] != 1 {
		t.Errorf("a live ask in the thanks folder: commands %v; want it held for its copy in Sent", st.Commands)
	}
}

// A running daemon watches the capture folder as it watches INBOX; when
// the folder is deleted it goes on reading the others.
func TestTheRunningDaemonSeesMailInTheCaptureFolder(t *testing.T) {
	m := newCaptureMailbox(t, true, "")
	m.startDaemon(t)
	waitInFolder(t, m, "thanks", 0)
	askOverLMTP(t, m, venueAsk("ask-venue@example.org", time.Now(), false))
	took := waitInFolder(t, m, "thanks", 1)
	t.Logf("the ask in the thanks folder was seen after %v", took)

	onMailbox(t, m.dc.Addr(), func(c *imapclient.Client) error { return c.Delete("thanks").Wait() })
	if err := m.dc.DeliverLMTP("alice@example.net", []string{testOwner}, genMail("after")(1)); err != nil {
		t.Fatal(err)
	}
	took = waitInFolder(t, m, "INBOX", 1)
	t.Logf("with the thanks folder deleted, mail to INBOX was seen after %v", took)
}

// waitInFolder waits until status lists want messages read in mailbox.
func waitInFolder(t *testing.T, m *mailbox, mailbox string, want int64) time.Duration {
	t.Helper()
	start := time.Now()
	for time.Since(start) < 30*time.Second {
		if st, _ := readCaptureStatus(t, m); st.messagesIn(mailbox) == want {
			return time.Since(start)
		}
		time.Sleep(20 * time.Millisecond)
	}
	st, _ := readCaptureStatus(t, m)
	t.Fatalf("%s: status lists %+v after 30s; want %d messages read there", mailbox, st.Mailboxes, want)
	return 0
}

// A capture folder deleted after it was read is no longer read, and its
// cursor, which no pass moves any more, does not make status stale.
func TestADeletedCaptureFolderLeavesNoStaleCursor(t *testing.T) {
	m := newCaptureMailbox(t, true, "")
	m.runOnceAt(t, askedAt)
	onMailbox(t, m.dc.Addr(), func(c *imapclient.Client) error { return c.Delete("thanks").Wait() })
	later := askedAt.Add(2 * time.Hour)
	m.runOnceAt(t, later)
	r := m.run(t, "--now", later.Add(time.Minute).Format(time.RFC3339), "status")
	if r.code != 0 || !strings.Contains(r.stdout, "health: ok") || !regexp.MustCompile(`mailbox "thanks" .*\(no longer read\)`).MatchString(r.stdout) {
		t.Errorf("status after the thanks folder was deleted: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}
