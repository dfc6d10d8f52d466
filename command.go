package gratitude

import "time"

// Verb is what a command asks for.
type Verb string

// The commands the owner can give by email (and most on the CLI).
const (
	VerbResolve   Verb = "resolve"    // "resolved" or "done": the request is resolved
	VerbApprove   Verb = "approve"    // send pending thank-you drafts: all, or Who's
	VerbSkip      Verb = "skip"       // Who needs no thank-you
	VerbEdit      Verb = "edit"       // replace Who's draft with Text
	VerbSnooze    Verb = "snooze"     // no reminders before Until
	VerbCancel    Verb = "cancel"     // drop the request
	VerbHelped    Verb = "helped"     // Who helped outside the thread
	VerbNotHelped Verb = "not-helped" // Who did not help after all
	VerbStatus    Verb = "status"     // reply with where the request stands
	// VerbTrack tracks what was not: a request recorded as history becomes
	// live work (`gratitude import`), and, in a reply to the notice of
	// refused mail, the held asks it listed become requests (Who: the item
	// numbers, "" for all).
	VerbTrack Verb = "track"
)

// Command is one command read from the owner's mail.
type Command struct {
	Verb Verb
	// Who names a helper: an address, or a name or first name to match
	// against the request's helpers ("" for all, with approve).
	Who   string
	Text  string    // edit: the new text of the thank-you; resolve: what came of it
	Until time.Time // snooze: when reminders may come again
	Line  string    // the line as written, for replies and the log
}
