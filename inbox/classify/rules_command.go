package classify

import (
	"net/mail"
	"strconv"
	"strings"

	"gratitude"
	"gratitude/inbox/capture"
	"gratitude/inbox/msgtext"
)

// command is how a message from the owner's address came to be taken for
// commands, and about which request or card.
type command struct {
	reason  string
	request int64 // from the thread or #ID in the subject; 0 when unknown
	cardID  int64
	token   string
}

// commandKind says whether the owner's mail holds commands: sent to a
// card's address, a reply to the program's own mail to the owner alone, or
// sent to the capture address alone with "#ID" opening the subject.
func (r *Rules) commandKind(h *Header, c *Context, refs []string, captured bool, opts capture.Options) (command, bool) {
	own, answersOwn := firstIn(refs, c.Own)
	switch {
	case captured && opts.CardID != 0:
		return command{"sent to a card's token address", own, opts.CardID, opts.Token}, true
	case answersOwn && r.toSelfOnly(h):
		return command{"reply to gratitude's own mail", own, 0, ""}, true
	case captured && r.toSelfOnly(h):
		if sm := commandSubject.FindStringSubmatch(msgtext.CleanSubject(h.Subject)); sm != nil {
			id, _ := strconv.ParseInt(sm[1], 10, 64)
			return command{"to the capture address with #" + sm[1], id, 0, ""}, true
		}
	}
	return command{}, false
}

// command reads the commands in the owner's mail (the body is needed) and
// records what would prove it is theirs; carrying them out is decided
// later, once that proof is weighed. An auto-reply of the owner's own
// (a client-side vacation rule that sets no header) is no command; the
// owner's commands with an away note are, and the note is not answered.
func (r *Rules) command(m *msg, cmd command, c *Context) Verdict {
	if m.Body == nil {
		return Verdict{NeedBody: true}
	}
	h := &m.Header
	plain := text(m).Plain
	refs := threadRefs(h)
	at := r.askedAt(m)
	cmds, unknown := ParseCommands(plain, at, r.Owner.Location)
	if why := textAutoReply(h.Subject, plain); why != "" {
		if len(cmds) == 0 {
			return Verdict{Class: gratitude.ClassIgnored, Reason: why + " (from the owner's address)"}
		}
		unknown = nil // commands with an away note: the note needs no answer
	}
	ev := gratitude.Commanded{
		MessageID: h.MessageID, At: at, From: h.FromAddress(), Subject: h.Subject,
		RequestID: positive(cmd.request), CardID: cmd.cardID, Token: cmd.token,
		DKIM: DKIMPassFor(h, r.Owner.AuthservID, r.ownerDomain()),
		Refs: ownRefs(refs, c), Commands: cmds, Unknown: unknown, BodyHash: BodyHash(plain),
	}
	return Verdict{Class: gratitude.ClassCommand, Reason: cmd.reason, RequestID: positive(cmd.request), Event: ev,
		BodyHash: ev.BodyHash}
}

// ownRefs keeps the program's own Message-IDs among refs.
func ownRefs(refs []string, c *Context) []string {
	var out []string
	for _, id := range refs {
		if _, ok := c.Own[id]; ok {
			out = append(out, id)
		}
	}
	return out
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
