package gratitude

import (
	"slices"
	"time"
)

// State is where a request stands. The three clocks (answered, resolved,
// thanked) are kept apart: a request is never "done" by one alone.
type State string

// The request states: open → answered → resolved → thanked; cancelled from
// anywhere.
const (
	StateOpen      State = "open"      // asked, nobody answered yet
	StateAnswered  State = "answered"  // someone answered
	StateResolved  State = "resolved"  // the owner said it is resolved
	StateThanked   State = "thanked"   // resolved and every helper thanked or skipped
	StateCancelled State = "cancelled" // the owner dropped it
)

// Request is one ask for help and everything known about its thread.
type Request struct {
	ID          int64
	Subject     string
	NormSubject string // for matching replies that lack threading headers
	MessageID   string // the ask
	State       State
	AskedAt     time.Time
	Asked       []Address // the people asked (To/Cc of the ask)
	Helpers     []Helper
	Thread      []string  // every Message-ID known to belong to the thread
	DueAt       time.Time // end of the no-reply window
	NoRemind    bool
	Notes       []string      // ask options that were not understood, and similar
	AskText     string        // what the owner wrote in the ask, quoted by nudges
	Reminders   []ReminderLog // what was already sent of each reminder
	ResolvedAt  time.Time
	ThankedAt   time.Time
	CancelledAt time.Time
	// SnoozedUntil holds every reminder back until then (zero: not snoozed).
	SnoozedUntil time.Time
	// Thanks are the owner's thanks in the thread to people not seen
	// helping when they were read: mail read out of order (Sent before
	// INBOX on a first sync) may show afterwards that they had helped.
	Thanks []Thanks
	// Past: asked before gratitude began tracking the mailbox (history). It
	// counts in the ledger but gets no reminder, draft or card of its own
	// accord; the owner's own actions on it still work.
	Past bool
	// Outcome is what came of the request, as the owner said when they
	// resolved it ("we took the flat in Kreuzberg"); every thank-you says it.
	Outcome string
}

// Thanks is the latest thanks the owner wrote to someone in the thread.
type Thanks struct {
	Email string
	At    time.Time
}

// Helper is someone who answered a request.
type Helper struct {
	Email         string
	Name          string
	FirstReplyAt  time.Time
	LastReplyAt   time.Time
	LastMessageID string // the reply a thank-you is threaded under
	Replies       int
	Excerpt       string // what they wrote, quotes and signature stripped
	ThankedAt     time.Time
	Skipped       bool
	Manual        bool // added by the owner (`helped`), not seen replying
}

// Thanked reports whether the helper has been thanked.
func (h Helper) Thanked() bool { return !h.ThankedAt.IsZero() }

// Helper returns the helper with the given address, or nil.
func (r *Request) Helper(email string) *Helper {
	email = NormalizeEmail(email)
	for i := range r.Helpers {
		if r.Helpers[i].Email == email {
			return &r.Helpers[i]
		}
	}
	return nil
}

// WasAsked reports whether email was among the people asked.
func (r *Request) WasAsked(email string) bool {
	email = NormalizeEmail(email)
	return slices.ContainsFunc(r.Asked, func(a Address) bool { return a.Email == email })
}

// InThread reports whether the Message-ID belongs to the request's thread.
func (r *Request) InThread(id string) bool { return slices.Contains(r.Thread, id) }

// AllThanked reports whether there is at least one helper and every helper
// has been thanked or skipped.
func (r *Request) AllThanked() bool {
	if len(r.Helpers) == 0 {
		return false
	}
	for _, h := range r.Helpers {
		if !h.Thanked() && !h.Skipped {
			return false
		}
	}
	return true
}

// Closed reports whether the request needs nothing more (thanked or cancelled).
func (r *Request) Closed() bool { return r.State == StateThanked || r.State == StateCancelled }

// Versioned is a request as read for scheduling, with the change counter
// its next reminder time must be written back against.
type Versioned struct {
	Request
	Version int64
}
