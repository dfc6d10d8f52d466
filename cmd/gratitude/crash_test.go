package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"gratitude"

	"gratitude/internal/daemon"
	"gratitude/internal/testmail"
	"gratitude/store"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// crashWorld is the owner's and the helpers' mailboxes on go-imap's memory
// server and an SMTP server delivering into them, all in the test process,
// so they outlive the gratitude processes the test kills.
type crashWorld struct {
	imap   *testmail.MemIMAP
	smtp   *testmail.SMTP
	config string
	db     string
	env    []string
	t0     time.Time
}

const (
	crashRequests = 100 // asks answered by two helpers each: 200 thank-yous
	crashSilent   = 40  // asks nobody answers: 40 nudges
	crashKills    = 20
)

func helperAddr(req int, which string) string { return fmt.Sprintf("h%03d%s@example.org", req, which) }

// TestKilledAtRandomMomentsEveryThankYouAndNudgeArrivesOnce gets 200
// thank-yous approved and 40 nudges due, runs the daemon, kills it with
// SIGKILL at random moments at least 20 times, restarting it until the
// outbox is empty, and counts what arrived, by Message-ID.
func TestKilledAtRandomMomentsEveryThankYouAndNudgeArrivesOnce(t *testing.T) {
	rng := crashSeed(t)
	w := newCrashWorld(t)
	w.once(t, -time.Hour) // watching before the asks: they are live, not history
	w.fill(t)
	w.once(t, time.Hour)
	w.commandAll(t)
	start := w.t0.Add(80 * time.Hour) // past the silent asks' no-reply window
	kills := 0
	for round := 0; ; round++ {
		// Each start is 5 minutes later on the daemon's clock, so a lease
		// left by the killed process has run out.
		now := start.Add(time.Duration(round) * 5 * time.Minute)
		cmd := exec.Command(binPath, "--config", w.config, "--log-format", "json", "--now", now.Format(time.RFC3339), "run")
		cmd.Env = append(os.Environ(), w.env...)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		if kills < crashKills {
			time.Sleep(time.Duration(20+rng.IntN(400)) * time.Millisecond) // a random moment to kill at
			cmd.Process.Signal(syscall.SIGKILL)
			cmd.Wait()
			kills++
			continue
		}
		done := waitQuietOutbox(t, w, 90*time.Second)
		cmd.Process.Signal(syscall.SIGTERM)
		cmd.Wait()
		if done {
			break
		}
		if round > crashKills+10 {
			t.Fatalf("the outbox never emptied after %d kills", kills)
		}
	}
	t.Logf("killed %d times", kills)
	w.count(t)
}

func newCrashWorld(t *testing.T) *crashWorld {
	t.Helper()
	mem := testmail.NewMemIMAP(t, testmail.MemOptions{})
	users := []string{testOwner}
	for r := 1; r <= crashRequests; r++ {
		users = append(users, helperAddr(r, "a"), helperAddr(r, "b"))
	}
	for _, u := range users {
		if err := mem.AddUser(u, testPass); err != nil {
			t.Fatal(err)
		}
	}
	w := &crashWorld{imap: mem, t0: time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)}
	w.smtp = testmail.NewSMTP(t, testmail.SMTPOptions{Deliver: func(_ string, to []string, data []byte) error {
		time.Sleep(10 * time.Millisecond) // a slow server: the sending takes long enough to be cut
		for _, rcpt := range to {
			if _, err := mem.Append(strings.ToLower(rcpt), "INBOX", data); err != nil {
				return err
			}
		}
		return nil
	}})
	ih, ip := splitHostPort(t, mem.Addr())
	sh, sp := splitHostPort(t, w.smtp.Addr())
	dir := t.TempDir()
	w.config = writeFile(t, filepath.Join(dir, "g.yaml"), fmt.Sprintf(`owner: {name: Ada Lovelace, email: %s}
database: %s
timezone: UTC
imap: {host: %s, port: %s, security: insecure, password: "${GRATITUDE_TEST_IMAP_PASSWORD}", poll_interval: 10s, idle_refresh: 30s}
smtp: {host: %s, port: %s, security: insecure, rate_limit: "off"}
reminders: {quiet_hours: "off", digest: "off"}
thanks: {delivery: drafts}
http: {listen: "off"}
`, testOwner, filepath.Join(dir, "g.db"), ih, ip, sh, sp))
	w.db = filepath.Join(dir, "g.db")
	w.env = []string{"GRATITUDE_TEST_IMAP_PASSWORD=" + testPass}
	return w
}

