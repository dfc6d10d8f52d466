package classify_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/inbox/classify"
)

const (
	graceAskID   = "slides-ask@example.org"
	graceReplyID = "slides-reply@example.com"
)

// graceAsk is Ada's ask to Grace, as her Sent folder keeps it.
const graceAsk = "From: Ada Lovelace <ada@example.org>\r\nTo: Grace <grace@example.com>\r\nBcc: ada+thanks@example.org\r\n" +
	"Subject: Slides for Thursday\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\nMessage-ID: <" + graceAskID + ">\r\n\r\n" +
	"Could you send me the slides for Thursday?\r\n"

// graceReply is Grace answering it.
const graceReply = "From: Grace <grace@example.com>\r\nTo: Ada Lovelace <ada@example.org>\r\n" +
	"Subject: Re: Slides for Thursday\r\nDate: Mon, 23 Nov 2026 11:00:00 +0100\r\nMessage-ID: <" + graceReplyID + ">\r\n" +
	"In-Reply-To: <" + graceAskID + ">\r\nReferences: <" + graceAskID + ">\r\n\r\nHere they are.\r\n"

// classifyRaw classifies raw read from mailbox as the sync engine does:
// header fields first, the whole message when the verdict asks for it.
// It returns both verdicts (the same one twice when the body was not asked
// for).
func classifyRaw(rules *classify.Rules, mailbox, raw string, c *classify.Context) (first, last classify.Verdict) {
	m := &classify.Message{Mailbox: mailbox, Header: classify.ParseHeader(headerFields([]byte(raw))),
		InternalDate: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
	first = rules.Classify(m, c)
	if !first.NeedBody {
		return first, first
	}
	m.Body = []byte(raw)
	return first, rules.Classify(m, c)
}

// TestAnAskStartsAThreadThatTheCallerRecords classifies an ask and an
// answer to it as one batch: the classifier says the ask starts a thread
// and writes it nowhere; the answer is tracked once the caller has recorded
// the thread in the context it passes next, and only then.
func TestAnAskStartsAThreadThatTheCallerRecords(t *testing.T) {
	rules := &classify.Rules{Owner: corpusOwner()}
	c := corpusContext()
	given := maps.Clone(c.Threads)

	first, ask := classifyRaw(rules, "Sent", graceAsk, c)
	if !first.NeedBody || !first.StartsThread {
		t.Errorf("the ask's first verdict: body asked %v, starts a thread %v; want both, so the caller records it before the next message",
			first.NeedBody, first.StartsThread)
	}
	if ask.Class != gratitude.ClassAsk || !ask.StartsThread {
		t.Fatalf("the ask: %s (%s), starts a thread %v; want an ask that does", ask.Class, ask.Reason, ask.StartsThread)
	}
	if !maps.Equal(c.Threads, given) {
		t.Fatalf("the classifier wrote into the threads it was given: %v, was %v", c.Threads, given)
	}

	if _, v := classifyRaw(rules, "INBOX", graceReply, c); v.Class != gratitude.ClassIgnored || !strings.HasPrefix(v.Reason, classify.ReasonNotTracked) {
		t.Errorf("the answer before the caller recorded the ask: %s (%s), want not tracked", v.Class, v.Reason)
	}

	c.Threads[graceAskID] = classify.PendingAsk // the caller records the thread
	recorded := maps.Clone(c.Threads)
	_, v := classifyRaw(rules, "INBOX", graceReply, c)
	ev, ok := v.Event.(gratitude.Replied)
	if v.Class != gratitude.ClassReply || !ok || v.RequestID != 0 || v.StartsThread {
		t.Fatalf("the answer: %s (%s), request %d, event %T, starts a thread %v; want a reply for the store to place",
			v.Class, v.Reason, v.RequestID, v.Event, v.StartsThread)
	}
	if ev.From.Email != "grace@example.com" || !slices.Contains(ev.Thread, graceAskID) {
		t.Errorf("reply from %q in thread %q", ev.From.Email, ev.Thread)
	}
	if !maps.Equal(c.Threads, recorded) {
		t.Errorf("the classifier wrote into the threads it was given: %v, was %v", c.Threads, recorded)
	}
}
