package main

import (
	"context"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
)

func newRunCmd(g *globals) *cobra.Command {
	var once bool
	cmd := &cobra.Command{
		Use:   "run [--once]",
		Short: "Watch the mailbox (IDLE, or polling) until stopped; --once does one full pass and exits",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, err := loadApp(g)
			if err != nil {
				return err
			}
			ctx, stop := signal.NotifyContext(cmd.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			d, err := openDaemon(ctx, a)
			if err != nil {
				return err
			}
			defer d.Close()
			if once {
				return d.RunOnce(ctx)
			}
			return d.Run(ctx)
		},
	}
	cmd.Flags().BoolVar(&once, "once", false, "one full pass (sync, decide, send), then exit: for cron")
	return cmd
}

// contextOrBackground keeps cobra commands usable when run without a context.
func contextOrBackground(ctx context.Context) context.Context {
	if ctx == nil {
		return context.Background()
	}
	return ctx
}
