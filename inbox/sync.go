package inbox

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"time"

	"gratitude"

	"github.com/emersion/go-imap/v2"
)

// Store is what the sync engine needs remembered between passes.
type Store interface {
	Cursor(ctx context.Context, account int64, mailbox string) (gratitude.MailboxCursor, error)
	CommitBatch(ctx context.Context, account int64, cur gratitude.MailboxCursor, msgs []gratitude.SeenMessage) error
	KnownMessages(ctx context.Context, account int64, ids []string) (map[string]gratitude.Class, error)
	ThreadRequests(ctx context.Context, account int64, ids []string) (map[string]int64, error)
	OwnMessages(ctx context.Context, account int64, ids []string) (map[string]int64, error)
	RequestsBySubject(ctx context.Context, account int64, subjects []string, since time.Time) ([]gratitude.Request, error)
	ResetMailbox(ctx context.Context, account int64, mailbox string, uidValidity uint32, h gratitude.History) error
	Relocate(ctx context.Context, account int64, mailbox, messageID string, uidValidity, uid uint32) (bool, error)
	LiveCards(ctx context.Context, account int64, now time.Time) (bool, error)
}

// Limits on what one message may cost, whatever the server sends.
const (
	maxHeaderBytes   = 256 << 10 // the selected header fields of one message
	maxBodyBytes     = 8 << 20   // BODY.PEEK[]<0.N>: enough to read any human-written mail
	defaultBatchSize = 500
)

// Syncer brings one mailbox up to date per call to Sync.
type Syncer struct {
	Store      Store
	Classifier Classifier
	Account    int64
	Clock      gratitude.Clock
	Stats      *Stats
	Log        *slog.Logger
	// Progress, when set, is told after each committed batch.
	Progress func(mailbox string, done, total int)
	// ReselectAfter lets a pass on a connection that still has the
	// mailbox selected from an earlier pass make do with a NOOP, for this
	// long after its SELECT (0: always SELECT). A watcher's connections
	// keep their mailbox; selecting a large one again costs the server.
	ReselectAfter time.Duration
	BatchSize     int
	// TrackFrom (sync.track_from) says which of the messages a mailbox
	// holds when its sync first begins are live; the rest are history.
	TrackFrom gratitude.TrackFrom
	// Voice, when set, learns the owner's voice from their mail in
	// VoiceMailbox (Sent): after each pass over it, a few more of the
	// most recent messages are read for how they greet and sign off.
	Voice        VoiceStore
	VoiceMailbox string
}

// PassResult says what one pass over a mailbox did.
type PassResult struct {
	Mailbox     string
	UIDValidity uint32
	LastUID     uint32
	New         int  // messages fetched and recorded in this pass
	Resynced    bool // UIDVALIDITY changed and the mailbox was read again from the start
}

// Sync selects mailbox on conn and records every message newer than its
// cursor. Each batch is committed with the cursor in one transaction, so an
// interrupted pass resumes where it stopped and never records a message twice.
func (s *Syncer) Sync(ctx context.Context, conn *Conn, mailbox string) (PassResult, error) {
	res := PassResult{Mailbox: mailbox}
	cur, err := s.Store.Cursor(ctx, s.Account, mailbox)
	if err != nil {
		return res, err
	}
	sel, err := s.selectMailbox(conn, mailbox)
	if err != nil {
		return res, err
	}
	first := cur.UIDValidity == 0
	if !first && cur.UIDValidity != sel.UIDValidity {
		// Unlike a first sync, what the mailbox holds is read as live (as
		// before the change): known messages are skipped by Message-ID.
		s.Log.Warn("UIDVALIDITY changed: reading the mailbox again, known messages are not recorded twice",
			"mailbox", mailbox, "old", cur.UIDValidity, "new", sel.UIDValidity)
		if err := s.Store.ResetMailbox(ctx, s.Account, mailbox, sel.UIDValidity, gratitude.History{}); err != nil {
			return res, err
		}
		cur = gratitude.MailboxCursor{Mailbox: mailbox}
		res.Resynced = true
	}
	cur.Mailbox, cur.UIDValidity = mailbox, sel.UIDValidity
	uids, err := s.newUIDs(conn, sel, cur.LastUID)
	if err != nil {
		return res, err
	}
	if first {
		cur.History = s.history(sel, uids)
		s.Log.Info("first sync of the mailbox: what it holds from before tracking began is recorded as history",
			"mailbox", mailbox, "messages", len(uids), "history_up_to_uid", cur.History.UpToUID,
			"live_from", cur.History.Before.Format(time.RFC3339))
	}
	for start := 0; start < len(uids); start += s.batchSize() {
		batch := uids[start:min(start+s.batchSize(), len(uids))]
		n, err := s.syncBatch(ctx, conn, &cur, batch, res.Resynced)
		res.New += n
		if err != nil {
			return res, err
		}
		if s.Progress != nil {
			s.Progress(mailbox, start+len(batch), len(uids))
		}
	}
	cur.LastSyncAt = s.Clock.Now()
	if err := s.Store.CommitBatch(ctx, s.Account, cur, nil); err != nil {
		return res, err
	}
	res.UIDValidity, res.LastUID = cur.UIDValidity, cur.LastUID
	if s.Voice != nil && mailbox == s.VoiceMailbox && res.New > 0 {
		// Only when the owner sent something: a quiet pass fetches nothing.
		s.sampleVoice(ctx, conn, cur)
	}
	return res, nil
}

