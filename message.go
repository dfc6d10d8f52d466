package gratitude

import "time"

// Class is what the sync engine decided a message is.
type Class string

// The classes a seen message can have. Every message seen gets exactly one.
const (
	// ClassPending: recorded, its headers kept, classification still to run
	// (the classifier arrives with the understanding of asks and replies).
	ClassPending Class = "pending"
	// ClassAsk: the owner asking for help, a new request.
	ClassAsk Class = "ask"
	// ClassReply: someone answering in a tracked thread.
	ClassReply Class = "reply"
	// ClassOwnerFollowup: the owner writing again in a tracked thread.
	ClassOwnerFollowup Class = "owner-followup"
	// ClassCommand: the owner telling the daemon what to do.
	ClassCommand Class = "command"
	// ClassOwn: mail this program generated itself.
	ClassOwn Class = "own"
	// ClassDuplicate: a Message-ID already seen, in any mailbox.
	ClassDuplicate Class = "duplicate"
	// ClassHeld: the owner's ask seen outside Sent, held until it is proven
	// theirs (a copy in Sent, or trusted DKIM) or refused.
	ClassHeld Class = "held"
	// ClassGave: the owner helping someone (the ledger's other side).
	ClassGave Class = "gave"
	// ClassIgnored: not relevant, with the reason recorded.
	ClassIgnored Class = "ignored"
	// ClassQuarantined: could not be read; kept with the reason.
	ClassQuarantined Class = "quarantined"
)

// MailboxCursor is where the sync of one mailbox stands: the server's
// UIDVALIDITY and the highest UID already processed under it.
type MailboxCursor struct {
	Mailbox     string
	UIDValidity uint32
	LastUID     uint32
	LastSyncAt  time.Time // zero until the first completed pass
	Messages    int64     // messages recorded for this mailbox
	// History is what the mailbox held when gratitude first read it
	// (under this UIDVALIDITY); zero for cursors older than history.
	History History
}

// History marks the past of one mailbox: the messages it already held
// when its sync began. Of those, the ones dated before Before are
// recorded as history (they build people and the ledger and never cause a
// reminder, draft, card or notice), and command mail dated before Began is
// never carried out. Whatever arrives later is live, whatever its date.
type History struct {
	UpToUID uint32    // the highest UID the mailbox held when the sync began (0: none)
	Before  time.Time // sync.track_from: held messages dated earlier are history
	Began   time.Time // when the sync began
}

// TrackFrom is sync.track_from: where the live part of a mailbox begins,
// as a date, or as a span before its sync began; zero: the moment it began.
type TrackFrom struct {
	Date time.Time     // a fixed date (wins over Back when set)
	Back time.Duration // how far before the sync began
}

// Start is where the live part begins for a sync that began then.
func (t TrackFrom) Start(began time.Time) time.Time {
	if !t.Date.IsZero() {
		return t.Date
	}
	return began.Add(-t.Back)
}

// Past reports whether the message at uid, dated date (zero: no readable
// Date), is history; command tells whether it is command mail.
func (h History) Past(uid uint32, date time.Time, command bool) bool {
	if uid == 0 || uid > h.UpToUID {
		return false
	}
	if date.IsZero() {
		return true
	}
	return date.Before(h.Before) || command && date.Before(h.Began)
}

// SeenMessage is one message the sync engine saw in a mailbox, with the
// headers it kept and the classification it got.
type SeenMessage struct {
	MessageID   string // normalised, without angle brackets; synthetic when absent
	Mailbox     string
	UIDValidity uint32
	UID         uint32
	From        string // the address only, lower-cased
	Subject     string
	Date        time.Time // the Date header; zero when missing or unreadable
	Size        int64     // RFC822.SIZE
	Class       Class
	Reason      string // why it got its class; always set for ignored and quarantined
	SeenAt      time.Time
	NormSubject string // subject normalised for matching (see inbox/msgtext)
	// RequestID is the tracked request the message belongs to, when the
	// classifier found its thread (0 otherwise).
	RequestID int64
	// Event is what the message means for its request (or the ledger);
	// nil for messages that change nothing. The store applies it in the
	// same transaction that records the message, once.
	Event Event
	// Exposed, when set, names cards whose addresses the owner's message
	// showed to someone else (a card forwarded, or answered with others
	// in copy): they must take no more commands.
	Exposed *Exposure
	// BodyHash is a hash of the normalised text of an owner's message whose
	// body was read (see inbox/classify.BodyHash); "" when it was not. A Sent copy
	// proves a command only when their hashes are equal.
	BodyHash string
	// Past: the mailbox held the message when gratitude first read it, and
	// it is dated before tracking began (History.Past). What it means is
	// recorded as history: an ask makes a past request, command mail is
	// never carried out.
	Past bool
}

// Exposure names cards by id or by the Message-ID of the message that
// carried them.
type Exposure struct {
	CardIDs    []int64
	MessageIDs []string
}
