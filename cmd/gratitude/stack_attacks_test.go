package main

import (
	"context"
	"fmt"
	"net"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"gratitude/internal/demo"
	"gratitude/internal/testmail"
	"gratitude/mailer"
)

// attackStack is Ada's mailbox on a real Dovecot with Postfix in front of
// it, the whole cast on example.org, and gratitude configured for both:
// the attacks of the hardening review, replayed as they were found.
type attackStack struct {
	t      *testing.T
	dc     *testmail.Dovecot
	pf     *testmail.Postfix
	config string
	env    []string
	t0     time.Time
}

const (
	ada     = "ada@example.org"
	capture = "ada+thanks@example.org"
)

func newAttackStack(t *testing.T) *attackStack {
	t.Helper()
	dc := testmail.NewDovecot(t, testmail.DovecotOptions{})
	for _, u := range []string{ada, "alice@example.org", "bob@example.org", "mallory@example.org", "carol@example.org"} {
		if err := dc.AddUser(u, testPass); err != nil {
			t.Fatal(err)
		}
	}
	pf := testmail.NewPostfix(t, testmail.PostfixOptions{LMTP: dc.LMTPAddr(), Domains: []string{"example.org"}})
	dir := t.TempDir()
	ih, ip := splitHostPort(t, dc.Addr())
	sh, sp := splitHostPort(t, pf.Addr())
	config := writeFile(t, filepath.Join(dir, "g.yaml"), fmt.Sprintf(`owner: {name: Ada Lovelace, email: %s}
database: %s
timezone: UTC
imap: {host: %s, port: %s, security: insecure, password: "${GRATITUDE_TEST_IMAP_PASSWORD}"}
smtp: {host: %s, port: %s, security: insecure}
reminders: {quiet_hours: "off", digest: "off"}
http: {listen: "off"}
`, ada, filepath.Join(dir, "g.db"), ih, ip, sh, sp))
	return &attackStack{t: t, dc: dc, pf: pf, config: config, env: []string{"GRATITUDE_TEST_IMAP_PASSWORD=" + testPass},
		t0: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
}

// mail is a message at t0+d.
func (s *attackStack) mail(from, to, subject, id, inReplyTo string, d time.Duration, body string, extra ...string) []byte {
	h := []string{"From: " + from, "To: " + to, "Subject: " + subject, "Date: " + s.t0.Add(d).Format(time.RFC1123Z),
		"Message-ID: <" + id + ">", "MIME-Version: 1.0"}
	if inReplyTo != "" {
		h = append(h, "In-Reply-To: "+inReplyTo, "References: "+inReplyTo)
	}
	if !strings.Contains(strings.Join(extra, "\n"), "Content-Type") {
		h = append(h, "Content-Type: text/plain; charset=utf-8")
	}
	return mailAt(append(h, extra...), body)
}

// submit hands raw to Postfix for rcpts and waits until the first of
// them holds it.
func (s *attackStack) submit(envFrom string, rcpts []string, raw []byte, id string) {
	s.t.Helper()
	host, port, _ := net.SplitHostPort(s.pf.Addr())
	p, _ := strconv.Atoi(port)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	opts := &mailer.SMTPOptions{Host: host, Port: p, Security: mailer.SecurityInsecure, Timeout: 10 * time.Second}
	if err := mailer.Send(ctx, opts, envFrom, rcpts, raw); err != nil {
		s.t.Fatalf("submit %s: %v", id, err)
	}
	owner := rcpts[0]
	if strings.HasPrefix(owner, "ada+") {
		owner = ada
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		ok, err := demo.InboxHolds(ctx, s.dc.Addr(), owner, testPass, id)
		if err == nil && ok {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("%s never reached %s's INBOX (%v)", id, owner, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// adaSends is Ada's client: through Postfix, then its copy in Sent.
func (s *attackStack) adaSends(rcpts []string, raw []byte, id string) {
	s.t.Helper()
	s.submit(ada, rcpts, raw, id)
	s.fileSent(raw)
}

func (s *attackStack) fileSent(raw []byte) {
	s.t.Helper()
	if err := s.dc.Deliver(ada, "Sent", raw); err != nil {
		s.t.Fatal(err)
	}
}

func (s *attackStack) runOnce(d time.Duration) {
	s.t.Helper()
	r := runBin(s.t, s.env, "--config", s.config, "--log-format", "json", "--now", s.t0.Add(d).Format(time.RFC3339), "run", "--once")
	if r.code != 0 {
		s.t.Fatalf("run --once at +%v: exit %d\n%s", d, r.code, r.stderr)
	}
}

func (s *attackStack) folder(user, name string) []folderMessage {
	s.t.Helper()
	return folderAt(s.t, s.dc.Addr(), user, name)
}

// thankYous counts what reached Alice from Ada after her ask.
func (s *attackStack) thankYous() int {
	n := 0
	for _, m := range s.folder("alice@example.org", "INBOX") {
		if strings.Contains(m.header.Get("From"), ada) && strings.HasPrefix(m.header.Get("Subject"), "Re:") {
			n++
		}
	}
	return n
}

// answered is Ada's ask to Alice and Bob, Alice's answer, and Ada's
// "resolved": it returns the approval card that comes back.
func (s *attackStack) resolved() folderMessage {
	s.t.Helper()
	ask := s.mail("Ada Lovelace <"+ada+">", "Alice <alice@example.org>, Bob <bob@example.org>", "Budget review for Q1",
		"ask-budget@example.org", "", 0, "Could you two look at the Q1 budget?\n\nAda", "Bcc: "+capture)
	s.adaSends([]string{"alice@example.org", "bob@example.org", capture}, ask, "ask-budget@example.org")
	s.submit("alice@example.org", []string{ada}, s.mail("Alice <alice@example.org>", "Ada Lovelace <"+ada+">",
		"Re: Budget review for Q1", "r-alice@example.org", "<ask-budget@example.org>", 2*time.Hour,
		"The travel line is counted twice; fixed in the sheet.\n\nAlice"), "r-alice@example.org")
	s.runOnce(4 * time.Hour)
	res := s.mail("Ada Lovelace <"+ada+">", capture, "#1 budget", "cmd-resolve@example.org", "", 5*time.Hour, "resolved")
	s.adaSends([]string{capture}, res, "cmd-resolve@example.org")
	s.runOnce(5*time.Hour + time.Minute)
	cards := ofKind(s.folder(ada, "INBOX"), "card")
	if len(cards) != 1 {
		s.t.Fatalf("%d approval cards, want 1", len(cards))
	}
	return cards[0]
}

func TestStackAForgedCommandCannotBorrowTheOwnersSentCopy(t *testing.T) {
	s := newAttackStack(t)
	s.resolved()
	const id = "slides-for-mallory@example.org"
	genuine := s.mail("Ada Lovelace <"+ada+">", "Mallory <mallory@example.org>", "The slides", id, "", 5*time.Hour+30*time.Minute,
		"Here are the slides.\n\nAda")
	s.submit(ada, []string{"mallory@example.org"}, genuine, id)
	// Mallory at once sends Ada's capture address "approve" as Ada, under
	// the Message-ID of Ada's mail; Ada's client files its copy after.
	forged := s.mail("Ada Lovelace <"+ada+">", capture, "#1", id, "", 5*time.Hour+30*time.Minute, "approve")
	s.submit("mallory@example.org", []string{capture}, forged, id)
	s.runOnce(5*time.Hour + 31*time.Minute)
	s.fileSent(genuine)
	s.runOnce(5*time.Hour + 32*time.Minute)
	s.runOnce(6 * time.Hour)
	if n := s.thankYous(); n != 0 {
		t.Fatalf("the forgery got %d thank-yous sent to Alice", n)
	}
}

func TestStackAForwardedCardTakesNoMoreCommands(t *testing.T) {
	for name, attach := range map[string]bool{"inline": false, "attached": true} {
		t.Run(name, func(t *testing.T) {
			s := newAttackStack(t)
			card := s.resolved()
			w := &loopWorld{t0: s.t0}
			fwd := forwardInline(w, card, "Carol <carol@example.org>", "fwd-card@example.org")
			if attach {
				fwd = forwardAttached(w, card, "Carol <carol@example.org>", "fwd-card@example.org")
			}
			s.adaSends([]string{"carol@example.org"}, fwd, "fwd-card@example.org")
			s.runOnce(5*time.Hour + 31*time.Minute)
			token := strings.Trim(card.header.Get("Reply-To"), "<> ")
			forged := s.mail("Ada Lovelace <"+ada+">", token, "Re: card", "carol-forged@example.org", "", 6*time.Hour, "approve")
			s.submit("carol@example.org", []string{token}, forged, "carol-forged@example.org")
			s.runOnce(6*time.Hour + time.Minute)
			s.runOnce(6*time.Hour + 10*time.Minute)
			if n := s.thankYous(); n != 0 {
				t.Fatalf("a command to the forwarded card's address got %d thank-yous sent", n)
			}
		})
	}
}

func TestStackTheOwnersAutoResponderStartsNoLoop(t *testing.T) {
	s := newAttackStack(t)
	s.resolved()
	seen := map[string]bool{}
	d := 6 * time.Hour
	for pass := range 5 {
		for _, m := range s.folder(ada, "INBOX") {
			id := m.header.Get("Message-Id")
			if m.header.Get("X-Gratitude-Kind") == "" || seen[id] {
				continue
			}
			seen[id] = true
			to := strings.Trim(m.header.Get("Reply-To"), "<> ")
			rid := fmt.Sprintf("vacation-%d-%d@example.org", pass, len(seen))
			s.adaSends([]string{to}, s.mail("Ada Lovelace <"+ada+">", to, "Re: "+m.header.Get("Subject"), rid, id, d,
				"Your mail has arrived. I read mail on Fridays and will answer then."), rid)
		}
		s.runOnce(d + time.Minute)
		d += time.Hour
	}
	if n := len(ofKind(s.folder(ada, "INBOX"), "commands")); n > 1 {
		t.Errorf("%d replies to Ada's auto-responder after 5 passes, want at most 1", n)
	}
	if n := s.thankYous(); n != 0 {
		t.Errorf("%d thank-yous sent", n)
	}
}

func TestStackAForgedAskToTheWorldMakesNoRequest(t *testing.T) {
	s := newAttackStack(t)
	forged := s.mail("Ada Lovelace <"+ada+">", capture, "Please all wire me money", "forged-ask@example.net", "", 0,
		"Answer this one, everybody.", "Cc: "+bigCc(100_000))
	if err := s.dc.Deliver(ada, "INBOX", forged); err != nil {
		t.Fatal(err)
	}
	s.runOnce(time.Minute)
	s.runOnce(time.Hour)
	s.runOnce(4 * 24 * time.Hour)
	if r := runBin(t, s.env, "--config", s.config, "list", "--json"); strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("requests: %.300s", r.stdout)
	}
	if d := s.folder(ada, "Drafts"); len(d) != 0 {
		t.Errorf("%d drafts, want none", len(d))
	}
}
