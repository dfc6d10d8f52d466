package gratitude

import (
	"encoding/json"
	"time"
)

// Event is something that happened to a request: read from a message, or
// said by the owner on the command line or by email.
type Event interface {
	// Kind names the event in the request's log.
	Kind() string
}

// Asked: the owner asked for help (a new request, or another copy of one).
type Asked struct {
	MessageID   string
	Subject     string
	NormSubject string
	At          time.Time
	Asked       []Address
	DueAt       time.Time
	NoRemind    bool
	Notes       []string
	AskText     string   // the owner's own words in the ask
	Thread      []string // more Message-IDs of the thread (a forwarded original)
	// Original, for a forwarded ask, describes the forwarded message so
	// the store can find it among the messages seen and join its thread.
	Original *Original
	// Helped is set when the owner forwarded someone's answer: that person
	// starts as a helper.
	Helped *Replied
	// Past: the ask was in the mailbox, dated before tracking began, when
	// gratitude first read it (see History); the request is history.
	Past bool
	// Untraced: the owner's mail reached their own mailbox by Bcc with no
	// trace of the capture address: it may be an ask, but nothing says so,
	// so it is never tracked on its own; the owner is told.
	Untraced bool
}

// Original identifies a forwarded message well enough to find it again.
type Original struct {
	MessageID   string // known when it was forwarded as an attachment
	NormSubject string
	From        string
	Date        time.Time
}

// Gave: the owner helped someone (the ledger's other side), not a request.
type Gave struct {
	MessageID string
	At        time.Time
	To        []Address
}

// Kind implements Event.
func (Gave) Kind() string { return "gave" }

// Replied: someone other than the owner answered in the thread.
type Replied struct {
	MessageID string
	At        time.Time
	From      Address
	Excerpt   string
	Thread    []string // the reply's In-Reply-To and References
}

// OwnerWrote: the owner wrote in the thread (a follow-up, or thanks).
type OwnerWrote struct {
	MessageID string
	At        time.Time
	To        []Address
	Thanks    bool     // the first lines thank someone
	Thread    []string // the message's In-Reply-To and References
}

// Resolve: the owner said the request is resolved.
type Resolve struct {
	At time.Time
	// Outcome is what came of it, in the owner's words ("" when not said).
	Outcome string
}

// Cancel: the owner dropped the request.
type Cancel struct{ At time.Time }

// MarkHelped: the owner says someone helped, though no reply was seen.
type MarkHelped struct {
	Who Address
	At  time.Time
}

// Commanded: mail from the owner's address holding commands. It is not
// applied to a request as it is: the commands are carried out only once
// the mail provably comes from the owner.
type Commanded struct {
	MessageID string
	At        time.Time
	From      string
	Subject   string
	RequestID int64    // the request it is about, when known from its thread or #ID
	CardID    int64    // the card whose token address it was sent to (0: none)
	Token     string   // the token part of that address
	DKIM      bool     // a trusted Authentication-Results says DKIM passed for the owner's domain
	Refs      []string // the program's own messages it answers (cards, nudges)
	Commands  []Command
	Unknown   []string // lines that are not commands
	BodyHash  string   // the hash of the text it said; its Sent copy must say the same
	// Ask, when set, is an ask seen outside Sent, held for the same proof
	// as commands; the mail then holds no commands.
	Ask *Asked
}

// Kind implements Event.
func (Commanded) Kind() string { return "commanded" }

// Skip: the owner says a helper needs no thank-you.
type Skip struct {
	Who Address
	At  time.Time
}

// NotHelped: the owner says someone counted as a helper did not help.
type NotHelped struct {
	Who Address
	At  time.Time
}

// Snooze: no reminders about the request before Until.
type Snooze struct {
	Until time.Time
	At    time.Time
}

// Kind implements Event.
func (Skip) Kind() string { return "skip" }

// Kind implements Event.
func (NotHelped) Kind() string { return "not-helped" }

// Kind implements Event.
func (Snooze) Kind() string { return "snooze" }

// Reminded: a reminder about the request went out to the owner.
type Reminded struct {
	Reminder  ReminderKind
	Seq       int
	At        time.Time
	DueAt     time.Time
	Late      bool
	MessageID string // the notification
}

// Kind implements Event.
func (Reminded) Kind() string { return "reminded" }

// Track: the owner brings a request recorded as history in as live work
// (`gratitude import`); from now on it is reminded like any other.
type Track struct{ At time.Time }

// Kind implements Event.
func (Track) Kind() string { return "track" }

// Kind implements Event.
func (Asked) Kind() string { return "asked" }

// Kind implements Event.
func (Replied) Kind() string { return "replied" }

// Kind implements Event.
func (OwnerWrote) Kind() string { return "owner-wrote" }

// Kind implements Event.
func (Resolve) Kind() string { return "resolve" }

// Kind implements Event.
func (Cancel) Kind() string { return "cancel" }

// Kind implements Event.
func (MarkHelped) Kind() string { return "helped" }

// Change is one consequence of an event, for the request's event log.
type Change struct {
	Kind   string `json:"kind"` // state, helper, thanked, thread, note
	Detail string `json:"detail"`
}

// Applied is an event the core has applied: the request after it and what
// changed, for a store to save as it is.
type Applied struct {
	Event   Event
	Request Request
	Changes []Change
}

// LogEntry is one entry of a request's append-only history, as a store
// keeps it.
type LogEntry struct {
	ID        int64
	AccountID int64
	RequestID int64
	At        time.Time
	Kind      string
	Data      json.RawMessage // the event and what it changed, JSON-encoded
}

// Aside is mail about a request that changed nothing, with why: a message
// of its thread set aside (an auto-reply, someone else's commands), or
// command mail about it refused as not proven to be the owner's.
type Aside struct {
	MessageID string
	From      string // the address it came from
	Subject   string
	At        time.Time // its date, else when it was read
	Reason    string
	Refused   bool // command mail refused, rather than a message set aside
}

// Placement is where one copy of a message was read and what was made of
// it: its class and the rule's reason (gratitude why).
type Placement struct {
	MessageID   string
	Mailbox     string
	UIDValidity uint32
	UID         uint32
	From        string
	Subject     string
	Date        time.Time // zero when it had none
	Class       Class
	Reason      string
	RequestID   int64     // the request it belongs to; 0 for none
	SeenAt      time.Time // when gratitude read it
}

// Decision is what became of command mail, or of an ask held for proof:
// pending, done or refused, and why.
type Decision struct {
	MessageID string
	State     string
	Reason    string
	RequestID int64
	At        time.Time // when it was read
}
