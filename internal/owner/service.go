package owner

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"gratitude"
)

// Store is what the owner's actions read and change.
type Store interface {
	Request(ctx context.Context, account, id int64) (gratitude.Request, error)
	// Update loads a request, saves what decide made of it and logs its
	// event, in one transaction.
	Update(ctx context.Context, account, requestID int64, now time.Time, decide func(gratitude.Request) gratitude.Applied) (gratitude.Request, error)
	Drafts(ctx context.Context, account, requestID int64) ([]gratitude.Draft, error)
	Draft(ctx context.Context, account, id int64) (gratitude.Draft, error)
}

// Drafter writes, shows and sends thank-you drafts (internal/thanks.Runner).
type Drafter interface {
	// Draft writes the thank-you drafts a resolved request needs.
	Draft(ctx context.Context, req gratitude.Request, now time.Time) (int, error)
	// Present shows a request's new drafts: in Drafts, on a card, or both.
	Present(ctx context.Context, requestID int64, now time.Time) error
	// Approve queues a pending draft's thank-you.
	Approve(ctx context.Context, d gratitude.Draft, now time.Time) error
	// Edit replaces a pending draft's text.
	Edit(ctx context.Context, d gratitude.Draft, text string, now time.Time) error
	// Drop skips a pending or approved draft, removing its copy in Drafts.
	Drop(ctx context.Context, d gratitude.Draft, reason string, now time.Time) error
}

// Service carries out the owner's actions for one account.
type Service struct {
	Store   Store
	Account int64
	Drafter Drafter
}

// Action is one thing the owner asks for about a request.
type Action struct {
	gratitude.Command
	// Name is the display name that goes with Who for helped.
	Name string
	// Draft names one draft by id (approve, skip, edit), instead of Who.
	Draft int64
	// Shown, when set, limits an approve of every draft to these: a
	// card's "approve" means the drafts it showed, not newer ones.
	Shown []int64
}

// Outcome is what became of one action.
type Outcome struct {
	Action Action
	// Problem says why the action could not be done as asked ("": done).
	Problem string
	// Drafts are the drafts it approved, skipped or edited, as they are now.
	Drafts []gratitude.Draft
	// Already, for an approve that found nothing left to send, says whose
	// thank-you it named and when it went: nothing was done, and nothing
	// needed doing.
	Already []Thanked
}

// Report is what a run of actions did to its request.
type Report struct {
	Before   gratitude.Request // the request before the actions
	Request  gratitude.Request // the request after them
	Outcomes []Outcome
	Drafted  int  // thank-you drafts written (a resolve)
	Status   bool // the owner asked where the request stands
}

// Problems returns the outcomes' problems, each after its action's line.
func (r Report) Problems() []string {
	var out []string
	for _, o := range r.Outcomes {
		if o.Problem != "" {
			out = append(out, fmt.Sprintf("%s: %s", o.Action.Line, o.Problem))
		}
	}
	return out
}

// Done returns the lines of the actions that were done.
func (r Report) Done() []string {
	var out []string
	for _, o := range r.Outcomes {
		if o.Problem == "" && len(o.Already) == 0 {
			out = append(out, o.Action.Line)
		}
	}
	return out
}

// Already returns, for the approves that had nothing left to send, whose
// thank-you went and when, each helper once.
func (r Report) Already() []Thanked {
	var out []Thanked
	for _, o := range r.Outcomes {
		for _, t := range o.Already {
			if !slices.ContainsFunc(out, func(u Thanked) bool { return u.Who.Email == t.Who.Email }) {
				out = append(out, t)
			}
		}
	}
	return out
}

// problem is an action that cannot be done as asked; the others go on.
type problem struct{ msg string }

func (p problem) Error() string { return p.msg }

