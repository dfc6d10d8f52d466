package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// askNumbered is Ada's ask number i, as her Sent folder keeps it.
func askNumbered(w *loopWorld, i int) []byte {
	return mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: Alice Martin <alice@example.net>",
		"Bcc: ada+thanks@example.org", fmt.Sprintf("Subject: Question %d", i),
		"Date: " + w.t0.Add(time.Duration(i)*time.Second).Format(time.RFC1123Z),
		fmt.Sprintf("Message-ID: <ask-%d@example.org>", i), "Content-Type: text/plain; charset=utf-8"},
		fmt.Sprintf("Could you help me with question %d?\n\nAda", i))
}

// configFor is the world's config with its database at db.
func configFor(t *testing.T, w *loopWorld, db string) string {
	t.Helper()
	live := filepath.Join(filepath.Dir(w.config), "g.db")
	cfg := strings.Replace(readFile(t, w.config), "database: "+live, "database: "+db, 1)
	return writeFile(t, filepath.Join(t.TempDir(), "copy.yaml"), cfg)
}

// listedIn is `list --json` on a config.
func listedIn(t *testing.T, w *loopWorld, config string) []requestView {
	t.Helper()
	r := runBin(t, nil, "--config", config, "list", "--json")
	var reqs []requestView
	if err := json.Unmarshal([]byte(r.stdout), &reqs); r.code != 0 || err != nil {
		t.Fatalf("list --json on %s: exit %d, %v\n%s%s", config, r.code, err, r.stdout, r.stderr)
	}
	return reqs
}

// integrityCheck opens a copy and runs PRAGMA integrity_check on it.
func integrityCheck(t *testing.T, path string) {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var res string
	if err := db.QueryRow("PRAGMA integrity_check").Scan(&res); err != nil || res != "ok" {
		t.Fatalf("integrity_check of %s: %q, %v", path, res, err)
	}
}

func TestBackupWhileRunWritesMakesASoundCopyThatListsTheSameRequests(t *testing.T) {
	w := newLoopWorld(t)
	w.watching() // the asks come after the first sync: live work, listed by list --json
	w.startDaemon(time.Hour)
	waitUntil(t, 30*time.Second, "the daemon's control socket", func() bool {
		_, err := os.Stat(socketOf(w))
		return err == nil
	})
	const asks = 120
	fed := make(chan struct{})
	go func() { // the daemon reads these and writes while backups run
		defer close(fed)
		for i := 1; i <= asks; i++ {
			if _, err := w.imap.Append(testOwner, "Sent", askNumbered(w, i)); err != nil {
				t.Error(err)
				return
			}
			time.Sleep(15 * time.Millisecond)
		}
	}()
	dir := t.TempDir()
	midway, taken := 0, 0
	for i := 0; ; i++ {
		taken++
		file := filepath.Join(dir, fmt.Sprintf("copy-%d.db", i))
		r := w.cli("backup", file)
		if r.code != 0 || !strings.Contains(r.stdout, "wrote "+file+": ") {
			t.Fatalf("backup while run writes: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
		integrityCheck(t, file)
		if n := len(listedIn(t, w, configFor(t, w, file))); n > 0 && n < asks {
			midway++ // a copy taken while the daemon was writing
		}
		if _, err := os.Stat(file + "-wal"); err == nil {
			t.Errorf("the copy %s came with a WAL beside it: it must be one file", file)
		}
		select {
		case <-fed:
		default:
			continue
		}
		break
	}
	t.Logf("%d backups while the asks came in, %d of them holding some but not all", taken, midway)
	if midway == 0 {
		t.Errorf("no backup was taken while the daemon was recording the asks; the test proves nothing")
	}
	waitUntil(t, 60*time.Second, "the daemon recording every ask", func() bool { return len(w.requests(t)) == asks })
	file := filepath.Join(dir, "final.db")
	r := w.cli("backup", file)
	if r.code != 0 || !strings.Contains(r.stdout, fmt.Sprintf("%d request(s)", asks)) {
		t.Fatalf("backup: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if fi, err := os.Stat(file); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the copy's mode: %v, %v; want 0600 (it holds the card key)", fi.Mode().Perm(), err)
	}
	integrityCheck(t, file)
	live, copied := listedIn(t, w, w.config), listedIn(t, w, configFor(t, w, file))
	if a, b := mustJSON(t, live), mustJSON(t, copied); a != b {
		t.Errorf("the copy lists other requests than the database:\nlive %.300s\ncopy %.300s", a, b)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*tmp*")); len(left) != 0 {
		t.Errorf("temporary files left beside the copies: %v", left)
	}
}

func TestBackupRefusesToReplaceAFileWithoutForce(t *testing.T) {
	w := newLoopWorld(t)
	w.ownerSends(loopAsk(w), false)
	w.runOnce(time.Hour)
	dir := t.TempDir()
	file := writeFile(t, filepath.Join(dir, "old.db"), "an older copy")
	if r := w.cli("backup", file); r.code != 1 || !strings.Contains(r.stderr, "--force") {
		t.Errorf("backup over an existing file: exit %d, want 1 saying --force\n%s", r.code, r.stderr)
	}
	if got := readFile(t, file); got != "an older copy" {
		t.Errorf("the existing file was changed without --force")
	}
	if r := w.cli("backup", "--force", file); r.code != 0 || !strings.Contains(r.stdout, "1 request(s)") {
		t.Errorf("backup --force: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	integrityCheck(t, file)
	live := filepath.Join(filepath.Dir(w.config), "g.db")
	if r := w.cli("backup", "--force", live); r.code != 1 || !strings.Contains(r.stderr, "the database itself") {
		t.Errorf("backup over the database itself: exit %d\n%s", r.code, r.stderr)
	}
	if r := w.cli("backup"); r.code != 2 {
		t.Errorf("backup without FILE: exit %d, want 2", r.code)
	}
	if r := w.cli("backup", filepath.Join(dir, "no-such-dir", "x.db")); r.code != 1 || !strings.Contains(r.stderr, "no-such-dir") {
		t.Errorf("backup into a missing directory: exit %d\n%s", r.code, r.stderr)
	}
}

// requests is every request, as `list --json` gives them.
func (w *loopWorld) requests(t *testing.T) []requestView { return listedIn(t, w, w.config) }

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
