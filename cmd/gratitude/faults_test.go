package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gratitude/internal/testmail"

	_ "github.com/mattn/go-sqlite3"
)

// waitUntil polls cond until it holds or the deadline passes.
func waitUntil(t *testing.T, within time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after %v: %s", within, what)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

func TestTheOwnerIsToldOnceWhenTheMailboxStaysUnreadable(t *testing.T) {
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{})
	m := newMailbox(t, "health: {alert_after: 1s}\n")
	m.withSMTP(t, smtpConfig(t, srv, ""))
	d := m.startDaemon(t)
	waitUntil(t, 30*time.Second, "the daemon is not watching", func() bool { return strings.Contains(d.stderr.String(), `"watching"`) })
	if err := m.dc.Stop(); err != nil {
		t.Fatal(err)
	}
	alerts := func() int {
		n := 0
		for _, r := range srv.Messages() {
			if strings.Contains(string(r.Data), "X-Gratitude-Kind: alert") {
				n++
			}
		}
		return n
	}
	waitUntil(t, 60*time.Second, "no alert by SMTP while the mailbox is down", func() bool { return alerts() == 1 })
	got := srv.Messages()[0]
	if got.To[0] != testOwner || !strings.Contains(string(got.Data), "cannot read your mailbox") {
		t.Errorf("alert to %v:\n%s", got.To, got.Data)
	}
	// The outage goes on (the daemon tries again), and there is still one
	// alert.
	retries := func() int {
		s := d.stderr.String()
		return strings.Count(s, "reconnecting") + strings.Count(s, "retrying")
	}
	after := retries()
	waitUntil(t, 90*time.Second, "the daemon stopped retrying", func() bool { return retries() > after })
	if n := alerts(); n != 1 {
		t.Errorf("%d alerts for one outage, want 1", n)
	}
	if err := m.dc.Start(); err != nil {
		t.Fatal(err)
	}
	if err := m.dc.Deliver(testOwner, "INBOX", genMail("after")(1)); err != nil {
		t.Fatal(err)
	}
	waitCount(t, m, "INBOX", 1, 60*time.Second)
	d.stop(t)
}

// healthz fetches the daemon's /healthz: its status code and body.
func healthz(t *testing.T, addr string) (int, string) {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	var body map[string]any
	json.NewDecoder(resp.Body).Decode(&body)
	b, _ := json.Marshal(body)
	return resp.StatusCode, string(b)
}

func TestALockedDatabaseIsReportedAndOutlived(t *testing.T) {
	addr := fmt.Sprintf("127.0.0.1:%d", closedPort(t))
	m := newMailbox(t, "")
	writeFile(t, m.config, strings.Replace(readFile(t, m.config), `listen: "off"`, `listen: "`+addr+`"`, 1))
	d := m.startDaemon(t)
	waitUntil(t, 30*time.Second, "the daemon is not up", func() bool {
		code, _ := healthz(t, addr)
		return code == http.StatusOK
	})
	// Another program holds the database's write lock.
	db, err := sql.Open("sqlite3", "file:"+dbPath(t, m)+"?_txlock=immediate")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(`UPDATE accounts SET email = email`); err != nil {
		t.Fatal(err)
	}
	if err := m.dc.Deliver(testOwner, "INBOX", genMail("locked")(1)); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, 60*time.Second, "/healthz does not report the locked database", func() bool {
		code, body := healthz(t, addr)
		return code == http.StatusServiceUnavailable && strings.Contains(body, "locked")
	})
	waitUntil(t, 30*time.Second, "the log does not say the database is locked", func() bool {
		return strings.Contains(d.stderr.String(), "database is locked")
	})
	tx.Rollback()
	waitCount(t, m, "INBOX", 1, 60*time.Second)
	waitUntil(t, 60*time.Second, "/healthz does not recover", func() bool {
		code, _ := healthz(t, addr)
		return code == http.StatusOK
	})
	d.stop(t)
}

func TestAFullDiskIsReportedAndOutlived(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a small tmpfs to fill (needs root): %v %s", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	addr := fmt.Sprintf("127.0.0.1:%d", closedPort(t))
	m := newMailbox(t, "")
	cfg := strings.Replace(readFile(t, m.config), `listen: "off"`, `listen: "`+addr+`"`, 1)
	cfg = strings.Replace(cfg, "database: "+dbPath(t, m), "database: "+filepath.Join(dir, "g.db"), 1)
	writeFile(t, m.config, cfg)
	d := m.startDaemon(t)
	waitUntil(t, 30*time.Second, "the daemon is not up", func() bool {
		code, _ := healthz(t, addr)
		return code == http.StatusOK
	})
	// Fill the disk, then let mail arrive that must be recorded.
	filler := filepath.Join(dir, "filler")
	fillDisk(t, filler)
	if err := m.dc.PopulateMaildir(testOwner, "INBOX", 300, genMail("full")); err != nil {
		t.Fatal(err)
	}
	if err := m.dc.Deliver(testOwner, "INBOX", genMail("full-last")(1)); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, 60*time.Second, "/healthz does not report the full disk", func() bool {
		code, body := healthz(t, addr)
		return code == http.StatusServiceUnavailable && strings.Contains(body, "full")
	})
	os.Remove(filler)
	waitCount(t, m, "INBOX", 301, 90*time.Second)
	waitUntil(t, 60*time.Second, "/healthz does not recover", func() bool {
		code, _ := healthz(t, addr)
		return code == http.StatusOK
	})
	d.stop(t)
}

// fillDisk writes to path until the file system is full.
func fillDisk(t *testing.T, path string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 64<<10)
	for {
		if _, err := f.Write(chunk); err != nil {
			return
		}
	}
}

// dbPath is the database file of the mailbox's config.
func dbPath(t *testing.T, m *mailbox) string {
	t.Helper()
	for _, l := range strings.Split(readFile(t, m.config), "\n") {
		if v, ok := strings.CutPrefix(l, "database: "); ok {
			return strings.TrimSpace(v)
		}
	}
	t.Fatal("no database in the config")
	return ""
}

func TestDovecotStoppedMidSyncMissesNothingAndRecordsNothingTwice(t *testing.T) {
	m := newMailbox(t, "")
	const n = 5000
	if err := m.dc.PopulateMaildir(testOwner, "INBOX", n, genMail("bulk")); err != nil {
		t.Fatal(err)
	}
	d := m.startDaemon(t)
	// Stop the server once the first batches are in, before the last.
	waitUntil(t, 60*time.Second, "no batch recorded", func() bool { return m.statusCounts(t)["INBOX"] > 0 })
	if err := m.dc.Stop(); err != nil {
		t.Fatal(err)
	}
	got := m.statusCounts(t)["INBOX"]
	t.Logf("Dovecot stopped with %d of %d messages recorded", got, n)
	if err := m.dc.Start(); err != nil {
		t.Fatal(err)
	}
	waitCount(t, m, "INBOX", n, 120*time.Second)
	if c := m.classCounts(t); c["duplicate"] != 0 {
		t.Errorf("messages by class %v: a message was recorded twice", c)
	}
	d.stop(t)
}
