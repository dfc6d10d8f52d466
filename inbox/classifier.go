package inbox

import (
	"sync"
	"time"

	"gratitude"
	"gratitude/inbox/classify"

	"github.com/emersion/go-imap/v2"
)

// Message is what the sync engine knows of one new message when it asks the
// classifier about it.
type Message struct {
	Mailbox      string
	UIDValidity  uint32
	UID          imap.UID
	Flags        []imap.Flag // system flags and keywords (labels) as the server sent them
	InternalDate time.Time
	Size         int64
	Header       classify.Header
	Known        bool            // the Message-ID was already recorded, in any mailbox
	KnownClass   gratitude.Class // the class of that earlier copy
	Body         []byte          // set only on the second call, when the first verdict asked for it
}

// Verdict is a classifier's answer for one message (see classify.Verdict).
type Verdict = classify.Verdict

// Owner describes whose mailbox this is and how asks are marked (see classify.Owner).
type Owner = classify.Owner

// HeaderFields are the only header fields fetched for a new message: the ones the classifier reads.
var HeaderFields = classify.HeaderFields

// ReasonNotTracked is the reason code of a message in no tracked thread (see classify's reasons).
const ReasonNotTracked = classify.ReasonNotTracked

// Classifier decides what a message is. It is called with the header fields
// only; when its verdict asks for the body, it is called again with Body set.
// It must be fast (it runs once per new message) and do no I/O: what it
// needs to know of the mailbox comes in the Batch, which it only reads. The
// sync engine owns the batch: it records an ask's thread (a verdict with
// StartsThread) before it asks about the next message.
type Classifier interface {
	Classify(m *Message, b *Batch) Verdict
}

// ClassifierFunc adapts a function to Classifier.
type ClassifierFunc func(m *Message, b *Batch) Verdict

// Classify calls f.
func (f ClassifierFunc) Classify(m *Message, b *Batch) Verdict { return f(m, b) }

// RecordOnly records every message as pending (duplicates as duplicate)
// without judging it further; it is the classifier until asks and replies are
// understood, and what `run` uses when classification is not wanted.
var RecordOnly = ClassifierFunc(func(m *Message, _ *Batch) Verdict {
	if m.Known {
		return Verdict{Class: gratitude.ClassDuplicate, Reason: "Message-ID already recorded"}
	}
	return Verdict{Class: gratitude.ClassPending, Reason: "recorded; not classified yet"}
})

// Rules is gratitude's classifier (classify.Rules) for the sync engine.
type Rules struct {
	Owner Owner

	once  sync.Once
	rules *classify.Rules // built from Owner on first use
}

// Classify implements Classifier.
func (r *Rules) Classify(m *Message, b *Batch) Verdict {
	r.once.Do(func() { r.rules = &classify.Rules{Owner: r.Owner} })
	in := classify.Message{Mailbox: m.Mailbox, InternalDate: m.InternalDate, Header: m.Header,
		Known: m.Known, KnownClass: m.KnownClass, Body: m.Body}
	if len(m.Flags) > 0 {
		in.Flags = make([]string, len(m.Flags))
		for i, f := range m.Flags {
			in.Flags[i] = string(f)
		}
	}
	return r.rules.Classify(&in, b.context())
}
