package daemon

import (
	"context"
	"time"

	"gratitude/mailer"
)

// How long the SMTP server may go unheard of before it is looked at: a
// send is a look, so a daemon that sends often never probes.
const (
	smtpRecheck = 24 * time.Hour   // while it works
	smtpRetry   = 10 * time.Minute // while it fails
)

// checkSMTP logs in to the SMTP server when it was not heard of for a
// while (or ever), so that a server that cannot be used (unreachable, no
// STARTTLS, no AUTH for smtp.username, a password refused) fails the smtp
// component before a message has to go, not when it does.
func (d *Daemon) checkSMTP(ctx context.Context) {
	if !d.smtpDue(ctx) {
		return
	}
	_, err := mailer.Probe(ctx, SMTPOptions(d.cfg))
	if ctx.Err() != nil {
		return
	}
	if err != nil {
		d.log.Warn("the SMTP server cannot be used to send", "err", err)
	}
	d.recordHealth(ctx, "smtp", err)
}

// smtpDue reports whether the SMTP server should be looked at: never
// heard of, failing for smtpRetry, or working but unheard of for
// smtpRecheck (by the clock the health is recorded with).
func (d *Daemon) smtpDue(ctx context.Context) bool {
	rows, err := d.store.Health(ctx, d.account)
	if err != nil {
		return false
	}
	for _, r := range rows {
		if r.Component == "smtp" {
			wait := smtpRecheck
			if !r.OK {
				wait = smtpRetry
			}
			return d.clock.Now().Sub(r.UpdatedAt) >= wait
		}
	}
	return true
}
