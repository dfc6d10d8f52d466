package classify_test

import (
	"bytes"
	"net/mail"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/inbox/classify"
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

// gratitudeClasses is every class a seen message may be recorded with.
var gratitudeClasses = []gratitude.Class{
	gratitude.ClassPending, gratitude.ClassAsk, gratitude.ClassReply,
	gratitude.ClassOwnerFollowup, gratitude.ClassCommand, gratitude.ClassOwn,
	gratitude.ClassDuplicate, gratitude.ClassGave, gratitude.ClassIgnored,
	gratitude.ClassQuarantined, gratitude.ClassHeld,
}

// knownClasses are the classes an earlier copy of a fuzzed message may have
// been recorded with ("": none was).
var knownClasses = []gratitude.Class{"", gratitude.ClassCommand, gratitude.ClassHeld, gratitude.ClassPending, gratitude.ClassAsk}

// fuzzInput is one fuzzed message and its world.
type fuzzInput struct {
	raw       []byte
	inSent    bool
	known     gratitude.Class
	liveCards bool
	keyword   bool // it carries the IMAP keyword that marks an ask
}

// message builds the message as the sync engine hands it over: the fetched
// header fields first, the body when withBody.
func (in fuzzInput) message(withBody bool) *classify.Message {
	m := &classify.Message{Mailbox: "INBOX", Header: classify.ParseHeader(headerFields(in.raw)),
		InternalDate: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC), Flags: []string{`\Seen`},
		Known: in.known != "", KnownClass: in.known}
	if in.keyword {
		m.Flags = append(m.Flags, corpusOwner().Keywords[0])
	}
	if in.inSent {
		m.Mailbox = corpusOwner().Sent
	}
	if withBody {
		m.Body = bytes.Clone(in.raw)
	}
	return m
}

// context is the corpus world, with an ask of the same batch among its
// threads and card addresses live when liveCards.
func (in fuzzInput) context() *classify.Context {
	c := corpusContext()
	c.Threads["pending-ask@example.org"] = classify.PendingAsk
	c.LiveCards = in.liveCards
	return c
}

// FuzzClassifyMessage classifies whole messages as the sync engine does, in
// the corpus's world (corpusOwner, corpusContext), read from INBOX or Sent,
// as a first copy or another copy of a recorded message: the fetched header
// fields first, the body when the verdict asks for it. The classifier must
// not panic, must leave the message and the context it is given as they
// were, and must give a verdict the engine can store (a class, a reason, no
// second request for the body, an event that fits the class), the same each
// time; no one but the owner may ask, give, follow up or command, and every
// ask, and nothing else, starts a thread.
func FuzzClassifyMessage(f *testing.F) {
	var seeds []string
	for _, dir := range []string{"corpus", "hostile"} {
		files, err := filepath.Glob(filepath.Join("..", "..", "testdata", dir, "*.eml"))
		if err != nil {
			f.Fatal(err)
		}
		seeds = append(seeds, files...)
	}
	if len(seeds) < 40 {
		f.Fatalf("%d seed messages in testdata/corpus and testdata/hostile, want at least 40", len(seeds))
	}
	for i, name := range seeds {
		raw, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(raw, false, uint8(0), false, false)
		f.Add(raw, true, uint8(0), false, false)
		f.Add(raw, i%2 == 0, uint8(1+i%(len(knownClasses)-1)), i%3 == 0, i%5 == 0)
	}
	f.Fuzz(func(t *testing.T, raw []byte, inSent bool, known uint8, liveCards, keyword bool) {
		in := fuzzInput{raw: raw, inSent: inSent, known: knownClasses[int(known)%len(knownClasses)],
			liveCards: liveCards, keyword: keyword}
		first, v := classifyUnchanged(t, in)
		checkFuzzedVerdict(t, in, first, v)

		again, w := classifyUnchanged(t, in)
		if w.Class != v.Class || w.Reason != v.Reason || again.NeedBody != first.NeedBody || w.StartsThread != v.StartsThread {
			t.Fatalf("classified twice: %s %q (body asked: %v), then %s %q (body asked: %v)",
				v.Class, v.Reason, first.NeedBody, w.Class, w.Reason, again.NeedBody)
		}
	})
}

