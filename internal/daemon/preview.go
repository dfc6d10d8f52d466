package daemon

import (
	"context"

	"gratitude"
)

// PreviewThanks returns the thank-you drafts a request would get if it
// were resolved now (or, resolved, the ones it still needs), rendered as
// they would be sent and saved nowhere.
func (d *Daemon) PreviewThanks(ctx context.Context, requestID int64) ([]gratitude.Draft, error) {
	req, err := d.store.Request(ctx, d.account, requestID)
	if err != nil {
		return nil, err
	}
	return d.thanks.Preview(ctx, req, d.clock.Now())
}
