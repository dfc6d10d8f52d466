package gratitude

import (
	"strings"
	"time"
)

// Target is where an outbox message is delivered.
type Target string

// The delivery targets: SMTP, or IMAP APPEND into one of the owner's folders.
const (
	TargetSMTP   Target = "smtp"        // sent over SMTP to Recipients
	TargetInbox  Target = "imap:inbox"  // appended to INBOX, unread
	TargetDrafts Target = "imap:drafts" // appended to Drafts as a \Draft
	TargetSent   Target = "imap:sent"   // appended to Sent as \Seen
	// TargetDraftsRemove removes the message with the Message-ID from Drafts.
	TargetDraftsRemove Target = "imap:drafts-remove"
)

// IMAP reports whether the target is an IMAP folder.
func (t Target) IMAP() bool { return strings.HasPrefix(string(t), "imap:") }

// OutState is where an outbox message stands: queued → sending → sent | failed.
type OutState string

// The outbox states.
const (
	OutQueued  OutState = "queued"
	OutSending OutState = "sending"
	OutSent    OutState = "sent"
	OutFailed  OutState = "failed"
	// OutCancelled: not sent after all (a thank-you the owner skipped).
	OutCancelled OutState = "cancelled"
)

// Outgoing is one outbox message: rendered once, with the Message-ID
// chosen when it was queued, delivered to one target.
type Outgoing struct {
	ID         int64
	Account    int64 // the account it belongs to, set when read from the store
	RequestID  int64 // 0 for messages about no request (the digest)
	Kind       string
	Target     Target
	Sender     string   // SMTP envelope sender
	Recipients []string // SMTP envelope recipients
	Subject    string   // for status and the digest's failure list
	MessageID  string
	Raw        []byte
	Late       bool
	Own        bool // on Enqueue: remember the Message-ID as the program's own
	// Then are targets the same message goes to once it is sent (a copy
	// in Sent, its draft removed): queued in the transaction that records
	// the send, so neither is lost nor done for a message that never left.
	Then          []Target
	State         OutState
	Attempts      int
	NextAttemptAt time.Time
	LastError     string
	CreatedAt     time.Time
	SentAt        time.Time
	FailedAt      time.Time
}
