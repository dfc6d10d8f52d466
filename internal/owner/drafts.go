package owner

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"gratitude"
)

// approve queues the thank-you of the draft named, of the helper named,
// or of every pending draft of the request (those a card showed, when
// the action answers one). With none pending because they went already,
// it does nothing and says who was thanked when.
func (x *run) approve(ctx context.Context, a Action) error {
	drafts, err := x.approveDone(ctx, a)
	if err != nil {
		return err
	}
	for _, d := range drafts {
		if err := x.s.Drafter.Approve(ctx, d, x.now); err != nil {
			return err
		}
		d.State = gratitude.DraftApproved
		x.out = append(x.out, d)
	}
	return nil
}

// skip closes a helper without a thank-you and drops their drafts, pending
// or approved but not yet sent.
func (x *run) skip(ctx context.Context, a Action) error {
	h, err := x.helperOf(ctx, a)
	if err != nil {
		return err
	}
	if err := x.apply(ctx, gratitude.Skip{Who: gratitude.Address{Email: h.Email}, At: x.now}); err != nil {
		return err
	}
	drafts, err := x.s.Store.Drafts(ctx, x.s.Account, x.req.ID)
	if err != nil {
		return err
	}
	for _, d := range drafts {
		if d.To.Email == h.Email && (d.State == gratitude.DraftPending || d.State == gratitude.DraftApproved) {
			if err := x.s.Drafter.Drop(ctx, d, "skipped by you", x.now); err != nil {
				return err
			}
			d.State = gratitude.DraftSkipped
			x.out = append(x.out, d)
		}
	}
	return nil
}

// edit replaces the text of the one pending draft named.
func (x *run) edit(ctx context.Context, a Action) error {
	if a.Who == "" && a.Draft == 0 {
		return problem{"name one helper whose thank-you to replace"}
	}
	drafts, err := x.pending(ctx, a)
	if err != nil {
		return err
	}
	if err := x.s.Drafter.Edit(ctx, drafts[0], a.Text, x.now); err != nil {
		return err
	}
	d, err := x.s.Store.Draft(ctx, x.s.Account, drafts[0].ID)
	x.out = append(x.out, d)
	return err
}

// helperOf finds the helper an action is about: the draft's, or the one
// Who names.
func (x *run) helperOf(ctx context.Context, a Action) (gratitude.Helper, error) {
	if a.Draft == 0 {
		return x.helper(a.Who)
	}
	d, err := x.draft(ctx, a.Draft)
	if err != nil {
		return gratitude.Helper{}, err
	}
	if d.State != gratitude.DraftPending && d.State != gratitude.DraftApproved {
		return gratitude.Helper{}, problem{fmt.Sprintf("draft %d is %s already", d.ID, d.State)}
	}
	if h := x.req.Helper(d.To.Email); h != nil {
		return *h, nil
	}
	return gratitude.Helper{Email: d.To.Email, Name: d.To.Name}, nil
}

// draft loads a draft of the request by id.
func (x *run) draft(ctx context.Context, id int64) (gratitude.Draft, error) {
	d, err := x.s.Store.Draft(ctx, x.s.Account, id)
	if err != nil {
		return d, err
	}
	if d.RequestID != x.req.ID {
		return d, problem{fmt.Sprintf("draft %d is not about request #%d", id, x.req.ID)}
	}
	return d, nil
}

// pending returns the pending drafts an action names: one by id, the one
// of the helper Who names, or every one ("" Who, only those Shown when
// set).
func (x *run) pending(ctx context.Context, a Action) ([]gratitude.Draft, error) {
	if a.Draft != 0 {
		d, err := x.draft(ctx, a.Draft)
		if err != nil {
			return nil, err
		}
		if d.State != gratitude.DraftPending {
			return nil, problem{fmt.Sprintf("draft %d is %s, not pending", d.ID, d.State)}
		}
		return []gratitude.Draft{d}, nil
	}
	all, err := x.s.Store.Drafts(ctx, x.s.Account, x.req.ID)
	if err != nil {
		return nil, err
	}
	pending := slices.DeleteFunc(all, func(d gratitude.Draft) bool { return d.State != gratitude.DraftPending })
	if a.Who == "" {
		if len(a.Shown) > 0 {
			pending = slices.DeleteFunc(pending, func(d gratitude.Draft) bool { return !slices.Contains(a.Shown, d.ID) })
		}
		if len(pending) == 0 {
			return nil, problem{"no thank-you is waiting for approval"}
		}
		return pending, nil
	}
	h, err := x.helper(a.Who)
	if err != nil {
		return nil, err
	}
	for _, d := range pending {
		if d.To.Email == h.Email {
			return []gratitude.Draft{d}, nil
		}
	}
	return nil, problem{"no thank-you to " + h.Email + " is waiting for approval"}
}

// helper finds the one helper who names: an address, a full name, a first
// name or the part of the address before the @.
func (x *run) helper(who string) (gratitude.Helper, error) {
	var found []gratitude.Helper
	for _, h := range x.req.Helpers {
		if matches(h, who) {
			found = append(found, h)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		return gratitude.Helper{}, problem{fmt.Sprintf("no helper of request #%d is called %q", x.req.ID, who)}
	}
	return gratitude.Helper{}, problem{fmt.Sprintf("%q could be %s; write the address", who, emails(found))}
}

// matches compares names as they are shown (gratitude.Visible): the card
// prints a name without its invisible characters, so the owner types that.
func matches(h gratitude.Helper, who string) bool {
	who = strings.ToLower(strings.TrimSpace(gratitude.Visible(who)))
	name := strings.ToLower(gratitude.Visible(h.Name))
	local, _, _ := strings.Cut(h.Email, "@")
	first, _, _ := strings.Cut(name, " ")
	return who == h.Email || (name != "" && (who == name || who == first)) || who == local
}

func emails(hs []gratitude.Helper) string {
	var out []string
	for _, h := range hs {
		out = append(out, h.Email)
	}
	return strings.Join(out, " or ")
}
