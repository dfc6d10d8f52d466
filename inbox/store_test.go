package inbox_test

import (
	"context"
	"sync"
	"time"

	"gratitude"
)

// memStore is a map-backed inbox.Store for tests of the sync engine alone;
// the SQLite store has its own tests, and cmd's tests run both together.
type memStore struct {
	mu      sync.Mutex
	cursors map[string]gratitude.MailboxCursor
	msgs    []gratitude.SeenMessage
	commits int
	resets  int
}

func newMemStore() *memStore { return &memStore{cursors: map[string]gratitude.MailboxCursor{}} }

func (s *memStore) Cursor(_ context.Context, _ int64, mailbox string) (gratitude.MailboxCursor, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.cursors[mailbox]
	if !ok {
		c.Mailbox = mailbox
	}
	return c, nil
}

func (s *memStore) CommitBatch(_ context.Context, _ int64, cur gratitude.MailboxCursor, msgs []gratitude.SeenMessage) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.commits++
	for _, m := range msgs {
		if s.indexLocked(m.Mailbox, m.UIDValidity, m.UID) < 0 {
			s.msgs = append(s.msgs, m)
		}
	}
	s.cursors[cur.Mailbox] = cur
	return nil
}

func (s *memStore) indexLocked(mailbox string, uidValidity, uid uint32) int {
	for i, m := range s.msgs {
		if m.Mailbox == mailbox && m.UIDValidity == uidValidity && m.UID == uid {
			return i
		}
	}
	return -1
}

func (s *memStore) KnownMessages(_ context.Context, _ int64, ids []string) (map[string]gratitude.Class, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	known := map[string]gratitude.Class{}
	for _, id := range ids {
		for _, m := range s.msgs {
			if m.MessageID == id && known[id] == "" {
				known[id] = m.Class
			}
		}
	}
	return known, nil
}

// LiveCards: the fake issues no cards.
func (s *memStore) LiveCards(context.Context, int64, time.Time) (bool, error) { return false, nil }

// The fake tracks no requests: the classifier's lookups find nothing.
func (s *memStore) ThreadRequests(context.Context, int64, []string) (map[string]int64, error) {
	return map[string]int64{}, nil
}

func (s *memStore) OwnMessages(context.Context, int64, []string) (map[string]int64, error) {
	return map[string]int64{}, nil
}

func (s *memStore) RequestsBySubject(context.Context, int64, []string, time.Time) ([]gratitude.Request, error) {
	return nil, nil
}

func (s *memStore) ResetMailbox(_ context.Context, _ int64, mailbox string, uidValidity uint32, h gratitude.History) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.resets++
	s.cursors[mailbox] = gratitude.MailboxCursor{Mailbox: mailbox, UIDValidity: uidValidity, History: h}
	return nil
}

func (s *memStore) Relocate(_ context.Context, _ int64, mailbox, messageID string, uidValidity, uid uint32) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, m := range s.msgs {
		if m.Mailbox == mailbox && m.MessageID == messageID {
			s.msgs[i].UIDValidity, s.msgs[i].UID = uidValidity, uid
			return true, nil
		}
	}
	return false, nil
}

// count returns how many messages are recorded in mailbox.
func (s *memStore) count(mailbox string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, m := range s.msgs {
		if m.Mailbox == mailbox {
			n++
		}
	}
	return n
}

// byClass returns the recorded messages of one class.
func (s *memStore) byClass(c gratitude.Class) []gratitude.SeenMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []gratitude.SeenMessage
	for _, m := range s.msgs {
		if m.Class == c {
			out = append(out, m)
		}
	}
	return out
}

// waitFor polls cond until it holds or the deadline passes; it is a wait on
// a condition, not a timing assertion.
func waitFor(deadline time.Duration, cond func() bool) bool {
	end := time.Now().Add(deadline)
	for time.Now().Before(end) {
		if cond() {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return cond()
}
