package classify

import (
	"time"

	"gratitude"
	"gratitude/inbox/msgtext"
)

// SubjectFallbackWindow bounds how old a request may be for a reply without threading headers to be matched to it by subject.
const SubjectFallbackWindow = 60 * 24 * time.Hour

// PendingAsk marks, in Context.Threads, an ask earlier in the same batch whose request does not exist yet; the store finds it by the references.
const PendingAsk = -1

// Message is what the classifier reads of one message: where it was read, its header fields and, once fetched, its body.
type Message struct {
	Mailbox      string    // the folder it was read from
	Flags        []string  // system flags and keywords (labels) as the server sent them
	InternalDate time.Time // the server's arrival time
	Header       Header
	Known        bool            // the Message-ID was already recorded, in any mailbox
	KnownClass   gratitude.Class // the class of that earlier copy
	Body         []byte          // nil until a verdict asked for it
}

// Context is what the classifier knows of the mailbox beyond one message, gathered by the caller; the classifier only reads it.
type Context struct {
	Threads map[string]int64    // Message-IDs of tracked threads → request (PendingAsk: asked earlier in this batch)
	Own     map[string]int64    // Message-IDs gratitude generated → request (0: none)
	Recent  []gratitude.Request // requests of the last SubjectFallbackWindow, for replies without threading headers
	// LiveCards: some card's address still takes commands, so what the
	// owner sends others is read for it.
	LiveCards bool
}

// msg is the message being classified as one call sees it: a copy of the
// caller's, so that what is worked out on the way (the normalised subject,
// the body's text) is written into nothing the caller holds.
type msg struct {
	Message
	text    *msgtext.Text // Body's readable text, once worked out (see text)
	capture *captureSeen  // the capture address's trace, once looked for (see captured)
}

// captureSeen is what captured found: the option detail, and whether the
// capture address was there at all.
type captureSeen struct {
	detail string
	ok     bool
}

func normSubject(s string) string { return msgtext.NormalizeSubject(s) }

// text extracts the readable text of the fetched body; a body that cannot
// be read at all yields an empty text, never a failed sync.
// It is worked out once per message.
func text(m *msg) *msgtext.Text {
	if m.Body == nil {
		return &msgtext.Text{}
	}
	if m.text == nil {
		t, err := msgtext.Extract(m.Body)
		if err != nil || t == nil {
			t = &msgtext.Text{}
		}
		m.text = t
	}
	return m.text
}
