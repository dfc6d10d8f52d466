package inbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-sasl"

	"gratitude/internal/mailnet"
)

// keepAlive probes an idle socket so a silently dead peer is noticed even
// while IDLE waits without a read deadline.
var keepAlive = net.KeepAliveConfig{Enable: true, Idle: 30 * time.Second, Interval: 15 * time.Second, Count: 4}

// Conn is one logged-in IMAP connection with its watchdog.
type Conn struct {
	c     *imapclient.Client
	opts  *Options
	dog   *watchdog
	stats *Stats
	// mailboxEvents receives a value (never blocking) whenever the server
	// reports a change to the selected mailbox.
	mailboxEvents chan struct{}
	// selected is the mailbox this connection has selected read-only for
	// a sync ("" when none or unsure), and its UIDVALIDITY.
	selected    string
	uidValidity uint32
	selectedAt  time.Time
}

// stillSelected reports whether mailbox is still selected on conn: then a
// NOOP brings in what changed, far cheaper than selecting it again (a
// SELECT makes the server open a large mailbox anew), and the returned
// SelectData has no UIDNEXT, so the new UIDs are searched for.
//
// A selection older than maxAge (or any, when maxAge is 0) is not relied
// on: a fresh SELECT notices a mailbox deleted and made anew (a new
// UIDVALIDITY) on a server that does not say so to a session holding it.
func (conn *Conn) stillSelected(mailbox string, maxAge time.Duration) (*imap.SelectData, bool, error) {
	if conn.selected != mailbox || conn.selected == "" || time.Since(conn.selectedAt) > maxAge {
		return nil, false, nil
	}
	if err := conn.guard("NOOP", func() error { return conn.c.Noop().Wait() }); err != nil {
		conn.selected = ""
		return nil, false, fmt.Errorf("imap: NOOP in %q: %w", mailbox, err)
	}
	cur := conn.c.Mailbox()
	if cur == nil || cur.Name != mailbox {
		conn.selected = ""
		return nil, false, nil
	}
	return &imap.SelectData{UIDValidity: conn.uidValidity, NumMessages: cur.NumMessages}, true, nil
}

// Dial connects, secures and logs in, all bounded by the command timeout.
func Dial(ctx context.Context, opts *Options, stats *Stats) (*Conn, error) {
	if stats == nil {
		stats = &Stats{}
	}
	addr := net.JoinHostPort(opts.Host, strconv.Itoa(opts.Port))
	tlsConfig, err := tlsConfig(opts)
	if err != nil {
		return nil, err
	}
	d := net.Dialer{Timeout: opts.commandTimeout(), KeepAliveConfig: keepAlive}
	raw, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return nil, &StageError{StageConnect, fmt.Errorf("imap: cannot reach %s: %w; check imap.host and imap.port", addr, err)}
	}
	conn := &Conn{opts: opts, stats: stats, mailboxEvents: make(chan struct{}, 1)}
	counted := countingConn{Conn: raw, stats: stats}
	conn.dog = newWatchdog(opts.commandTimeout(), func() { raw.Close() })
	conn.dog.arm("the greeting")
	defer conn.dog.disarm()
	if stage, err := conn.open(counted, tlsConfig); err != nil {
		raw.Close()
		return nil, &StageError{stage, conn.dog.err(fmt.Errorf("imap: %s: %w", addr, err))}
	}
	if err := conn.login(ctx); err != nil {
		conn.c.Close()
		return nil, &StageError{StageLogin, conn.dog.err(err)}
	}
	stats.Connects.Add(1)
	return conn, nil
}