// classifyUnchanged classifies in as the sync engine does (header fields,
// then the body when asked) and fails the test if either call changed the
// message or the context it was given. It returns the first verdict and
// the last.
func classifyUnchanged(t *testing.T, in fuzzInput) (first, last classify.Verdict) {
	t.Helper()
	rules := &classify.Rules{Owner: corpusOwner()}
	c := in.context()
	m := in.message(false)
	first = rules.Classify(m, c)
	checkUnchanged(t, "header only", in, m, c, false)
	if !first.NeedBody {
		return first, first
	}
	m = in.message(true)
	last = rules.Classify(m, c)
	checkUnchanged(t, "with the body", in, m, c, true)
	return first, last
}

// checkUnchanged asserts that m and c are what in builds afresh.
func checkUnchanged(t *testing.T, when string, in fuzzInput, m *classify.Message, c *classify.Context, withBody bool) {
	t.Helper()
	if want := in.context(); !reflect.DeepEqual(c, want) {
		t.Fatalf("%s: the classifier changed its context: threads %v, want %v", when, c.Threads, want.Threads)
	}
	if want := in.message(withBody); !reflect.DeepEqual(m, want) {
		t.Fatalf("%s: the classifier changed the message: %+v, want %+v", when, m, want)
	}
}

// checkFuzzedVerdict asserts what the engine needs of the verdicts: one it
// can store, who may get which class, the event, and which verdicts start
// a thread.
func checkFuzzedVerdict(t *testing.T, in fuzzInput, first, v classify.Verdict) {
	t.Helper()
	h := classify.ParseHeader(headerFields(in.raw))
	switch {
	case v.NeedBody:
		t.Fatalf("classifier asked for the body again (the sync engine fails the batch): %+v", v)
	case !slices.Contains(gratitudeClasses, v.Class):
		t.Fatalf("class %q is not one of gratitude's (reason %q)", v.Class, v.Reason)
	case v.Reason == "":
		t.Fatalf("class %q without a reason", v.Class)
	case v.RequestID < 0:
		t.Errorf("%s: request %d", v.Class, v.RequestID)
	}
	isOwner := slices.ContainsFunc(corpusOwner().Addresses, func(a string) bool { return strings.EqualFold(a, h.FromAddress()) })
	if !isOwner && slices.Contains(ownerOnly, v.Class) {
		t.Errorf("%s (%q) for mail from %q, who is not the owner", v.Class, v.Reason, h.FromAddress())
	}
	if !in.inSent && slices.Contains(provenOnly, v.Class) {
		t.Errorf("%s (%q) for the owner's mail read outside Sent", v.Class, v.Reason)
	}
	// The engine records a thread from the verdict it is given first, so
	// an ask must say so before its body is read, and every verdict on it
	// must say so.
	if asks := v.Class == gratitude.ClassAsk || v.Class == gratitude.ClassHeld; v.StartsThread != asks {
		t.Errorf("%s (%q): starts a thread: %v", v.Class, v.Reason, v.StartsThread)
	}
	if first.StartsThread && !v.StartsThread {
		t.Errorf("%s (%q): the first verdict started a thread, the one with the body does not", v.Class, v.Reason)
	}
	checkFuzzedEvent(t, &h, v)
}

// checkFuzzedEvent asserts that the verdict's event fits its class and
// names the message classified.
func checkFuzzedEvent(t *testing.T, h *classify.Header, v classify.Verdict) {
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
		if ev.From.Email == "" || !strings.EqualFold(ev.From.Email, h.FromAddress()) && !namedByList(h, ev.From.Email) {
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

// namedByList reports list mail (List-Id) that names addr as its author in
// X-Original-From or Reply-To: a list that rewrote From for DMARC.
func namedByList(h *classify.Header, addr string) bool {
	if h.Fields.Get("List-Id") == "" {
		return false
	}
	for _, k := range []string{"X-Original-From", "Reply-To"} {
		list, _ := mail.ParseAddressList(h.Fields.Get(k))
		for _, a := range list {
			if strings.EqualFold(a.Address, addr) {
				return true
			}
		}
	}
	return false
}
