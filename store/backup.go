package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/mattn/go-sqlite3"
)

// ErrBackupExists is a backup refused because its file exists already.
var ErrBackupExists = errors.New("the file exists already")

// Copied is what a backup wrote.
type Copied struct {
	Path     string // the copy, absolute
	Size     int64  // its size in bytes
	Requests int64  // the requests it holds
}

// Backup writes a consistent copy of the database to file with SQLite's
// online backup API, safe while another process writes to the database
// (a reader of the WAL, it holds no lock a writer waits for). The copy is
// written to a temporary file beside file (mode 0600: it holds the card
// token key), checked, and only then put in place: file is never left
// half written. An existing file is replaced only when overwrite is set
// (else ErrBackupExists).
func (s *Store) Backup(ctx context.Context, file string, overwrite bool) (Copied, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return Copied{}, backupError(file, err)
	}
	if err := s.notItself(abs); err != nil {
		return Copied{}, err
	}
	if _, err := os.Lstat(abs); err == nil && !overwrite {
		return Copied{}, backupError(abs, ErrBackupExists)
	}
	tmp, err := os.CreateTemp(filepath.Dir(abs), "."+filepath.Base(abs)+".tmp-*")
	if err != nil {
		return Copied{}, backupError(abs, err)
	}
	tmpPath := tmp.Name()
	defer os.Remove(tmpPath) // gone once renamed; else it must not stay
	if err := tmp.Close(); err != nil {
		return Copied{}, backupError(abs, err)
	}
	c, err := s.copyTo(ctx, tmpPath)
	if err != nil {
		return Copied{}, backupError(abs, err)
	}
	if err := place(tmpPath, abs, overwrite); err != nil {
		return Copied{}, backupError(abs, err)
	}
	c.Path = abs
	return c, nil
}

// notItself refuses a backup over the database itself.
func (s *Store) notItself(abs string) error {
	fi, err := os.Stat(abs)
	if err != nil {
		return nil
	}
	db, err := os.Stat(s.path)
	if abs == s.path || err == nil && os.SameFile(fi, db) {
		return fmt.Errorf("store: backup to %s: that is the database itself; name another file", abs)
	}
	return nil
}

// copyTo copies the database into the empty file at path, leaves it one
// self-contained file (no WAL), and checks it: it must read as a sound
// database.
func (s *Store) copyTo(ctx context.Context, path string) (Copied, error) {
	dst, err := sql.Open("sqlite3", dsnPath(path)+"?_busy_timeout=5000")
	if err != nil {
		return Copied{}, err
	}
	defer dst.Close()
	if err := s.backupInto(ctx, dst); err != nil {
		return Copied{}, err
	}
	if _, err := dst.ExecContext(ctx, "PRAGMA journal_mode = DELETE"); err != nil {
		return Copied{}, fmt.Errorf("leave the copy without a WAL: %w", err)
	}
	var check string
	if err := dst.QueryRowContext(ctx, "PRAGMA quick_check").Scan(&check); err != nil || check != "ok" {
		return Copied{}, fmt.Errorf("the copy does not check out (%q): %w", check, err)
	}
	var c Copied
	if err := dst.QueryRowContext(ctx, "SELECT COUNT(*) FROM requests").Scan(&c.Requests); err != nil {
		return Copied{}, fmt.Errorf("count the copy's requests: %w", err)
	}
	if err := dst.Close(); err != nil {
		return Copied{}, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return Copied{}, err
	}
	c.Size = fi.Size()
	return c, nil
}

// backupInto runs SQLite's backup from a reader connection into dst, all
// pages in one step (one read snapshot: a consistent copy however busy
// the writer), trying again while the source is busy.
func (s *Store) backupInto(ctx context.Context, dst *sql.DB) error {
	src, err := s.read.Conn(ctx)
	if err != nil {
		return err
	}
	defer src.Close()
	to, err := dst.Conn(ctx)
	if err != nil {
		return err
	}
	defer to.Close()
	return to.Raw(func(d any) error {
		return src.Raw(func(sr any) error {
			dc, ok1 := d.(*sqlite3.SQLiteConn)
			sc, ok2 := sr.(*sqlite3.SQLiteConn)
			if !ok1 || !ok2 {
				return fmt.Errorf("backup: not SQLite connections (%T, %T)", d, sr)
			}
			return stepAll(ctx, dc, sc)
		})
	})
}

// stepAll copies every page of src's main database into dst's.
func stepAll(ctx context.Context, dst, src *sqlite3.SQLiteConn) error {
	b, err := dst.Backup("main", src, "main")
	if err != nil {
		return fmt.Errorf("start the backup: %w", err)
	}
	for {
		done, err := b.Step(-1)
		if err != nil || done {
			return errors.Join(err, b.Finish())
		}
		select { // busy or locked: try again shortly
		case <-ctx.Done():
			return errors.Join(ctx.Err(), b.Finish())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// place moves the finished copy tmp to file: without overwrite by a hard
// link, which fails when file exists (even one made since it was looked
// for); with it by a rename over file. Journal files left beside file by
// an earlier copy are removed first: SQLite would apply them to the new
// one. The directory is synced so the name survives a crash.
func place(tmp, file string, overwrite bool) error {
	if _, err := os.Lstat(file); overwrite || errors.Is(err, fs.ErrNotExist) {
		for _, suffix := range []string{"-wal", "-shm", "-journal"} {
			if err := os.Remove(file + suffix); err != nil && !errors.Is(err, fs.ErrNotExist) {
				return err
			}
		}
	}
	if overwrite {
		if err := os.Rename(tmp, file); err != nil {
			return err
		}
	} else if err := os.Link(tmp, file); errors.Is(err, fs.ErrExist) {
		return ErrBackupExists
	} else if err != nil {
		return err
	}
	dir, err := os.Open(filepath.Dir(file))
	if err != nil {
		return err
	}
	defer dir.Close()
	return dir.Sync()
}

// backupError names the file and says what to do.
func backupError(file string, err error) error {
	switch {
	case errors.Is(err, ErrBackupExists):
		return fmt.Errorf("store: backup to %s: %w; name a new file, or pass --force to replace it", file, err)
	case errors.Is(err, fs.ErrPermission), errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("store: backup to %s: %w; the directory must exist and be writable by you", file, err)
	}
	return fmt.Errorf("store: backup to %s: %w; %s", file, err, hint(err))
}
