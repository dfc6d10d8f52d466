package daemon

import (
	"context"
	"time"

	"gratitude/internal/remind"
	"gratitude/templates"
)

// Digest is the digest as it would be sent now.
type Digest struct {
	Since         time.Time // the start of the time it covers
	Empty         bool      // nothing to report: no digest would be sent
	Subject, Text string
}

// lastDigest is when the last digest went out (zero: never).
func (d *Daemon) lastDigest(ctx context.Context) (time.Time, error) {
	last, _, err := d.remind.LastDigest(ctx)
	return last, err
}

// RenderDigest renders the digest as text, changing nothing.
func (d *Daemon) RenderDigest(ctx context.Context) (Digest, error) {
	now := d.clock.Now()
	last, err := d.lastDigest(ctx)
	if err != nil {
		return Digest{}, err
	}
	since := remind.DigestSince(last, now)
	dg, err := d.remind.BuildDigest(ctx, since, now)
	if err != nil {
		return Digest{}, err
	}
	if dg.Empty() {
		return Digest{Since: since, Empty: true}, nil
	}
	out, err := d.remind.Composer.Templates.Render(templates.Digest, d.remind.DigestView(dg, now, false))
	if err != nil {
		return Digest{}, err
	}
	return Digest{Since: since, Subject: out.Subject, Text: out.Text}, nil
}

// QueueDigest queues the digest now; false when there is nothing to report.
func (d *Daemon) QueueDigest(ctx context.Context) (bool, error) {
	now := d.clock.Now()
	last, err := d.lastDigest(ctx)
	if err != nil {
		return false, err
	}
	return d.remind.SendDigest(ctx, last, now, now)
}
