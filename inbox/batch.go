package inbox

import (
	"context"
	"fmt"
	"slices"
	"time"

	"gratitude"

	"github.com/emersion/go-imap/v2"
)

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
	ids := make([]string, len(msgs))
	for i, m := range msgs {
		ids[i] = m.Header.MessageID
	}
	known, err := s.Store.KnownMessageIDs(ctx, s.Account, ids)
	if err != nil {
		return nil, err
	}
	inBatch := make(map[string]bool, len(msgs))
	verdicts := make([]Verdict, len(msgs))
	var needBody []int
	for i, m := range msgs {
		m.Known = known[m.Header.MessageID] || inBatch[m.Header.MessageID]
		inBatch[m.Header.MessageID] = true
		verdicts[i] = s.Classifier.Classify(m)
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
		verdicts[i] = s.Classifier.Classify(msgs[i])
		if verdicts[i].NeedBody {
			return nil, fmt.Errorf("inbox: classifier asked again for the body of UID %d in %s", msgs[i].UID, msgs[i].Mailbox)
		}
	}
	return verdicts, nil
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
	}
}
