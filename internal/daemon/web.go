package daemon

import (
	"context"
	"time"

	"gratitude/internal/owner"
	"gratitude/internal/web"
)

// act carries out the owner's actions from any channel (the control
// socket, the web page): between decision passes, done even if the
// caller hangs up, and waking the loops that act on what it changed.
func (d *Daemon) act(ctx context.Context, request int64, acts []owner.Action, channel string) (owner.Report, error) {
	d.decide.Lock()
	defer d.decide.Unlock()
	actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), time.Minute)
	defer cancel()
	rep, err := d.thanks.Actions.Do(actx, request, acts, d.clock.Now())
	d.changed()
	kick(d.sendKick)
	kick(d.remindKick)
	if err == nil {
		d.log.Info("owner's action from "+channel, "request", rep.Request.ID, "done", rep.Done(), "problems", rep.Problems())
	}
	return rep, err
}

// changed notes that something the web page shows may have changed.
func (d *Daemon) changed() { d.version.Add(1) }

// webPage builds the web page over the daemon's store and actions.
func (d *Daemon) webPage() (*web.Server, error) {
	links := owner.Linker{Store: d.store, Account: d.account}
	b := web.Backend{
		Queries: owner.Queries{Store: d.store, Account: d.account},
		Act: func(ctx context.Context, request int64, acts []owner.Action) (owner.Report, error) {
			return d.act(ctx, request, acts, "the web page")
		},
		Link: func(ctx context.Context, a, b string) ([]string, error) {
			defer d.changed()
			return links.Link(ctx, a, b)
		},
		Unlink: func(ctx context.Context, a string) error {
			defer d.changed()
			return links.Unlink(ctx, a)
		},
		Preview:   d.PreviewThanks,
		Status:    d.Status,
		Warnings:  d.warnings.Lines,
		Version:   d.version.Load,
		Tokens:    d.store,
		Policy:    Policy(d.cfg),
		Clock:     d.clock,
		Location:  d.cfg.Location(),
		OwnerName: d.cfg.Owner.Name,
	}
	return web.New(b, d.cfg.HTTP, d.log.With("component", "web"))
}
