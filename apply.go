package gratitude

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Apply is the lifecycle of a request: the request as it stands, one event
// and the time, to the request after it and what changed. It is pure and
// idempotent for repeated messages (the same reply twice counts once).
func Apply(r Request, ev Event, now time.Time) (Request, []Change) {
	a := applier{r: cloneRequest(r), now: now}
	switch e := ev.(type) {
	case Asked:
		a.asked(e)
	case Replied:
		a.replied(e)
	case OwnerWrote:
		a.ownerWrote(e)
	case Resolve:
		a.outcome(e.Outcome)
		a.resolve(e.At)
	case Cancel:
		a.cancel(e.At)
	case MarkHelped:
		a.markHelped(e)
	case Reminded:
		a.reminded(e)
	case Skip:
		a.skip(e)
	case NotHelped:
		a.notHelped(e)
	case Snooze:
		a.snooze(e)
	case Track:
		a.track()
	}
	return a.r, a.changes
}

type applier struct {
	r       Request
	now     time.Time
	changes []Change
}

func (a *applier) note(kind, format string, args ...any) {
	a.changes = append(a.changes, Change{Kind: kind, Detail: fmt.Sprintf(format, args...)})
}

func (a *applier) setState(s State) {
	if a.r.State == s {
		return
	}
	a.note("state", "%s → %s", a.r.State, s)
	a.r.State = s
}

func (a *applier) addThread(ids ...string) {
	for _, id := range ids {
		if id != "" && !a.r.InThread(id) {
			a.r.Thread = append(a.r.Thread, id)
		}
	}
}

// asked creates the request, or merges another copy of the same ask.
func (a *applier) asked(e Asked) {
	if a.r.State == "" {
		a.r.MessageID, a.r.Subject, a.r.NormSubject = e.MessageID, e.Subject, e.NormSubject
		a.r.AskedAt, a.r.DueAt, a.r.NoRemind = e.At, e.DueAt, e.NoRemind
		a.r.Notes = append(a.r.Notes, e.Notes...)
		a.r.AskText = e.AskText
		a.setState(StateOpen)
		if e.Past {
			a.r.Past = true
			a.note("history", "asked before tracking began: recorded as history, never reminded")
		}
		for _, n := range e.Notes {
			a.note("note", "%s", n)
		}
	}
	for _, p := range e.Asked {
		if !a.r.WasAsked(p.Email) {
			a.r.Asked = append(a.r.Asked, Address{Name: p.Name, Email: NormalizeEmail(p.Email)})
		}
	}
	a.addThread(e.MessageID)
	a.addThread(e.Thread...)
	if e.Helped != nil {
		a.replied(*e.Helped)
	}
}

// replied records a helper's answer; the first answer moves open → answered.
func (a *applier) replied(e Replied) {
	email := NormalizeEmail(e.From.Email)
	if email == "" {
		return
	}
	// The store applies each message once; this guards a direct repeat.
	if h := a.r.Helper(email); h != nil && h.LastMessageID == e.MessageID {
		return
	}
	a.addThread(e.MessageID)
	a.addThread(e.Thread...)
	h := a.r.Helper(email)
	if h == nil {
		a.r.Helpers = append(a.r.Helpers, Helper{Email: email, Name: e.From.Name, FirstReplyAt: e.At})
		h = &a.r.Helpers[len(a.r.Helpers)-1]
		a.note("helper", "%s answered", email)
		if a.r.State == StateThanked {
			a.setState(StateResolved) // a new helper is not thanked yet
		}
	}
	h.Name = BetterName(h.Name, e.From.Name, email)
	h.Replies++
	if e.At.Before(h.FirstReplyAt) || h.FirstReplyAt.IsZero() {
		h.FirstReplyAt = e.At
	}
	if !e.At.Before(h.LastReplyAt) {
		h.LastReplyAt, h.LastMessageID = e.At, e.MessageID
	}
	if h.Excerpt == "" {
		h.Excerpt = e.Excerpt
	}
	if a.r.State == StateOpen {
		a.setState(StateAnswered)
	}
	a.thankedEarlier(h)
}

// ownerWrote marks helpers thanked: an owner message to a helper after that
// helper's first reply counts once the request is resolved, or before that
// when its first lines thank them.
func (a *applier) ownerWrote(e OwnerWrote) {
	a.addThread(e.MessageID)
	resolved := a.r.State == StateResolved || a.r.State == StateThanked
	if !resolved && !e.Thanks {
		return
	}
	for _, to := range e.To {
		h := a.r.Helper(to.Email)
		if h == nil && e.Thanks {
			a.keepThanks(to.Email, e.At)
		}
		if h == nil || h.Thanked() || e.At.Before(h.FirstReplyAt) {
			continue
		}
		h.ThankedAt = e.At
		a.note("thanked", "%s", h.Email)
	}
	a.settleThanks(e.At)
}

// settleThanks moves a resolved request to thanked once every helper is;
// a past one too once every helper was thanked (the owner said "resolved"
// in mail that is history, so the mail tells only the thanks).
func (a *applier) settleThanks(at time.Time) {
	settles := a.r.State == StateResolved || a.r.Past && a.r.State == StateAnswered
	if settles && a.r.AllThanked() {
		a.r.ThankedAt = at
		a.setState(StateThanked)
	}
}