// Do carries out the actions in order on one request (0: the request of
// the first action's draft). An action that cannot be done is reported in
// its outcome and the others go on; an error is a failure to reach the
// store, after which the actions done stay done. Drafts a resolve wrote
// are shown once all the actions are done, so that "resolved" and
// "approve" in one go send without showing first.
func (s *Service) Do(ctx context.Context, requestID int64, acts []Action, now time.Time) (Report, error) {
	if requestID == 0 && len(acts) > 0 && acts[0].Draft != 0 {
		d, err := s.Store.Draft(ctx, s.Account, acts[0].Draft)
		if err != nil {
			return Report{}, err
		}
		requestID = d.RequestID
	}
	req, err := s.Store.Request(ctx, s.Account, requestID)
	if err != nil {
		return Report{}, err
	}
	x := &run{s: s, req: req, now: now, rep: Report{Before: req}}
	for _, a := range acts {
		if err := x.one(ctx, a); err != nil {
			return x.report(), err
		}
	}
	if x.rep.Drafted > 0 {
		if err := s.Drafter.Present(ctx, x.req.ID, now); err != nil {
			return x.report(), err
		}
	}
	return x.report(), nil
}

// run is one Do in progress.
type run struct {
	s   *Service
	req gratitude.Request
	now time.Time
	rep Report
	out []gratitude.Draft // the current action's drafts
	// thanked, for the current approve, is who was already thanked.
	thanked []Thanked
}

func (x *run) report() Report {
	x.rep.Request = x.req
	return x.rep
}

// one carries out one action and records its outcome.
func (x *run) one(ctx context.Context, a Action) error {
	x.out, x.thanked = nil, nil
	err := x.do(ctx, a)
	var p problem
	switch {
	case errors.As(err, &p):
		x.rep.Outcomes = append(x.rep.Outcomes, Outcome{Action: a, Problem: p.msg})
	case errors.Is(err, gratitude.ErrNotWanted), errors.Is(err, gratitude.ErrNotInThread):
		x.rep.Outcomes = append(x.rep.Outcomes, Outcome{Action: a, Problem: err.Error()})
	case err != nil:
		return err
	default:
		x.rep.Outcomes = append(x.rep.Outcomes, Outcome{Action: a, Drafts: x.out, Already: x.thanked})
	}
	return nil
}

func (x *run) do(ctx context.Context, a Action) error {
	switch a.Verb {
	case gratitude.VerbResolve:
		return x.resolve(ctx, a.Text)
	case gratitude.VerbCancel:
		return x.apply(ctx, gratitude.Cancel{At: x.now})
	case gratitude.VerbSnooze:
		return x.apply(ctx, gratitude.Snooze{Until: a.Until, At: x.now})
	case gratitude.VerbHelped:
		return x.apply(ctx, gratitude.MarkHelped{Who: gratitude.Address{Name: a.Name, Email: a.Who}, At: x.now})
	case gratitude.VerbNotHelped:
		if x.req.Helper(a.Who) == nil {
			return problem{a.Who + " is not a helper of this request"}
		}
		return x.apply(ctx, gratitude.NotHelped{Who: gratitude.Address{Email: a.Who}, At: x.now})
	case gratitude.VerbStatus:
		x.rep.Status = true
		return nil
	case gratitude.VerbTrack:
		return x.apply(ctx, gratitude.Track{At: x.now})
	case gratitude.VerbApprove:
		return x.approve(ctx, a)
	case gratitude.VerbSkip:
		return x.skip(ctx, a)
	case gratitude.VerbEdit:
		return x.edit(ctx, a)
	}
	return problem{"not a command"}
}

// apply applies an owner event to the request: the core decides, the store
// saves, in one transaction.
func (x *run) apply(ctx context.Context, ev gratitude.Event) error {
	req, err := x.s.Store.Update(ctx, x.s.Account, x.req.ID, x.now, gratitude.Deciding(ev, x.now))
	if err != nil {
		return err
	}
	x.req = req
	return nil
}

// resolve resolves the request, with what came of it when the owner says
// (outcome), and writes its thank-you drafts at once.
func (x *run) resolve(ctx context.Context, outcome string) error {
	if err := x.apply(ctx, gratitude.Resolve{At: x.now, Outcome: outcome}); err != nil {
		return err
	}
	if x.req.State != gratitude.StateResolved {
		return nil
	}
	n, err := x.s.Drafter.Draft(ctx, x.req, x.now)
	x.rep.Drafted += n
	return err
}
