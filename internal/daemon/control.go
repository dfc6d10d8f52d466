package daemon

import (
	"context"
	"errors"

	"gratitude/internal/control"
	"gratitude/internal/owner"
)

// listenControl serves the owner's actions on the control socket: each is
// carried out at once, between decision passes, and wakes the loops that
// act on what it changed. Another daemon answering on the socket is an
// error: two daemons on one database would both act on the same mail.
func (d *Daemon) listenControl(ctx context.Context) (*control.Server, error) {
	path := control.SocketPath(d.store.Path())
	do := func(rctx context.Context, request int64, acts []owner.Action) (owner.Report, error) {
		return d.act(rctx, request, acts, "the command line")
	}
	srv, err := control.Listen(path, do, d.log.With("component", "control"))
	if err != nil && !errors.Is(err, control.ErrRunning) {
		d.log.Warn("no control socket: the command line will work on the database directly, "+
			"and what it queues waits for the daemon's next pass", "err", err)
		return nil, nil
	}
	return srv, err
}
