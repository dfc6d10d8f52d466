package thanks

import (
	"context"
	"time"

	"gratitude"
	"gratitude/internal/owner"
)

// execution is one proven command mail being carried out: the mail's
// adapter over the owner's actions (internal/owner).
type execution struct {
	r        *Runner
	mail     gratitude.CommandMail
	req      gratitude.Request
	now      time.Time
	done     []string        // what was done, for the record and the reply
	problems []string        // what could not be done, and why
	already  []owner.Thanked // whose thank-you an approve named had gone already
	status   bool            // the owner asked for the status
	card     gratitude.Card  // the card the mail answers, if any
	tracking bool            // it answers the notice of refused mail with track
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

// run carries out the mail's commands in order through the owner's
// actions; one that cannot be done is noted and the others go on.
func (x *execution) run(ctx context.Context) error {
	acts := make([]owner.Action, 0, len(x.mail.Commands))
	for _, c := range x.mail.Commands {
		// "approve" on a card answers that card: the drafts it showed,
		// not one written since that the owner has not seen.
		acts = append(acts, owner.Action{Command: c, Shown: x.card.Drafts})
	}
	rep, err := x.r.Actions.Do(ctx, x.req.ID, acts, x.now)
	x.req = rep.Request
	x.done, x.problems, x.already, x.status = rep.Done(), rep.Problems(), rep.Already(), rep.Status
	return err
}
