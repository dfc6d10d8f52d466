package demo

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"gratitude/internal/config"
	"gratitude/internal/daemon"
	"gratitude/internal/web"
)

// Options are what the command line decides about a demo.
type Options struct {
	Exit bool         // stop once the story is told instead of running until ctx ends
	Log  *slog.Logger // the daemon's log
}

// Run starts the demo's mail servers, tells the story with the real
// daemon, and then, unless opts.Exit, keeps the daemon and servers running
// for a mail client to look at, until ctx ends.
func Run(ctx context.Context, w io.Writer, opts Options) error {
	started := time.Now()
	world, err := startWorld()
	if err != nil {
		return err
	}
	defer world.close()
	dir, err := os.MkdirTemp("", "gratitude-demo-")
	if err != nil {
		return fmt.Errorf("demo: make a temporary directory: %w", err)
	}
	defer os.RemoveAll(dir)
	listen := "off"
	if !opts.Exit {
		if listen, err = freeLoopback(); err != nil {
			return err
		}
	}
	cfg, err := demoConfig(world, dir, listen)
	if err != nil {
		return err
	}
	clock := NewClock(StoryStart(time.Now(), cfg.Location()))
	d, err := daemon.Open(ctx, cfg, opts.Log, clock)
	if err != nil {
		return err
	}
	defer d.Close()
	st, acct := d.Store()
	fmt.Fprintf(w, "gratitude demo: Ada's mailbox on a private mail server on this machine, the real daemon, a fast clock.\n\n")
	story := NewStory(world, d.RunOnce, st, acct, w, clock)
	if err := story.Tell(ctx); err != nil {
		return err
	}
	if err := story.Summarize(ctx, w, time.Since(started)); err != nil {
		return err
	}
	if opts.Exit {
		return nil
	}
	clock.goLive()
	link, err := web.SignInLink(ctx, st, acct, cfg.HTTP.URL, clock.Now())
	if err != nil {
		return err
	}
	printAccess(w, world, link)
	return d.Run(ctx)
}

// demoConfig is Ada's configuration against the demo's servers.
func demoConfig(world *localWorld, dir, listen string) (*config.Config, error) {
	ih, ip, _ := net.SplitHostPort(world.imap.Addr())
	sh, sp, _ := net.SplitHostPort(world.smtp.Addr())
	yaml := fmt.Sprintf(`owner: {name: Ada Lovelace, email: ada@example.org}
database: %s
imap: {host: %s, port: %s, security: insecure, password: "${DEMO_PASSWORD}", poll_interval: 10s, idle_refresh: 30s}
smtp: {host: %s, port: %s, security: insecure}
reminders: {quiet_hours: "off", digest: "off"}
http: {listen: "%s"}
`, filepath.Join(dir, "gratitude.db"), ih, ip, sh, sp, listen)
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

// freeLoopback is a loopback address with a port free for the web page.
func freeLoopback() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", fmt.Errorf("demo: no free port for the web page: %w", err)
	}
	defer ln.Close()
	return ln.Addr().String(), nil
}

func printAccess(w io.Writer, world *localWorld, link string) {
	fmt.Fprintf(w, `
See it on the web page (this link signs one browser in, once, within 10 minutes):
  %s
Look for yourself with any mail client (no TLS; loopback only):
  IMAP  %s
  SMTP  %s
  users ada@example.org (the owner), alice@, bob@, carol@, dan@example.org; password: %s
Ada's Drafts hold the follow-up to Dan; her INBOX the nudge and the card; Alice's and Carol's INBOX their thank-you.
gratitude keeps watching Ada's mailbox: reply to a card from your client and see. Ctrl-C stops.
`, link, world.imap.Addr(), world.smtp.Addr(), demoPassword)
}
