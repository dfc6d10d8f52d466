package owner

import (
	"context"
	"errors"
	"slices"
	"time"

	"gratitude"
)

// Thanked is a helper an approve named whose thank-you needs nothing more:
// sent (by gratitude or by the owner) on At, or, At zero, approved and on
// its way.
type Thanked struct {
	Who gratitude.Address
	At  time.Time
}

// approveDone approves what an action names, or, when it names nothing
// pending because the thank-yous already went, says who was thanked and
// when: a second "approve" has nothing to do, which is no problem.
func (x *run) approveDone(ctx context.Context, a Action) ([]gratitude.Draft, error) {
	drafts, err := x.pending(ctx, a)
	var p problem
	if !errors.As(err, &p) {
		return drafts, err
	}
	thanked, aerr := x.alreadyThanked(ctx, a)
	if aerr != nil || len(thanked) == 0 {
		return nil, errors.Join(err, aerr)
	}
	x.thanked = thanked
	return nil, nil
}

// alreadyThanked returns the helpers whose thank-you the action names and
// who need none sent: thanked, or with one approved. Nothing when the
// action names no helper or draft of the request (its problem says so).
func (x *run) alreadyThanked(ctx context.Context, a Action) ([]Thanked, error) {
	if a.Draft != 0 {
		d, err := x.draft(ctx, a.Draft)
		if err != nil {
			return nil, unlessProblem(err)
		}
		return x.thankedOf([]gratitude.Draft{d}), nil
	}
	var h gratitude.Helper
	if a.Who != "" {
		var err error
		if h, err = x.helper(a.Who); err != nil {
			return nil, unlessProblem(err)
		}
		if h.Thanked() { // perhaps by the owner, before any draft
			return []Thanked{{Who: gratitude.Address{Name: h.Name, Email: h.Email}, At: h.ThankedAt}}, nil
		}
	}
	all, err := x.s.Store.Drafts(ctx, x.s.Account, x.req.ID)
	if err != nil {
		return nil, err
	}
	named := slices.DeleteFunc(all, func(d gratitude.Draft) bool {
		if h.Email != "" {
			return d.To.Email != h.Email
		}
		return len(a.Shown) > 0 && !slices.Contains(a.Shown, d.ID)
	})
	return x.thankedOf(named), nil
}

// unlessProblem drops an action's problem (the caller has it already) and
// keeps a failure to reach the store.
func unlessProblem(err error) error {
	var p problem
	if errors.As(err, &p) {
		return nil
	}
	return err
}

// thankedOf keeps, once per helper, the drafts' helpers already thanked
// (when the helper's record says so, else when the draft was sent) or
// whose thank-you is approved.
func (x *run) thankedOf(drafts []gratitude.Draft) []Thanked {
	var out []Thanked
	for _, d := range drafts {
		t := Thanked{Who: d.To}
		switch h := x.req.Helper(d.To.Email); {
		case h != nil && h.Thanked():
			t.At = h.ThankedAt
		case d.State == gratitude.DraftSent:
			t.At = d.SentAt
		case d.State != gratitude.DraftApproved:
			continue
		}
		if !slices.ContainsFunc(out, func(o Thanked) bool { return o.Who.Email == t.Who.Email }) {
			out = append(out, t)
		}
	}
	return out
}
