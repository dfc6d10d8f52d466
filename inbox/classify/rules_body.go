package classify

import (
	"net/mail"
	"strings"
	"time"

	"gratitude"
	"gratitude/inbox/capture"
	"gratitude/inbox/msgtext"
)

// ask builds the Asked event: the owner's own ask, or a forward of an
// earlier message to the capture address.
func (r *Rules) ask(m *msg, detail string, opts capture.Options) Verdict {
	h := &m.Header
	_, subject := r.stripTag(h.Subject)
	subject = msgtext.AskSubject(subject)
	ev := gratitude.Asked{
		MessageID: h.MessageID, Subject: subject, NormSubject: normSubject(subject),
		At: r.askedAt(m), Asked: r.others(h.To, h.Cc), NoRemind: opts.NoRemind, Notes: opts.Notes,
	}
	reason := "sent to the capture address"
	if detail == "" && len(opts.Notes) == 0 {
		if tagged, _ := r.stripTag(h.Subject); tagged {
			reason = "subject tag"
		}
	}
	body := text(m)
	ev.AskText = msgtext.ExcerptFrom(body.Own, askTextMax, signer(h.From))
	if fwd, ok := msgtext.Forward(body, h.Subject); ok && len(ev.Asked) == 0 {
		r.fromForward(&ev, fwd, h)
		ev.AskText = msgtext.ExcerptFrom(fwd.Body, askTextMax, signerOf(fwd.From.Name, fwd.From.Email))
		reason = "forwarded to the capture address"
	}
	if !opts.Due.IsZero() || opts.Window > 0 {
		// Only the ask's own window is kept; without one the current
		// reminders.no_reply_after applies, even if it changes later.
		ev.DueAt = opts.DueAt(ev.At, r.Owner.NoReplyAfter)
	}
	return Verdict{Class: gratitude.ClassAsk, Reason: reason, Event: ev}
}

// fromForward rebuilds the request from the forwarded original: the owner's
// own earlier ask, or someone's answer (who then starts as a helper).
func (r *Rules) fromForward(ev *gratitude.Asked, fwd *msgtext.Forwarded, outer *Header) {
	if s := msgtext.CleanSubject(fwd.Subject); s != "" {
		ev.Subject, ev.NormSubject = s, normSubject(s)
	}
	date := r.forwardedDate(fwd, outer)
	ev.Original = &gratitude.Original{MessageID: fwd.MessageID, NormSubject: ev.NormSubject, From: fwd.From.Email, Date: date}
	if !date.IsZero() {
		ev.At = date
	}
	if r.isOwner(fwd.From.Email) || fwd.From.Email == "" {
		ev.Asked = r.others(toMail(fwd.To), toMail(fwd.Cc))
		return
	}
	from := gratitude.Address{Name: r.nameOf(fwd.From.Name), Email: gratitude.NormalizeEmail(fwd.From.Email)}
	ev.Asked = []gratitude.Address{from}
	ev.Helped = &gratitude.Replied{MessageID: fwd.MessageID, At: ev.At, From: from,
		Excerpt: msgtext.ExcerptFrom(fwd.Body, excerptMax, signerOf(fwd.From.Name, fwd.From.Email))}
}

// forwardedDate is the forwarded message's date. Clients print it without a
// zone in the forwarder's own time (Gmail, Outlook): such a wall clock is
// read in the forwarding message's zone, else the owner's.
func (r *Rules) forwardedDate(fwd *msgtext.Forwarded, outer *Header) time.Time {
	d := fwd.Date
	if d.IsZero() || fwd.DateZoned {
		return d
	}
	loc := r.Owner.Location
	if !outer.Date.IsZero() {
		loc = outer.Date.Location()
	}
	if loc == nil {
		return d
	}
	return time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), d.Second(), 0, loc)
}