func (w *crashWorld) put(t *testing.T, user, mailbox string, raw []byte) {
	t.Helper()
	if _, err := w.imap.Append(user, mailbox, raw); err != nil {
		t.Fatal(err)
	}
}

// fill writes the asks and the answers.
func (w *crashWorld) fill(t *testing.T) {
	t.Helper()
	at := w.t0.Format(time.RFC1123Z)
	for r := 1; r <= crashRequests+crashSilent; r++ {
		to := fmt.Sprintf("Dan <dan%03d@example.com>", r)
		if r <= crashRequests {
			to = helperAddr(r, "a") + ", " + helperAddr(r, "b")
		}
		w.put(t, testOwner, "Sent", mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: " + to,
			"Bcc: ada+thanks@example.org", fmt.Sprintf("Subject: Question %d", r), "Date: " + at,
			fmt.Sprintf("Message-ID: <ask-%d@example.org>", r)}, "Could you help?"))
		if r > crashRequests {
			continue
		}
		for _, h := range []string{"a", "b"} {
			w.put(t, testOwner, "INBOX", mailAt([]string{"From: " + helperAddr(r, h), "To: ada@example.org",
				fmt.Sprintf("Subject: Re: Question %d", r), "Date: " + w.t0.Add(10*time.Minute).Format(time.RFC1123Z),
				fmt.Sprintf("Message-ID: <re-%d-%s@example.org>", r, h), fmt.Sprintf("In-Reply-To: <ask-%d@example.org>", r)},
				"Here is how: do this, then that."))
		}
	}
}

// once runs one full pass at t0+d.
func (w *crashWorld) once(t *testing.T, d time.Duration) {
	t.Helper()
	r := runBin(t, w.env, "--config", w.config, "--now", w.t0.Add(d).Format(time.RFC3339), "run", "--once")
	if r.code != 0 {
		t.Fatalf("run --once: %s", r.stderr)
	}
}

// commandAll has Ada resolve and approve every answered request, one
// mail each to the capture address with #ID, filed in Sent as sent.
func (w *crashWorld) commandAll(t *testing.T) {
	t.Helper()
	var reqs []requestView
	r := runBin(t, w.env, "--config", w.config, "list", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &reqs); err != nil || len(reqs) != crashRequests+crashSilent {
		t.Fatalf("list: %d requests, %v", len(reqs), err)
	}
	for _, req := range reqs {
		if len(req.Helpers) != 2 {
			continue
		}
		raw := mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: ada+thanks@example.org",
			fmt.Sprintf("Subject: #%d", req.ID), "Date: " + w.t0.Add(90*time.Minute).Format(time.RFC1123Z),
			fmt.Sprintf("Message-ID: <cmd-%d@example.org>", req.ID)}, "resolved\napprove")
		w.put(t, testOwner, "Sent", raw)
		w.put(t, testOwner, "INBOX", raw)
	}
}

