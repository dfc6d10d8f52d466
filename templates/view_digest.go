package templates

import "time"

// DigestView is the data of the Digest template; empty sections are left out.
type DigestView struct {
	Now       time.Time // when the digest is written
	Since     time.Time // the previous digest; zero for the first one
	Late      bool      // it was due at DueAt but gratitude was not running
	DueAt     time.Time // when it was due
	OwnerName string    // the owner's display name, may be ""
	ReplyHint string    // one line telling the owner how to act on it by replying

	Open      []DigestRequest // asks nobody answered yet
	Answered  []DigestRequest // answered, not resolved
	Unthanked []DigestRequest // resolved, some helpers unthanked

	HelpedSince      []LedgerLine // who helped since the previous digest
	LongestUnthanked []LedgerLine // helpers waiting longest for thanks
	NeverHelpedBack  []LedgerLine // helped often, never helped back
	Failures         []Failure    // outgoing mail that failed
}

// DigestRequest is one request in a digest section.
type DigestRequest struct {
	Request
	Age       time.Duration // how long ago it was asked
	Unthanked []Helper      // its helpers still to thank
}

// LedgerLine is one person in a ledger section of the digest.
type LedgerLine struct {
	Person
	Count int       // how many times they helped
	Since time.Time // the oldest help still unthanked, or the first help
}

// Failure is outgoing mail that could not be sent.
type Failure struct {
	Kind    string    // what it was, e.g. "thank-you" or "nudge"
	To      string    // the recipient
	Subject string    // its subject
	Error   string    // why it failed
	At      time.Time // when it failed
}
