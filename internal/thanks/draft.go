package thanks

import (
	"context"
	"fmt"
	"strings"
	"time"

	"gratitude"
	"gratitude/internal/lang"
	"gratitude/internal/remind"
	"gratitude/mailer"
	"gratitude/templates"
)

// draftBatch is how many requests one pass drafts for.
const draftBatch = 100

// draftAll writes the thank-you drafts every resolved request still needs.
func (r *Runner) draftAll(ctx context.Context, now time.Time, res *PassResult) error {
	reqs, err := r.Store.RequestsToDraft(ctx, r.Account, draftBatch)
	if err != nil {
		return err
	}
	for _, req := range reqs {
		n, err := r.Draft(ctx, req, now)
		if err != nil {
			return err
		}
		res.Drafted += n
	}
	return nil
}

// Draft writes the thank-you drafts req needs and returns how many.
func (r *Runner) Draft(ctx context.Context, req gratitude.Request, now time.Time) (int, error) {
	drafts, err := r.drafts(ctx, req, now)
	if err != nil || len(drafts) == 0 {
		return 0, err
	}
	if err := r.Store.AddDrafts(ctx, r.Account, drafts, now); err != nil {
		return 0, err
	}
	r.Log.Info("thank-you drafts written", "request", req.ID, "drafts", len(drafts))
	return len(drafts), nil
}

// Preview returns the thank-you drafts req would get if it were resolved
// now (or, resolved, the ones it still needs), saving nothing.
func (r *Runner) Preview(ctx context.Context, req gratitude.Request, now time.Time) ([]gratitude.Draft, error) {
	if req.State == gratitude.StateOpen || req.State == gratitude.StateAnswered {
		req.State, req.ResolvedAt = gratitude.StateResolved, now
	}
	return r.drafts(ctx, req, now)
}

// drafts writes, without saving them, the thank-you drafts req needs.
func (r *Runner) drafts(ctx context.Context, req gratitude.Request, now time.Time) ([]gratitude.Draft, error) {
	helped, err := r.helpedCounts(ctx)
	if err != nil {
		return nil, err
	}
	last, err := r.Store.LastVariants(ctx, r.Account)
	if err != nil {
		return nil, err
	}
	voice, err := r.Store.Voice(ctx, r.Account)
	if err != nil {
		return nil, err
	}
	plans, _ := gratitude.PlanThanks(req, helped, last, r.Composer.Templates.Variants(templates.Thanks))
	drafts := make([]gratitude.Draft, 0, len(plans))
	for _, p := range plans {
		d, err := r.writeDraft(req, p, voice, now)
		if err != nil {
			return nil, err
		}
		drafts = append(drafts, d)
	}
	return drafts, nil
}

// helpedCounts maps each address to how many requests its person helped
// with (all their addresses together).
func (r *Runner) helpedCounts(ctx context.Context) (map[string]int, error) {
	people, err := r.Store.People(ctx, r.Account)
	if err != nil {
		return nil, err
	}
	out := make(map[string]int, len(people))
	for _, p := range people {
		out[p.Email] = p.HelpedMe
		for _, e := range p.Emails {
			out[e] = p.HelpedMe
		}
	}
	return out, nil
}

// writeDraft renders the thank-you the plan describes, greeting and signing
// off as the owner does in its language (see ownVoice).
func (r *Runner) writeDraft(req gratitude.Request, p gratitude.ThanksPlan, voice gratitude.Voice, now time.Time) (gratitude.Draft, error) {
	language := lang.Detect(p.Helper.Excerpt, templates.ThanksLanguages())
	if language == "" {
		language = "en"
	}
	view := templates.ThanksView{
		OwnerName: r.Owner.Name, Signature: r.Signature,
		Helper:  templates.Person{Name: p.Helper.Name, Email: p.Helper.Email},
		Subject: req.Subject, AskedAt: req.AskedAt, Excerpt: p.Helper.Excerpt, TookFor: p.TookFor,
		HelpedBefore: p.HelpedBefore, Variant: p.Variant, Language: language, Now: now,
		Replies: p.Helper.Replies, First: p.First, BroughtIn: p.BroughtIn, Late: p.Late, Outcome: p.Outcome,
	}
	helper := templates.Person{Name: p.Helper.Name, Email: p.Helper.Email}
	view.Greeting, view.Closing = r.ownVoice(voice, helper, language)
	if r.NoRelationship {
		view.HelpedBefore = 0 // the owner asked for no word on their history with the helper
	}
	out, err := r.Composer.Templates.Render(templates.Thanks, view)
	if err != nil {
		return gratitude.Draft{}, fmt.Errorf("thanks: request #%d, %s: %w", req.ID, p.Helper.Email, err)
	}
	return gratitude.Draft{
		RequestID: req.ID, To: gratitude.Address{Name: p.Helper.Name, Email: p.Helper.Email},
		MessageID: r.Composer.NewMessageID("thanks", req.ID), InReplyTo: p.InReplyTo, References: p.References,
		Subject: p.Subject, Text: out.Text, HTML: out.HTML, Variant: p.Variant, Language: language, State: gratitude.DraftPending,
	}, nil
}

