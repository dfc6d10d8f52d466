package daemon

import (
	"errors"
	"testing"

	"gratitude/inbox"
)

var errFake = errors.New("connection reset")

func TestTheGateOpensOnceTheLastMailboxIsReadAndClosesOnAFailure(t *testing.T) {
	g := &mailGate{last: "INBOX"}
	steps := []struct {
		mailbox string
		n       int
		err     error
		look    bool // the reminders should look now
		open    bool
	}{
		{"Sent", 3, nil, false, false},      // INBOX not read yet
		{"INBOX", 0, nil, true, true},       // read up to date: look once
		{"Sent", 0, nil, false, true},       // nothing new
		{"INBOX", 0, nil, false, true},      // still nothing new
		{"Sent", 1, nil, false, true},       // news, but INBOX is read after Sent
		{"INBOX", 0, nil, true, true},       // now look at the news from Sent
		{"INBOX", 0, errFake, false, false}, // connection lost
		{"Sent", 0, nil, false, false},
		{"INBOX", 0, nil, true, true}, // read again after the outage
	}
	for i, s := range steps {
		look := g.passed(inbox.PassResult{Mailbox: s.mailbox, New: s.n}, s.err)
		if look != s.look || g.isOpen() != s.open {
			t.Errorf("step %d (%s, %d new, err %v): look %v open %v, want %v %v", i, s.mailbox, s.n, s.err, look, g.isOpen(), s.look, s.open)
		}
	}
}

func TestNoGateIsOpen(t *testing.T) {
	var g *mailGate // one-shot commands sync first
	if !g.isOpen() {
		t.Error("a nil gate holds reminders back")
	}
}
