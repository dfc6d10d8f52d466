package main

import (
	"encoding/json"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"gratitude/internal/daemon"
	"gratitude/internal/testmail"
)

const (
	testOwner = "ada@example.org"
	testPass  = "correct horse battery"
)

// mailbox is a Dovecot with the owner's account and a config pointing at it.
type mailbox struct {
	dc     *testmail.Dovecot
	config string
	env    []string
}

func newMailbox(t *testing.T, extra string) *mailbox {
	t.Helper()
	return newMailboxOn(t, testmail.DovecotOptions{}, extra)
}

// newMailboxOn is newMailbox on a Dovecot started with opts. Its SMTP
// server takes everything and delivers nothing.
func newMailboxOn(t *testing.T, opts testmail.DovecotOptions, extra string) *mailbox {
	t.Helper()
	dc := testmail.NewDovecot(t, opts)
	if err := dc.AddUser(testOwner, testPass); err != nil {
		t.Fatal(err)
	}
	host, port := splitHostPort(t, dc.Addr())
	_, smtpPort := splitHostPort(t, testmail.NewSMTP(t, testmail.SMTPOptions{}).Addr())
	dir := t.TempDir()
	cfg := fmt.Sprintf(`owner:
  name: Ada Lovelace
  email: %s
database: %s
imap:
  host: %s
  port: %s
  security: insecure
  password: ${GRATITUDE_TEST_IMAP_PASSWORD}
  poll_interval: 10s
smtp:
  host: 127.0.0.1
  port: %s
  security: insecure
http:
  listen: "off"
%s`, testOwner, filepath.Join(dir, "gratitude.db"), host, port, smtpPort, extra)
	return &mailbox{
		dc:     dc,
		config: writeFile(t, filepath.Join(dir, "gratitude.yaml"), cfg),
		env:    []string{"GRATITUDE_TEST_IMAP_PASSWORD=" + testPass},
	}
}

// closedPort is a loopback port nothing listens on (it was free a moment ago).
func closedPort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

// watching has the daemon read the (still empty) mailbox once, on
// 2026-01-01, as a daemon running all along would have: what arrives
// afterwards is live, not history.
func (m *mailbox) watching(t *testing.T) {
	t.Helper()
	m.watchingAt(t, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
}

// watchingAt is watching at a given time.
func (m *mailbox) watchingAt(t *testing.T, at time.Time) {
	t.Helper()
	if r := m.run(t, "--now", at.Format(time.RFC3339), "run", "--once"); r.code != 0 {
		t.Fatalf("first run --once on the empty mailbox: exit %d\n%s", r.code, r.stderr)
	}
}

func (m *mailbox) run(t *testing.T, args ...string) result {
	t.Helper()
	return runBin(t, m.env, append([]string{"--config", m.config, "--log-format", "json"}, args...)...)
}

// statusCounts returns messages recorded per mailbox, per `status --json`.
func (m *mailbox) statusCounts(t *testing.T) map[string]int64 {
	t.Helper()
	r := m.run(t, "status", "--json")
	if r.code == 2 {
		t.Fatalf("status: exit %d: %s", r.code, r.stderr)
	}
	var rep daemon.Status
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("status --json: %v\n%s", err, r.stdout)
	}
	out := map[string]int64{}
	for _, mb := range rep.Mailboxes {
		out[mb.Mailbox] = mb.Messages
	}
	return out
}

