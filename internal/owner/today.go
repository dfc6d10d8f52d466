package owner

import (
	"cmp"
	"context"
	"slices"
	"strings"
	"time"

	"gratitude"
)

// Today is what needs the owner now, as the web page's first page shows it.
type Today struct {
	// Drafts are the thank-you drafts waiting for approval, by request.
	Drafts []RequestDrafts
	// Overdue are the asks nobody answered past their nudge date.
	Overdue []gratitude.Request
	// Answered are the asks someone answered, waiting to be resolved.
	Answered []gratitude.Request
	// Unthanked are resolved requests with a helper not yet thanked and
	// no draft waiting for them.
	Unthanked []gratitude.Request
}

// RequestDrafts is one request and its drafts.
type RequestDrafts struct {
	Request gratitude.Request
	Drafts  []gratitude.Draft
}

// Empty reports whether nothing needs the owner.
func (t Today) Empty() bool {
	return len(t.Drafts)+len(t.Overdue)+len(t.Answered)+len(t.Unthanked) == 0
}

// Today returns what needs the owner at now under policy. History (Past)
// is never work.
func (q Queries) Today(ctx context.Context, p gratitude.ReminderPolicy, now time.Time) (Today, error) {
	var t Today
	drafts, err := q.Drafts(ctx, 0)
	if err != nil {
		return t, err
	}
	pending := map[int64][]gratitude.Draft{}
	for _, d := range drafts {
		if d.State == gratitude.DraftPending {
			pending[d.RequestID] = append(pending[d.RequestID], d)
		}
	}
	reqs, err := q.Requests(ctx, "")
	if err != nil {
		return t, err
	}
	for _, r := range reqs {
		if ds := pending[r.ID]; len(ds) > 0 {
			t.Drafts = append(t.Drafts, RequestDrafts{Request: r, Drafts: ds})
			continue
		}
		if r.Past {
			continue
		}
		switch r.State {
		case gratitude.StateOpen:
			if pastNudge(r, p, now) {
				t.Overdue = append(t.Overdue, r)
			}
		case gratitude.StateAnswered:
			t.Answered = append(t.Answered, r)
		case gratitude.StateResolved:
			if len(r.Unthanked()) > 0 {
				t.Unthanked = append(t.Unthanked, r)
			}
		}
	}
	for _, list := range [][]gratitude.Request{t.Overdue, t.Answered, t.Unthanked} {
		slices.SortFunc(list, byAsked)
	}
	return t, nil
}

// pastNudge reports whether an open request is past its nudge date: a
// nudge went, or the first one is due.
func pastNudge(r gratitude.Request, p gratitude.ReminderPolicy, now time.Time) bool {
	if r.ReminderLog(gratitude.ReminderNoReply).Sent > 0 {
		return true
	}
	nudge, ok := gratitude.NextReminder(r, p)
	return ok && !now.Before(nudge.DueAt)
}

// byAsked orders requests oldest ask first.
func byAsked(a, b gratitude.Request) int {
	return cmp.Or(a.AskedAt.Compare(b.AskedAt), cmp.Compare(a.ID, b.ID))
}

// Find lists the requests in state ("" for all) whose subject, or a
// person asked or helping (name or address), contains text (any case),
// newest ask first.
func (q Queries) Find(ctx context.Context, state gratitude.State, text string) ([]gratitude.Request, error) {
	reqs, err := q.Requests(ctx, state)
	if err != nil {
		return nil, err
	}
	text = strings.ToLower(strings.TrimSpace(text))
	out := reqs[:0]
	for _, r := range reqs {
		if text == "" || mentions(r, text) {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(a, b gratitude.Request) int { return byAsked(b, a) })
	return out, nil
}

// mentions reports whether lower-case text is in the request's subject or
// names one of its people.
func mentions(r gratitude.Request, text string) bool {
	if strings.Contains(strings.ToLower(r.Subject), text) {
		return true
	}
	for _, a := range r.Asked {
		if strings.Contains(strings.ToLower(a.Name+" "+a.Email), text) {
			return true
		}
	}
	for _, h := range r.Helpers {
		if strings.Contains(strings.ToLower(h.Name+" "+h.Email), text) {
			return true
		}
	}
	return false
}

// Clock is one of a request's three clocks: when it started and when its
// reminder falls due.
type Clock struct {
	Kind    gratitude.ReminderKind
	Started time.Time // zero: not started
	DueAt   time.Time // the next reminder (zero: none coming)
	Sent    int       // reminders of this kind already sent
	Running bool      // the clock the request's state runs now
}

// Clocks returns the request's three clocks under policy: the nudge
// (asked, nobody answered), "is this done?" (answered, not resolved) and
// the thanks reminder (resolved, someone not thanked).
func Clocks(r gratitude.Request, p gratitude.ReminderPolicy) []Clock {
	next, ok := gratitude.NextReminder(r, p)
	starts := map[gratitude.ReminderKind]time.Time{
		gratitude.ReminderNoReply:    r.AskedAt,
		gratitude.ReminderUnresolved: r.FirstAnswerAt(),
		gratitude.ReminderThanks:     r.ResolvedAt,
	}
	out := make([]Clock, 0, len(gratitude.ReminderKinds))
	for _, k := range gratitude.ReminderKinds {
		c := Clock{Kind: k, Started: starts[k], Sent: r.ReminderLog(k).Sent}
		if ok && next.Kind == k {
			c.DueAt, c.Running = next.DueAt, true
		}
		out = append(out, c)
	}
	return out
}

// Upcoming is a reminder coming for a request.
type Upcoming struct {
	Request  gratitude.Request
	Reminder gratitude.Reminder
}

// Upcoming returns every reminder coming under policy, soonest first:
// one per request still waiting on the owner or on someone.
func (q Queries) Upcoming(ctx context.Context, p gratitude.ReminderPolicy) ([]Upcoming, error) {
	var out []Upcoming
	for _, state := range []gratitude.State{gratitude.StateOpen, gratitude.StateAnswered, gratitude.StateResolved} {
		reqs, err := q.Requests(ctx, state)
		if err != nil {
			return nil, err
		}
		for _, r := range reqs {
			if next, ok := gratitude.NextReminder(r, p); ok {
				out = append(out, Upcoming{Request: r, Reminder: next})
			}
		}
	}
	slices.SortFunc(out, func(a, b Upcoming) int {
		return cmp.Or(a.Reminder.DueAt.Compare(b.Reminder.DueAt), cmp.Compare(a.Request.ID, b.Request.ID))
	})
	return out, nil
}
