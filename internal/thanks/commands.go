package thanks

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gratitude"
	"gratitude/internal/remind"
	"gratitude/store"
	"gratitude/templates"
)

// Command outcomes, as recorded.
const (
	commandDone    = "done"
	commandRefused = "refused"
)

// commands carries out each pending command mail that is proven to be the
// owner's, refuses those that cannot be once the grace period is over, and
// leaves the rest for a later pass.
func (r *Runner) commands(ctx context.Context, now time.Time, res *PassResult) error {
	pending, err := r.Store.PendingCommands(ctx, r.Account)
	if err != nil {
		return err
	}
	for _, c := range pending {
		proof, requestID, why, err := r.prove(ctx, c, now)
		if err != nil {
			return err
		}
		switch {
		case proof:
			// One mail that cannot be carried out must not hold up the
			// others, nor the rest of the pass: it is tried again later.
			if err := r.carryOut(ctx, c, requestID, now); err != nil {
				r.Log.Error("commands could not be carried out; trying again later", "message_id", c.MessageID, "err", err)
				res.failed = errors.Join(res.failed, fmt.Errorf("commands in %s: %w", c.MessageID, err))
				continue
			}
			res.Commands++
			res.Queued = true
		case now.Sub(c.ReceivedAt) < r.grace():
			res.Waiting++
		default:
			r.Log.Warn("commands not carried out: not proven to come from the owner", "message_id", c.MessageID,
				"from", c.From, "subject", c.Subject, "why", why)
			if err := r.Store.DecideCommand(ctx, r.Account, c.ID, commandRefused, why, now); err != nil {
				return err
			}
			res.Refused++
		}
	}
	return nil
}

// prove weighs what shows the mail is the owner's (DESIGN.md "Trust"): a
// copy in Sent, a valid unexpired token of a card about the same request,
// or trusted DKIM. It returns the request the commands are about.
func (r *Runner) prove(ctx context.Context, c store.CommandMail, now time.Time) (bool, int64, string, error) {
	requestID := c.RequestID
	var why []string
	if c.CardID != 0 {
		v, err := r.Cards.Check(ctx, c.CardID, c.Token, now)
		if err != nil {
			return false, 0, "", err
		}
		switch {
		case v.OK && requestID != 0 && v.RequestID != 0 && v.RequestID != requestID:
			return false, 0, fmt.Sprintf("sent to card %d's address, which is about another request", c.CardID), nil
		case v.OK:
			if v.RequestID != 0 {
				requestID = v.RequestID
			}
			return true, requestID, "", nil
		}
		why = append(why, v.Reason)
	} else {
		why = append(why, "not sent to a card's address")
	}
	if c.DKIM {
		return true, requestID, "", nil
	}
	why = append(why, "no trusted DKIM signature of your domain")
	if r.SentFolder != "" {
		inSent, err := r.Store.SeenIn(ctx, r.Account, c.MessageID, r.SentFolder)
		if err != nil || inSent {
			return inSent, requestID, "", err
		}
	}
	why = append(why, "no copy in "+r.sentName())
	return false, requestID, strings.Join(why, "; "), nil
}

func (r *Runner) sentName() string {
	if r.SentFolder == "" {
		return "Sent"
	}
	return r.SentFolder
}

// carryOut runs the commands of one proven mail in order, answers with
// what it could not do, and records it done.
func (r *Runner) carryOut(ctx context.Context, c store.CommandMail, requestID int64, now time.Time) error {
	x := &execution{r: r, mail: c, now: now}
	if err := x.findCard(ctx); err != nil {
		return err
	}
	if requestID == 0 {
		x.problems = append(x.problems, "which request? Reply to a card about it, or write #ID in the subject")
	} else {
		req, err := r.Store.Request(ctx, r.Account, requestID)
		if errors.Is(err, store.ErrNoSuchRequest) {
			x.problems = append(x.problems, fmt.Sprintf("there is no request #%d", requestID))
		} else if err != nil {
			return err
		} else {
			x.req = req
			if err := x.run(ctx); err != nil {
				return err
			}
		}
	}
	if err := x.answer(ctx); err != nil {
		return err
	}
	r.Log.Info("commands carried out", "message_id", c.MessageID, "request", requestID, "done", x.done, "problems", x.problems)
	return r.Store.DecideCommand(ctx, r.Account, c.ID, commandDone, strings.Join(x.done, "; "), now)
}

