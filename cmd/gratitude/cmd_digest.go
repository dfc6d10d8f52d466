package main

import (
	"context"
	"fmt"
	"io"
	"os/signal"
	"syscall"
	"time"

	"gratitude/inbox"
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
			a, err := loadApp(g)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(contextOrBackground(cmd.Context()), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			d, err := newDaemon(ctx, a)
			if err != nil {
				return err
			}
			defer d.close()
			if send {
				return d.sendDigest(ctx, cmd.OutOrStdout())
			}
			return d.printDigest(ctx, cmd.OutOrStdout())
		},
	}
	cmd.Flags().BoolVar(&send, "send", false, "send it now (by notify.via) instead of printing it")
	return cmd
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
	conn, err := inbox.Dial(ctx, d.imapOptions(), d.stats)
	if err != nil {
		return fmt.Errorf("digest queued, but the mailbox cannot be reached to deliver it (`gratitude run` will): %w", err)
	}
	folders, err := d.findFolders(conn)
	conn.Close()
	if err != nil {
		return err
	}
	res, err := d.drain(ctx, d.sender(d.store, d.account, folders, d.stats, d.log.With("component", "outbox")))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Digest sent by %s (%d message(s) delivered, %d to retry, %d failed).\n", d.cfg.Notify.Via, res.Sent, res.Retried, res.Failed)
	return nil
}
