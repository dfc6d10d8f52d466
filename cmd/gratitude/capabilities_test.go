package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"gratitude/internal/daemon"
	"gratitude/internal/testmail"
)

// lean is what a lean IMAP server offers: no IDLE, no UIDPLUS, no
// SPECIAL-USE (Dovecot's imap_capability replaces its own list).
const lean = "imap_capability = IMAP4rev1 LITERAL+ SASL-IR ID ENABLE NAMESPACE CHILDREN LIST-EXTENDED ESEARCH MOVE\n"

// statusJSON runs `status --json`: its exit code and what it says.
func (m *mailbox) statusJSON(t *testing.T) (int, daemon.Status) {
	t.Helper()
	r := m.run(t, "status", "--json")
	var rep daemon.Status
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("status --json: exit %d, %v\n%s%s", r.code, err, r.stdout, r.stderr)
	}
	return r.code, rep
}

// A Dovecot without IDLE, UIDPLUS or SPECIAL-USE works: each lack is an
// info line saying what it changes, in status, /healthz and /metrics, and
// health stays ok, since gratitude has a way around each.
func TestALeanIMAPServerIsInfoNotAFailure(t *testing.T) {
	addr := fmt.Sprintf("127.0.0.1:%d", closedPort(t))
	m := newMailboxOn(t, testmail.DovecotOptions{ExtraConfig: lean}, "")
	writeFile(t, m.config, strings.Replace(readFile(t, m.config), `listen: "off"`, `listen: "`+addr+`"`, 1))
	if err := m.dc.Deliver(testOwner, "Sent", budgetAsk()); err != nil {
		t.Fatal(err)
	}
	if r := m.run(t, "run", "--once"); r.code != 0 {
		t.Fatalf("run --once: exit %d\n%s", r.code, r.stderr)
	}
	code, rep := m.statusJSON(t)
	info := strings.Join(rep.Info, "\n")
	if code != 0 || rep.Health != "ok" {
		t.Errorf("status: exit %d, health %s (%s); want ok: a lean server is no failure", code, rep.Health, rep.Reason)
	}
	for _, want := range []string{"IMAP: no IDLE: `gratitude run` looks for new mail every 10s", "IMAP: no UIDPLUS: the draft of a thank-you once sent is flagged deleted",
		`IMAP: no SPECIAL-USE: the server marks no folder as Sent or Drafts, so they were found by their usual names (Sent "Sent", Drafts "Drafts")`} {
		if !strings.Contains(info, want) {
			t.Errorf("status info lacks %q:\n%s", want, info)
		}
	}
	if human := m.run(t, "status"); !strings.Contains(human.stdout, "info: IMAP: no IDLE") {
		t.Errorf("status does not show the info lines:\n%s", human.stdout)
	}
	// check says the same, as warnings: what gratitude does without each.
	// (Its SMTP server delivers nothing: no capture test.)
	if r := m.run(t, "check", "--no-send"); r.code != 0 || !strings.Contains(r.stdout, "warn  capabilities  no IDLE: `gratitude run` looks for new mail every 10s") ||
		!strings.Contains(r.stdout, "no UIDPLUS: the draft of a thank-you once sent is flagged deleted") {
		t.Errorf("check on a lean server: exit %d\n%s", r.code, r.stdout)
	}
	d := m.startDaemon(t)
	var body string
	waitUntil(t, 30*time.Second, "/healthz is not 200 with the info lines", func() bool {
		var code int
		code, body = healthz(t, addr)
		return code == http.StatusOK && strings.Contains(body, "IMAP: no IDLE")
	})
	metrics := scrape(t, addr)
	for _, want := range []string{`gratitude_imap_capability{capability="IDLE"} 0`, `gratitude_imap_capability{capability="ESEARCH"} 1`} {
		if !strings.Contains(metrics, want+"\n") {
			t.Errorf("/metrics lacks %q:\n%s", want, grepLines(metrics, "gratitude_imap_capability"))
		}
	}
	d.stop(t)
}

// smtp.username is set, but the SMTP server offers no AUTH: nothing can
// be sent. Status fails on the first pass, with nothing queued yet,
// naming the cause and what to do. (The IMAP server, a full Dovecot, has
// nothing to say.)
func TestAnSMTPServerWithoutAuthFailsBeforeAnythingIsSent(t *testing.T) {
	m := newMailbox(t, "")
	m.withSMTP(t, smtpConfig(t, testmail.NewSMTP(t, testmail.SMTPOptions{}), testOwner))
	m.env = append(m.env, "GRATITUDE_TEST_SMTP_PASSWORD=smtp-pass")
	if r := m.run(t, "run", "--once"); r.code != 0 {
		t.Fatalf("run --once: exit %d\n%s", r.code, r.stderr)
	}
	code, rep := m.statusJSON(t)
	if code != 1 || rep.Health != "failing" || !strings.Contains(rep.Reason, "smtp: smtp: auth: ") && strings.Contains(rep.Reason, "the server offers no AUTH at all") ||
		!strings.Contains(rep.Reason, "leave smtp.username empty if it needs no login") {
		t.Errorf("status: exit %d, health %s (%s); want smtp failing, saying what to do", code, rep.Health, rep.Reason)
	}
	if len(rep.Info) != 0 {
		t.Errorf("info lines on an IMAP server with every capability: %q", rep.Info)
	}
}