// answer replies to the owner when something was not understood or could
// not be done, or when they asked for the status.
func (x *execution) answer(ctx context.Context) error {
	var out []store.Outgoing
	unknown := append(append([]string{}, x.mail.Unknown...), x.problems...)
	if len(unknown) > 0 {
		v := templates.CommandsView{OwnerName: x.r.Owner.Name, Request: requestView(x.req), Unknown: unknown, Done: x.done, Now: x.now}
		o, err := x.r.Composer.Notice(ctx, remind.Note{Name: templates.CommandsHelp, View: v, Request: x.req,
			InReplyTo: x.mail.MessageID, Now: x.now})
		if err != nil {
			return err
		}
		out = append(out, o)
	}
	if x.status {
		o, err := x.r.statusReply(ctx, x.req, x.mail.MessageID, x.now)
		if err != nil {
			return err
		}
		out = append(out, o)
	}
	if len(out) == 0 {
		return nil
	}
	return x.r.Store.Enqueue(ctx, x.r.Account, out, x.now)
}

// statusReply tells the owner where a request stands.
func (r *Runner) statusReply(ctx context.Context, req gratitude.Request, inReplyTo string, now time.Time) (store.Outgoing, error) {
	drafts, err := r.Store.Drafts(ctx, r.Account, req.ID)
	if err != nil {
		return store.Outgoing{}, err
	}
	v := templates.StatusView{OwnerName: r.Owner.Name, Request: requestView(req), State: string(req.State),
		Drafts: cardDrafts(drafts), Now: now}
	if next, ok := gratitude.NextReminder(req, r.Policy); ok {
		v.NextReminder, v.NextReminderAt = reminderWords(next.Kind), next.DueAt
	}
	return r.Composer.Notice(ctx, remind.Note{Name: templates.Status, View: v, Request: req, InReplyTo: inReplyTo, Now: now})
}

func reminderWords(k gratitude.ReminderKind) string {
	switch k {
	case gratitude.ReminderNoReply:
		return "a nudge: nobody has answered"
	case gratitude.ReminderUnresolved:
		return `"is this done?"`
	case gratitude.ReminderThanks:
		return "a reminder to thank your helpers"
	}
	return string(k)
}

// reportRefusals tells the owner, at most once a day, about command mail
// that was not carried out.
func (r *Runner) reportRefusals(ctx context.Context, now time.Time, res *PassResult) error {
	items, err := r.Store.RefusalsToReport(ctx, r.Account)
	if err != nil || len(items) == 0 {
		return err
	}
	last, ok, err := r.Store.TimeSetting(ctx, r.Account, "refusals.reported_at")
	if err != nil || (ok && now.Sub(last) < reportEvery) {
		return err
	}
	v := templates.RefusedView{OwnerName: r.Owner.Name, Now: now}
	for _, c := range items {
		v.Items = append(v.Items, templates.RefusedItem{From: c.From, Subject: c.Subject, Reason: c.Reason, At: c.ReceivedAt})
	}
	o, err := r.Composer.Notice(ctx, remind.Note{Name: templates.Refused, View: v, Now: now})
	if err != nil {
		return err
	}
	if err := r.Store.Enqueue(ctx, r.Account, []store.Outgoing{o}, now); err != nil {
		return err
	}
	res.Queued = true
	if err := r.Store.RefusalsReported(ctx, r.Account, items[len(items)-1].ID, now); err != nil {
		return err
	}
	return r.Store.SetTimeSetting(ctx, r.Account, "refusals.reported_at", now, now)
}
