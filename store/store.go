package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/mattn/go-sqlite3"
)

// Store is an open gratitude database; it is safe for concurrent use.
type Store struct {
	path  string
	write *sql.DB // exactly one connection: SQLite has one writer
	read  *sql.DB // query-only connections for everything else

	stopCheckpoints chan struct{} // closed by Close
	checkpointsDone chan struct{} // closed when checkpointLoop has returned
	closeOnce       sync.Once
}

// Open creates (0600, in a 0700 directory) or opens the database at path,
// migrates it to the schema this binary knows, and returns the store.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, errors.New("store: open: empty database path; set the database path in the config")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, openError(path, err)
	}
	if err := prepareFile(abs); err != nil {
		return nil, openError(abs, err)
	}

	write, err := sql.Open(writerDriver, writeDSN(abs))
	if err != nil {
		return nil, openError(abs, err)
	}
	write.SetMaxOpenConns(1)
	write.SetMaxIdleConns(1)
	write.SetConnMaxLifetime(0)
	write.SetConnMaxIdleTime(0)
	// A process creating the database (switching it to WAL, migrating)
	// can make a second one's first statements fail at once with "locked",
	// before the busy timeout applies: retry for a while.
	err = whileBusy(ctx, func() error {
		if err := write.PingContext(ctx); err != nil {
			return err
		}
		return migrate(ctx, write, len(migrations))
	})
	if err != nil {
		write.Close()
		return nil, openError(abs, err)
	}
	// SQLite gives -wal and -shm the database file's mode; make sure anyway.
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Chmod(abs+suffix, 0o600); err != nil && !errors.Is(err, fs.ErrNotExist) {
			write.Close()
			return nil, openError(abs+suffix, err)
		}
	}

	read, err := sql.Open("sqlite3", readDSN(abs))
	if err != nil {
		write.Close()
		return nil, openError(abs, err)
	}
	n := max(4, runtime.NumCPU())
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)
	read.SetConnMaxIdleTime(5 * time.Minute)
	if err := whileBusy(ctx, func() error { return read.PingContext(ctx) }); err != nil {
		read.Close()
		write.Close()
		return nil, openError(abs, err)
	}
	s := &Store{path: abs, write: write, read: read, stopCheckpoints: make(chan struct{}), checkpointsDone: make(chan struct{})}
	go s.checkpointLoop(s.stopCheckpoints, s.checkpointsDone)
	return s, nil
}

// busyWait bounds how long Open waits for another process's lock.
const busyWait = 15 * time.Second

// whileBusy runs fn until it returns something other than SQLITE_BUSY or
// SQLITE_LOCKED, for at most busyWait.
func whileBusy(ctx context.Context, fn func() error) error {
	deadline := time.Now().Add(busyWait)
	for delay := 10 * time.Millisecond; ; delay = min(2*delay, 500*time.Millisecond) {
		err := fn()
		var serr sqlite3.Error
		if !errors.As(err, &serr) || (serr.Code != sqlite3.ErrBusy && serr.Code != sqlite3.ErrLocked) || time.Now().After(deadline) {
			return err
		}
		select {
		case <-ctx.Done():
			return err
		case <-time.After(delay):
		}
	}
}

// Path returns the absolute path of the database file.
func (s *Store) Path() string { return s.path }

// Close closes both pools; the last writer connection checkpoints the WAL.
func (s *Store) Close() error {
	s.closeOnce.Do(func() { close(s.stopCheckpoints) })
	<-s.checkpointsDone
	rerr := s.read.Close()
	werr := s.write.Close()
	if err := errors.Join(rerr, werr); err != nil {
		return fmt.Errorf("store: close %s: %w", s.path, err)
	}
	return nil
}

// prepareFile creates the parent directory (0700) and the database file
// (0600) before SQLite opens it, so the file never exists with a wider mode.
func prepareFile(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	switch {
	case err == nil:
		if err := f.Close(); err != nil {
			return err
		}
		return os.Chmod(path, 0o600) // the umask may have removed owner bits
	case errors.Is(err, fs.ErrExist):
		fi, err := os.Stat(path)
		if err != nil {
			return err
		}
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%w: not a regular file", fs.ErrInvalid)
		}
		f, err := os.OpenFile(path, os.O_RDWR, 0)
		if err != nil {
			return err
		}
		return f.Close()
	default:
		return err
	}
}

// dsnPath turns an absolute path into a SQLite URI filename ("file:/a%3Fb").
func dsnPath(abs string) string {
	return "file:" + (&url.URL{Path: filepath.ToSlash(abs)}).EscapedPath()
}

// writeDSN is the writer's DSN: WAL, immediate transactions so a writer
// never has to upgrade a read lock, and a busy timeout for other processes.
// Never cache=shared: it turns SQLite's busy handling into SQLITE_LOCKED.
func writeDSN(abs string) string {
	return dsnPath(abs) + "?" + strings.Join([]string{
		"_journal_mode=WAL",
		"_synchronous=NORMAL",
		"_busy_timeout=5000",
		"_foreign_keys=on",
		"_txlock=immediate",
		stmtCache,
	}, "&")
}

// readDSN is the readers' DSN: opened read-only and query_only as well, so
// a write through the read pool fails instead of taking the write lock.
func readDSN(abs string) string {
	return dsnPath(abs) + "?" + strings.Join([]string{
		"mode=ro",
		"_query_only=on",
		"_synchronous=NORMAL",
		"_busy_timeout=5000",
		"_foreign_keys=on",
		stmtCache,
	}, "&")
}

// stmtCache keeps each connection's prepared statements for reuse: most
// queries run again and again, and preparing one costs as much as
// running it.
const stmtCache = "_stmt_cache_size=128"

// openError names the path and says what the user can do about err.
func openError(path string, err error) error {
	return fmt.Errorf("store: open %s: %w; %s", path, err, hint(err))
}

// hint is the advice printed with an open error.
func hint(err error) string {
	var serr sqlite3.Error
	isSQLite := errors.As(err, &serr)
	switch {
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return "opening was interrupted before it finished; try again"
	case errors.Is(err, ErrSchemaTooNew):
		return "this database was written by a newer gratitude; upgrade gratitude, or restore a backup made by this version"
	case errors.Is(err, fs.ErrPermission),
		isSQLite && (serr.Code == sqlite3.ErrPerm || serr.Code == sqlite3.ErrReadonly || serr.Code == sqlite3.ErrAuth):
		return "check the file's and its directory's owner and mode: the user running gratitude must be able to read and write both"
	case isSQLite && serr.Code == sqlite3.ErrNotADB:
		return "the file is not a gratitude database (or is encrypted); check the database path, or move the file away to start afresh"
	case isSQLite && serr.Code == sqlite3.ErrCorrupt:
		return "the database is damaged; stop gratitude and restore the file from a backup"
	case isSQLite && (serr.Code == sqlite3.ErrBusy || serr.Code == sqlite3.ErrLocked):
		return "another process holds the database locked; check that no other gratitude is migrating it"
	case isSQLite && serr.Code == sqlite3.ErrFull, errors.Is(err, syscall.ENOSPC):
		return "the disk is full; free some space"
	case isSQLite && serr.Code == sqlite3.ErrCantOpen, errors.Is(err, fs.ErrNotExist), errors.Is(err, fs.ErrInvalid), errors.Is(err, syscall.ENOTDIR):
		return "check that the database path names a regular file in a directory that exists or can be created"
	default:
		return "check the database path in the config and the file's owner"
	}
}