// ownerFollowup is the owner writing in a tracked thread; it may thank.
func (r *Rules) ownerFollowup(m *msg, req int64, refs []string) Verdict {
	h := &m.Header
	plain := text(m).Plain
	if why := textAutoReply(h.Subject, plain); why != "" {
		// The owner's vacation rule answering a helper thanks nobody, nor
		// does the read receipt their client sent.
		return Verdict{Class: gratitude.ClassIgnored, Reason: why + " (from the owner's address)"}
	}
	thanks := msgtext.ThanksInFirstLines(plain)
	ev := gratitude.OwnerWrote{MessageID: h.MessageID, At: r.askedAt(m), To: r.others(h.To, h.Cc, h.Bcc), Thanks: thanks, Thread: refs}
	reason := "owner wrote in a tracked thread"
	if thanks {
		reason = "owner thanked in a tracked thread"
	}
	return Verdict{Class: gratitude.ClassOwnerFollowup, Reason: reason, RequestID: positive(req), Event: ev}
}

// reply is someone answering in a tracked thread, unless the body shows a
// machine or an invitation after all.
//
// Mail that reaches the request only through gratitude's own mail to the
// owner (a card or a nudge the owner forwarded), or that went to a card's
// address, and opens with commands, is someone else commanding: set
// aside, never help (only the owner's commands count).
func (r *Rules) reply(m *msg, req int64, refs []string, toUs bool) Verdict {
	h := &m.Header
	t := text(m)
	auto := textAutoReply(h.Subject, t.Plain)
	aside := func(reason string) Verdict {
		return Verdict{Class: gratitude.ClassIgnored, Reason: reason, RequestID: positive(req)}
	}
	bounce, bounced := msgtext.BounceText(h.FromAddress(), t.Plain)
	switch {
	case t.Report && t.ReportType == "delivery-status":
		return aside(ReasonBounce + ": rfc3464: multipart/report delivery-status")
	case t.Report:
		return aside(ReasonDeliveryReport + ": " + t.ReportType)
	case bounced && bounce.Notice:
		return aside(ReasonDeliveryReport + ": " + bounce.String())
	case bounced:
		return aside(ReasonBounce + ": " + bounce.String())
	case t.Calendar:
		return aside(ReasonCalendar + ": " + t.CalendarMethod)
	case auto != "":
		return aside(auto)
	case toUs && r.opensWithCommands(m, t.Plain):
		return aside(ReasonOthersCommand + ": commands from " + h.FromAddress() + ", who is not you: not carried out, and no help")
	}
	from := h.From[0]
	ev := gratitude.Replied{
		MessageID: h.MessageID, At: r.askedAt(m), Thread: refs,
		From:    gratitude.Address{Name: r.nameOf(from.Name), Email: gratitude.NormalizeEmail(from.Address)},
		Excerpt: msgtext.ExcerptFrom(t.Own, excerptMax, signer(h.From)),
	}
	return Verdict{Class: gratitude.ClassReply, Reason: "answer in a tracked thread", RequestID: positive(req), Event: ev}
}

// signer is what the first From address may sign with (see signerOf).
func signer(from []*mail.Address) string {
	if len(from) == 0 {
		return ""
	}
	return signerOf(from[0].Name, from[0].Address)
}

// signerOf is the display name, or else the address's local part.
func signerOf(name, email string) string {
	if strings.TrimSpace(name) != "" {
		return name
	}
	local, _, _ := strings.Cut(email, "@")
	return local
}

func toMail(list []msgtext.Address) []*mail.Address {
	out := make([]*mail.Address, 0, len(list))
	for _, a := range list {
		out = append(out, &mail.Address{Name: a.Name, Address: a.Email})
	}
	return out
}

// opensWithCommands reports text whose first lines are commands.
func (r *Rules) opensWithCommands(m *msg, plain string) bool {
	cmds, _ := ParseCommands(plain, r.askedAt(m), r.Owner.Location)
	return len(cmds) > 0
}