// waitQuietOutbox waits until nothing is queued or being sent and every
// draft has left; false if that did not happen in time.
func waitQuietOutbox(t *testing.T, w *crashWorld, within time.Duration) bool {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		var rep daemon.Status
		r := runBin(t, w.env, "--config", w.config, "status", "--json")
		if json.Unmarshal([]byte(r.stdout), &rep) == nil && rep.Outbox["queued"]+rep.Outbox["sending"] == 0 {
			var drafts []draftView
			json.Unmarshal([]byte(runBin(t, w.env, "--config", w.config, "drafts", "--json").stdout), &drafts)
			sent := 0
			for _, d := range drafts {
				if d.State == "sent" {
					sent++
				}
			}
			if sent == 2*crashRequests && rep.Outbox["sent"] > 0 {
				return true
			}
		}
		time.Sleep(200 * time.Millisecond)
	}
	return false
}

// count reads every mailbox: each helper has one thank-you (one
// Message-ID), and Ada one nudge per silent ask.
func (w *crashWorld) count(t *testing.T) {
	t.Helper()
	copies := 0
	unconfirmed := w.unconfirmedTo(t)
	for r := 1; r <= crashRequests; r++ {
		for _, h := range []string{"a", "b"} {
			ids := w.ids(t, helperAddr(r, h), "")
			if len(ids) == 0 && unconfirmed[helperAddr(r, h)] {
				// Killed between the record committed before the final
				// dot and the dot's write: reported, never sent twice.
				t.Logf("%s's thank-you never left; it is reported unconfirmed", helperAddr(r, h))
				continue
			}
			if len(ids) != 1 {
				t.Errorf("%s has %d thank-yous (distinct Message-IDs %v), want 1", helperAddr(r, h), len(ids), ids)
			}
			for _, n := range ids {
				copies += n
			}
		}
	}
	if copies != 2*crashRequests {
		t.Logf("%d copies of %d thank-yous arrived: the server keeps a message once its last line is in, even if the "+
			"sender dies before reading the 250 (here during the server's 10 ms of work); it is sent again with the same "+
			"Message-ID (RFC 1047), which counts as one", copies, 2*crashRequests)
	}
	nudges := w.ids(t, testOwner, "nudge")
	if len(nudges) != crashSilent {
		t.Errorf("%d nudges in Ada's INBOX, want one per silent ask (%d)", len(nudges), crashSilent)
	}
	for id, n := range nudges {
		if n != 1 {
			t.Errorf("nudge %s arrived %d times, want once", id, n)
		}
	}
}

// unconfirmedTo is the recipients of the messages the outbox reports sent
// but unconfirmed.
func (w *crashWorld) unconfirmedTo(t *testing.T) map[string]bool {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, w.db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	acct, err := st.Account(ctx, testOwner)
	if err != nil {
		t.Fatal(err)
	}
	ids, err := st.UnconfirmedIDs(ctx, acct)
	if err != nil {
		t.Fatal(err)
	}
	all, err := st.Outbox(ctx, acct)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, o := range all {
		if slices.Contains(ids, o.MessageID) && o.Target == gratitude.TargetSMTP {
			for _, r := range o.Recipients {
				out[strings.ToLower(r)] = true
			}
		}
	}
	return out
}

// ids counts the messages of a user's INBOX by Message-ID: the thank-yous
// (from Ada) when kind is "", else those with that X-Gratitude-Kind.
func (w *crashWorld) ids(t *testing.T, user, kind string) map[string]int {
	t.Helper()
	c, err := imapclient.DialInsecure(w.imap.Addr(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(user, testPass).Wait(); err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	sel, err := c.Select("INBOX", nil).Wait()
	if err != nil || sel.NumMessages == 0 {
		return out
	}
	section := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, Peek: true}
	msgs, err := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{Envelope: true,
		BodySection: []*imap.FetchItemBodySection{section}}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range msgs {
		head := string(m.FindBodySection(section))
		isKind := strings.Contains(head, "X-Gratitude-Kind: "+kind+"\r\n")
		fromAda := len(m.Envelope.From) > 0 && m.Envelope.From[0].Addr() == testOwner
		if (kind == "" && fromAda && !strings.Contains(head, "X-Gratitude-Kind")) || (kind != "" && isKind) {
			out[m.Envelope.MessageID]++
		}
	}
	return out
}
