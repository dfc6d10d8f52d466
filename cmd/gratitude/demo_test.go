package main

import (
	"gratitude/internal/testmail"
	"os/exec"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

func TestDemoTellsTheWholeStoryAndExits(t *testing.T) {
	start := time.Now()
	r := runBin(t, nil, "demo", "--exit")
	if r.code != 0 {
		t.Fatalf("demo --exit: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, want := range []string{
		`tracks request #1 "Budget review for Q1", asked of Alice Martin and Bob Chen`,
		"set aside Bob Chen's",
		"Alice Martin helped with #1",
		"Carol Schmidt helped with #1",
		"nudged Ada in her INBOX: nobody has answered #2",
		"put a polite follow-up in Ada's Drafts",
		"#1 is now resolved",
		"sent Ada an approval card for #1",
		"sent the thank-you to Alice Martin",
		"sent the thank-you to Carol Schmidt",
		"#1 is now thanked",
		"Thank-yous in the helpers' own INBOX: Alice Martin once, Carol Schmidt once.",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the story does not say %q:\n%s", want, r.stdout)
		}
	}
	if strings.Contains(r.stdout, "Bob Chen helped") || strings.Contains(r.stdout, "thank-you to Bob") {
		t.Errorf("Bob's auto-reply was taken for help:\n%s", r.stdout)
	}
	t.Logf("demo --exit took %v (target: under 30s)", time.Since(start))
}

func TestDemoKeepsItsServersForAMailClientUntilStopped(t *testing.T) {
	cmd := exec.Command(binPath, "demo")
	out := &testmail.SyncBuffer{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	defer func() { cmd.Process.Kill(); <-done }()
	addr := regexp.MustCompile(`IMAP\s+(127\.0\.0\.1:\d+)`)
	deadline := time.Now().Add(60 * time.Second)
	for addr.FindStringSubmatch(out.String()) == nil {
		if time.Now().After(deadline) {
			t.Fatalf("no IMAP address printed:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	c, err := imapclient.DialInsecure(addr.FindStringSubmatch(out.String())[1], nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login("alice@example.org", "demo").Wait(); err != nil {
		t.Fatal(err)
	}
	sel, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil || sel.NumMessages == 0 {
		t.Fatalf("Alice's INBOX: %v, %v", sel, err)
	}
	msgs, err := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{Envelope: true}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	var thanked bool
	for _, m := range msgs {
		thanked = thanked || (m.Envelope.Subject == "Re: Budget review for Q1" && len(m.Envelope.From) > 0 && m.Envelope.From[0].Addr() == "ada@example.org")
	}
	if !thanked {
		t.Errorf("no thank-you from Ada in Alice's INBOX (%d messages)", len(msgs))
	}
	cmd.Process.Signal(syscall.SIGINT)
	select {
	case err := <-done:
		done <- err
		if err != nil {
			t.Errorf("demo exited with %v after Ctrl-C\n%s", err, out.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("demo still running 10s after Ctrl-C")
	}
}
