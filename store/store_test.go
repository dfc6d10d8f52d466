package store

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/mattn/go-sqlite3"
)

func TestOpenCreatesPrivateFilesEvenWithPermissiveUmask(t *testing.T) {
	old := syscall.Umask(0)
	defer syscall.Umask(old)

	dir := filepath.Join(t.TempDir(), "state", "gratitude")
	path := filepath.Join(dir, "gratitude.db")
	s := openAt(t, path)
	account(t, s, "ada@example.org") // a write, so the WAL exists

	wantMode := func(p string, want fs.FileMode) {
		t.Helper()
		fi, err := os.Stat(p)
		if err != nil {
			t.Fatalf("stat %s: %v", p, err)
		}
		if got := fi.Mode().Perm(); got != want {
			t.Errorf("%s: mode %v, want %v", filepath.Base(p), got, want)
		}
	}
	wantMode(dir, 0o700)
	wantMode(filepath.Dir(dir), 0o700)
	wantMode(path, 0o600)
	wantMode(path+"-wal", 0o600)
	wantMode(path+"-shm", 0o600)
}

func TestOpenLeavesAnExistingDirectoryAlone(t *testing.T) {
	dir := t.TempDir()
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	openAt(t, filepath.Join(dir, "g.db"))
	fi, err := os.Stat(dir)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o755 {
		t.Errorf("existing directory mode changed to %v", fi.Mode().Perm())
	}
}

func TestOpenTurnsOnWALAndConnectionSettings(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	var mode string
	if err := s.write.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("writer journal_mode = %q, %v; want wal", mode, err)
	}
	if err := s.read.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("reader journal_mode = %q, %v; want wal", mode, err)
	}
	pragmas := []struct {
		pool   string
		pragma string
		want   int
	}{
		{"write", "synchronous", 1}, // NORMAL
		{"write", "foreign_keys", 1},
		{"write", "busy_timeout", 5000},
		{"write", "query_only", 0},
		{"read", "synchronous", 1},
		{"read", "busy_timeout", 5000},
		{"read", "query_only", 1},
	}
	for _, p := range pragmas {
		db := s.write
		if p.pool == "read" {
			db = s.read
		}
		var got int
		if err := db.QueryRowContext(ctx, "PRAGMA "+p.pragma).Scan(&got); err != nil {
			t.Fatalf("%s PRAGMA %s: %v", p.pool, p.pragma, err)
		}
		if got != p.want {
			t.Errorf("%s PRAGMA %s = %d, want %d", p.pool, p.pragma, got, p.want)
		}
	}
	if got := s.write.Stats().MaxOpenConnections; got != 1 {
		t.Errorf("writer pool allows %d connections, want 1", got)
	}
}

func TestDSNsNeverUseSharedCache(t *testing.T) {
	for _, dsn := range []string{writeDSN("/a/b.db"), readDSN("/a/b.db")} {
		if strings.Contains(dsn, "cache=shared") {
			t.Errorf("DSN %q uses the shared cache", dsn)
		}
	}
	if !strings.Contains(writeDSN("/a/b.db"), "_txlock=immediate") {
		t.Error("writer DSN does not make transactions immediate")
	}
}

func TestOpenHandlesPathsThatNeedEscaping(t *testing.T) {
	path := filepath.Join(t.TempDir(), "odd dir?#%", "g&x=1.db")
	s := openAt(t, path)
	account(t, s, "ada@example.org")
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("database not at the given path: %v", err)
	}
}

func TestReadPoolRefusesWrites(t *testing.T) {
	s := openTest(t)
	_, err := s.read.Exec(`INSERT INTO accounts (email, created_at) VALUES ('x@example.org', 0)`)
	if err == nil {
		t.Fatal("insert through the read pool succeeded")
	}
}

func TestOpenRefusesAFileThatIsNotADatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(path, []byte(strings.Repeat("not sqlite at all\n", 300)), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), path)
	if err == nil {
		t.Fatal("Open accepted a text file")
	}
	for _, want := range []string{"store: open " + path, "not a gratitude database"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

func TestOpenErrorNamesPathWhenParentIsAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(file, "g.db")
	_, err := Open(context.Background(), path)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("Open(%s) = %v; want an error naming the path", path, err)
	}
}

func TestOpenErrorExplainsPermissionDenied(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores file modes")
	}
	path := filepath.Join(t.TempDir(), "g.db")
	if err := os.WriteFile(path, nil, 0o000); err != nil {
		t.Fatal(err)
	}
	_, err := Open(context.Background(), path)
	if err == nil || !errors.Is(err, fs.ErrPermission) {
		t.Fatalf("Open = %v; want permission denied", err)
	}
	for _, want := range []string{path, "owner"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not contain %q", err, want)
		}
	}
}

func TestCloseThenReopenKeepsData(t *testing.T) {
	path := filepath.Join(t.TempDir(), "g.db")
	s, err := Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	id := account(t, s, "Ada@Example.org ")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path)
	if got := account(t, s, "ada@example.org"); got != id {
		t.Errorf("account id after reopen = %d, want %d", got, id)
	}
}

func TestAccountIsGetOrCreatePerAddress(t *testing.T) {
	s := openTest(t)
	a := account(t, s, "ada@example.org")
	b := account(t, s, "bob@example.org")
	if a == b {
		t.Fatal("two addresses share an account")
	}
	if again := account(t, s, " ADA@example.org"); again != a {
		t.Errorf("same address got id %d, want %d", again, a)
	}
	if _, err := s.Account(context.Background(), "  "); err == nil {
		t.Error("empty address accepted")
	}
}

func TestOpenErrorHintsSayWhatToDo(t *testing.T) {
	cases := []struct {
		err  error
		want string
	}{
		{&fs.PathError{Op: "open", Path: "/x/y.db", Err: fs.ErrPermission}, "owner and mode"},
		{sqlite3.Error{Code: sqlite3.ErrPerm}, "owner and mode"},
		{sqlite3.Error{Code: sqlite3.ErrNotADB}, "not a gratitude database"},
		{sqlite3.Error{Code: sqlite3.ErrCorrupt}, "restore"},
		{sqlite3.Error{Code: sqlite3.ErrBusy}, "another process"},
		{syscall.ENOSPC, "disk is full"},
		{tooNew(9, 2), "upgrade gratitude"},
	}
	for _, c := range cases {
		err := openError("/x/y.db", c.err)
		if !strings.HasPrefix(err.Error(), "store: open /x/y.db: ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("openError(%v) = %q; want path and %q", c.err, err, c.want)
		}
		if !errors.Is(err, c.err) && !errors.Is(err, ErrSchemaTooNew) {
			t.Errorf("openError(%v) does not wrap the cause", c.err)
		}
	}
}
