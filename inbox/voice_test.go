package inbox_test

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"gratitude"
	"gratitude/inbox"
)

// voiceStore remembers the voice samples, and lists as candidates what
// the sync recorded in a mailbox and was not sampled yet, newest first.
type voiceStore struct {
	mu      sync.Mutex
	synced  *memStore
	samples []gratitude.VoiceSample
	fail    error
}

func (v *voiceStore) VoiceCandidates(_ context.Context, _ int64, mailbox string, uidValidity uint32, window, limit int) ([]gratitude.VoiceCandidate, error) {
	if v.fail != nil {
		return nil, v.fail
	}
	v.synced.mu.Lock()
	defer v.synced.mu.Unlock()
	v.mu.Lock()
	defer v.mu.Unlock()
	var out []gratitude.VoiceCandidate
	for _, m := range slices.Backward(v.synced.msgs) {
		if m.Mailbox != mailbox || m.UIDValidity != uidValidity || window == 0 {
			continue
		}
		window--
		if !slices.ContainsFunc(v.samples, func(s gratitude.VoiceSample) bool { return s.MessageID == m.MessageID }) && len(out) < limit {
			out = append(out, gratitude.VoiceCandidate{MessageID: m.MessageID, UID: m.UID})
		}
	}
	return out, nil
}

func (v *voiceStore) AddVoiceSamples(_ context.Context, _ int64, samples []gratitude.VoiceSample, _ time.Time) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.samples = append(v.samples, samples...)
	return nil
}

func sentMail(id, to, date, contentType, body string) []byte {
	return []byte(strings.ReplaceAll("From: Ada Lovelace <ada@example.org>\nTo: "+to+"\nSubject: a note\nDate: "+date+
		"\nMessage-ID: <"+id+">\nMIME-Version: 1.0\nContent-Type: "+contentType+"\n\n"+body, "\n", "\r\n"))
}

func TestSyncOfSentReadsTheOwnersVoiceOncePerMessage(t *testing.T) {
	for name, srv := range threadingServers(t) {
		t.Run(name, func(t *testing.T) { syncReadsVoice(t, srv.addr, srv.deliver) })
	}
}

func syncReadsVoice(t *testing.T, addr string, deliver deliverFunc) {
	for _, m := range [][]byte{
		sentMail("v1@example.org", "Bob Keller <bob@example.net>", "Mon, 16 Nov 2026 10:00:00 +0000", "text/plain; charset=utf-8",
			"Hey Bob!\n\nThe ladder is in the shed, take it whenever you need it this week.\n\nCheers,\nAda\n"),
		sentMail("v2@example.org", "Anna Weber <anna@example.de>, bob@example.net", "Tue, 17 Nov 2026 10:00:00 +0000", "text/plain; charset=utf-8",
			"Hallo Anna,\n\nich bringe am Samstag den Kuchen mit und komme gegen drei Uhr vorbei.\n\nViele Grüße\nAda\n"),
		sentMail("v3@example.org", "\"Smith, Jane\" <j.smith@uni.example.edu>", "Wed, 18 Nov 2026 10:00:00 +0000",
			`multipart/alternative; boundary="b1"`,
			"--b1\nContent-Type: text/plain; charset=utf-8\n\nDear Dr. Smith,\n\nthank you for the draft chapter, my comments are in the margins.\n\nKind regards,\nAda Lovelace\n"+
				"--b1\nContent-Type: text/html; charset=utf-8\n\n<p>Dear Dr. Smith,</p><p>thank you for the draft chapter, my comments are in the margins.</p><p>Kind regards,<br>Ada Lovelace</p>\n--b1--\n"),
	} {
		if err := deliver("Sent", m); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 2 {
		if err := deliver("INBOX", testMail(i, "Question")); err != nil {
			t.Fatal(err)
		}
	}
	st := newMemStore()
	vs := &voiceStore{synced: st}
	s := newSyncer(st, inbox.RecordOnly)
	s.Voice, s.VoiceMailbox = vs, "Sent"
	conn := dial(t, optionsFor(t, addr), s.Stats)
	for _, mb := range []string{"Sent", "INBOX"} {
		if _, err := s.Sync(context.Background(), conn, mb); err != nil {
			t.Fatalf("Sync %s: %v", mb, err)
		}
	}
	want := map[string]gratitude.VoiceSample{
		"v1@example.org": {To: "bob@example.net", Greeting: "Hey {name}!", Name: "Bob", Closing: "Cheers,\nAda", Language: "en"},
		"v2@example.org": {To: "anna@example.de", Greeting: "Hallo {name},", Name: "Anna", Closing: "Viele Grüße\nAda", Language: "de"},
		"v3@example.org": {To: "j.smith@uni.example.edu", Greeting: "Dear {name},", Name: "Dr. Smith", Closing: "Kind regards,\nAda Lovelace", Language: "en"},
	}
	if len(vs.samples) != len(want) {
		t.Fatalf("%d samples, want %d (Sent only): %+v", len(vs.samples), len(want), vs.samples)
	}
	for _, got := range vs.samples {
		w := want[got.MessageID]
		if got.To != w.To || got.Greeting != w.Greeting || got.Name != w.Name || got.Closing != w.Closing ||
			got.Language != w.Language || got.Date.IsZero() {
			t.Errorf("sample of %s = %+v, want %+v", got.MessageID, got, w)
		}
	}
	fetched := s.Stats.BodyFetches.Load()
	if _, err := s.Sync(context.Background(), conn, "Sent"); err != nil {
		t.Fatal(err)
	}
	if n := s.Stats.BodyFetches.Load(); n != fetched || len(vs.samples) != len(want) {
		t.Errorf("a second pass fetched %d more bodies, %d samples: each message is read once", n-fetched, len(vs.samples))
	}
}

func TestLearningTheVoiceNeverFailsTheSync(t *testing.T) {
	srv := newMem(t)
	if _, err := srv.Append(owner, "Sent", sentMail("v1@example.org", "bob@example.net", "Mon, 16 Nov 2026 10:00:00 +0000",
		"text/plain", "Hi Bob,\n\nsee you at ten.\n\nCheers,\nAda\n")); err != nil {
		t.Fatal(err)
	}
	st := newMemStore()
	s := newSyncer(st, inbox.RecordOnly)
	s.Voice, s.VoiceMailbox = &voiceStore{synced: st, fail: errors.New("database is locked")}, "Sent"
	conn := dial(t, optionsFor(t, srv.Addr()), s.Stats)
	if res, err := s.Sync(context.Background(), conn, "Sent"); err != nil || res.New != 1 {
		t.Fatalf("Sync = %+v, %v; want the message recorded whatever becomes of the voice", res, err)
	}
}
