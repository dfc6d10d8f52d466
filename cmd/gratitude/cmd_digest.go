package main

import (
	"context"
	"fmt"
	"io"
	"os/signal"
	"syscall"
	"time"

	"gratitude/internal/remind"
	"gratitude/templates"

	"github.com/spf13/cobra"
)

func newDigestCmd(g *globals) *cobra.Command {
	var send bool
	cmd := &cobra.Command{
		Use:   "digest [--send]",
		Short: "Print the digest of what happened since the last one; --send sends it now",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withDaemon(cmd, g, func(ctx context.Context, d *daemon) error {
				if send {
					return d.sendDigest(ctx, cmd.OutOrStdout())
				}
				return d.printDigest(ctx, cmd.OutOrStdout())
			})
		},
	}
	cmd.Flags().BoolVar(&send, "send", false, "send it now (by notify.via) instead of printing it")
	return cmd
}

// withDaemon loads the config and builds the daemon's parts for a one-shot
// command that may send, stopping on SIGINT/SIGTERM.
func withDaemon(cmd *cobra.Command, g *globals, fn func(ctx context.Context, d *daemon) error) error {
	a, err := loadApp(g)
	if err != nil {
		return err
	}
	return withDaemonApp(cmd, a, fn)
}

// withDaemonApp is withDaemon with the config loaded.
func withDaemonApp(cmd *cobra.Command, a *app, fn func(ctx context.Context, d *daemon) error) error {
	ctx, stop := signal.NotifyContext(contextOrBackground(cmd.Context()), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	d, err := newDaemon(ctx, a)
	if err != nil {
		return err
	}
	defer d.close()
	return fn(ctx, d)
}

// lastDigest is when the last digest went out (zero: never).
func (d *daemon) lastDigest(ctx context.Context) (time.Time, error) {
	last, _, err := d.remind.LastDigest(ctx)
	return last, err
}

// printDigest renders the digest as text, changing nothing.
func (d *daemon) printDigest(ctx context.Context, w io.Writer) error {
	now := d.clock.Now()
	last, err := d.lastDigest(ctx)
	if err != nil {
		return err
	}
	since := remind.DigestSince(last, now)
	dg, err := d.remind.BuildDigest(ctx, since, now)
	if err != nil {
		return err
	}
	if dg.Empty() {
		fmt.Fprintf(w, "Nothing to report since %s: no digest would be sent.\n", since.In(d.cfg.Location()).Format("Mon 2 Jan 2006 15:04"))
		return nil
	}
	out, err := d.remind.Composer.Templates.Render(templates.Digest, d.remind.DigestView(dg, now, false))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Subject: %s\n\n%s", out.Subject, out.Text)
	return nil
}

// sendDigest queues the digest now and delivers it.
func (d *daemon) sendDigest(ctx context.Context, w io.Writer) error {
	now := d.clock.Now()
	last, err := d.lastDigest(ctx)
	if err != nil {
		return err
	}
	queued, err := d.remind.SendDigest(ctx, last, now, now)
	if err != nil {
		return err
	}
	if !queued {
		fmt.Fprintln(w, "Nothing to report: no digest sent.")
		return nil
	}
	fmt.Fprintf(w, "Digest queued (by %s). ", d.cfg.Notify.Via)
	return d.deliverNow(ctx, w)
}
