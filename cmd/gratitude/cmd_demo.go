package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"gratitude/internal/config"

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
			return runDemo(ctx, cmd.OutOrStdout(), g, exit)
		},
	}
	cmd.Flags().BoolVar(&exit, "exit", false, "stop once the story is told instead of running until Ctrl-C")
	return cmd
}

// runDemo starts the demo's mail servers, tells the story with the real
// daemon, and then, unless exit, keeps the daemon and servers running for
// a mail client to look at, until ctx ends.
func runDemo(ctx context.Context, w io.Writer, g *globals, exit bool) error {
	started := time.Now()
	world, err := startDemoWorld()
	if err != nil {
		return err
	}
	defer world.close()
	dir, err := os.MkdirTemp("", "gratitude-demo-")
	if err != nil {
		return fmt.Errorf("demo: make a temporary directory: %w", err)
	}
	defer os.RemoveAll(dir)
	cfg, err := demoConfig(world, dir)
	if err != nil {
		return err
	}
	t0 := demoStart(time.Now(), cfg.Location())
	clock := &demoClock{t: t0}
	a := &app{cfg: cfg, clock: clock, log: demoLogger(g, cfg)}
	d, err := openDaemon(ctx, a)
	if err != nil {
		return err
	}
	defer d.Close()
	st, acct := d.Store()
	fmt.Fprintf(w, "gratitude demo: Ada's mailbox on a private mail server on this machine, the real daemon, a fast clock.\n\n")
	story := &demo{world: world, run: d.RunOnce, st: st, acct: acct,
		n: newNarrator(w, st, acct, cfg.Location()), clock: clock, t0: t0}
	if err := story.tell(ctx); err != nil {
		return err
	}
	if err := story.summarize(ctx, w, time.Since(started)); err != nil {
		return err
	}
	if exit {
		return nil
	}
	printDemoAccess(w, world)
	clock.goLive()
	return d.Run(ctx)
}

// demoStart is the midnight the story starts after: four days ago, so the
// story ends before now and a mail client shows it in the past.
func demoStart(now time.Time, loc *time.Location) time.Time {
	d := now.In(loc).AddDate(0, 0, -4)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}

// demoConfig is Ada's configuration against the demo's servers.
func demoConfig(world *demoWorld, dir string) (*config.Config, error) {
	ih, ip, _ := net.SplitHostPort(world.imap.Addr())
	sh, sp, _ := net.SplitHostPort(world.smtp.Addr())
	yaml := fmt.Sprintf(`owner: {name: Ada Lovelace, email: ada@example.org}
database: %s
imap: {host: %s, port: %s, security: insecure, password: "${DEMO_PASSWORD}", poll_interval: 10s, idle_refresh: 30s}
smtp: {host: %s, port: %s, security: insecure}
reminders: {quiet_hours: "off", digest: "off"}
http: {listen: "off"}
`, filepath.Join(dir, "gratitude.db"), ih, ip, sh, sp)
	cfg, err := config.Parse([]byte(yaml), func(k string) (string, bool) {
		if k == "DEMO_PASSWORD" {
			return demoPassword, true
		}
		return os.LookupEnv(k)
	})
	if err != nil {
		return nil, fmt.Errorf("demo: its own configuration is refused (a bug): %w", err)
	}
	return cfg, nil
}

// demoLogger logs only warnings unless --log-level asks for more: the
// narration tells the story.
func demoLogger(g *globals, cfg *config.Config) *slog.Logger {
	level := slog.LevelWarn
	if g.logLevel != "" {
		level = cfg.Log.SlogLevel()
	}
	return newLogger(os.Stderr, g, level)
}

func printDemoAccess(w io.Writer, world *demoWorld) {
	fmt.Fprintf(w, `
Look for yourself with any mail client (no TLS; loopback only):
  IMAP  %s
  SMTP  %s
  users ada@example.org (the owner), alice@, bob@, carol@, dan@example.org; password: %s
Ada's Drafts hold the follow-up to Dan; her INBOX the nudge and the card; Alice's and Carol's INBOX their thank-you.
gratitude keeps watching Ada's mailbox: reply to a card from your client and see. Ctrl-C stops.
`, world.imap.Addr(), world.smtp.Addr(), demoPassword)
}
