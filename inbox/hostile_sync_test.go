package inbox_test

import (
	"context"
	"runtime/debug"
	"testing"
	"time"

	"gratitude"
	"gratitude/inbox"
)

// worldStore is a memStore in the corpus world: its lookups find the
// tracked threads and the daemon's own mail of corpusBatch, so hostile
// replies and commands get their bodies fetched as they would at home.
type worldStore struct{ *memStore }

func (worldStore) ThreadRequests(context.Context, int64, []string) (map[string]int64, error) {
	return corpusBatch().Threads, nil
}

func (worldStore) OwnMessages(context.Context, int64, []string) (map[string]int64, error) {
	return corpusBatch().Own, nil
}

func (worldStore) RequestsBySubject(context.Context, int64, []string, time.Time) ([]gratitude.Request, error) {
	return corpusBatch().Recent, nil
}

func TestHostileMailboxSyncsCompletely(t *testing.T) {
	srv := newMem(t)
	msgs := loadHostile(t)
	names := map[uint32]string{}
	for _, hm := range msgs {
		uid, err := srv.Append(owner, "INBOX", hm.raw)
		if err != nil {
			t.Fatalf("%s: %v", hm.name, err)
		}
		names[uint32(uid)] = hm.name
	}
	st := worldStore{newMemStore()}
	s := newSyncer(st, &inbox.Rules{Owner: corpusOwner()})
	conn := dial(t, optionsFor(t, srv.Addr()), s.Stats)

	start := time.Now()
	res := syncOnce(t, s, conn)
	t.Logf("synced %d hostile messages in %v: %d header fetches, %d body fetches",
		res.New, time.Since(start).Round(time.Millisecond), s.Stats.HeaderFetches.Load(), s.Stats.BodyFetches.Load())
	if res.New != len(msgs) {
		t.Errorf("pass recorded %d new messages, want %d", res.New, len(msgs))
	}
	checkRecordedOnce(t, st.memStore, names)
	if again := syncOnce(t, s, conn); again.New != 0 || st.count("INBOX") != len(msgs) {
		t.Errorf("second pass: %d new, %d stored; want 0 and %d", again.New, st.count("INBOX"), len(msgs))
	}
}

// syncOnce runs one pass over INBOX, turning a panic into a failure that
// names it.
func syncOnce(t *testing.T, s *inbox.Syncer, conn *inbox.Conn) inbox.PassResult {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("sync panicked: %v\n%s", r, debug.Stack())
		}
	}()
	res, err := s.Sync(context.Background(), conn, "INBOX")
	if err != nil {
		t.Fatalf("sync did not complete: %v", err)
	}
	return res
}

// checkRecordedOnce asserts that every appended UID was recorded exactly
// once, with one of gratitude's classes and a reason.
func checkRecordedOnce(t *testing.T, st *memStore, names map[uint32]string) {
	t.Helper()
	seen := map[uint32]int{}
	for _, m := range recorded(st, "INBOX") {
		seen[m.UID]++
		name := names[m.UID]
		t.Logf("%-32s %-14s %.70q", name, m.Class, m.Reason)
		if !gratitudeClasses[m.Class] || m.Reason == "" {
			t.Errorf("%s (UID %d) recorded as %q with reason %q", name, m.UID, m.Class, m.Reason)
		}
	}
	for uid, name := range names {
		if seen[uid] != 1 {
			t.Errorf("%s (UID %d) recorded %d times, want once", name, uid, seen[uid])
		}
	}
	if len(seen) != len(names) {
		t.Errorf("%d UIDs recorded, want exactly the %d appended", len(seen), len(names))
	}
}

// recorded returns the messages st recorded in mailbox.
func recorded(st *memStore, mailbox string) []gratitude.SeenMessage {
	st.mu.Lock()
	defer st.mu.Unlock()
	var out []gratitude.SeenMessage
	for _, m := range st.msgs {
		if m.Mailbox == mailbox {
			out = append(out, m)
		}
	}
	return out
}
