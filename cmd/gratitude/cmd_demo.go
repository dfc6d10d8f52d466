package main

import (
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"gratitude/internal/config"
	"gratitude/internal/demo"

	"github.com/spf13/cobra"
)

func newDemoCmd(g *globals) *cobra.Command {
	var exit bool
	cmd := &cobra.Command{
		Use:   "demo [--exit]",
		Short: "Watch the whole loop on a private mail server on this machine, with a fast clock; nothing to set up",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(contextOrBackground(cmd.Context()), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			return demo.Run(ctx, cmd.OutOrStdout(), demo.Options{Exit: exit, Log: demoLogger(g)})
		},
	}
	cmd.Flags().BoolVar(&exit, "exit", false, "stop once the story is told instead of running until Ctrl-C")
	return cmd
}

// demoLogger logs only warnings unless --log-level asks for more: the
// narration tells the story. The demo's config leaves log.level at its
// default, where a --log-level that does not parse falls back to.
func demoLogger(g *globals) *slog.Logger {
	level := slog.LevelWarn
	if g.logLevel != "" {
		level = config.Log{Level: config.DefaultLogLevel}.SlogLevel()
	}
	return newLogger(os.Stderr, g, level)
}
