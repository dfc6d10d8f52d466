package daemon

import (
	"context"
	"errors"
	"time"

	"gratitude/internal/control"
	"gratitude/internal/owner"
)

// listenControl serves the owner's actions on the control socket: each is
// carried out at once, between decision passes, and wakes the loops that
// act on what it changed. Another daemon answering on the socket is an
// error: two daemons on one database would both act on the same mail.
func (d *Daemon) listenControl(ctx context.Context, remindKick, sendKick chan struct{}) (*control.Server, error) {
	path := control.SocketPath(d.store.Path())
	do := func(rctx context.Context, request int64, acts []owner.Action) (owner.Report, error) {
		d.decide.Lock()
		defer d.decide.Unlock()
		// The action outlives a caller that hangs up: it is done or not.
		actx, cancel := context.WithTimeout(context.WithoutCancel(rctx), time.Minute)
		defer cancel()
		rep, err := d.thanks.Actions.Do(actx, request, acts, d.clock.Now())
		kick(sendKick)
		kick(remindKick)
		if err == nil {
			d.log.Info("owner's action from the command line", "request", rep.Request.ID, "done", rep.Done(), "problems", rep.Problems())
		}
		return rep, err
	}
	srv, err := control.Listen(path, do, d.log.With("component", "control"))
	if err != nil && !errors.Is(err, control.ErrRunning) {
		d.log.Warn("no control socket: the command line will work on the database directly, "+
			"and what it queues waits for the daemon's next pass", "err", err)
		return nil, nil
	}
	return srv, err
}