func (conn *Conn) open(raw net.Conn, cfg *tls.Config) (stage string, err error) {
	clientOpts := &imapclient.Options{
		TLSConfig: cfg,
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			// Runs on the client's reader goroutine: never block here.
			Mailbox: func(d *imapclient.UnilateralDataMailbox) {
				if d.NumMessages != nil {
					conn.notify()
				}
			},
		},
	}
	switch conn.opts.Security {
	case SecurityTLS:
		tc := tls.Client(raw, cfg)
		if err = tc.Handshake(); err != nil {
			return StageTLS, conn.tlsError(err, "")
		}
		conn.c = imapclient.New(tc, clientOpts)
	case SecurityStartTLS:
		conn.c, err = imapclient.NewStartTLS(raw, clientOpts)
		if err != nil {
			return StageTLS, conn.tlsError(err, "STARTTLS: ")
		}
	default:
		conn.c = imapclient.New(raw, clientOpts)
	}
	if err := conn.c.WaitGreeting(); err != nil {
		return StageGreeting, fmt.Errorf("no IMAP greeting: %v; is this an IMAP port?", err)
	}
	return "", nil
}

// notify wakes whoever waits for mailbox changes, without blocking.
func (conn *Conn) notify() {
	select {
	case conn.mailboxEvents <- struct{}{}:
	default:
	}
}

func (conn *Conn) login(ctx context.Context) error {
	user := conn.opts.Username
	pass, err := conn.opts.Password(ctx)
	if err != nil {
		return fmt.Errorf("imap: cannot get the password for %s: %w", user, err)
	}
	conn.dog.arm("the login")
	caps := conn.c.Caps()
	switch {
	case caps.Has(imap.AuthCap(sasl.Plain)):
		err = conn.c.Authenticate(sasl.NewPlainClient("", user, pass))
	case caps.Has(imap.CapLoginDisabled):
		return fmt.Errorf("imap: the server refuses to log in %s without TLS (LOGINDISABLED); set imap.security to tls or starttls", user)
	default:
		err = conn.c.Login(user, pass).Wait()
	}
	if err != nil {
		var imapErr *imap.Error
		if errors.As(err, &imapErr) {
			return fmt.Errorf("imap: login as %s failed: %w (%s); check imap.username and the password, or use an app password", user, ErrAuth, imapErr.Text)
		}
		return fmt.Errorf("imap: login as %s failed: %w", user, err)
	}
	return nil
}

// tlsSettings is how this connection trusts the server.
func tlsSettings(opts *Options) mailnet.Settings {
	return mailnet.Settings{Section: "imap", Host: opts.Host, CAFile: opts.CAFile, Pin: opts.Pin}
}

func tlsConfig(opts *Options) (*tls.Config, error) {
	cfg, err := mailnet.TLSConfig(tlsSettings(opts))
	if err != nil {
		return nil, fmt.Errorf("imap: %w", err)
	}
	return cfg, nil
}

// tlsError says why the handshake failed: the certificate's problem in
// the owner's words (with the pin that would trust it), or, for anything
// else, the settings to check.
func (conn *Conn) tlsError(err error, what string) error {
	if why := tlsSettings(conn.opts).Explain(err); why != nil {
		return fmt.Errorf("%w: %s%w", ErrTLS, what, why)
	}
	return fmt.Errorf("%w: %s%v; check imap.security and imap.port", ErrTLS, what, err)
}

// Caps returns the capabilities the server advertises after login.
func (conn *Conn) Caps() imap.CapSet { return conn.c.Caps() }

// Close logs out politely (bounded by the watchdog) and closes the socket.
func (conn *Conn) Close() error {
	conn.dog.arm("LOGOUT")
	defer conn.dog.disarm()
	_ = conn.c.Logout().Wait()
	return conn.c.Close()
}

// Abort closes the socket at once, without LOGOUT: for a caller that is
// stopping and must not wait for a slow server.
func (conn *Conn) Abort() error { return conn.c.Close() }

// Closed is closed when the connection is gone.
func (conn *Conn) Closed() <-chan struct{} { return conn.c.Closed() }

// guard runs fn under the watchdog, naming what for the error.
func (conn *Conn) guard(what string, fn func() error) error {
	conn.dog.arm(what)
	defer conn.dog.disarm()
	return conn.dog.err(fn())
}
