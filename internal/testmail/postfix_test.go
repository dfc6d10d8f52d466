package testmail

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"net/textproto"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-smtp"
)

const (
	alice        = "alice@example.net"
	deliverLimit = 30 * time.Second
)

// newMailPair starts a Dovecot with Ada and Alice and a Postfix delivering
// example.org and example.net to it.
func newMailPair(t *testing.T) (*Dovecot, *Postfix) {
	t.Helper()
	d := NewDovecot(t, DovecotOptions{})
	for _, u := range []string{testUser, alice} {
		if err := d.AddUser(u, testPass); err != nil {
			t.Fatal(err)
		}
	}
	p := NewPostfix(t, PostfixOptions{LMTP: d.LMTPAddr(), Domains: []string{"example.org", "example.net"}})
	return d, p
}

// sendMail submits raw over SMTP, returning the replies of refused
// recipients; it fails the test unless at least one was accepted.
func sendMail(t *testing.T, addr, from string, rcpts []string, raw string) map[string]*smtp.SMTPError {
	t.Helper()
	c, err := smtp.Dial(addr)
	if err != nil {
		t.Fatalf("smtp dial %s: %v", addr, err)
	}
	defer c.Close()
	if err := c.Hello("client.example"); err != nil {
		t.Fatalf("EHLO: %v", err)
	}
	if err := c.Mail(from, nil); err != nil {
		t.Fatalf("MAIL FROM:<%s>: %v", from, err)
	}
	refused := map[string]*smtp.SMTPError{}
	for _, rcpt := range rcpts {
		var smtpErr *smtp.SMTPError
		if err := c.Rcpt(rcpt, nil); errors.As(err, &smtpErr) {
			refused[rcpt] = smtpErr
		} else if err != nil {
			t.Fatalf("RCPT TO:<%s>: %v", rcpt, err)
		}
	}
	w, err := c.Data()
	if err != nil {
		t.Fatalf("DATA: %v", err)
	}
	if _, err := w.Write([]byte(strings.ReplaceAll(raw, "\n", "\r\n"))); err != nil {
		t.Fatalf("DATA: %v", err)
	}
	if err := w.Close(); err != nil {
		t.Fatalf("end of DATA: %v", err)
	}
	if err := c.Quit(); err != nil {
		t.Fatalf("QUIT: %v", err)
	}
	return refused
}

// inboxHeaders logs user in, waits until INBOX holds n messages and returns
// the header of each.
func inboxHeaders(t *testing.T, d *Dovecot, user string, n uint32) []textproto.MIMEHeader {
	t.Helper()
	c := login(t, d.Addr(), nil, user, testPass)
	deadline := time.Now().Add(deliverLimit)
	var b backoff
	for {
		data, err := c.Status("INBOX", &imap.StatusOptions{NumMessages: true}).Wait()
		if err != nil {
			t.Fatalf("STATUS INBOX of %s: %v", user, err)
		}
		if *data.NumMessages >= n {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("INBOX of %s has %d messages after %v, want %d", user, *data.NumMessages, deliverLimit, n)
		}
		b.wait()
	}
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatalf("SELECT INBOX of %s: %v", user, err)
	}
	section := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, Peek: true}
	msgs, err := c.Fetch(imap.SeqSet{{Start: 1, Stop: 0}}, &imap.FetchOptions{BodySection: []*imap.FetchItemBodySection{section}}).Collect()
	if err != nil {
		t.Fatalf("FETCH headers of %s: %v", user, err)
	}
	var hdrs []textproto.MIMEHeader
	for _, m := range msgs {
		raw := m.FindBodySection(section)
		h, err := textproto.NewReader(bufio.NewReader(bytes.NewReader(raw))).ReadMIMEHeader()
		if err != nil {
			t.Fatalf("parse header of %s message %d: %v\n%s", user, m.SeqNum, err, raw)
		}
		t.Logf("%s message %d header:\n%s", user, m.SeqNum, raw)
		hdrs = append(hdrs, h)
	}
	return hdrs
}

// thanksMail is addressed to Alice only; Ada's plus address gets it as Bcc.
const thanksMail = "From: carol@example.com\nTo: alice@example.net\nSubject: thanks\nMessage-Id: <thanks@example.com>\nDate: Mon, 02 Jan 2006 15:04:05 +0000\n\nthank you\n"

// receivedBy returns the Received header added by the named server.
func receivedBy(h textproto.MIMEHeader, by string) string {
	for _, r := range h.Values("Received") {
		if strings.Contains(r, "by "+by) {
			return r
		}
	}
	return ""
}

