package inbox

import (
	"time"

	"gratitude"
	"gratitude/inbox/msgtext"

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
	Header       Header
	Known        bool            // the Message-ID was already recorded, in any mailbox
	KnownClass   gratitude.Class // the class of that earlier copy
	Body         []byte          // set only on the second call, when the first verdict asked for it

	text *msgtext.Text // Body's readable text, once worked out (see text)
}

// Verdict is a classifier's answer for one message.
type Verdict struct {
	Class     gratitude.Class
	Reason    string
	NeedBody  bool            // fetch the body and ask again; only for messages that matter
	RequestID int64           // the request it belongs to, when known
	Event     gratitude.Event // what it means for the request (or the ledger)
	// Exposed names cards the message showed to someone else.
	Exposed *gratitude.Exposure
	// BodyHash is the owner's message's BodyHash, when its body was read
	// for a proof.
	BodyHash string
}

// Classifier decides what a message is. It is called with the header fields
// only; when its verdict asks for the body, it is called again with Body set.
// It must be fast (it runs once per new message) and do no I/O: what it
// needs to know of the mailbox comes in the Batch, which it may update
// (an ask registers its thread for the messages after it).
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
