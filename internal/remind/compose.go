package remind

import (
	"context"
	"crypto/rand"
	"fmt"
	"strings"
	"time"

	"gratitude"
	"gratitude/internal/cards"
	"gratitude/mailer"
	"gratitude/templates"
)

// QuietKinds are the outbox kinds quiet hours hold back: the reminders
// and the digest, never a reply to something the owner just did.
func QuietKinds() []string {
	kinds := []string{string(templates.Digest)}
	for _, k := range gratitude.ReminderKinds {
		kinds = append(kinds, string(k))
	}
	return kinds
}

// Composer writes notifications to the owner, and the follow-up drafts
// that come with nudges, as outbox messages.
type Composer struct {
	Owner   gratitude.Address // name and address of the mailbox's owner
	ReplyTo string            // where replies to notifications go without cards (the capture address)
	// Cards, when set, gives each notification its own token address as
	// Reply-To, so a reply to it is a command about its request.
	Cards  *cards.Issuer
	Target gratitude.Target // TargetInbox (APPEND) or TargetSMTP
	Drafts bool             // put a nudge's follow-up in Drafts too
	// FollowupMax is the most people a follow-up draft goes to; an ask
	// waiting on more gets none (zero: DefaultFollowupMax).
	FollowupMax int
	Templates   *templates.Set
	// NewID returns a fresh Message-ID (without brackets); nil uses a
	// random one in the owner's domain.
	NewID func(kind string, request int64) string
}

// Reminder writes the notification for a due reminder about r (and, for a
// nudge, the follow-up draft). It returns the outbox rows and the
// notification's Message-ID.
func (c *Composer) Reminder(ctx context.Context, r gratitude.Request, rem gratitude.Reminder, now time.Time) ([]gratitude.Outgoing, string, error) {
	name, view, err := c.reminderView(r, rem, now)
	if err != nil {
		return nil, "", err
	}
	var out []gratitude.Outgoing
	if nv, ok := view.(templates.NudgeView); ok && c.Drafts && len(nv.Waiting) > 0 {
		// A draft to more people than anyone asks at once is not written;
		// one that cannot be built (an address mail cannot carry) must not
		// cost the nudge. Either way the nudge says nothing about Drafts.
		if len(nv.Waiting) > c.followupMax() {
			nv.FollowUpInDrafts = false
			view = nv
		} else if draft, err := c.followUpDraft(r, nv, now); err == nil {
			out = append(out, draft)
		} else {
			nv.FollowUpInDrafts = false
			view = nv
		}
	}
	note, err := c.Notice(ctx, Note{Name: name, View: view, Request: r, Late: rem.Late, Now: now})
	if err != nil {
		return nil, "", err
	}
	return append([]gratitude.Outgoing{note}, out...), note.MessageID, nil
}

// DigestView is the template view of a digest.
func (r *Runner) DigestView(d gratitude.Digest, dueAt time.Time, late bool) templates.DigestView {
	return digestView(d, r.Composer.Owner.Name, dueAt, late)
}

// Digest writes the digest.
func (c *Composer) Digest(ctx context.Context, d gratitude.Digest, dueAt time.Time, late bool, now time.Time) (gratitude.Outgoing, error) {
	return c.Notice(ctx, Note{Name: templates.Digest, View: digestView(d, c.Owner.Name, dueAt, late), Late: late, Now: now})
}

// reminderView fills the template view for a reminder.
func (c *Composer) reminderView(r gratitude.Request, rem gratitude.Reminder, now time.Time) (templates.Name, any, error) {
	base := templates.Reminder{Now: now, Seq: rem.Seq, Of: gratitude.MaxReminders, Late: rem.Late, DueAt: rem.DueAt,
		ReplyHint: fmt.Sprintf("When it is done, run: gratitude resolve %d", r.ID)}
	req := requestView(r)
	switch rem.Kind {
	case gratitude.ReminderNoReply:
		v := templates.NudgeView{Reminder: base, OwnerName: c.Owner.Name, Request: req, Waiting: people(r.NotAnswered()),
			Waited: now.Sub(r.AskedAt), AskText: r.AskText, FollowUpInDrafts: c.Drafts}
		v.ReplyHint = fmt.Sprintf("If you no longer need it, run: gratitude cancel %d", r.ID)
		fu, err := c.Templates.Render(templates.FollowUp, followUpView(c.Owner.Name, r, v.Waiting, v.Waited))
		if err != nil {
			return "", nil, err
		}
		v.FollowUpText = fu.Text
		return templates.Nudge, v, nil
	case gratitude.ReminderUnresolved:
		return templates.Unresolved, templates.UnresolvedView{Reminder: base, OwnerName: c.Owner.Name, Request: req,
			AnsweredFor: now.Sub(r.FirstAnswerAt())}, nil
	case gratitude.ReminderThanks:
		return templates.ThanksPending, templates.ThanksPendingView{Reminder: base, OwnerName: c.Owner.Name, Request: req,
			Unthanked: helpers(r.Unthanked()), ResolvedFor: now.Sub(r.ResolvedAt)}, nil
	}
	return "", nil, fmt.Errorf("remind: unknown reminder %q", rem.Kind)
}

