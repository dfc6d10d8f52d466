package inbox

import (
	"context"
	"fmt"
	"runtime/debug"
	"slices"
	"time"

	"gratitude"
	"gratitude/inbox/classify"

	"github.com/emersion/go-imap/v2"
)

// Batch is what the classifier knows of the mailbox beyond one message,
// gathered once per batch by the sync engine, which alone writes into it.
type Batch struct {
	Threads map[string]int64    // Message-IDs of tracked threads → request (classify.PendingAsk: asked in this batch)
	Own     map[string]int64    // Message-IDs gratitude generated → request (0: none)
	Recent  []gratitude.Request // requests of the last classify.SubjectFallbackWindow, for replies without threading headers
	// LiveCards: some card's address still takes commands, so what the
	// owner sends others is read for it.
	LiveCards bool
}

// context is the batch as the classifier reads it.
func (b *Batch) context() *classify.Context {
	return &classify.Context{Threads: b.Threads, Own: b.Own, Recent: b.Recent, LiveCards: b.LiveCards}
}

// record notes what m's verdict means for the messages after it: an ask
// starts a thread, so replies later in this batch are tracked.
func (b *Batch) record(m *Message, v Verdict) {
	if !v.StartsThread {
		return
	}
	if b.Threads == nil {
		b.Threads = map[string]int64{}
	}
	b.Threads[m.Header.MessageID] = classify.PendingAsk
}

// syncBatch fetches, classifies and commits one batch of new UIDs, then
// advances cur past the whole batch (UIDs expunged meanwhile included).
func (s *Syncer) syncBatch(ctx context.Context, conn *Conn, cur *gratitude.MailboxCursor, uids []imap.UID, resync bool) (int, error) {
	msgs, err := s.fetchHeaders(conn, cur, uids)
	if err != nil {
		return 0, err
	}
	if resync {
		if msgs, err = s.relocateKnown(ctx, cur, msgs); err != nil {
			return 0, err
		}
	}
	verdicts, err := s.classify(ctx, conn, msgs)
	if err != nil {
		return 0, err
	}
	now := s.Clock.Now()
	seen := make([]gratitude.SeenMessage, len(msgs))
	for i, m := range msgs {
		seen[i] = seenMessage(m, verdicts[i], now)
		_, command := verdicts[i].Event.(gratitude.Commanded)
		seen[i].Past = cur.History.Past(seen[i].UID, seen[i].Date, command)
		s.logVerdict(m, verdicts[i])
	}
	cur.LastUID = uint32(slices.Max(uids))
	if err := s.Store.CommitBatch(ctx, s.Account, *cur, seen); err != nil {
		return 0, err
	}
	return len(msgs), nil
}

// classify asks the classifier about each message, fetching bodies for the
// ones whose first verdict asks for it.
func (s *Syncer) classify(ctx context.Context, conn *Conn, msgs []*Message) ([]Verdict, error) {
	b, known, err := s.lookups(ctx, msgs)
	if err != nil {
		return nil, err
	}
	inBatch := make(map[string]bool, len(msgs))
	verdicts := make([]Verdict, len(msgs))
	var needBody []int
	for i, m := range msgs {
		id := m.Header.MessageID
		m.KnownClass = known[id]
		m.Known = m.KnownClass != "" || inBatch[id]
		if m.Known && m.KnownClass == "" {
			m.KnownClass = gratitude.ClassPending // seen earlier in this batch
		}
		inBatch[id] = true
		verdicts[i] = s.classifyOne(m, b)
		b.record(m, verdicts[i])
		if verdicts[i].NeedBody {
			needBody = append(needBody, i)
		}
	}
	if len(needBody) == 0 {
		return verdicts, nil
	}
	if err := s.fetchBodies(conn, msgs, needBody); err != nil {
		return nil, err
	}
	for _, i := range needBody {
		verdicts[i] = s.classifyOne(msgs[i], b)
		b.record(msgs[i], verdicts[i])
		if verdicts[i].NeedBody {
			return nil, fmt.Errorf("inbox: classifier asked again for the body of UID %d in %s", msgs[i].UID, msgs[i].Mailbox)
		}
		msgs[i].Body = nil // bodies are not kept past classification
	}
	return verdicts, nil
}

