package inbox

import (
	"fmt"

	"github.com/emersion/go-imap/v2"
)

// Fallback is a capability gratitude uses that the server lacks, and what
// gratitude does instead. None of them is a failure: each costs only what
// Effect says.
type Fallback struct {
	Cap    imap.Cap
	Effect string
}

// Used are the capabilities gratitude uses when the server has them.
// ESEARCH (RFC 4731) is used too, but its absence changes nothing that
// shows: a search answers in the longer form. MOVE, CONDSTORE and the
// APPENDUID of UIDPLUS are not used.
var Used = []imap.Cap{imap.CapIdle, imap.CapUIDPlus, imap.CapSpecialUse, imap.CapESearch}

// Fallbacks lists the capabilities the server lacks that change what
// gratitude does, given the folders configured and those found:
//   - IDLE (RFC 2177), when imap.idle asks for it: `run` polls instead;
//   - UIDPLUS (RFC 4315): the draft of a message sent is flagged
//     \Deleted but not expunged, since a plain EXPUNGE would take every
//     message the owner flagged \Deleted with it (RemoveMessageID);
//   - SPECIAL-USE (RFC 6154), when Sent or Drafts was not configured:
//     they were found by their usual names, which may not be the ones
//     the owner's mail client writes to.
func (conn *Conn) Fallbacks(configured, found Folders) []Fallback {
	caps := conn.Caps()
	var out []Fallback
	if conn.opts.Idle && !caps.Has(imap.CapIdle) {
		out = append(out, Fallback{imap.CapIdle, fmt.Sprintf("`gratitude run` looks for new mail every %s (imap.poll_interval) "+
			"instead of hearing of it at once", conn.opts.pollInterval())})
	}
	if !caps.Has(imap.CapUIDPlus) {
		out = append(out, Fallback{imap.CapUIDPlus, "the draft of a thank-you once sent is flagged deleted in Drafts, " +
			"not expunged (that needs UIDPLUS not to expunge your other deleted mail); your mail client removes it when it expunges"})
	}
	if !caps.Has(imap.CapSpecialUse) && (configured.Sent == "" || configured.Drafts == "") {
		out = append(out, Fallback{imap.CapSpecialUse, fmt.Sprintf("the server marks no folder as Sent or Drafts, so they were "+
			"found by their usual names (Sent %q, Drafts %q); if your mail client uses others, set imap.mailboxes", found.Sent, found.Drafts)})
	}
	return out
}
