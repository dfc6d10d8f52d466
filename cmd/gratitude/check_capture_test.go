package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"gratitude"
	"gratitude/inbox"
	"gratitude/inbox/classify"
	"gratitude/internal/config"
	"gratitude/internal/daemon"
	"gratitude/internal/testmail"
)

// checkSubject opens the subject of check's test message.
const checkSubject = "gratitude check: capture test "

// newPostfixMailbox is Ada's mailbox on a Dovecot started with opts, with
// Postfix in front of it delivering example.org over LMTP (main.cf lines
// added), and gratitude sending through that Postfix.
func newPostfixMailbox(t *testing.T, opts testmail.DovecotOptions, mainCF, extra string) *mailbox {
	t.Helper()
	m := newMailboxOn(t, opts, extra)
	pf := testmail.NewPostfix(t, testmail.PostfixOptions{LMTP: m.dc.LMTPAddr(), Domains: []string{"example.org"}, MainCF: mainCF})
	host, port := splitHostPort(t, pf.Addr())
	m.withSMTP(t, fmt.Sprintf("smtp:\n  host: %s\n  port: %s\n  security: insecure\n", host, port))
	return m
}

// checkMessagesLeft lists, per folder, the test messages left in Ada's
// mailbox, deleted or not.
func checkMessagesLeft(t *testing.T, m *mailbox) map[string][]folderMessage {
	t.Helper()
	var folders []string
	onMailbox(t, m.dc.Addr(), func(c *imapclient.Client) error {
		list, err := c.List("", "*", nil).Collect()
		for _, l := range list {
			folders = append(folders, l.Mailbox)
		}
		return err
	})
	left := map[string][]folderMessage{}
	for _, f := range folders {
		for _, msg := range readFolder(t, m, f) {
			if strings.HasPrefix(msg.header.Get("Subject"), checkSubject) {
				left[f] = append(left[f], msg)
			}
		}
	}
	return left
}

// wantNoneLeft fails the test when a test message is left in any folder.
func wantNoneLeft(t *testing.T, m *mailbox) {
	t.Helper()
	for f, msgs := range checkMessagesLeft(t, m) {
		t.Errorf("%d test message(s) left in %q", len(msgs), f)
	}
}

// The case: Postfix hands the copy to Ada and the one to her
// capture address to Dovecot over LMTP in one transaction, and neither
// names a recipient. check says so, what it costs, what to set on this
// server, and leaves no test message behind.
func TestCheckOnPostfixAndDovecotSaysNothingNamesTheCaptureAddressAndWhatToSet(t *testing.T) {
	m := newPostfixMailbox(t, testmail.DovecotOptions{}, "", "")
	r := m.run(t, "check")
	t.Logf("check:\n%s", r.stdout)
	if r.code != 0 {
		t.Fatalf("check: exit %d, want 0 (a warning is no failure)\n%s", r.code, r.stderr)
	}
	wantLine(t, r.stdout, "warn", "capture", `the test message reached INBOX (2 copies), but nothing on it names ada+thanks@example.org`,
		`the server added no Delivered-To, X-Original-To or Received "for"`, `test message removed from "INBOX"`)
	for _, want := range []string{
		"will be reported to you, not tracked",
		`- create a folder "thanks" and set Dovecot's lmtp_save_to_detail_mailbox = yes`,
		"- or file mail to ada+thanks@example.org in a folder with a sieve rule on the envelope recipient, and set capture.folder to it",
		"Postfix hands the copies to Dovecot over LMTP in one transaction, so Dovecot adds no Delivered-To; " +
			"lmtp_destination_recipient_limit = 1 in Postfix's main.cf",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("check does not say %q", want)
		}
	}
	wantNoneLeft(t, m)
}

// The advice, followed: with one recipient per LMTP delivery Dovecot adds
// Delivered-To, and check names it.
func TestCheckOnPostfixWithOneRecipientPerDeliveryRecognisesDeliveredTo(t *testing.T) {
	m := newPostfixMailbox(t, testmail.DovecotOptions{}, "lmtp_destination_recipient_limit = 1", "")
	r := m.run(t, "check")
	t.Logf("check:\n%s", r.stdout)
	if r.code != 0 {
		t.Fatalf("check: exit %d\n%s", r.code, r.stderr)
	}
	wantLine(t, r.stdout, "ok", "capture", "arrives in INBOX, recognised by Delivered-To: ada+thanks@example.org",
		`test message removed from "INBOX"`)
	wantNoneLeft(t, m)
}

