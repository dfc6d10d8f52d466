package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"gratitude/inbox"
	"gratitude/internal/daemon"
	"gratitude/mailer"

	"github.com/spf13/cobra"
)

// checker prints one line per item checked and remembers any failure.
type checker struct {
	w      io.Writer
	failed int
}

func (c *checker) line(status, item, detail string) {
	if status == "FAIL" {
		c.failed++
	}
	fmt.Fprintf(c.w, "%-4s  %-13s %s\n", status, item, detail)
}

func newCheckCmd(g *globals) *cobra.Command {
	var noSend bool
	var wait time.Duration
	cmd := &cobra.Command{
		Use:   "check [--no-send] [--wait DURATION]",
		Short: "Check the configuration, the IMAP and SMTP servers, the login and how mail to the capture address arrives, one line per item",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if wait <= 0 {
				return &exitError{exitUsage, fmt.Errorf("--wait %v: must be a positive duration, such as 2m", wait)}
			}
			c := &checker{w: cmd.OutOrStdout()}
			a, err := loadApp(g)
			if err != nil {
				// The reason goes where the FAIL is read, every problem on
				// its own line; stderr says the same, with the exit status.
				c.line("FAIL", "config", strings.ReplaceAll(err.Error(), "\n", "\n"+strings.Repeat(" ", 20)))
				return err
			}
			c.line("ok", "config", a.cfg.Path+" is valid")
			a.checkTemplates(c)
			a.checkWeb(c)
			ctx, cancel := context.WithTimeout(contextOrBackground(cmd.Context()), 2*time.Minute+wait)
			defer cancel()
			// Ctrl-C while check waits for its test message still removes it.
			ctx, stop := signal.NotifyContext(ctx, syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			conn, folders := a.checkIMAP(ctx, c)
			if conn != nil {
				defer conn.Close()
			}
			a.checkSMTP(ctx, c)
			switch {
			case noSend:
				c.line("skip", "capture", "not tested (--no-send): without it, check sends itself a test message BCC'd to "+
					a.cfg.Capture.Address+" and says how gratitude will know such mail")
			case c.failed > 0:
				c.line("skip", "capture", "not tested: the test message needs every line above to pass")
			default:
				a.checkCapture(ctx, c, conn, folders, wait)
			}
			if c.failed > 0 {
				return &exitError{exitFailure, fmt.Errorf("%d check(s) failed", c.failed)}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&noSend, "no-send", false, "send no test message to the capture address")
	cmd.Flags().DurationVar(&wait, "wait", defaultCaptureWait, "how long to wait for the test message to arrive")
	return cmd
}

// checkIMAP checks each step of the IMAP login, the folders and the
// capabilities. It returns the connection, for the caller to close, and
// the folders found; conn is nil when the login failed.
func (a *app) checkIMAP(ctx context.Context, c *checker) (*inbox.Conn, inbox.Folders) {
	opts := daemon.IMAPOptions(a.cfg)
	addr := net.JoinHostPort(opts.Host, strconv.Itoa(opts.Port))
	conn, err := inbox.Dial(ctx, opts, nil)
	stage := ""
	var se *inbox.StageError
	if errors.As(err, &se) {
		stage = se.Stage
	}
	steps := []struct{ stage, item, ok string }{
		{inbox.StageConnect, "imap reach", addr + " answers"},
		{inbox.StageTLS, "imap tls", tlsDetail(opts)},
		{inbox.StageGreeting, "imap greeting", "IMAP server greeted"},
		{inbox.StageLogin, "imap login", "logged in as " + opts.Username},
	}
	for _, s := range steps {
		if err != nil && s.stage == stage {
			c.line("FAIL", s.item, err.Error())
			return nil, inbox.Folders{}
		}
		c.line("ok", s.item, s.ok)
	}
	if err != nil {
		c.line("FAIL", "imap", err.Error())
		return nil, inbox.Folders{}
	}
	folders, ferr := conn.FindFolders(daemon.Folders(a.cfg))
	if ferr != nil {
		c.line("FAIL", "folders", ferr.Error())
	} else {
		c.line("ok", "folders", fmt.Sprintf("inbox %q, sent %q, drafts %q, %s", folders.Inbox, folders.Sent, folders.Drafts,
			captureFolder(daemon.Folders(a.cfg), folders)))
	}
	checkCaps(c, conn, daemon.Folders(a.cfg), folders)
	return conn, folders
}

// captureFolder says which capture folder was found, or why none.
func captureFolder(want, found inbox.Folders) string {
	switch {
	case found.Capture != "":
		return fmt.Sprintf("capture %q", found.Capture)
	case want.CaptureDetail != "":
		return fmt.Sprintf("no capture folder (none named %q; capture mail is read from INBOX)", want.CaptureDetail)
	}
	return "no capture folder (capture.folder is off or the address has no +detail; capture mail is read from INBOX)"
}

// checkTemplates parses every template, overrides included, and runs it
// once on sample data.
func (a *app) checkTemplates(c *checker) {
	if _, err := daemon.LoadTemplates(a.cfg); err != nil {
		c.line("FAIL", "templates", err.Error())
		return
	}
	from := "built-in"
	if a.cfg.TemplatesDir != "" {
		from = "built-in, with overrides from " + a.cfg.TemplatesDir
	}
	c.line("ok", "templates", from+"; each renders")
}

// tlsDetail says how the IMAP server was trusted.
func tlsDetail(opts *inbox.Options) string {
	switch {
	case opts.Security == inbox.SecurityInsecure:
		return "skipped: imap.security is insecure (loopback only)"
	case opts.Pin != "":
		return string(opts.Security) + ", public key matches imap.tls.pin (host name, dates and CA not checked)"
	}
	return string(opts.Security) + ", certificate verified"
}

// checkCaps reports the capabilities the daemon uses (inbox.Used) and,
// for each one the server lacks, what the daemon does instead: warnings,
// never failures, since each has a way around.
func checkCaps(c *checker, conn *inbox.Conn, configured, found inbox.Folders) {
	var have []string
	for _, cp := range inbox.Used {
		if conn.Caps().Has(cp) {
			have = append(have, string(cp))
		}
	}
	c.line("ok", "capabilities", strings.Join(have, " "))
	for _, f := range conn.Fallbacks(configured, found) {
		c.line("warn", "capabilities", fmt.Sprintf("no %s: %s", f.Cap, f.Effect))
	}
}

func (a *app) checkSMTP(ctx context.Context, c *checker) {
	opts := daemon.SMTPOptions(a.cfg)
	addr := net.JoinHostPort(opts.Host, strconv.Itoa(opts.Port))
	if err := mailer.Check(ctx, opts); err != nil {
		c.line("FAIL", "smtp", err.Error())
		return
	}
	auth := "no authentication (smtp.username is empty)"
	if opts.Username != "" {
		auth = "logged in as " + opts.Username
	}
	security := string(opts.Security)
	if opts.Pin != "" && opts.Security != mailer.SecurityInsecure {
		security += " (public key matches smtp.tls.pin)"
	}
	c.line("ok", "smtp", fmt.Sprintf("%s answers, %s, %s", addr, security, auth))
}

// checkWeb says where the web page will be and who can reach it; a page
// beyond loopback without a password and TLS never gets here (the config
// is refused).
func (a *app) checkWeb(c *checker) {
	h := a.cfg.HTTP
	if !h.Enabled() {
		c.line("ok", "web page", "off (http.listen: off)")
		return
	}
	who := "this machine only"
	if host, _, _ := net.SplitHostPort(h.Listen); !isLoopbackHost(host) {
		who = "other machines too, with the password"
		if h.BehindProxy {
			who += ", through the proxy at " + h.ProxyAddress
		}
	}
	c.line("ok", "web page", fmt.Sprintf("%s on %s (%s); sign in with `gratitude open`", h.URL, h.Listen, who))
}

// isLoopbackHost reports whether a listen address's host is this machine only.
func isLoopbackHost(host string) bool {
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return strings.EqualFold(host, "localhost") || ip != nil && ip.IsLoopback()
}
