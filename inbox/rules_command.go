package inbox

import (
	"net/mail"
	"strings"

	"gratitude"
	"gratitude/inbox/capture"
)

// command is how a message from the owner's address came to be taken for
// commands, and about which request or card.
type command struct {
	reason  string
	request int64 // from the thread or #ID in the subject; 0 when unknown
	cardID  int64
	token   string
}

// command reads the commands in the owner's mail (the body is needed) and
// records what would prove it is theirs; carrying them out is decided
// later, once that proof is weighed.
func (r *Rules) command(m *Message, c command) Verdict {
	if m.Body == nil {
		return Verdict{NeedBody: true}
	}
	h := &m.Header
	at := r.askedAt(m)
	cmds, unknown := ParseCommands(text(m).Plain, at, r.Owner.Location)
	ev := gratitude.Commanded{
		MessageID: h.MessageID, At: at, From: h.FromAddress(), Subject: h.Subject,
		RequestID: positive(c.request), CardID: c.cardID, Token: c.token,
		DKIM:     DKIMPassFor(h, r.Owner.AuthservID, r.ownerDomain()),
		Commands: cmds, Unknown: unknown,
	}
	return Verdict{Class: gratitude.ClassCommand, Reason: c.reason, RequestID: positive(c.request), Event: ev}
}

// ownerDomain is the domain of the owner's main address.
func (r *Rules) ownerDomain() string {
	if len(r.Owner.Addresses) == 0 {
		return ""
	}
	_, d, _ := strings.Cut(r.Owner.Addresses[0], "@")
	return strings.ToLower(d)
}

// toSelfOnly reports whether every To and Cc recipient is the owner or the
// capture address: a reply to a card, not a card forwarded to someone.
func (r *Rules) toSelfOnly(h *Header) bool {
	for _, list := range [][]*mail.Address{h.To, h.Cc} {
		for _, a := range list {
			if _, isCapture := capture.Match(a.Address, r.Owner.Capture); !isCapture && !r.isOwner(a.Address) {
				return false
			}
		}
	}
	return true
}