// history is what a mailbox read for the first time holds: every UID up to
// the last one it has now (UIDNEXT-1, or the highest one listed).
func (s *Syncer) history(sel *imap.SelectData, uids []imap.UID) gratitude.History {
	began := s.Clock.Now()
	h := gratitude.History{Began: began, Before: s.TrackFrom.Start(began)}
	if sel.UIDNext > 0 {
		h.UpToUID = uint32(sel.UIDNext) - 1
	}
	if len(uids) > 0 {
		h.UpToUID = max(h.UpToUID, uint32(slices.Max(uids)))
	}
	return h
}

func (s *Syncer) batchSize() int {
	if s.BatchSize <= 0 {
		return defaultBatchSize
	}
	return s.BatchSize
}

func (s *Syncer) selectMailbox(conn *Conn, mailbox string) (*imap.SelectData, error) {
	if sel, ok, err := conn.stillSelected(mailbox, s.ReselectAfter); ok || err != nil {
		return sel, err
	}
	var sel *imap.SelectData
	err := conn.guard("SELECT "+mailbox, func() error {
		var err error
		sel, err = conn.c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
		return err
	})
	if err != nil {
		conn.selected = ""
		return nil, fmt.Errorf("imap: select %q: %w", mailbox, err)
	}
	conn.selected, conn.uidValidity, conn.selectedAt = mailbox, sel.UIDValidity, time.Now()
	return sel, nil
}

// newUIDs lists the UIDs above last. When UIDNEXT shows nothing new it asks
// the server nothing more, so a quiet mailbox costs one SELECT per pass
// (or, on a connection that keeps it selected, a NOOP and a UID SEARCH).
func (s *Syncer) newUIDs(conn *Conn, sel *imap.SelectData, last uint32) ([]imap.UID, error) {
	if sel.NumMessages == 0 || (sel.UIDNext != 0 && uint32(sel.UIDNext) <= last+1) {
		return nil, nil
	}
	criteria := &imap.SearchCriteria{UID: []imap.UIDSet{{imap.UIDRange{Start: imap.UID(last + 1), Stop: 0}}}}
	var opts *imap.SearchOptions
	if caps := conn.c.Caps(); caps.Has(imap.CapESearch) || caps.Has(imap.CapIMAP4rev2) {
		opts = &imap.SearchOptions{ReturnAll: true}
	}
	var data *imap.SearchData
	err := conn.guard("UID SEARCH", func() error {
		var err error
		data, err = conn.c.UIDSearch(criteria, opts).Wait()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("imap: search new messages: %w", err)
	}
	all := data.AllUIDs()
	uids := all[:0]
	for _, uid := range all {
		// "n:*" always matches the last message, even when its UID is below n.
		if uint32(uid) > last {
			uids = append(uids, uid)
		}
	}
	return uids, nil
}

// readLimited reads at most max bytes of r and discards the rest, so a
// hostile message cannot make one fetch take unbounded memory.
func readLimited(r io.Reader, max int64) ([]byte, error) {
	if r == nil {
		return nil, nil
	}
	b, err := io.ReadAll(io.LimitReader(r, max))
	if err != nil {
		return b, err
	}
	_, err = io.Copy(io.Discard, r)
	return b, err
}