// With Dovecot's lmtp_save_to_detail_mailbox and a folder "thanks", the
// capture copy lands there: tracked by where it is.
func TestCheckSaysCaptureMailLandsInTheDetailFolder(t *testing.T) {
	m := newPostfixMailbox(t, detailDovecot, "", "")
	createFolder(t, m, "thanks")
	r := m.run(t, "check")
	t.Logf("check:\n%s", r.stdout)
	if r.code != 0 {
		t.Fatalf("check: exit %d\n%s", r.code, r.stderr)
	}
	wantLine(t, r.stdout, "ok", "capture", `arrives in folder "thanks": tracked by where it is`,
		`test message removed from "INBOX" and "thanks"`)
	wantNoneLeft(t, m)
}

// capture.folder is off, but the server files capture mail in "thanks":
// check finds the copy there, says gratitude does not read it and what to
// set, and removes it from there too.
func TestCheckFindsCaptureMailInAFolderGratitudeDoesNotRead(t *testing.T) {
	m := newPostfixMailbox(t, detailDovecot, "", "capture: {folder: \"off\"}\n")
	createFolder(t, m, "thanks")
	r := m.run(t, "check", "--wait", "8s")
	t.Logf("check:\n%s", r.stdout)
	if r.code != 0 {
		t.Fatalf("check: exit %d\n%s", r.code, r.stderr)
	}
	wantLine(t, r.stdout, "warn", "capture", "the test message reached INBOX (1 copy), but nothing on it names ada+thanks@example.org",
		`test message removed from "INBOX" and "thanks"`)
	if want := `a copy reached folder "thanks", which gratitude does not read: if your server files mail to ada+thanks@example.org there, ` +
		`set capture.folder: "thanks"`; !strings.Contains(r.stdout, want) {
		t.Errorf("check does not say %q", want)
	}
	wantNoneLeft(t, m)
}

// A test message that never arrives fails the check, saying what to
// look at; --no-send sends nothing and says the test was skipped.
func TestCheckFailsWhenTheTestMessageNeverArrivesAndNoSendSkipsIt(t *testing.T) {
	m := newMailbox(t, "")
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{}) // takes the message, delivers it nowhere
	m.withSMTP(t, smtpConfig(t, srv, ""))

	r := m.run(t, "check", "--no-send")
	if r.code != 0 || len(srv.Messages()) != 0 {
		t.Fatalf("check --no-send: exit %d, %d messages sent\n%s%s", r.code, len(srv.Messages()), r.stdout, r.stderr)
	}
	wantLine(t, r.stdout, "skip", "capture", "not tested (--no-send)")

	r = m.run(t, "check", "--wait", "1s")
	t.Logf("check:\n%s", r.stdout)
	if r.code != 1 {
		t.Fatalf("check: exit %d, want 1\n%s", r.code, r.stderr)
	}
	wantLine(t, r.stdout, "FAIL", "capture", "reached none of your folders within 1s: the capture address does not reach this mailbox",
		"no test message to remove")
	if !strings.Contains(r.stdout, "check that your server delivers ada+thanks@example.org to this mailbox") {
		t.Errorf("the FAIL does not say what to check:\n%s", r.stdout)
	}
	sent := srv.Messages()
	if len(sent) != 1 {
		t.Fatalf("%d messages sent, want the one test message", len(sent))
	}
	if got := sent[0].To; !slices.Equal(got, []string{testOwner, "ada+thanks@example.org"}) || sent[0].From != testOwner {
		t.Errorf("sent from %s to %v; want from and to Ada, and to her capture address", sent[0].From, got)
	}
	h := classify.ParseHeader(sent[0].Data)
	if !strings.HasPrefix(h.Subject, checkSubject) || h.Fields.Get("Auto-Submitted") != "auto-generated" ||
		!strings.HasPrefix(h.MessageID, "gratitude.check.") || strings.Contains(strings.ToLower(string(sent[0].Data)), "\nbcc:") {
		t.Errorf("the test message:\n%s", sent[0].Data)
	}
}