// classifyOne asks the classifier about one message. A classifier that
// panics on it quarantines that message, with the reason, rather than
// stopping the sync: one hostile message must never wedge a mailbox.
func (s *Syncer) classifyOne(m *Message, b *Batch) (v Verdict) {
	defer func() {
		if p := recover(); p != nil {
			s.Log.Error("classifier failed on a message; it is quarantined", "mailbox", m.Mailbox, "uid", m.UID,
				"message_id", m.Header.MessageID, "panic", p, "stack", string(debug.Stack()))
			v = Verdict{Class: gratitude.ClassQuarantined, Reason: fmt.Sprintf("classifier failed: %v", p)}
		}
	}()
	return s.Classifier.Classify(m, b)
}

// lookups gathers, in three queries per batch, what the classifier needs:
// earlier copies, tracked threads and gratitude's own Message-IDs among the
// batch's messages and everything they refer to.
func (s *Syncer) lookups(ctx context.Context, msgs []*Message) (*Batch, map[string]gratitude.Class, error) {
	ids := make([]string, 0, len(msgs))
	refs := make([]string, 0, len(msgs)*2)
	for _, m := range msgs {
		ids = append(ids, m.Header.MessageID)
		refs = append(refs, m.Header.InReplyTo...)
		refs = append(refs, m.Header.References...)
	}
	known, err := s.Store.KnownMessages(ctx, s.Account, ids)
	if err != nil {
		return nil, nil, err
	}
	all := append(ids, refs...)
	b := &Batch{}
	if b.Recent, err = s.subjectCandidates(ctx, msgs); err != nil {
		return nil, nil, err
	}
	if b.Threads, err = s.Store.ThreadRequests(ctx, s.Account, all); err != nil {
		return nil, nil, err
	}
	if b.Own, err = s.Store.OwnMessages(ctx, s.Account, all); err != nil {
		return nil, nil, err
	}
	if b.LiveCards, err = s.Store.LiveCards(ctx, s.Account, s.Clock.Now()); err != nil {
		return nil, nil, err
	}
	return b, known, nil
}

// subjectCandidates finds the requests that messages without threading
// headers may answer, by their normalised subjects.
func (s *Syncer) subjectCandidates(ctx context.Context, msgs []*Message) ([]gratitude.Request, error) {
	seen := map[string]bool{}
	var subjects []string
	for _, m := range msgs {
		h := &m.Header
		if len(h.InReplyTo)+len(h.References) > 0 {
			continue
		}
		if sub := h.NormSubject(); sub != "" && !seen[sub] {
			seen[sub] = true
			subjects = append(subjects, sub)
		}
	}
	if len(subjects) == 0 {
		return nil, nil
	}
	return s.Store.RequestsBySubject(ctx, s.Account, subjects, s.Clock.Now().Add(-classify.SubjectFallbackWindow))
}

// relocateKnown drops, after a UIDVALIDITY change, the messages already
// recorded in this mailbox: their rows are moved to the new UIDs instead.
func (s *Syncer) relocateKnown(ctx context.Context, cur *gratitude.MailboxCursor, msgs []*Message) ([]*Message, error) {
	kept := msgs[:0]
	for _, m := range msgs {
		moved, err := s.Store.Relocate(ctx, s.Account, cur.Mailbox, m.Header.MessageID, cur.UIDValidity, uint32(m.UID))
		if err != nil {
			return nil, err
		}
		if !moved {
			kept = append(kept, m)
		}
	}
	return kept, nil
}

func seenMessage(m *Message, v Verdict, now time.Time) gratitude.SeenMessage {
	return gratitude.SeenMessage{
		MessageID:   m.Header.MessageID,
		Mailbox:     m.Mailbox,
		UIDValidity: m.UIDValidity,
		UID:         uint32(m.UID),
		From:        m.Header.FromAddress(),
		Subject:     m.Header.Subject,
		Date:        m.Header.Date,
		Size:        m.Size,
		Class:       v.Class,
		Reason:      v.Reason,
		SeenAt:      now,
		NormSubject: m.Header.NormSubject(),
		RequestID:   v.RequestID,
		Event:       v.Event,
		Exposed:     v.Exposed,
		BodyHash:    v.BodyHash,
	}
}

// logVerdict logs each classification at debug, and an ask option that was
// not understood as a warning: it is kept as a note, never dropped silently.
func (s *Syncer) logVerdict(m *Message, v Verdict) {
	s.Log.Debug("classified", "mailbox", m.Mailbox, "uid", m.UID, "message_id", m.Header.MessageID,
		"class", v.Class, "reason", v.Reason)
	if a, ok := v.Event.(gratitude.Asked); ok && len(a.Notes) > 0 {
		s.Log.Warn("ask option not understood; kept as a note on the request",
			"subject", a.Subject, "notes", a.Notes)
	}
}