// classCounts returns messages recorded per class, per `status --json`.
func (m *mailbox) classCounts(t *testing.T) map[string]int64 {
	t.Helper()
	r := m.run(t, "status", "--json")
	var rep struct {
		Messages map[string]int64 `json:"messages"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("status --json: %v\n%s", err, r.stdout)
	}
	return rep.Messages
}

func genMail(prefix string) func(i int) []byte {
	return func(i int) []byte {
		return []byte(fmt.Sprintf("From: Person %d <p%d@example.net>\r\nTo: %s\r\nSubject: %s %d\r\n"+
			"Date: Mon, 2 Nov 2026 10:00:00 +0000\r\nMessage-ID: <%s-%d@example.net>\r\n\r\nHello %d\r\n",
			i, i, testOwner, prefix, i, prefix, i, i))
	}
}

func passComplete(t *testing.T, r result) map[string]any {
	t.Helper()
	if r.code != 0 {
		t.Fatalf("run --once: exit %d\n%s", r.code, r.stderr)
	}
	recs := logLines(t, r.stderr, "pass complete")
	if len(recs) != 1 {
		t.Fatalf("want one 'pass complete' record, got %d\n%s", len(recs), r.stderr)
	}
	return recs[0]
}

func TestRunOnceOnTenThousandMessagesThenAQuietPassFetchesNothing(t *testing.T) {
	m := newMailbox(t, "")
	if err := m.dc.PopulateMaildir(testOwner, "INBOX", 10000, genMail("bulk")); err != nil {
		t.Fatal(err)
	}
	if err := m.dc.PopulateMaildir(testOwner, "Sent", 50, genMail("sent")); err != nil {
		t.Fatal(err)
	}
	first := passComplete(t, m.run(t, "run", "--once"))
	if first["new"] != float64(10050) || first["header_fetches"] != float64(10050) {
		t.Fatalf("first pass: %v", first)
	}
	t.Logf("first pass: %v", first)
	second := passComplete(t, m.run(t, "run", "--once"))
	if second["new"] != float64(0) || second["header_fetches"] != float64(0) || second["body_fetches"] != float64(0) {
		t.Fatalf("quiet pass fetched something: %v", second)
	}
	t.Logf("quiet pass: %v", second)
	if got := m.statusCounts(t); got["INBOX"] != 10000 || got["Sent"] != 50 {
		t.Fatalf("status counts %v", got)
	}
}

// runningDaemon is a running `gratitude run`.
type runningDaemon struct {
	cmd    *exec.Cmd
	stderr *testmail.SyncBuffer
	done   chan error
}

func (m *mailbox) startDaemon(t *testing.T, flags ...string) *runningDaemon {
	t.Helper()
	args := append([]string{"--config", m.config, "--log-format", "json"}, flags...)
	cmd := exec.Command(binPath, append(args, "run")...)
	cmd.Env = append(os.Environ(), m.env...)
	d := &runningDaemon{cmd: cmd, stderr: &testmail.SyncBuffer{}, done: make(chan error, 1)}
	cmd.Stderr = d.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { d.done <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-d.done
		if t.Failed() {
			t.Logf("daemon log:\n%s", d.stderr.String())
		}
	})
	return d
}

// stop sends SIGTERM and returns how long the daemon took to exit.
func (d *runningDaemon) stop(t *testing.T) time.Duration {
	t.Helper()
	start := time.Now()
	d.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-d.done:
		d.done <- err
		if err != nil {
			t.Errorf("daemon exited with %v after SIGTERM", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("daemon still running 10s after SIGTERM")
	}
	return time.Since(start)
}

func waitCount(t *testing.T, m *mailbox, mb string, want int64, within time.Duration) time.Duration {
	t.Helper()
	start := time.Now()
	for time.Since(start) < within {
		if m.statusCounts(t)[mb] == want {
			return time.Since(start)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s: %d messages after %v, want %d", mb, m.statusCounts(t)[mb], within, want)
	return 0
}

func TestRunningDaemonSeesDeliveredMailAndStopsOnSIGTERM(t *testing.T) {
	m := newMailbox(t, "")
	if err := m.dc.PopulateMaildir(testOwner, "INBOX", 20, genMail("old")); err != nil {
		t.Fatal(err)
	}
	d := m.startDaemon(t)
	waitCount(t, m, "INBOX", 20, 30*time.Second)
	for i := range 3 {
		if err := m.dc.Deliver(testOwner, "INBOX", genMail("live")(i)); err != nil {
			t.Fatal(err)
		}
		took := waitCount(t, m, "INBOX", int64(21+i), 30*time.Second)
		t.Logf("delivered message %d seen by the running daemon after %v (target: under 2s; measured by the benchmark)", i, took)
	}
	if took := d.stop(t); took > 5*time.Second {
		t.Errorf("SIGTERM took %v to stop the daemon, want under 5s", took)
	}
}

func TestDaemonReconnectsAfterDovecotRestartAndMissesNothing(t *testing.T) {
	m := newMailbox(t, "")
	if err := m.dc.PopulateMaildir(testOwner, "INBOX", 10, genMail("before")); err != nil {
		t.Fatal(err)
	}
	d := m.startDaemon(t)
	waitCount(t, m, "INBOX", 10, 30*time.Second)
	if err := m.dc.Stop(); err != nil {
		t.Fatal(err)
	}
	// Mail delivered while the server is down (written straight to disk).
	if err := m.dc.PopulateMaildir(testOwner, "INBOX", 5, genMail("during")); err != nil {
		t.Fatal(err)
	}
	if err := m.dc.Start(); err != nil {
		t.Fatal(err)
	}
	waitCount(t, m, "INBOX", 15, 60*time.Second)
	if err := m.dc.Deliver(testOwner, "INBOX", genMail("after")(1)); err != nil {
		t.Fatal(err)
	}
	waitCount(t, m, "INBOX", 16, 30*time.Second)
	r := m.run(t, "status", "--json")
	if !strings.Contains(r.stdout, `"health": "ok"`) {
		t.Errorf("health after recovery:\n%s", r.stdout)
	}
	if !strings.Contains(d.stderr.String(), "reconnecting") {
		t.Errorf("daemon log does not mention the reconnect:\n%s", d.stderr.String())
	}
	d.stop(t)
}