func TestPostfixDeliversToDovecotAndRefusesRelaying(t *testing.T) {
	d, p := newMailPair(t)
	refused := sendMail(t, p.Addr(), "carol@example.com", []string{"ada+thanks@example.org", "bob@elsewhere.example", alice}, thanksMail)
	if err := refused["bob@elsewhere.example"]; err == nil || err.Code != 554 || !strings.Contains(err.Message, "Relay access denied") {
		t.Errorf("RCPT bob@elsewhere.example: got %v, want 554 Relay access denied", err)
	}
	if len(refused) != 1 {
		t.Errorf("refused %v, want only bob@elsewhere.example", refused)
	}
	if err := p.WaitDelivered(2, deliverLimit); err != nil {
		t.Fatal(err)
	}
	for _, user := range []string{testUser, alice} {
		h := inboxHeaders(t, d, user, 1)[0]
		if got := h.Get("Return-Path"); got != "<carol@example.com>" {
			t.Errorf("%s: Return-Path %q, want <carol@example.com>", user, got)
		}
		if receivedBy(h, "localhost (Postfix)") == "" {
			t.Errorf("%s: no Received header from Postfix: %v", user, h["Received"])
		}
		// Postfix hands both recipients to Dovecot in one LMTP transaction;
		// then neither copy names its envelope recipient.
		for _, key := range []string{"Delivered-To", "X-Original-To"} {
			if v, ok := h[key]; ok {
				t.Errorf("%s: %s %q on a copy delivered with another recipient", user, key, v)
			}
		}
		if r := receivedBy(h, "localhost (Postfix)"); strings.Contains(r, "for <") {
			t.Errorf("%s: Postfix Received names a recipient: %q", user, r)
		}
	}
}

func TestPostfixSoleRecipientCopyNamesPlusAddress(t *testing.T) {
	d, p := newMailPair(t)
	sendMail(t, p.Addr(), "carol@example.com", []string{"ada+thanks@example.org"}, thanksMail)
	if err := p.WaitDelivered(1, deliverLimit); err != nil {
		t.Fatal(err)
	}
	h := inboxHeaders(t, d, testUser, 1)[0]
	if got := h.Get("Delivered-To"); got != "ada+thanks@example.org" {
		t.Errorf("Delivered-To %q, want ada+thanks@example.org (Dovecot adds it for a sole LMTP recipient)", got)
	}
	if r := receivedBy(h, "localhost (Postfix)"); !strings.Contains(r, "for <ada+thanks@example.org>") {
		t.Errorf("Postfix Received %q lacks for <ada+thanks@example.org>", r)
	}
	if v, ok := h["X-Original-To"]; ok {
		t.Errorf("X-Original-To %q: Postfix's lmtp client is not expected to add it", v)
	}
}

// With lmtp_destination_recipient_limit = 1 (MainCF), Postfix hands each
// recipient to Dovecot in an LMTP transaction of its own, and Dovecot
// names each in Delivered-To: what `gratitude check` advises when a
// Bcc'd copy bears no trace.
func TestPostfixOneRecipientPerLMTPDeliveryNamesEach(t *testing.T) {
	d := NewDovecot(t, DovecotOptions{})
	if err := d.AddUser(testUser, testPass); err != nil {
		t.Fatal(err)
	}
	p := NewPostfix(t, PostfixOptions{LMTP: d.LMTPAddr(), Domains: []string{"example.org"}, MainCF: "lmtp_destination_recipient_limit = 1"})
	sendMail(t, p.Addr(), "carol@example.com", []string{testUser, "ada+thanks@example.org"}, thanksMail)
	if err := p.WaitDelivered(2, deliverLimit); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range inboxHeaders(t, d, testUser, 2) {
		got = append(got, h.Get("Delivered-To"))
	}
	slices.Sort(got)
	if want := []string{"ada+thanks@example.org", testUser}; !slices.Equal(got, want) {
		t.Errorf("Delivered-To of the two copies: %q, want %q", got, want)
	}
}

func TestPostfixConcurrentInstances(t *testing.T) {
	d := NewDovecot(t, DovecotOptions{})
	if err := d.AddUser(testUser, testPass); err != nil {
		t.Fatal(err)
	}
	opts := PostfixOptions{LMTP: d.LMTPAddr(), Domains: []string{"example.org"}}
	if _, err := findPostfix(); err != nil {
		NewPostfix(t, opts) // skips or fails as configured
	}
	ps := make([]*Postfix, 2)
	errs := make([]error, len(ps))
	var wg sync.WaitGroup
	for i := range ps {
		wg.Go(func() { ps[i], errs[i] = StartPostfix(opts) })
	}
	wg.Wait()
	for i, p := range ps {
		if errs[i] != nil {
			t.Fatalf("instance %d: %v", i, errs[i])
		}
		t.Cleanup(func() {
			if err := p.Close(); err != nil {
				t.Error(err)
			}
		})
	}
	if ps[0].Addr() == ps[1].Addr() || ps[0].dir == ps[1].dir {
		t.Fatalf("instances share %s / %s", ps[0].Addr(), ps[0].dir)
	}
	for i, p := range ps {
		sendMail(t, p.Addr(), "carol@example.com", []string{testUser}, strings.Replace(thanksMail, "thanks@", fmt.Sprintf("thanks%d@", i), 1))
	}
	for _, p := range ps {
		if err := p.WaitDelivered(1, deliverLimit); err != nil {
			t.Fatal(err)
		}
	}
	inboxHeaders(t, d, testUser, 2)
}

