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
	// Drafts are the thank-you drafts waiting for approval, by request,
	// with those of theirs approved and leaving, or decided in the last
	// JustDecided (so that a click shows what became of it).
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

// JustDecided is how long a sent or skipped draft stays on Today.
const JustDecided = time.Hour

// Waiting returns the request's drafts waiting for the owner.
func (r RequestDrafts) Waiting() []gratitude.Draft {
	var out []gratitude.Draft
	for _, d := range r.Drafts {
		if d.State == gratitude.DraftPending {
			out = append(out, d)
		}
	}
	return out
}

// Empty reports whether nothing needs the owner.
func (t Today) Empty() bool {
	waiting := 0
	for _, r := range t.Drafts {
		waiting += len(r.Waiting())
	}
	return waiting+len(t.Overdue)+len(t.Answered)+len(t.Unthanked) == 0
}

// Today returns what needs the owner at now under policy. History (Past)
// is never work.
func (q Queries) Today(ctx context.Context, p gratitude.ReminderPolicy, now time.Time) (Today, error) {
	var t Today
	reqs, pending, err := q.todayCandidates(ctx, now)
	if err != nil {
		return t, err
	}
	for _, r := range reqs {
		if ds := pending[r.ID]; len(ds) > 0 {
			t.Drafts = append(t.Drafts, RequestDrafts{Request: r, Drafts: ds})
			if len(t.Drafts[len(t.Drafts)-1].Waiting()) > 0 {
				continue
			}
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

// waiting are the states in which a request waits on the owner or on
// someone: its clocks run, and unless it is history it may need the
// owner; in any other, only drafts waiting bring it to Today.
var waiting = []gratitude.State{gratitude.StateOpen, gratitude.StateAnswered, gratitude.StateResolved}

// todayCandidates returns the requests Today may show, by id: those with
// drafts to show, and the live ones in a state that may need the owner;
// and the drafts to show, by request: waiting, leaving, or decided in the
// last JustDecided. The rest (thanked, cancelled, history) is never read.
func (q Queries) todayCandidates(ctx context.Context, now time.Time) ([]gratitude.Request, map[int64][]gratitude.Draft, error) {
	pending, err := q.todayDrafts(ctx, now)
	if err != nil {
		return nil, nil, err
	}
	reqs, err := q.Store.LiveRequests(ctx, q.Account, waiting)
	if err != nil {
		return nil, nil, err
	}
	read := make(map[int64]bool, len(reqs))
	for _, r := range reqs {
		read[r.ID] = true
	}
	var more []int64
	for id := range pending {
		if !read[id] {
			more = append(more, id)
		}
	}
	extra, err := q.Store.RequestsByID(ctx, q.Account, more)
	if err != nil {
		return nil, nil, err
	}
	reqs = append(reqs, extra...)
	slices.SortFunc(reqs, func(a, b gratitude.Request) int { return cmp.Compare(a.ID, b.ID) })
	return reqs, pending, nil
}

// todayDrafts returns, by request, the drafts of requests that have one
// waiting, leaving or just decided: each of those, oldest first.
func (q Queries) todayDrafts(ctx context.Context, now time.Time) (map[int64][]gratitude.Draft, error) {
	open, err := q.Store.OpenDrafts(ctx, q.Account)
	if err != nil {
		return nil, err
	}
	decided, err := q.Store.DecidedDrafts(ctx, q.Account, recentDecided)
	if err != nil {
		return nil, err
	}
	out := map[int64][]gratitude.Draft{}
	for _, d := range open {
		out[d.RequestID] = append(out[d.RequestID], d)
	}
	for _, d := range slices.Backward(decided) {
		if d.State != gratitude.DraftApproved && now.Sub(gratitude.Latest(d.DecidedAt, d.SentAt)) <= JustDecided {
			out[d.RequestID] = append(out[d.RequestID], d)
		}
	}
	for id, ds := range out {
		slices.SortFunc(ds, func(a, b gratitude.Draft) int { return cmp.Compare(a.ID, b.ID) })
		out[id] = ds
	}
	return out, nil
}

// recentDecided bounds how many decided drafts Today looks at for those
// decided in the last JustDecided.
const recentDecided = 100

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
// newest ask first: up to limit of them from offset, read whole, and how
// many match in all.
func (q Queries) Find(ctx context.Context, state gratitude.State, text string, offset, limit int) ([]gratitude.Request, int, error) {
	text = strings.ToLower(strings.TrimSpace(text))
	found, err := q.Store.RequestHeads(ctx, q.Account, state)
	if err != nil {
		return nil, 0, err
	}
	if text != "" {
		if found, err = q.mentioning(ctx, found, text); err != nil {
			return nil, 0, err
		}
	}
	slices.SortFunc(found, func(a, b gratitude.Request) int { return byAsked(b, a) })
	page := found[min(len(found), max(0, offset)):min(len(found), max(0, offset)+max(0, limit))]
	ids := make([]int64, len(page))
	for i, r := range page {
		ids[i] = r.ID
	}
	reqs, err := q.Store.RequestsByID(ctx, q.Account, ids)
	return reqs, len(found), err
}

// mentioning keeps the requests whose subject contains lower-case text,
// or who took part in which has a name or address containing it. People
// are matched first, among everyone known, so the requests' people need
// not be read.
func (q Queries) mentioning(ctx context.Context, reqs []gratitude.Request, text string) ([]gratitude.Request, error) {
	people, err := q.Store.Correspondents(ctx, q.Account)
	if err != nil {
		return nil, err
	}
	var named []string
	for _, a := range people {
		if names(a, text) {
			named = append(named, a.Email)
		}
	}
	with, err := q.Store.RequestsWith(ctx, q.Account, named)
	if err != nil {
		return nil, err
	}
	out := reqs[:0]
	for _, r := range reqs {
		if with[r.ID] || strings.Contains(strings.ToLower(r.Subject), text) {
			out = append(out, r)
		}
	}
	return out, nil
}

// names reports whether lower-case text is in a's name or address.
func names(a gratitude.Address, text string) bool {
	return strings.Contains(strings.ToLower(a.Name+" "+a.Email), text)
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
	reqs, err := q.Store.LiveRequests(ctx, q.Account, waiting)
	if err != nil {
		return nil, err
	}
	var out []Upcoming
	for _, r := range reqs {
		if next, ok := gratitude.NextReminder(r, p); ok {
			out = append(out, Upcoming{Request: r, Reminder: next})
		}
	}
	slices.SortFunc(out, func(a, b Upcoming) int {
		return cmp.Or(a.Reminder.DueAt.Compare(b.Reminder.DueAt), cmp.Compare(a.Request.ID, b.Request.ID))
	})
	return out, nil
}
