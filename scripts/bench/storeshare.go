package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"gratitude"
	"gratitude/inbox"
	"gratitude/inbox/msgtext"
	"gratitude/internal/record"
	"gratitude/store"
)

// syncBatch is the sync's batch size (inbox.defaultBatchSize).
const syncBatch = 500

// storeShare measures, in this process, what an initial sync of n
// realisticMail messages asks of SQLite: per batch of 500, the three
// lookups the classifier needs (earlier copies, tracked threads, own
// mail) and the commit of the rows with the cursor, into a fresh
// database. It is the part of the initial pass that no IMAP client pays.
func (b *bench) storeShare(n int) (time.Duration, error) {
	ctx := context.Background()
	path := filepath.Join(b.dir, fmt.Sprintf("store%d.db", n))
	st, err := store.Open(ctx, path)
	if err != nil {
		return 0, err
	}
	defer os.Remove(path)
	defer st.Close()
	acct, err := st.Account(ctx, owner)
	if err != nil {
		return 0, err
	}
	now, size := time.Now(), int64(len(realisticMail(0)))
	start := time.Now()
	for first := 0; first < n; first += syncBatch {
		last := min(first+syncBatch, n)
		ids, refs := make([]string, 0, last-first), make([]string, 0, 2*(last-first))
		seen := make([]gratitude.SeenMessage, 0, last-first)
		for i := first; i < last; i++ {
			ids, refs = append(ids, benchID(i)), append(refs, benchID(i-1), benchID(i-1))
			seen = append(seen, seenBench(i, size, now))
		}
		if err := lookupBatch(ctx, st, acct, ids, refs); err != nil {
			return 0, err
		}
		cur := gratitude.MailboxCursor{Mailbox: "INBOX", UIDValidity: 1, LastUID: uint32(last), LastSyncAt: now}
		if err := record.CommitBatch[*store.Tx](ctx, st, acct, cur, seen); err != nil {
			return 0, err
		}
	}
	return time.Since(start), nil
}

// lookupBatch runs the classifier's three lookups for one batch.
func lookupBatch(ctx context.Context, st *store.Store, acct int64, ids, refs []string) error {
	if _, err := st.KnownMessages(ctx, acct, ids); err != nil {
		return err
	}
	all := append(ids, refs...)
	if _, err := st.ThreadRequests(ctx, acct, all); err != nil {
		return err
	}
	_, err := st.OwnMessages(ctx, acct, all)
	return err
}

// seenBench is realisticMail(i) as the sync records it: ignored, in no
// tracked thread.
func seenBench(i int, size int64, now time.Time) gratitude.SeenMessage {
	subject := fmt.Sprintf("Re: project notes, part %d", i)
	return gratitude.SeenMessage{
		MessageID: benchID(i), Mailbox: "INBOX", UIDValidity: 1, UID: uint32(i + 1),
		From: fmt.Sprintf("p%d@example.net", i), Subject: subject, Date: now, Size: size,
		Class: gratitude.ClassIgnored, Reason: inbox.ReasonNotTracked + ": not in the thread of a tracked request",
		SeenAt: now, NormSubject: msgtext.NormalizeSubject(subject),
	}
}