// DefaultFollowupMax is the most people a follow-up draft goes to when
// FollowupMax is not set.
const DefaultFollowupMax = 20

func (c *Composer) followupMax() int {
	if c.FollowupMax > 0 {
		return c.FollowupMax
	}
	return DefaultFollowupMax
}

// Note is a message to the owner to write.
type Note struct {
	Name      templates.Name
	View      any               // the template's view
	Request   gratitude.Request // what it is about (zero: nothing in particular)
	InReplyTo string            // the owner's mail it answers, if any
	Late      bool
	Drafts    []int64 // the drafts it shows for approval (an approval card)
	Now       time.Time
	// Target overrides how it reaches the owner (zero: notify.via), e.g.
	// SMTP when the mailbox itself cannot be reached.
	Target gratitude.Target
}

// Notice renders a message to the owner: auto-generated, kind named,
// threaded under the ask (and the owner's mail it answers), replies going
// to the address of a card issued for it (or the capture address).
func (c *Composer) Notice(ctx context.Context, n Note) (gratitude.Outgoing, error) {
	name, r, now := n.Name, n.Request, n.Now
	out, err := c.Templates.Render(name, n.View)
	if err != nil {
		return gratitude.Outgoing{}, err
	}
	id := c.NewMessageID(string(name), r.ID)
	replyTo := c.ReplyTo
	if c.Cards != nil {
		addr, err := c.Cards.Issue(ctx, r.ID, string(name), id, n.Drafts, now)
		if err != nil {
			return gratitude.Outgoing{}, err
		}
		replyTo = addr
	}
	inReplyTo, late := n.InReplyTo, n.Late
	m := mailer.Message{
		From: gratitude.Address{Name: "gratitude", Email: c.Owner.Email}, To: []gratitude.Address{c.Owner},
		ReplyTo: replyTo, Subject: out.Subject, MessageID: id, Date: now,
		Kind: string(name), AutoSubmitted: true, Text: out.Text, HTML: out.HTML,
	}
	if r.MessageID != "" {
		m.References = []string{r.MessageID}
	}
	if inReplyTo != "" && inReplyTo != r.MessageID {
		m.References = append(m.References, inReplyTo)
	}
	if len(m.References) > 0 {
		m.InReplyTo = m.References[len(m.References)-1]
	}
	target := c.Target
	if n.Target != "" {
		target = n.Target
	}
	o, err := c.Outgoing(string(name), r.ID, &m, target)
	o.Own, o.Late = true, late
	return o, err
}

// followUpDraft is the follow-up as a draft from the owner to the people
// who have not answered, threaded under the ask, ready to send.
func (c *Composer) followUpDraft(r gratitude.Request, nv templates.NudgeView, now time.Time) (gratitude.Outgoing, error) {
	var to []gratitude.Address
	for _, p := range nv.Waiting {
		to = append(to, gratitude.Address{Name: p.Name, Email: p.Email})
	}
	m := mailer.Message{
		From: c.Owner, To: to, Subject: gratitude.ReplySubject(r.Subject), MessageID: c.NewMessageID("followup", r.ID),
		InReplyTo: r.MessageID, References: append([]string(nil), r.MessageID), Date: now, Text: nv.FollowUpText,
	}
	return c.Outgoing("followup-draft", r.ID, &m, gratitude.TargetDrafts)
}

// Outgoing renders m into an outbox row for target. Threading is a
// courtesy: Message-IDs a header cannot carry are dropped, not fatal.
func (c *Composer) Outgoing(kind string, requestID int64, m *mailer.Message, target gratitude.Target) (gratitude.Outgoing, error) {
	raw, err := mailer.Render(m)
	if err != nil && (m.InReplyTo != "" || len(m.References) > 0) {
		m.InReplyTo, m.References = "", nil
		raw, err = mailer.Render(m)
	}
	if err != nil {
		return gratitude.Outgoing{}, fmt.Errorf("remind: %s for request %d: %w", kind, requestID, err)
	}
	o := gratitude.Outgoing{RequestID: requestID, Kind: kind, Target: target, Subject: m.Subject, MessageID: m.MessageID, Raw: raw}
	if target == gratitude.TargetSMTP {
		o.Sender = c.Owner.Email
		for _, a := range m.To {
			o.Recipients = append(o.Recipients, a.Email)
		}
	}
	return o, nil
}

// NewMessageID is a Message-ID nobody else will use, in the owner's
// domain: gratitude.KIND.REQ.RANDOM@ for mail to the owner, and a plain
// random one for the owner's own mail to others (thank-yous, follow-ups),
// which should not tell the world what wrote it.
func (c *Composer) NewMessageID(kind string, request int64) string {
	if c.NewID != nil {
		return c.NewID(kind, request)
	}
	_, domain, _ := strings.Cut(c.Owner.Email, "@")
	random := strings.ToLower(rand.Text())
	if kind == "thanks" || kind == "followup" {
		return random + "@" + domain
	}
	return fmt.Sprintf("gratitude.%s.%d.%s@%s", kind, request, random[:16], domain)
}
