package main

import (
	"context"
	"fmt"
	"io"
	"os/signal"
	"syscall"

	"gratitude/internal/daemon"

	"github.com/spf13/cobra"
)

func newDigestCmd(g *globals) *cobra.Command {
	var send bool
	cmd := &cobra.Command{
		Use:   "digest [--send]",
		Short: "Print the digest of what happened since the last one; --send sends it now",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Printing reads the database only; sending logs in.
			a, err := loadConfig(g)
			if err == nil && send {
				err = a.needSecrets()
			}
			if err != nil {
				return err
			}
			return withDaemonApp(cmd, a, func(ctx context.Context, a *app, d *daemon.Daemon) error {
				if send {
					return sendDigest(ctx, cmd.OutOrStdout(), a, d)
				}
				return printDigest(ctx, cmd.OutOrStdout(), a, d)
			})
		},
	}
	cmd.Flags().BoolVar(&send, "send", false, "send it now (by notify.via) instead of printing it")
	return cmd
}

// withDaemonApp builds the daemon's parts for a one-shot command, with the
// config loaded, stopping on SIGINT/SIGTERM.
func withDaemonApp(cmd *cobra.Command, a *app, fn func(ctx context.Context, a *app, d *daemon.Daemon) error) error {
	ctx, stop := signal.NotifyContext(contextOrBackground(cmd.Context()), syscall.SIGINT, syscall.SIGTERM)
	defer stop()
	d, err := openDaemon(ctx, a)
	if err != nil {
		return err
	}
	defer d.Close()
	return fn(ctx, a, d)
}

// printDigest prints the digest as text, changing nothing.
func printDigest(ctx context.Context, w io.Writer, a *app, d *daemon.Daemon) error {
	dg, err := d.RenderDigest(ctx)
	if err != nil {
		return err
	}
	if dg.Empty {
		fmt.Fprintf(w, "Nothing to report since %s: no digest would be sent.\n", dg.Since.In(a.cfg.Location()).Format("Mon 2 Jan 2006 15:04"))
		return nil
	}
	fmt.Fprintf(w, "Subject: %s\n\n%s", dg.Subject, dg.Text)
	return nil
}

// sendDigest queues the digest now and delivers it.
func sendDigest(ctx context.Context, w io.Writer, a *app, d *daemon.Daemon) error {
	queued, err := d.QueueDigest(ctx)
	if err != nil {
		return err
	}
	if !queued {
		fmt.Fprintln(w, "Nothing to report: no digest sent.")
		return nil
	}
	fmt.Fprintf(w, "Digest queued (by %s). ", a.cfg.Notify.Via)
	return deliverNow(ctx, w, d)
}