func TestPostfixWaitDeliveredQuotesDeferrals(t *testing.T) {
	dead, err := FreePort() // nothing listens: LMTP connections are refused
	if err != nil {
		t.Fatal(err)
	}
	p := NewPostfix(t, PostfixOptions{LMTP: loopback(dead), Domains: []string{"example.org"}})
	sendMail(t, p.Addr(), "carol@example.com", []string{testUser}, thanksMail)
	deadline := time.Now().Add(deliverLimit)
	var b backoff
	for !strings.Contains(p.Logs(), "status=deferred") {
		if time.Now().After(deadline) {
			t.Fatalf("no deferral logged within %v", deliverLimit)
		}
		b.wait()
	}
	err = p.WaitDelivered(1, 0)
	if err == nil || !strings.Contains(err.Error(), "0 of 1") || !strings.Contains(err.Error(), "status=deferred") {
		t.Errorf("WaitDelivered = %v, want 0 of 1 quoting the deferral", err)
	}
}

func TestPostfixLayoutPassesPostfixCheck(t *testing.T) {
	p := NewPostfix(t, PostfixOptions{LMTP: "127.0.0.1:24", Domains: []string{"example.org"}})
	postfix := filepath.Join(filepath.Dir(p.inst.postconf), "postfix")
	out, err := exec.Command(postfix, "-c", p.confDir, "check").CombinedOutput()
	if err != nil || len(out) > 0 {
		t.Errorf("postfix check: %v %s", err, out)
	}
	for line := range strings.Lines(p.Logs()) {
		if strings.Contains(line, "warning:") || strings.Contains(line, "fatal:") {
			t.Errorf("postfix logged: %s", strings.TrimSpace(line))
		}
	}
}

func TestPostfixOptionsValidate(t *testing.T) {
	for _, tc := range []struct {
		opts PostfixOptions
		want []string // substrings of the error; none means valid
	}{
		{PostfixOptions{LMTP: "127.0.0.1:24", Domains: []string{"example.org"}}, nil},
		{PostfixOptions{LMTP: "lmtp.example:24", Domains: []string{"a.example", "b.example"}}, nil},
		{PostfixOptions{}, []string{"option LMTP", "option Domains: empty"}},
		{PostfixOptions{LMTP: "127.0.0.1", Domains: []string{"example.org"}}, []string{"option LMTP"}},
		{PostfixOptions{LMTP: "127.0.0.1:24", Domains: []string{"a.example,b.example"}}, []string{`Domains: "a.example,b.example"`}},
	} {
		err := tc.opts.validate()
		if len(tc.want) == 0 && err != nil {
			t.Errorf("%+v: %v", tc.opts, err)
		}
		for _, w := range tc.want {
			if err == nil || !strings.Contains(err.Error(), w) {
				t.Errorf("%+v: error %v, want it to mention %q", tc.opts, err, w)
			}
		}
	}
}

func TestPostfixLMTPNexthop(t *testing.T) {
	for lmtp, want := range map[string]string{
		"127.0.0.1:2424":  "lmtp:inet:[127.0.0.1]:2424",
		"[::1]:24":        "lmtp:inet:[::1]:24",
		"lmtp.example:24": "lmtp:inet:lmtp.example:24",
	} {
		if got := (PostfixOptions{LMTP: lmtp}).lmtpNexthop(); got != want {
			t.Errorf("lmtpNexthop(%s) = %s, want %s", lmtp, got, want)
		}
	}
}

func TestPostfixCompatLevel(t *testing.T) {
	for version, want := range map[string]string{"3.7.11": "3.6", "3.6.0": "3.6", "4.0.1": "3.6", "3.5.18": "2", "3.4.0": "2", "3.3.2": "", "2.11.0": "", "x": ""} {
		got, err := compatLevel(version)
		if got != want || (want == "") != (err != nil) {
			t.Errorf("compatLevel(%s) = %q, %v; want %q", version, got, err, want)
		}
	}
	if _, err := compatLevel("3.3.2"); !errors.Is(err, ErrPostfixUnavailable) {
		t.Errorf("too old: %v, want ErrPostfixUnavailable (so tests skip)", err)
	}
}

func TestPostfixDeliveriesCountsSentLines(t *testing.T) {
	log := `Dec 01 postfix/lmtp[1]: A: to=<a@example.org>, relay=x, dsn=2.0.0, status=sent (250 Saved)
Dec 01 postfix/lmtp[1]: A: to=<b@example.org>, relay=x, dsn=4.4.1, status=deferred (connect refused)
Dec 01 postfix/lmtp[1]: B: to=<c@example.org>, relay=x, dsn=5.1.1, status=bounced (550 no such user)
Dec 01 postfix/lmtp[1]: C: to=<d@example.org>, relay=x, dsn=2.0.0, status=sent (250 Saved)
Dec 01 postfix/smtpd[2]: connect from localhost[127.0.0.1]
`
	sent, failed := deliveries(log)
	if sent != 2 || len(failed) != 2 || !strings.Contains(failed[0], "b@example.org") || !strings.Contains(failed[1], "c@example.org") {
		t.Errorf("deliveries = %d, %q; want 2 sent, b and c failed", sent, failed)
	}
}
