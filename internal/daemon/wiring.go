package daemon

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
	"gratitude/templates"
)

// Policy is when reminders fall due, from the config.
func Policy(cfg *config.Config) gratitude.ReminderPolicy {
	rm := cfg.Reminders
	p := gratitude.ReminderPolicy{NoReplyAfter: rm.NoReplyAfter, UnresolvedAfter: rm.UnresolvedAfter,
		ThanksPendingAfter: rm.ThanksPendingAfter, Location: cfg.Location()}
	if rm.QuietHours.Enabled {
		p.Quiet = rm.QuietHours.Until
	}
	return p
}

// LoadTemplates loads the default templates and templates_dir's overrides,
// and runs each once on sample data, so a broken override is found at
// start rather than when a reminder falls due; that is a *ConfigError.
func LoadTemplates(cfg *config.Config) (*templates.Set, error) {
	set, err := templates.Load(cfg.TemplatesDir, cfg.Location())
	if err == nil {
		err = set.Check()
	}
	if err != nil {
		return nil, &ConfigError{fmt.Errorf("templates: %w", err)}
	}
	return set, nil
}

// ConfigError is a failure the configuration causes, not the servers or
// the store: the command line exits with its usage status.
type ConfigError struct{ Err error }

// Error is the wrapped error's message.
func (e *ConfigError) Error() string { return e.Err.Error() }

// Unwrap returns the wrapped error.
func (e *ConfigError) Unwrap() error { return e.Err }

// notifyTarget is where notifications to the owner go.
func notifyTarget(cfg *config.Config) gratitude.Target {
	if cfg.Notify.Via == config.NotifySMTP {
		return gratitude.TargetSMTP
	}
	return gratitude.TargetInbox
}

// runner builds the reminder runner over the daemon's store.
func (d *Daemon) runner() (*remind.Runner, error) {
	tpl, err := LoadTemplates(d.cfg)
	if err != nil {
		return nil, err
	}
	c := d.cfg
	r := &remind.Runner{
		Store: d.store, Account: d.account, Policy: Policy(c),
		Composer: &remind.Composer{
			Owner:   gratitude.Address{Name: c.Owner.Name, Email: c.Owner.Email},
			ReplyTo: c.Capture.Address, Target: notifyTarget(c),
			Cards:  &cards.Issuer{Store: d.store, Account: d.account, Capture: c.Capture.Address},
			Drafts: c.Reminders.FollowupDrafts, FollowupMax: c.Reminders.FollowupMaxRecipients, Templates: tpl,
		},
		Log: d.log.With("component", "remind"),
	}
	if c.Reminders.Digest.Enabled() {
		r.NextDigest = c.Reminders.Digest.Next
	}
	return r, nil
}

// thanksRunner builds the runner that carries out commands and handles
// thank-yous, sharing the reminder runner's composer.
func (d *Daemon) thanksRunner() *thanks.Runner {
	c, rr := d.cfg, d.remind
	r := &thanks.Runner{
		Store: d.store, Account: d.account, Owner: rr.Composer.Owner, Signature: c.Owner.Signature, NoRelationship: !c.Thanks.Relationship, Capture: c.Capture.Address,
		Composer: rr.Composer, Cards: rr.Composer.Cards,
		Drafts: c.Thanks.Drafts(), Approval: c.Thanks.Approval(), FilesSent: c.SMTP.FilesSent,
		Policy: rr.Policy, RepliesPerHour: c.Notify.RepliesPerHour, Log: d.log.With("component", "thanks"),
	}
	// Command mail is carried out by the owner's actions, which draft,
	// show and send through the runner.
	r.Actions = &owner.Service{Store: d.store, Account: d.account, Drafter: r}
	return r
}

// sender builds the outbox sender over the daemon's store, appending into
// folders.
func (d *Daemon) sender(folders inbox.Folders, log *slog.Logger) *outbox.Sender {
	smtpOpts := SMTPOptions(d.cfg)
	imapOpts := IMAPOptions(d.cfg)
	stats := d.stats
	limit := d.cfg.SMTP.RateLimit
	return &outbox.Sender{
		Queue: recording{d.store}, Account: d.account, Clock: d.clock,
		SMTP:     func(ctx context.Context) outbox.SMTPConn { return mailer.NewConn(ctx, smtpOpts) },
		DialIMAP: func(ctx context.Context) (outbox.Mailbox, error) { return inbox.Dial(ctx, imapOpts, stats) },
		Folders:  folderTargets(folders), Limit: limit.N, Per: limit.Per,
		Quiet: Policy(d.cfg).Quiet, QuietKinds: remind.QuietKinds(), Owner: d.cfg.Owner.Email, FilesSent: d.cfg.SMTP.FilesSent,
		Log: log,
	}
}

// policySetting remembers the reminder settings the schedule was worked
// out with.
const policySetting = "schedule.policy"

// reschedulePolicyChange marks every request for a new look when the
// reminder settings changed since the schedule was last worked out, so a
// shorter window takes effect at once rather than at the old time.
func (d *Daemon) reschedulePolicyChange(ctx context.Context) error {
	st, acct := d.store, d.account
	fp := Policy(d.cfg).Fingerprint(d.cfg.Reminders.QuietHours.String())
	old, ok, err := st.Setting(ctx, acct, policySetting)
	if err != nil || (ok && string(old) == fp) {
		return err
	}
	if ok {
		d.log.Info("reminder settings changed; working out every reminder again")
		if err := st.RescheduleAll(ctx, acct); err != nil {
			return err
		}
	}
	return st.SetSetting(ctx, acct, policySetting, []byte(fp), d.clock.Now())
}
