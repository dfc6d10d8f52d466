package inbox_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gratitude"
	"gratitude/inbox"
)

// ownerOnly are the classes only the owner's own mail may get.
var ownerOnly = []gratitude.Class{
	gratitude.ClassAsk, gratitude.ClassCommand, gratitude.ClassHeld,
	gratitude.ClassOwnerFollowup, gratitude.ClassGave,
}

// provenOnly are the classes that change a request or the ledger at once,
// so the owner's mail gets them only from Sent (the corpus owner trusts no
// DKIM result): read anywhere else it waits for that copy.
var provenOnly = []gratitude.Class{gratitude.ClassAsk, gratitude.ClassOwnerFollowup, gratitude.ClassGave}

// FuzzClassifyMessage classifies whole messages as the sync engine does,
// read from INBOX or from Sent, in the corpus's world (corpusOwner,
// corpusBatch): the fetched header fields first (fetchedFields, which
// never fails, where corpus_test.go's fetchedHeader stops the test on a
// header it cannot read), the fetched body when the verdict asks for it.
// Every verdict must be one the engine can store (checkHostileVerdict: a
// class, a reason, no second request for the body; and an event that fits
// the class), the same each time, and no one but the owner may ask, give,
// follow up or command.
func FuzzClassifyMessage(f *testing.F) {
	var seeds []string
	for _, dir := range []string{"corpus", "hostile"} {
		files, err := filepath.Glob(filepath.Join("..", "testdata", dir, "*.eml"))
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, files...)
	}
	if len(seeds) < 40 {
		f.Fatalf("%d seed messages in testdata/corpus and testdata/hostile, want at least 40", len(seeds))
	}
	for _, name := range seeds {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw, false)
		f.Add(raw, true)
	}
	f.Fuzz(func(t *testing.T, raw []byte, inSent bool) {
		mailbox := "INBOX"
		if inSent {
			mailbox = corpusOwner().Sent
		}
		hdr, body := fetchedFields(raw), fetchedBody(raw)
		res := classifyFetchedIn(mailbox, hdr, body, int64(len(raw)))
		checkHostileVerdict(t, res)
		h := inbox.ParseHeader(hdr)
		checkFuzzedVerdict(t, &h, res.verdict, inSent)

		again := classifyFetchedIn(mailbox, hdr, body, int64(len(raw)))
		if v, w := res.verdict, again.verdict; w.Class != v.Class || w.Reason != v.Reason || again.bodyAsked != res.bodyAsked {
			t.Fatalf("classified twice: %s %q (body asked: %v), then %s %q (body asked: %v)",
				v.Class, v.Reason, res.bodyAsked, w.Class, w.Reason, again.bodyAsked)
		}
	})
}

// checkFuzzedVerdict asserts who may get which class, and the event.
func checkFuzzedVerdict(t *testing.T, h *inbox.Header, v inbox.Verdict, inSent bool) {
	t.Helper()
	if v.RequestID < 0 {
		t.Errorf("%s: request %d", v.Class, v.RequestID)
	}
	isOwner := slices.ContainsFunc(corpusOwner().Addresses, func(a string) bool { return strings.EqualFold(a, h.FromAddress()) })
	if !isOwner && slices.Contains(ownerOnly, v.Class) {
		t.Errorf("%s (%q) for mail from %q, who is not the owner", v.Class, v.Reason, h.FromAddress())
	}
	if !inSent && slices.Contains(provenOnly, v.Class) {
		t.Errorf("%s (%q) for the owner's mail read outside Sent", v.Class, v.Reason)
	}
	checkFuzzedEvent(t, h, v)
}

// checkFuzzedEvent asserts that the verdict's event fits its class and
// names the message classified.
func checkFuzzedEvent(t *testing.T, h *inbox.Header, v inbox.Verdict) {
	t.Helper()
	var id string
	switch ev := v.Event.(type) {
	case nil:
		if !slices.Contains([]gratitude.Class{gratitude.ClassIgnored, gratitude.ClassDuplicate, gratitude.ClassQuarantined,
			gratitude.ClassPending, gratitude.ClassOwn}, v.Class) {
			t.Fatalf("%s (%q) without an event", v.Class, v.Reason)
		}
		return
	case gratitude.Asked:
		id = ev.MessageID
		if v.Class != gratitude.ClassAsk {
			t.Errorf("Asked event for %s", v.Class)
		}
	case gratitude.Replied:
		id = ev.MessageID
		if v.Class != gratitude.ClassReply {
			t.Errorf("Replied event for %s", v.Class)
		}
		if ev.From.Email == "" || !strings.EqualFold(ev.From.Email, h.FromAddress()) {
			t.Errorf("reply from %q, message from %q", ev.From.Email, h.FromAddress())
		}
	case gratitude.Commanded:
		id = ev.MessageID
		if v.Class != gratitude.ClassCommand && v.Class != gratitude.ClassHeld {
			t.Errorf("Commanded event for %s", v.Class)
		}
		if (ev.Ask != nil) != (v.Class == gratitude.ClassHeld) {
			t.Errorf("%s: Commanded.Ask %v", v.Class, ev.Ask)
		}
	case gratitude.OwnerWrote:
		id = ev.MessageID
		if v.Class != gratitude.ClassOwnerFollowup {
			t.Errorf("OwnerWrote event for %s", v.Class)
		}
	case gratitude.Gave:
		id = ev.MessageID
		if v.Class != gratitude.ClassGave {
			t.Errorf("Gave event for %s", v.Class)
		}
	default:
		t.Fatalf("%s with a %T event", v.Class, v.Event)
	}
	if id != h.MessageID {
		t.Errorf("%s event names %q, the message is %q", v.Class, id, h.MessageID)
	}
}
