package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gratitude/internal/testmail"
)

// startDaemon runs `gratitude run` on the world at t0+d until the test ends.
func (w *loopWorld) startDaemon(d time.Duration) *runningDaemon {
	w.t.Helper()
	cmd := exec.Command(binPath, "--config", w.config, "--log-format", "json", "--now", w.at(d), "run")
	cmd.Env = append(os.Environ(), w.env...)
	rd := &runningDaemon{cmd: cmd, stderr: &testmail.SyncBuffer{}, done: make(chan error, 1)}
	cmd.Stderr = rd.stderr
	if err := cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	go func() { rd.done <- cmd.Wait() }()
	w.t.Cleanup(func() {
		cmd.Process.Kill()
		<-rd.done
		if w.t.Failed() {
			w.t.Logf("daemon log:\n%s", rd.stderr.String())
		}
	})
	return rd
}

// socketOf is the control socket of the world's database.
func socketOf(w *loopWorld) string { return filepath.Join(filepath.Dir(w.config), "g.db.sock") }

func TestResolveOnTheCommandLineReachesTheRunningDaemonAtOnce(t *testing.T) {
	w := newLoopWorld(t)
	w.watching()
	withCarol(w)
	answered(w)
	d := w.startDaemon(5 * time.Hour)
	waitUntil(t, 30*time.Second, "the daemon's control socket", func() bool {
		_, err := os.Stat(socketOf(w))
		return err == nil
	})
	if fi, _ := os.Stat(socketOf(w)); fi.Mode().Perm() != 0o600 {
		t.Errorf("control socket mode %v, want 0600", fi.Mode().Perm())
	}
	start := time.Now()
	r := w.cli("resolve", "1")
	if r.code != 0 || !strings.Contains(r.stdout, "answered → resolved") || !strings.Contains(r.stdout, "running daemon") {
		t.Fatalf("resolve: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	waitUntil(t, 5*time.Second, "two drafts in Drafts and a card in INBOX", func() bool {
		return len(w.folder("Drafts")) == 2 && len(ofKind(w.folder("INBOX"), "card")) == 1
	})
	t.Logf("drafts and card %v after the command started", time.Since(start).Round(time.Millisecond))
	if n := len(logLines(t, d.stderr.String(), "owner's action from the command line")); n != 1 {
		t.Errorf("the daemon logged %d actions from the command line, want 1", n)
	}
	// With --now the command line acts at that time, on the database: the
	// daemon keeps its own clock.
	if r := w.cli("--now", w.at(5*time.Hour+30*time.Minute), "snooze", "1", "2d"); r.code != 0 {
		t.Errorf("snooze --now: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if n := len(logLines(t, d.stderr.String(), "owner's action from the command line")); n != 1 {
		t.Errorf("with --now the daemon carried out %d actions, want still 1", n)
	}
	// A second daemon on the same database refuses to start, at once, and
	// so does a one-shot pass.
	for _, args := range [][]string{{"run"}, {"run", "--once"}} {
		began := time.Now()
		second := runBin(t, w.env, append([]string{"--config", w.config, "--log-format", "json"}, args...)...)
		if second.code != 1 || !strings.Contains(second.stderr, fmt.Sprintf("another gratitude is running on this database (pid %d on ", d.cmd.Process.Pid)) {
			t.Errorf("%v beside the daemon: exit %d\n%s", args, second.code, second.stderr)
		}
		if took := time.Since(began); took > 10*time.Second {
			t.Errorf("%v took %v to give up", args, took)
		}
	}
	d.stop(t)
	if _, err := os.Stat(socketOf(w)); !os.IsNotExist(err) {
		t.Errorf("the socket outlived its daemon: %v", err)
	}
	// With no daemon, the command line works on the database itself.
	if r := w.cli("cancel", "1"); r.code != 0 || !strings.Contains(r.stdout, "resolved → cancelled") {
		t.Errorf("cancel with no daemon: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
}

// On Dovecot, as a user runs it: the daemon watching, `resolve` in another
// shell, the draft in Drafts and the card in INBOX seconds later.
func TestResolveOnTheCommandLineReachesTheDaemonOnDovecot(t *testing.T) {
	m := newMailbox(t, speakConfig)
	m.watching(t)
	if err := m.dc.Deliver(testOwner, "Sent", budgetAsk()); err != nil {
		t.Fatal(err)
	}
	reply := mailAt([]string{"From: Alice Martin <alice@example.net>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Budget review for Q1", "Date: " + askedAt.Add(time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-alice@example.net>", "In-Reply-To: <ask-budget@example.org>"}, "The travel line double-counts March.")
	if err := m.dc.Deliver(testOwner, "INBOX", reply); err != nil {
		t.Fatal(err)
	}
	m.startDaemon(t, "--now", askedAt.Add(2*time.Hour).Format(time.RFC3339))
	waitUntil(t, 30*time.Second, "the reply read by the daemon", func() bool {
		reqs := listRequests(t, m)
		return len(reqs) == 1 && reqs[0].State == "answered"
	})
	start := time.Now()
	r := m.run(t, "resolve", "1")
	if r.code != 0 || !strings.Contains(r.stdout, "running daemon") {
		t.Fatalf("resolve: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	waitUntil(t, 5*time.Second, "the draft in Drafts and the card in INBOX", func() bool {
		return len(readFolder(t, m, "Drafts")) == 1 && len(ofKind(readFolder(t, m, "INBOX"), "card")) == 1
	})
	t.Logf("draft and card %v after the command started", time.Since(start).Round(time.Millisecond))
}

// A daemon killed outright leaves its lock file; the next one takes it
// over, and says so.
func TestALockLeftByAKilledDaemonIsTakenOver(t *testing.T) {
	w := newLoopWorld(t)
	first := w.startDaemon(time.Hour)
	lock := filepath.Join(filepath.Dir(w.config), "g.db.lock")
	waitUntil(t, 30*time.Second, "the lock file naming the daemon", func() bool {
		b, _ := os.ReadFile(lock)
		return strings.HasPrefix(string(b), fmt.Sprint(first.cmd.Process.Pid)+" ")
	})
	first.cmd.Process.Kill()
	<-first.done
	first.done <- nil
	second := w.startDaemon(time.Hour)
	waitUntil(t, 30*time.Second, "the second daemon taking the lock over", func() bool {
		return len(logLines(t, second.stderr.String(), "took over the lock of a gratitude that stopped without releasing it")) == 1
	})
	second.stop(t)
	if b, _ := os.ReadFile(lock); len(b) != 0 {
		t.Errorf("a clean stop left the lock file saying %q", b)
	}
}

// A Drafts folder that does not exist: status fails and names it, and the
// card shows the drafts without claiming they are in that folder.
func TestAMissingDraftsFolderIsReportedAndNoCardClaimsIt(t *testing.T) {
	w := newLoopWorld(t)
	writeFile(t, w.config, strings.Replace(readFile(t, w.config), "security: insecure,", "security: insecure, mailboxes: {drafts: Draft},", 1))
	answered(w)
	r := w.cli("status")
	if r.code != 1 || !strings.Contains(r.stdout, `the Drafts folder "Draft" does not exist`) {
		t.Errorf("status with no Drafts folder: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	card := resolvedWithCard(t, w)
	if strings.Contains(card.body, "Drafts folder") {
		t.Errorf("the card claims the draft is in Drafts:\n%s", card.body)
	}
	if !strings.Contains(card.body, "travel line") {
		t.Errorf("the card does not show Alice's draft:\n%s", card.body)
	}
}
