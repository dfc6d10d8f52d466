package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/mattn/go-sqlite3"
)

// writerDriver is SQLite for the writer connection, which never
// checkpoints the WAL as part of a commit (wal_autocheckpoint = 0): a
// commit returns as soon as its frames are in the WAL, so the outbox's
// record of a send, committed just before the final dot, is followed by
// the dot at once, not after a checkpoint's copying and fsyncs (a crash in
// that gap would leave a message recorded sent that never left).
// checkpointLoop checkpoints instead, beside the commits.
const writerDriver = "sqlite3_gratitude_writer"

func init() {
	sql.Register(writerDriver, &sqlite3.SQLiteDriver{ConnectHook: func(c *sqlite3.SQLiteConn) error {
		_, err := c.Exec("PRAGMA wal_autocheckpoint = 0", nil)
		return err
	}})
}

// checkpointEvery is how often the WAL is checkpointed (PASSIVE: it never
// waits for readers, and a busy writer only delays it).
const checkpointEvery = time.Second

// checkpointLoop checkpoints the WAL every checkpointEvery until stop is
// closed; a failure is tried again at the next tick (Close checkpoints
// last).
func (s *Store) checkpointLoop(stop <-chan struct{}, done chan<- struct{}) {
	defer close(done)
	t := time.NewTicker(checkpointEvery)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			_ = s.Checkpoint(context.Background())
		}
	}
}

// Checkpoint copies what the WAL holds into the database file, as far as
// readers allow (PASSIVE).
func (s *Store) Checkpoint(ctx context.Context) error {
	_, err := s.write.ExecContext(ctx, "PRAGMA wal_checkpoint(PASSIVE)")
	return wrap("checkpoint", err)
}