// Without UIDPLUS, check expunges nothing (a plain EXPUNGE would take Ada's
// own deleted mail with it): the copies stay flagged \Deleted and \Seen,
// and the line says so.
func TestCheckWithoutUIDPLUSLeavesTheTestMessageFlaggedDeleted(t *testing.T) {
	m := newMailboxOn(t, testmail.DovecotOptions{ExtraConfig: lean}, "")
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Deliver: deliverTo(m.dc)})
	m.withSMTP(t, smtpConfig(t, srv, ""))
	mine := mailAt([]string{"From: Alice Martin <alice@example.net>", "To: Ada Lovelace <ada@example.org>", "Subject: Lunch?",
		"Date: " + askedAt.Format(time.RFC1123Z), "Message-ID: <lunch@example.net>"}, "Thursday?")
	if err := m.dc.Deliver(testOwner, "INBOX", mine); err != nil {
		t.Fatal(err)
	}
	onMailbox(t, m.dc.Addr(), func(c *imapclient.Client) error { // Ada deleted it, her client has not expunged
		if _, err := c.Select("INBOX", nil).Wait(); err != nil {
			return err
		}
		return c.Store(imap.SeqSetNum(1), &imap.StoreFlags{Op: imap.StoreFlagsAdd, Flags: []imap.Flag{imap.FlagDeleted}}, nil).Close()
	})
	r := m.run(t, "check")
	t.Logf("check:\n%s", r.stdout)
	if r.code != 0 {
		t.Fatalf("check: exit %d\n%s", r.code, r.stderr)
	}
	wantLine(t, r.stdout, "warn", "capture", `test message flagged \Deleted and \Seen in "INBOX", not expunged (the server has no UIDPLUS`)
	left := checkMessagesLeft(t, m)["INBOX"]
	if len(left) != 2 {
		t.Fatalf("%d test messages in INBOX, want both copies, flagged", len(left))
	}
	for _, msg := range left {
		if !slices.Contains(msg.flags, imap.FlagDeleted) || !slices.Contains(msg.flags, imap.FlagSeen) {
			t.Errorf("a test message flagged %v, want \\Deleted and \\Seen", msg.flags)
		}
	}
	if n := len(readFolder(t, m, "INBOX")); n != 3 {
		t.Errorf("INBOX holds %d messages, want Ada's deleted one and the two test copies: nothing expunged", n)
	}
}

// A running gratitude reading the mailbox while check runs never takes
// the test message for anything: the message check sends, as Postfix and
// Dovecot deliver it to INBOX (naming the capture address, or not), in
// the capture folder, in Sent (a provider that files mail sent through
// it), and a second copy after the first, is ignored as machine-written.
func TestTheCheckMessageIsIgnoredByTheDaemon(t *testing.T) {
	path := writeFile(t, filepath.Join(t.TempDir(), "g.yaml"), "owner: {name: Ada Lovelace, email: ada@example.org}\n"+
		"database: "+filepath.Join(t.TempDir(), "g.db")+"\nimap: {host: imap.example.org, password: x}\nsmtp: {host: smtp.example.org}\n")
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := captureMessage(cfg, newCheckMessageID(cfg.Owner.Email), askedAt)
	if err != nil {
		t.Fatal(err)
	}
	folders := inbox.Folders{Inbox: "INBOX", Sent: "Sent", Drafts: "Drafts", Capture: "thanks"}
	rules := daemon.Classifier(cfg, folders)
	lmtp := "Return-Path: <ada@example.org>\r\nReceived: from mail.example.org by mail.example.org with LMTP id 7Hc1B0K+Q2c; " +
		askedAt.Format(time.RFC1123Z) + "\r\n"
	named := "Delivered-To: ada+thanks@example.org\r\n" + lmtp
	for _, c := range []struct {
		name, mailbox, above string
		known                bool
	}{
		{"INBOX, no trace", "INBOX", lmtp, false},
		{"INBOX, Delivered-To the capture address", "INBOX", named, false},
		{"the capture folder", "thanks", lmtp, false},
		{"Sent", "Sent", "", false},
		{"a second copy", "INBOX", named, true},
	} {
		whole := append([]byte(c.above), raw...)
		m := &inbox.Message{Mailbox: c.mailbox, InternalDate: askedAt, Header: classify.ParseHeader(whole), Known: c.known}
		if c.known {
			m.KnownClass = gratitude.ClassIgnored
		}
		for _, b := range []*inbox.Batch{{}, {LiveCards: true}} {
			v := rules.Classify(m, b)
			if v.NeedBody {
				m.Body = whole
				v = rules.Classify(m, b)
			}
			if v.Class != gratitude.ClassIgnored || !strings.HasPrefix(v.Reason, classify.ReasonAutoReply) || v.StartsThread || v.Event != nil {
				t.Errorf("%s: classified %+v; want ignored as machine-written", c.name, v)
			}
		}
	}
}