// ownVoice is how the owner greets helper and signs off in language, as
// learned from their sent mail: with the helper when they have written to
// them in it, else as with everyone. owner.signature, when set, stands in
// for the name under a learned closing ("Cheers,\nAda" becomes "Cheers,"
// and the signature), so the owner's name is not written twice.
func (r *Runner) ownVoice(voice gratitude.Voice, helper templates.Person, language string) (greeting, closing string) {
	greeting, closing = voice.For(helper.Email, language, templates.FirstName(helper))
	if closing == "" || strings.TrimSpace(r.Signature) == "" {
		return greeting, closing
	}
	if words, _, ok := strings.Cut(closing, "\n"); ok {
		closing = words
	}
	return greeting, closing + "\n" + strings.TrimSpace(r.Signature)
}

// thankYou is the draft as the message that goes to the helper: from the
// owner, to the helper only, threaded under their reply.
func (r *Runner) thankYou(d gratitude.Draft, target gratitude.Target, now time.Time) (gratitude.Outgoing, error) {
	m := mailer.Message{
		From: r.Owner, To: []gratitude.Address{d.To}, Subject: d.Subject, MessageID: d.MessageID,
		InReplyTo: d.InReplyTo, References: d.References, Date: now, Text: d.Text, HTML: d.HTML,
	}
	return r.Composer.Outgoing("thank-you", d.RequestID, &m, target)
}

// deliverAll shows each request's new drafts to the owner: in Drafts, on
// an approval card, or both.
func (r *Runner) deliverAll(ctx context.Context, now time.Time, res *PassResult) error {
	ids, err := r.Store.UndeliveredRequests(ctx, r.Account)
	if err != nil {
		return err
	}
	for _, id := range ids {
		if err := r.Present(ctx, id, now); err != nil {
			return err
		}
		res.Queued = true
	}
	return nil
}

// Present queues the Drafts copies of a request's pending drafts and the
// card that lists them.
func (r *Runner) Present(ctx context.Context, requestID int64, now time.Time) error {
	req, err := r.Store.Request(ctx, r.Account, requestID)
	if err != nil {
		return err
	}
	drafts, err := r.Store.Drafts(ctx, r.Account, requestID)
	if err != nil {
		return err
	}
	pending := only(drafts, gratitude.DraftPending)
	var out []gratitude.Outgoing
	if r.Drafts {
		for _, d := range pending {
			o, err := r.thankYou(d, gratitude.TargetDrafts, now)
			if err != nil {
				return err
			}
			out = append(out, o)
		}
	}
	if r.Approval && len(pending) > 0 {
		var ids []int64
		for _, d := range pending {
			ids = append(ids, d.ID)
		}
		card, err := r.Composer.Notice(ctx, remind.Note{Name: templates.Card, View: r.cardView(req, pending, now),
			Request: req, Drafts: ids, Now: now})
		if err != nil {
			return err
		}
		out = append(out, card)
	}
	return r.Store.DeliverDrafts(ctx, r.Account, requestID, out, now)
}

// cardView lists the drafts for approval.
func (r *Runner) cardView(req gratitude.Request, drafts []gratitude.Draft, now time.Time) templates.CardView {
	v := templates.CardView{OwnerName: r.Owner.Name, Request: requestView(req), InDrafts: r.Drafts, Now: now,
		ReplyHint: fmt.Sprintf("Or on the command line: gratitude approve --request %d", req.ID)}
	v.Drafts = cardDrafts(drafts)
	_, none := gratitude.PlanThanks(req, nil, nil, 1)
	for _, h := range none {
		v.NoDraft = append(v.NoDraft, templates.Person{Name: h.Name, Email: h.Email})
	}
	return v
}

// supersede skips the drafts nothing should be sent for any more: the
// helper was thanked another way (the owner wrote to them) or skipped, or
// the request was cancelled.
func (r *Runner) supersede(ctx context.Context, now time.Time, _ *PassResult) error {
	obsolete, err := r.Store.ObsoleteDrafts(ctx, r.Account)
	if err != nil {
		return err
	}
	for _, o := range obsolete {
		if err := r.Drop(ctx, o.Draft, o.Why, now); err != nil {
			return err
		}
		r.Log.Info("thank-you draft dropped", "draft", o.ID, "request", o.RequestID, "to", o.To.Email, "why", o.Why)
	}
	return nil
}

func only(ds []gratitude.Draft, state gratitude.DraftState) []gratitude.Draft {
	var out []gratitude.Draft
	for _, d := range ds {
		if d.State == state {
			out = append(out, d)
		}
	}
	return out
}
