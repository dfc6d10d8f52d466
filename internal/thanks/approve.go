package thanks

import (
	"context"
	"time"

	"gratitude"
)

// Approve queues a pending draft's thank-you: sent by SMTP from the owner
// to the helper only; once it has left, a copy goes to Sent (unless the
// server files one itself) and its copy in Drafts is removed. The store
// refuses it unless the helper wrote in the request's thread, and never
// queues the same thank-you twice.
func (r *Runner) Approve(ctx context.Context, d gratitude.Draft, now time.Time) error {
	o, err := r.thankYou(d, gratitude.TargetSMTP, now)
	if err != nil {
		return err
	}
	if !r.FilesSent {
		o.Then = append(o.Then, gratitude.TargetSent)
	}
	if r.Drafts {
		o.Then = append(o.Then, gratitude.TargetDraftsRemove)
	}
	if err := r.Store.ApproveDraft(ctx, r.Account, d, []gratitude.Outgoing{o}, now); err != nil {
		return err
	}
	r.Log.Info("thank-you approved", "draft", d.ID, "request", d.RequestID, "to", d.To.Email, "message_id", d.MessageID)
	return nil
}

// Edit replaces a pending draft's text. The draft takes a new Message-ID
// and its copy in Drafts is replaced: the old text removed, the new one
// put there, so that the copy the owner may send from their own client
// says what they last wrote.
func (r *Runner) Edit(ctx context.Context, d gratitude.Draft, text string, now time.Time) error {
	old := d.MessageID
	d.Text, d.HTML, d.MessageID = text, "", r.Composer.NewMessageID("thanks", d.RequestID)
	var out []gratitude.Outgoing
	if r.Drafts {
		o, err := r.thankYou(d, gratitude.TargetDrafts, now)
		if err != nil {
			return err
		}
		rm := gratitude.Outgoing{RequestID: d.RequestID, Kind: "thank-you", Target: gratitude.TargetDraftsRemove,
			Subject: d.Subject, MessageID: old}
		out = append(out, rm, o)
	}
	if err := r.Store.EditDraft(ctx, r.Account, d, old, out, now); err != nil {
		return err
	}
	r.Log.Info("thank-you draft edited", "draft", d.ID, "request", d.RequestID, "to", d.To.Email, "message_id", d.MessageID)
	return nil
}

// Drop skips a draft and removes its copy from Drafts, where it was put.
func (r *Runner) Drop(ctx context.Context, d gratitude.Draft, reason string, now time.Time) error {
	if err := r.Store.SkipDraft(ctx, r.Account, d, reason, now); err != nil {
		return err
	}
	if !r.Drafts {
		return nil
	}
	rm := gratitude.Outgoing{RequestID: d.RequestID, Kind: "thank-you", Target: gratitude.TargetDraftsRemove,
		Subject: d.Subject, MessageID: d.MessageID}
	return r.Store.Enqueue(ctx, r.Account, []gratitude.Outgoing{rm}, now)
}
