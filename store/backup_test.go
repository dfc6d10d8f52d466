package store

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestBackupCopiesTheDatabaseAndReplacesAFileOnlyWhenAsked(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	resolvedWithAlice(t, s, acct)
	file := filepath.Join(t.TempDir(), "copy.db")
	c, err := s.Backup(ctx, file, false)
	if err != nil || c.Requests != 1 || c.Size == 0 || c.Path != file {
		t.Fatalf("Backup = %+v, %v; want one request in a file", c, err)
	}
	if _, err := s.Backup(ctx, file, false); !errors.Is(err, ErrBackupExists) {
		t.Errorf("a second backup to the same file: %v, want ErrBackupExists", err)
	}
	// A WAL left beside an old copy would be applied to the new one.
	if err := os.WriteFile(file+"-wal", []byte("stale"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(ctx, file, true); err != nil {
		t.Fatalf("Backup over the file when asked: %v", err)
	}
	if _, err := os.Stat(file + "-wal"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the old copy's WAL is still beside the new one: %v", err)
	}
	copied := openAt(t, file)
	reqs, err := copied.Requests(ctx, acct, "")
	if err != nil || len(reqs) != 1 || reqs[0].State != "resolved" || len(reqs[0].Helpers) != 1 {
		t.Errorf("the copy holds %+v, %v; want the resolved request with Alice", reqs, err)
	}
	if _, err := s.Backup(ctx, s.Path(), true); err == nil {
		t.Error("a backup over the database itself was written")
	}
}
