package main

import (
	"bytes"
	"context"
	"fmt"
	"net/mail"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gratitude"

	"gratitude/internal/demo"
	"gratitude/internal/testmail"
	"gratitude/store"
)

// stackWorld is a real mail stack: people send through Postfix, which
// delivers over LMTP into Dovecot, and the owner's client files its copies
// in Sent over IMAP.
type stackWorld struct {
	t         *testing.T
	dc        *testmail.Dovecot
	pf        *testmail.Postfix
	seq       int
	delivered int // deliveries (one per recipient) expected so far
}

func (w *stackWorld) Send(ctx context.Context, m *demo.Mail) error {
	w.seq++
	raw, sent := m.Render(w.seq)
	if err := demo.Submit(ctx, w.pf.Addr(), m, raw); err != nil {
		return err
	}
	if err := w.waitDelivered(len(m.Recipients())); err != nil {
		return err
	}
	if m.SentCopy {
		return w.dc.Deliver(m.From.Email, "Sent", sent)
	}
	return nil
}

// waitDelivered waits until Postfix has delivered n more recipients.
func (w *stackWorld) waitDelivered(n int) error {
	w.delivered += n
	return w.pf.WaitDelivered(w.delivered, 30*time.Second)
}

func (w *stackWorld) Holds(ctx context.Context, email, messageID string) (bool, error) {
	return demo.InboxHolds(ctx, w.dc.Addr(), email, testPass, messageID)
}

// TestTheDemoStoryOnPostfixAndDovecot drives the built binary through the
// demo's story on a real stack and checks what lands in each mailbox.
func TestTheDemoStoryOnPostfixAndDovecot(t *testing.T) {
	ctx := context.Background()
	dc := testmail.NewDovecot(t, testmail.DovecotOptions{})
	for _, p := range demo.Cast() {
		if err := dc.AddUser(p.Email, testPass); err != nil {
			t.Fatal(err)
		}
	}
	pf := testmail.NewPostfix(t, testmail.PostfixOptions{LMTP: dc.LMTPAddr(), Domains: []string{"example.org"}})
	w := &stackWorld{t: t, dc: dc, pf: pf}
	dir := t.TempDir()
	ih, ip := splitHostPort(t, dc.Addr())
	sh, sp := splitHostPort(t, pf.Addr())
	config := writeFile(t, filepath.Join(dir, "g.yaml"), fmt.Sprintf(`owner: {name: Ada Lovelace, email: ada@example.org}
database: %s
imap: {host: %s, port: %s, security: insecure, password: "${GRATITUDE_TEST_IMAP_PASSWORD}"}
smtp: {host: %s, port: %s, security: insecure}
reminders: {quiet_hours: "off", digest: "off"}
http: {listen: "off"}
`, filepath.Join(dir, "g.db"), ih, ip, sh, sp))
	env := []string{"GRATITUDE_TEST_IMAP_PASSWORD=" + testPass}
	clock := demo.NewClock(demo.StoryStart(time.Now(), time.Local))
	// The store the binary writes, read back for the narration.
	if r := runBin(t, env, "--config", config, "status"); r.code == 2 || !strings.Contains(r.stdout, "health:") {
		t.Fatalf("status: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	st, err := store.Open(ctx, filepath.Join(dir, "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	acct, _ := st.Account(ctx, "ada@example.org")
	var out bytes.Buffer
	sentSoFar := 0
	run := func(ctx context.Context) error {
		r := runBin(t, env, "--config", config, "--log-format", "json", "--now", clock.Now().Format(time.RFC3339), "run", "--once")
		if r.code != 0 {
			return fmt.Errorf("run --once: exit %d\n%s", r.code, r.stderr)
		}
		n := thankYousSent(ctx, t, st, acct)
		defer func() { sentSoFar = n }()
		return w.waitDelivered(n - sentSoFar)
	}
	story := demo.NewStory(w, run, st, acct, &out, clock)
	if err := story.Tell(ctx); err != nil {
		t.Fatalf("%v\nstory so far:\n%s", err, out.String())
	}
	if err := story.Summarize(ctx, &out, 0); err != nil {
		t.Fatal(err)
	}
	t.Logf("the story on Postfix and Dovecot:\n%s", out.String())
	if !strings.Contains(out.String(), "Thank-yous in the helpers' own INBOX: Alice Martin once, Carol Schmidt once.") {
		t.Errorf("the helpers' mailboxes do not hold one thank-you each")
	}
	checkStackMailboxes(t, dc)
}

// thankYousSent counts the thank-yous that left by SMTP.
func thankYousSent(ctx context.Context, t *testing.T, st *store.Store, acct int64) int {
	t.Helper()
	out, err := st.Outbox(ctx, acct)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, o := range out {
		if o.Kind == "thank-you" && o.Target == gratitude.TargetSMTP && o.State == gratitude.OutSent {
			n += len(o.Recipients)
		}
	}
	return n
}

// checkStackMailboxes looks in everyone's mailbox: Ada's nudge and card,
// one threaded thank-you each for Alice and Carol, none for Bob or Dan.
func checkStackMailboxes(t *testing.T, dc *testmail.Dovecot) {
	t.Helper()
	m := &mailbox{dc: dc}
	ada := readFolderAs(t, m, "ada@example.org", "INBOX")
	if len(ofKind(ada, "nudge")) != 1 || len(ofKind(ada, "card")) != 1 {
		t.Errorf("Ada's INBOX: %d nudges, %d cards; want one each", len(ofKind(ada, "nudge")), len(ofKind(ada, "card")))
	}
	for _, p := range demo.Cast()[1:] { // everyone but Ada
		var thanks []folderMessage
		for _, msg := range readFolderAs(t, m, p.Email, "INBOX") {
			if strings.Contains(msg.header.Get("From"), "ada@example.org") && strings.HasPrefix(msg.header.Get("Subject"), "Re: ") {
				thanks = append(thanks, msg)
			}
		}
		want := 0
		if p.Email == "alice@example.org" || p.Email == "carol@example.org" {
			want = 1
		}
		if len(thanks) != want {
			t.Errorf("%s got %d thank-yous from Ada, want %d", p.Name, len(thanks), want)
			continue
		}
		for _, ty := range thanks {
			if irt := ty.header.Get("In-Reply-To"); irt == "" || !strings.Contains(ty.header.Get("References"), irt) {
				t.Errorf("%s's thank-you is not threaded: In-Reply-To %q, References %q", p.Name, irt, ty.header.Get("References"))
			}
			if _, err := mail.ParseAddress(ty.header.Get("From")); err != nil {
				t.Errorf("%s's thank-you has a bad From: %v", p.Name, err)
			}
		}
	}
}
