package main

import (
	"context"
	"fmt"
	"log/slog"

	"gratitude"
	"gratitude/inbox"
	"gratitude/internal/cards"
	"gratitude/internal/config"
	"gratitude/internal/outbox"
	"gratitude/internal/owner"
	"gratitude/internal/remind"
	"gratitude/internal/thanks"
	"gratitude/mailer"
	"gratitude/store"
	"gratitude/templates"
)

// policy is when reminders fall due, from the config.
func (a *app) policy() gratitude.ReminderPolicy {
	rm := a.cfg.Reminders
	p := gratitude.ReminderPolicy{NoReplyAfter: rm.NoReplyAfter, UnresolvedAfter: rm.UnresolvedAfter,
		ThanksPendingAfter: rm.ThanksPendingAfter, Location: a.cfg.Location()}
	if rm.QuietHours.Enabled {
		p.Quiet = rm.QuietHours.Until
	}
	return p
}

// templates loads the default templates and templates_dir's overrides,
// and runs each once on sample data, so a broken override is found at
// start rather than when a reminder falls due.
func (a *app) templates() (*templates.Set, error) {
	set, err := templates.Load(a.cfg.TemplatesDir, a.cfg.Location())
	if err == nil {
		err = set.Check()
	}
	if err != nil {
		return nil, &exitError{exitUsage, fmt.Errorf("templates: %w", err)}
	}
	return set, nil
}

// notifyTarget is where notifications to the owner go.
func (a *app) notifyTarget() store.Target {
	if a.cfg.Notify.Via == config.NotifySMTP {
		return store.TargetSMTP
	}
	return store.TargetInbox
}

// runner builds the reminder runner over st.
func (a *app) runner(st *store.Store, acct int64) (*remind.Runner, error) {
	tpl, err := a.templates()
	if err != nil {
		return nil, err
	}
	r := &remind.Runner{
		Store: st, Account: acct, Policy: a.policy(),
		Composer: &remind.Composer{
			Owner:   gratitude.Address{Name: a.cfg.Owner.Name, Email: a.cfg.Owner.Email},
			ReplyTo: a.cfg.Capture.Address, Target: a.notifyTarget(),
			Cards:  &cards.Issuer{Store: st, Account: acct, Capture: a.cfg.Capture.Address},
			Drafts: a.cfg.Reminders.FollowupDrafts, FollowupMax: a.cfg.Reminders.FollowupMaxRecipients, Templates: tpl,
		},
		Log: a.log.With("component", "remind"),
	}
	if a.cfg.Reminders.Digest.Enabled() {
		r.NextDigest = a.cfg.Reminders.Digest.Next
	}
	return r, nil
}

// thanksRunner builds the runner that carries out commands and handles
// thank-yous, sharing the reminder runner's composer.
func (a *app) thanksRunner(st *store.Store, acct int64, rr *remind.Runner) *thanks.Runner {
	r := &thanks.Runner{
		Store: st, Account: acct, Owner: rr.Composer.Owner, Signature: a.cfg.Owner.Signature,
		Composer: rr.Composer, Cards: rr.Composer.Cards,
		Drafts: a.cfg.Thanks.Drafts(), Approval: a.cfg.Thanks.Approval(), FilesSent: a.cfg.SMTP.FilesSent,
		Policy: rr.Policy, RepliesPerHour: a.cfg.Notify.RepliesPerHour, Log: a.log.With("component", "thanks"),
	}
	// Command mail is carried out by the owner's actions, which draft,
	// show and send through the runner.
	r.Actions = &owner.Service{Store: st, Account: acct, Drafter: r}
	return r
}

// sender builds the outbox sender over st, appending into folders.
func (a *app) sender(st *store.Store, acct int64, folders inbox.Folders, stats *inbox.Stats, log *slog.Logger) *outbox.Sender {
	smtpOpts := a.smtpOptions()
	imapOpts := a.imapOptions()
	limit := a.cfg.SMTP.RateLimit
	return &outbox.Sender{
		Queue: st, Account: acct, Clock: a.clock,
		SMTP:     func(ctx context.Context) outbox.SMTPConn { return mailer.NewConn(ctx, smtpOpts) },
		DialIMAP: func(ctx context.Context) (outbox.Mailbox, error) { return inbox.Dial(ctx, imapOpts, stats) },
		Folders: map[store.Target]string{store.TargetInbox: folders.Inbox, store.TargetDrafts: folders.Drafts,
			store.TargetSent: folders.Sent, store.TargetDraftsRemove: folders.Drafts},
		Limit: limit.N, Per: limit.Per, Quiet: a.policy().Quiet, QuietKinds: remind.QuietKinds(), Owner: a.cfg.Owner.Email, FilesSent: a.cfg.SMTP.FilesSent,
		Log: log,
	}
}

// policySetting remembers the reminder settings the schedule was worked
// out with.
const policySetting = "schedule.policy"

// reschedulePolicyChange marks every request for a new look when the
// reminder settings changed since the schedule was last worked out, so a
// shorter window takes effect at once rather than at the old time.
func (a *app) reschedulePolicyChange(ctx context.Context, st *store.Store, acct int64) error {
	rm := a.cfg.Reminders
	fp := fmt.Sprintf("v1 %s %s %s %s %s", rm.NoReplyAfter, rm.UnresolvedAfter, rm.ThanksPendingAfter,
		rm.QuietHours, a.cfg.Location())
	old, ok, err := st.Setting(ctx, acct, policySetting)
	if err != nil || (ok && string(old) == fp) {
		return err
	}
	if ok {
		a.log.Info("reminder settings changed; working out every reminder again")
		if err := st.RescheduleAll(ctx, acct); err != nil {
			return err
		}
	}
	return st.SetSetting(ctx, acct, policySetting, []byte(fp), a.clock.Now())
}
