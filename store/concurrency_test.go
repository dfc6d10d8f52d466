package store

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"gratitude"
)

// TestReadersRunWhileWritersCommitWithoutBusyErrors has two writers
// committing batches (one through a second Store, as another process would)
// while readers query; nobody may get SQLITE_BUSY, and a reader never sees
// a batch's messages without its cursor or the reverse.
func TestReadersRunWhileWritersCommitWithoutBusyErrors(t *testing.T) {
	s := openTest(t)
	other := openAt(t, s.Path())
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")

	const (
		batches   = 150
		batchSize = 20
		reads     = 300
	)
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []error
	)
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		errs = append(errs, err)
	}
	writer := func(st *Store, mailbox string) {
		defer wg.Done()
		for i := range uint32(batches) {
			from := i*batchSize + 1
			cur := gratitude.MailboxCursor{Mailbox: mailbox, UIDValidity: 1, LastUID: from + batchSize - 1, LastSyncAt: t0}
			if err := commitBatch(ctx, st, acct, cur, msgs(mailbox, 1, from, from+batchSize-1)); err != nil {
				fail(err)
				return
			}
			if err := st.SetHealth(ctx, acct, "sync-"+mailbox, nil, t0); err != nil {
				fail(err)
				return
			}
		}
	}
	reader := func(st *Store) {
		defer wg.Done()
		for i := range reads {
			cs, err := st.Cursors(ctx, acct)
			if err != nil {
				fail(err)
				return
			}
			for _, c := range cs {
				if c.Messages != int64(c.LastUID) { // UIDs run 1..LastUID
					fail(fmt.Errorf("read %d: %s has %d messages at cursor %d: torn batch", i, c.Mailbox, c.Messages, c.LastUID))
					return
				}
			}
			if _, err := st.KnownMessages(ctx, acct, []string{msg("INBOX", 1, uint32(i+1)).MessageID}); err != nil {
				fail(err)
				return
			}
			if _, err := st.ClassCounts(ctx, acct); err != nil {
				fail(err)
				return
			}
			if _, err := st.Health(ctx, acct); err != nil {
				fail(err)
				return
			}
		}
	}
	wg.Add(4)
	go writer(s, "INBOX")
	go writer(other, "Sent")
	go reader(s)
	go reader(other)
	wg.Wait()

	for _, err := range errs {
		t.Error(err)
	}
	if n := count(t, s.write, `SELECT COUNT(*) FROM messages`); n != 2*batches*batchSize {
		t.Errorf("rows = %d, want %d", n, 2*batches*batchSize)
	}
}
