package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"gratitude/internal/daemon"

	"github.com/emersion/go-imap/v2/imapclient"
)

// onMailbox runs fn on an IMAP session of the owner's, as their mail
// client would.
func onMailbox(t *testing.T, addr string, fn func(c *imapclient.Client) error) {
	t.Helper()
	c, err := imapclient.DialInsecure(addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(testOwner, testPass).Wait(); err != nil {
		t.Fatal(err)
	}
	if err := fn(c); err != nil {
		t.Fatal(err)
	}
}

// approveByMail answers the card with "approve" from the owner's client.
func approveByMail(w *loopWorld, card folderMessage, d time.Duration) {
	quoted := "> " + strings.ReplaceAll(strings.TrimSpace(card.body), "\n", "\n> ")
	reply := command(w, "cmd-approve@example.org", card.header.Get("Reply-To"), "Re: "+card.header.Get("Subject"),
		card.header.Get("Message-Id"), "approve\n\nOn Mon, gratitude wrote:\n"+quoted, d)
	w.ownerSends(reply, true)
	w.runOnce(d + time.Minute)
}

// statusAt runs `status --json` at t0+d: its exit code, what it says, and
// the outbox component.
func statusAt(t *testing.T, w *loopWorld, d time.Duration) (int, daemon.Status, daemon.ComponentStatus) {
	t.Helper()
	r := w.cli("--now", w.at(d), "status", "--json")
	var rep daemon.Status
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("status --json: exit %d, %v\n%s%s", r.code, err, r.stdout, r.stderr)
	}
	var ob daemon.ComponentStatus
	for _, c := range rep.Components {
		if c.Component == "outbox" {
			ob = c
		}
	}
	return r.code, rep, ob
}

// An approved thank-you waits for the SMTP server to come back, and the
// owner deletes the Drafts folder meanwhile; once the thank-you is sent,
// its draft cannot be removed. Status fails and names that, and is ok
// again once the folder is back and the removal done, with no restart.
func TestAnOutboxMessageThatCannotBeAttemptedFailsStatusUntilItCan(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	card := resolvedWithCard(t, w)
	if len(w.folder("Drafts")) != 1 {
		t.Fatal("no draft in Drafts")
	}
	w.smtpDown.Store(true)
	approveByMail(w, card, 6*time.Hour)
	onMailbox(t, w.imap.Addr(), func(c *imapclient.Client) error { return c.Delete("Drafts").Wait() })
	w.smtpDown.Store(false)
	w.runOnce(6*time.Hour + 10*time.Minute)
	if n := len(w.smtp.Messages()); n != 1 {
		t.Fatalf("SMTP got %d messages; want the thank-you", n)
	}
	code, rep, ob := statusAt(t, w, 6*time.Hour+11*time.Minute)
	want := "1 draft of mail already sent cannot be removed from the Drafts folder"
	if code != 1 || rep.Health != "failing" || ob.OK || !strings.Contains(ob.LastError, want) ||
		!strings.Contains(ob.LastError, "create one, or set imap.mailboxes.drafts") {
		t.Fatalf("status: exit %d, health %s (%s), outbox %+v; want it failing: %q", code, rep.Health, rep.Reason, ob, want)
	}
	human := w.cli("--now", w.at(6*time.Hour+11*time.Minute), "status")
	if human.code != 1 || !strings.Contains(human.stdout, want) {
		t.Errorf("status: exit %d\n%s", human.code, human.stdout)
	}
	// The owner makes the folder again: the next pass removes what is
	// left to remove (nothing), and the outbox is ok by itself.
	onMailbox(t, w.imap.Addr(), func(c *imapclient.Client) error { return c.Create("Drafts", nil).Wait() })
	w.runOnce(7 * time.Hour)
	code, rep, ob = statusAt(t, w, 7*time.Hour+time.Minute)
	if code != 0 || rep.Health != "ok" || !ob.OK {
		t.Errorf("after the folder is back: exit %d, health %s (%s), outbox %+v", code, rep.Health, rep.Reason, ob)
	}
}

