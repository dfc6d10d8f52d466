package thanks

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"gratitude"
	"gratitude/store"
)

// execution is one proven command mail being carried out.
type execution struct {
	r        *Runner
	mail     store.CommandMail
	req      gratitude.Request
	now      time.Time
	done     []string   // what was done, for the record and the reply
	problems []string   // what could not be done, and why
	status   bool       // the owner asked for the status
	card     store.Card // the card the mail answers, if any
}

// findCard finds the card the mail answers: the one whose address it went
// to, else the newest one among the program's mail it replies to.
func (x *execution) findCard(ctx context.Context) error {
	ids := x.mail.Refs
	for i := len(ids) - 1; i >= 0 && x.card.ID == 0; i-- {
		c, ok, err := x.r.Store.CardByMessageID(ctx, x.r.Account, ids[i])
		if err != nil {
			return err
		}
		if ok {
			x.card = c
		}
	}
	if x.mail.CardID == 0 {
		return nil
	}
	c, ok, err := x.r.Store.Card(ctx, x.r.Account, x.mail.CardID)
	if ok {
		x.card = c
	}
	return err
}

// run carries out the commands in order; one that cannot be done is noted
// and the others go on.
func (x *execution) run(ctx context.Context) error {
	for _, c := range x.mail.Commands {
		err := x.one(ctx, c)
		var p problem
		switch {
		case errors.As(err, &p):
			x.problems = append(x.problems, fmt.Sprintf("%s: %s", c.Line, p.msg))
		case errors.Is(err, store.ErrNotInThread), errors.Is(err, store.ErrNotWanted):
			x.problems = append(x.problems, fmt.Sprintf("%s: %v", c.Line, err))
		case err != nil:
			return err
		default:
			x.done = append(x.done, c.Line)
		}
	}
	return nil
}

// problem is a command that cannot be done as asked.
type problem struct{ msg string }

func (p problem) Error() string { return p.msg }

func (x *execution) one(ctx context.Context, c gratitude.Command) error {
	switch c.Verb {
	case gratitude.VerbResolve:
		return x.apply(ctx, gratitude.Resolve{At: x.now})
	case gratitude.VerbCancel:
		return x.apply(ctx, gratitude.Cancel{At: x.now})
	case gratitude.VerbSnooze:
		return x.apply(ctx, gratitude.Snooze{Until: c.Until, At: x.now})
	case gratitude.VerbHelped:
		return x.apply(ctx, gratitude.MarkHelped{Who: gratitude.Address{Email: c.Who}, At: x.now})
	case gratitude.VerbNotHelped:
		if x.req.Helper(c.Who) == nil {
			return problem{c.Who + " is not a helper of this request"}
		}
		return x.apply(ctx, gratitude.NotHelped{Who: gratitude.Address{Email: c.Who}, At: x.now})
	case gratitude.VerbStatus:
		x.status = true
		return nil
	case gratitude.VerbApprove:
		return x.approve(ctx, c.Who)
	case gratitude.VerbSkip:
		return x.skip(ctx, c.Who)
	case gratitude.VerbEdit:
		return x.edit(ctx, c.Who, c.Text)
	}
	return problem{"not a command"}
}

// apply applies an owner event to the request; a resolve writes the
// drafts at once, so "resolved" and "approve" can come in one mail.
func (x *execution) apply(ctx context.Context, ev gratitude.Event) error {
	req, err := x.r.Store.Apply(ctx, x.r.Account, x.req.ID, ev, x.now)
	if err != nil {
		return err
	}
	x.req = req
	if _, ok := ev.(gratitude.Resolve); ok && req.State == gratitude.StateResolved {
		_, err = x.r.draft(ctx, req, x.now)
	}
	return err
}

// approve sends the pending drafts of the helpers who matches (all when "").
func (x *execution) approve(ctx context.Context, who string) error {
	drafts, err := x.pending(ctx, who)
	if err != nil {
		return err
	}
	for _, d := range drafts {
		if err := x.r.Approve(ctx, d, x.now); err != nil {
			return err
		}
	}
	return nil
}

// skip closes a helper without a thank-you, dropping their draft.
func (x *execution) skip(ctx context.Context, who string) error {
	h, err := x.helper(who)
	if err != nil {
		return err
	}
	if err := x.apply(ctx, gratitude.Skip{Who: gratitude.Address{Email: h.Email}, At: x.now}); err != nil {
		return err
	}
	drafts, err := x.r.Store.Drafts(ctx, x.r.Account, x.req.ID)
	if err != nil {
		return err
	}
	for _, d := range drafts {
		if d.To.Email == h.Email && (d.State == gratitude.DraftPending || d.State == gratitude.DraftApproved) {
			if err := x.r.drop(ctx, d, "skipped by you", x.now); err != nil {
				return err
			}
		}
	}
	return nil
}

// edit replaces the text of the matching pending draft.
func (x *execution) edit(ctx context.Context, who, text string) error {
	drafts, err := x.pending(ctx, who)
	if err != nil {
		return err
	}
	if who == "" || len(drafts) != 1 {
		return problem{"name one helper whose thank-you to replace"}
	}
	return x.r.Edit(ctx, drafts[0], text, x.now)
}

// pending returns the request's pending drafts for who ("" = all).
func (x *execution) pending(ctx context.Context, who string) ([]gratitude.Draft, error) {
	all, err := x.r.Store.Drafts(ctx, x.r.Account, x.req.ID)
	if err != nil {
		return nil, err
	}
	pending := only(all, gratitude.DraftPending)
	if who == "" {
		// "approve" on a card answers that card: the drafts it showed,
		// not one written since that the owner has not seen.
		if len(x.card.Drafts) > 0 {
			pending = slices.DeleteFunc(pending, func(d gratitude.Draft) bool { return !slices.Contains(x.card.Drafts, d.ID) })
		}
		if len(pending) == 0 {
			return nil, problem{"no thank-you is waiting for approval"}
		}
		return pending, nil
	}
	h, err := x.helper(who)
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
func (x *execution) helper(who string) (gratitude.Helper, error) {
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
