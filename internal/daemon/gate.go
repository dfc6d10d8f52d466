package daemon

import (
	"sync"

	"gratitude/inbox"
)

// mailGate holds reminders back until the mailbox has been read: after a
// start or a lost connection, a reply that arrived meanwhile is still
// unread, and a nudge would tell the owner nobody answered when someone
// did. It opens when a pass over the last mailbox of the watch order
// (INBOX, read after Sent) succeeds, and closes on any failure.
type mailGate struct {
	last string

	mu      sync.Mutex
	open    bool
	pending bool // new mail since the reminders last looked
}

// passed records one pass and reports whether the reminders should look
// now: the gate just opened, or it is open and mail came in.
func (g *mailGate) passed(res inbox.PassResult, err error) bool {
	g.mu.Lock()
	defer g.mu.Unlock()
	if err != nil {
		g.open = false
		return false
	}
	g.pending = g.pending || res.New > 0
	if res.Mailbox != g.last {
		return false
	}
	opened := !g.open
	g.open = true
	look := opened || g.pending
	g.pending = false
	return look
}

// isOpen reports whether the mailbox is read up to date.
func (g *mailGate) isOpen() bool {
	if g == nil {
		return true
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.open
}
