package daemon

import (
	"context"
	"time"

	"gratitude"

	"gratitude/inbox"
	"gratitude/internal/remind"
	"gratitude/templates"
)

// alertLoop tells the owner, once per outage, when the mailbox has not
// been readable for health.alert_after: by SMTP, since IMAP is what fails,
// through the outbox with a sender of its own that needs no folders.
func (d *Daemon) alertLoop(ctx context.Context) {
	every := min(max(d.cfg.Health.AlertAfter/4, 200*time.Millisecond), time.Minute)
	tick := time.NewTicker(every)
	defer tick.Stop()
	sender := d.sender(inbox.Folders{}, d.log.With("component", "alert"))
	var told time.Time // the start of the outage the owner was told about
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
		}
		since, last, failing := d.health.failing("imap")
		if !failing || since.Equal(told) || d.clock.Now().Sub(since) < d.cfg.Health.AlertAfter {
			continue
		}
		if err := d.alert(ctx, since, last); err != nil {
			d.log.Error("cannot queue the alert that the mailbox is unreadable", "err", err)
			continue
		}
		told = since
		d.log.Warn("told the owner by SMTP that the mailbox is unreadable", "since", since, "err", last)
		if _, err := d.drain(ctx, sender); err != nil {
			d.log.Error("cannot send the alert yet; the outbox will retry", "err", err)
		}
	}
}

// alert queues the message telling the owner the mailbox is unreadable.
func (d *Daemon) alert(ctx context.Context, since time.Time, last string) error {
	now := d.clock.Now()
	v := templates.AlertView{OwnerName: d.cfg.Owner.Name, Since: since, Error: last, Now: now,
		Mailbox: d.cfg.IMAP.Username + "@" + d.cfg.IMAP.Host}
	o, err := d.remind.Composer.Notice(ctx, remind.Note{Name: templates.Alert, View: v, Now: now, Target: gratitude.TargetSMTP})
	if err != nil {
		return err
	}
	return d.store.Enqueue(ctx, d.account, []gratitude.Outgoing{o}, now)
}