func (a *applier) resolve(at time.Time) {
	if a.r.State == StateCancelled || a.r.State == StateResolved || a.r.State == StateThanked || a.r.State == "" {
		return
	}
	a.r.ResolvedAt = at
	a.setState(StateResolved)
	a.settleThanks(at)
}

// outcome records what came of the request, when the owner says it.
func (a *applier) outcome(text string) {
	text = strings.TrimSpace(text)
	if text == "" || a.r.State == "" || a.r.State == StateCancelled || text == a.r.Outcome {
		return
	}
	a.r.Outcome = text
	a.note("outcome", "%s", text)
}

func (a *applier) cancel(at time.Time) {
	if a.r.State == "" || a.r.State == StateCancelled {
		return
	}
	a.r.CancelledAt = at
	a.setState(StateCancelled)
}

func (a *applier) markHelped(e MarkHelped) {
	email := NormalizeEmail(e.Who.Email)
	if a.r.State == "" || email == "" || a.r.Helper(email) != nil {
		return
	}
	a.r.Helpers = append(a.r.Helpers, Helper{Email: email, Name: e.Who.Name, FirstReplyAt: e.At, Manual: true})
	a.note("helper", "%s marked as helper by the owner", email)
	switch a.r.State {
	case StateOpen:
		a.setState(StateAnswered)
	case StateThanked:
		a.setState(StateResolved)
	}
}

// skip closes a helper without a thank-you.
func (a *applier) skip(e Skip) {
	h := a.r.Helper(e.Who.Email)
	if h == nil || h.Skipped || h.Thanked() {
		return
	}
	h.Skipped = true
	a.note("skipped", "%s", h.Email)
	a.settleThanks(e.At)
}

// notHelped takes someone off the helpers; a request left without any goes
// back to open, and a resolved one may now be all thanked.
func (a *applier) notHelped(e NotHelped) {
	email := NormalizeEmail(e.Who.Email)
	i := slices.IndexFunc(a.r.Helpers, func(h Helper) bool { return h.Email == email })
	if i < 0 {
		return
	}
	a.r.Helpers = slices.Delete(a.r.Helpers, i, i+1)
	a.note("helper", "%s removed by the owner: did not help", email)
	if a.r.State == StateAnswered && len(a.r.Helpers) == 0 {
		a.setState(StateOpen)
	}
	a.settleThanks(e.At)
}

// snooze holds the reminders back until e.Until.
func (a *applier) snooze(e Snooze) {
	if a.r.State == "" || a.r.Closed() || e.Until.Equal(a.r.SnoozedUntil) {
		return
	}
	a.r.SnoozedUntil = e.Until
	a.note("snoozed", "until %s", e.Until.Format(time.RFC3339))
}

// reminded counts a reminder that went out; a repeat of the same one (the
// same sequence number) counts once.
func (a *applier) reminded(e Reminded) {
	if a.r.State == "" {
		return
	}
	for i := range a.r.Reminders {
		l := &a.r.Reminders[i]
		if l.Kind != e.Reminder {
			continue
		}
		if e.Seq <= l.Sent {
			return
		}
		l.Sent, l.LastAt = e.Seq, e.At
		a.note("reminded", "%s %d of %d", e.Reminder, e.Seq, MaxReminders)
		return
	}
	a.r.Reminders = append(a.r.Reminders, ReminderLog{Kind: e.Reminder, Sent: e.Seq, LastAt: e.At})
	a.note("reminded", "%s %d of %d", e.Reminder, e.Seq, MaxReminders)
}

func cloneRequest(r Request) Request {
	r.Asked = slices.Clone(r.Asked)
	r.Helpers = slices.Clone(r.Helpers)
	r.Thread = slices.Clone(r.Thread)
	r.Notes = slices.Clone(r.Notes)
	r.Reminders = slices.Clone(r.Reminders)
	r.Thanks = slices.Clone(r.Thanks)
	return r
}

// Deciding is what ev makes of a request at now, as a store's update
// takes it: Apply, with the event and its changes.
func Deciding(ev Event, now time.Time) func(Request) Applied {
	return func(r Request) Applied {
		next, changes := Apply(r, ev, now)
		return Applied{Event: ev, Request: next, Changes: changes}
	}
}

// track makes a past request live work.
func (a *applier) track() {
	if a.r.State == "" || !a.r.Past {
		return
	}
	a.r.Past = false
	a.note("history", "tracked as live work from now on")
}

// keepThanks remembers the owner's latest thanks to someone not (yet) a
// helper.
func (a *applier) keepThanks(email string, at time.Time) {
	email = NormalizeEmail(email)
	for i := range a.r.Thanks {
		if a.r.Thanks[i].Email == email {
			if at.After(a.r.Thanks[i].At) {
				a.r.Thanks[i].At = at
			}
			return
		}
	}
	a.r.Thanks = append(a.r.Thanks, Thanks{Email: email, At: at})
}

// thankedEarlier marks a helper thanked by thanks read before their reply
// though written after it; the request may then be all thanked.
func (a *applier) thankedEarlier(h *Helper) {
	if h.Thanked() {
		return
	}
	for _, t := range a.r.Thanks {
		if t.Email == h.Email && !t.At.Before(h.FirstReplyAt) {
			h.ThankedAt = t.At
			a.note("thanked", "%s", h.Email)
			a.settleThanks(t.At)
			return
		}
	}
}