// `gratitude resolve` with no daemon running, with a Drafts folder that
// does not exist: the card shows the drafts without claiming the folder,
// and nothing is queued for it to sit in the outbox.
func TestResolveOnTheCommandLineLooksForTheDraftsFolderFirst(t *testing.T) {
	w := newLoopWorld(t)
	writeFile(t, w.config, strings.Replace(readFile(t, w.config), "security: insecure,", "security: insecure, mailboxes: {drafts: Draft},", 1))
	answered(w)
	if r := w.cli("--now", w.at(5*time.Hour), "resolve", "1"); r.code != 0 {
		t.Fatalf("resolve: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	cards := ofKind(w.folder("INBOX"), "card")
	if len(cards) != 1 || strings.Contains(cards[0].body, "Drafts folder") || !strings.Contains(cards[0].body, "travel line") {
		t.Fatalf("%d cards; want one showing Alice's draft without claiming the Drafts folder:\n%v", len(cards), cards)
	}
	_, _, ob := statusAt(t, w, 5*time.Hour+time.Minute)
	if !ob.OK {
		t.Errorf("outbox after resolve: %+v; want nothing queued for a folder that does not exist", ob)
	}
}

// A nudge with a Drafts folder that does not exist: its follow-up is not
// queued for that folder (where it would wait forever), and the nudge does
// not say it is there.
func TestANudgeWithoutADraftsFolderClaimsNoFollowUpDraft(t *testing.T) {
	w := newLoopWorld(t)
	writeFile(t, w.config, strings.Replace(readFile(t, w.config), "security: insecure,", "security: insecure, mailboxes: {drafts: Draft},", 1))
	w.watching()
	w.ownerSends(loopAsk(w), false)
	w.runOnce(time.Hour)
	w.runOnce(73 * time.Hour)
	nudges := ofKind(w.folder("INBOX"), "nudge")
	if len(nudges) != 1 || strings.Contains(nudges[0].body, "Drafts folder") {
		t.Fatalf("%d nudges; want one that does not claim a follow-up in Drafts:\n%v", len(nudges), nudges)
	}
	if _, _, ob := statusAt(t, w, 73*time.Hour+time.Minute); !ob.OK {
		t.Errorf("outbox after the nudge: %+v; want nothing queued for a folder that does not exist", ob)
	}
}

// A thank-you the server keeps refusing is given up after two days: status
// fails for a day, naming it, then is ok again by itself.
func TestAThankYouGivenUpOnFailsStatusForADay(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	card := resolvedWithCard(t, w)
	w.smtpDown.Store(true)
	approveByMail(w, card, 6*time.Hour)
	w.runOnce(56 * time.Hour) // two days after it was queued, still refused
	code, rep, ob := statusAt(t, w, 56*time.Hour+time.Minute)
	want := `1 message could not be sent and was given up in the last 24h0m0s, the latest a thank-you to alice@example.net ("Re: Budget review for Q1")`
	if code != 1 || ob.OK || !strings.Contains(ob.LastError, want) || !strings.Contains(ob.LastError, "451") {
		t.Fatalf("status: exit %d, health %s, outbox %+v; want it failing: %q", code, rep.Health, ob, want)
	}
	w.runOnce(81 * time.Hour)
	if code, rep, ob := statusAt(t, w, 81*time.Hour+time.Minute); code != 0 || !ob.OK {
		t.Errorf("a day later: exit %d, health %s (%s), outbox %+v", code, rep.Health, rep.Reason, ob)
	}
}

// The same stuck removal, seen by a running daemon: /healthz answers 503
// naming it and /metrics counts it, until the owner makes the folder
// again; the daemon finds it by itself and files what waited.
func TestARunningDaemonReportsAStuckOutboxAndFindsTheFolderAgain(t *testing.T) {
	w := newLoopWorld(t)
	addr := fmt.Sprintf("127.0.0.1:%d", closedPort(t))
	cfg := strings.Replace(readFile(t, w.config), `listen: "off"`, `listen: "`+addr+`"`, 1)
	writeFile(t, w.config, strings.Replace(cfg, "security: insecure,", "security: insecure, poll_interval: 10s,", 1))
	answered(w)
	card := resolvedWithCard(t, w)
	w.smtpDown.Store(true)
	approveByMail(w, card, 6*time.Hour)
	onMailbox(t, w.imap.Addr(), func(c *imapclient.Client) error { return c.Delete("Drafts").Wait() })
	w.smtpDown.Store(false)
	w.runOnce(6*time.Hour + 10*time.Minute)

	d := (&mailbox{config: w.config, env: w.env}).startDaemon(t, "--now", w.at(6*time.Hour+20*time.Minute))
	waitUntil(t, 30*time.Second, "/healthz does not report the draft that cannot be removed", func() bool {
		code, body := healthz(t, addr)
		return code == http.StatusServiceUnavailable && strings.Contains(body, "cannot be removed from the Drafts folder")
	})
	if body := scrape(t, addr); !strings.Contains(body, `gratitude_outbox_stuck_messages{cause="no_folder"} 1`+"\n") {
		t.Errorf("/metrics does not count the stuck message:\n%s", grepLines(body, "gratitude_outbox"))
	}
	onMailbox(t, w.imap.Addr(), func(c *imapclient.Client) error { return c.Create("Drafts", nil).Wait() })
	waitUntil(t, 60*time.Second, "/healthz does not recover once the Drafts folder exists", func() bool {
		code, _ := healthz(t, addr)
		return code == http.StatusOK
	})
	if body := scrape(t, addr); !strings.Contains(body, `gratitude_outbox_stuck_messages{cause="no_folder"} 0`+"\n") {
		t.Errorf("/metrics still counts a stuck message:\n%s", grepLines(body, "gratitude_outbox"))
	}
	d.stop(t)
}
