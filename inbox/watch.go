package inbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"

	"gratitude/internal/retry"
)

// Watcher keeps several mailboxes in sync for as long as its context lives.
// It holds one connection per mailbox (IDLE covers only the selected one),
// and whenever any of them reports news it passes over all of them in the
// given order: Sent before INBOX, so an ask is always recorded before the
// replies to it. It reconnects with backoff whenever a connection fails.
type Watcher struct {
	Options   *Options
	Syncer    *Syncer
	Mailboxes []string // passed over in this order
	Backoff   retry.Backoff
	Log       *slog.Logger
	// OnPass is called after every completed pass over one mailbox (nil
	// error) and after every failure; it must not block for long.
	OnPass func(res PassResult, err error)
	// OnIdle, when set, is called each time every connection is idling.
	OnIdle func()
}

// Run watches until ctx is cancelled; it returns nil then.
func (w *Watcher) Run(ctx context.Context) error {
	failures := 0
	for ctx.Err() == nil {
		err := w.session(ctx, &failures)
		if ctx.Err() != nil {
			return nil
		}
		w.report(PassResult{Mailbox: strings.Join(w.Mailboxes, ",")}, err)
		delay := w.Backoff.Jittered(failures + 1)
		failures++
		w.Log.Warn("mailbox watch interrupted; reconnecting", "mailboxes", w.Mailboxes, "in", delay.Round(time.Millisecond), "err", err)
		sleep(ctx, delay)
	}
	return nil
}

// session connects once per mailbox and loops pass → wait until a
// connection fails.
func (w *Watcher) session(ctx context.Context, failures *int) error {
	conns := make([]*Conn, 0, len(w.Mailboxes))
	defer func() {
		for _, c := range conns {
			go c.Close() // a dead server must not hold up a reconnect
		}
	}()
	for range w.Mailboxes {
		conn, err := Dial(ctx, w.Options, w.Syncer.Stats)
		if err != nil {
			return err
		}
		conns = append(conns, conn)
		// Closing the socket when ctx ends stops IDLE and any command.
		stop := context.AfterFunc(ctx, func() { conn.c.Close() })
		defer stop()
	}
	useIdle := w.Options.Idle && allHave(conns, imap.CapIdle)
	if w.Options.Idle && !useIdle {
		w.Log.Info("server offers no IDLE; polling", "every", w.Options.pollInterval())
	}
	for {
		for i, mb := range w.Mailboxes {
			res, err := w.Syncer.Sync(ctx, conns[i], mb)
			if err != nil {
				return err
			}
			w.report(res, nil)
		}
		*failures = 0
		var err error
		if useIdle {
			err = w.idle(ctx, conns)
		} else {
			err = w.poll(ctx, conns)
		}
		if err != nil {
			return err
		}
	}
}

func allHave(conns []*Conn, c imap.Cap) bool {
	for _, conn := range conns {
		if !conn.Caps().Has(c) {
			return false
		}
	}
	return true
}

// idleCmd is the part of imapclient's IDLE command used here.
type idleCmd interface {
	Close() error
	Wait() error
}

// idle puts every connection in IDLE and waits until one reports new mail,
// the refresh interval passes (then NOOPs under the watchdog prove the
// connections alive), a connection drops, or ctx ends.
func (w *Watcher) idle(ctx context.Context, conns []*Conn) (err error) {
	cmds := make([]idleCmd, 0, len(conns))
	defer func() {
		if serr := stopIdle(conns, cmds); err == nil && ctx.Err() == nil && serr != nil {
			err = fmt.Errorf("imap: end IDLE: %w", serr)
		}
	}()
	for i, conn := range conns {
		// Some servers (go-imap's own among them) report only changes made
		// after IDLE began; a NOOP first makes them report mail that arrived
		// since the pass, which then ends the wait at once.
		if err := conn.guard("NOOP", func() error { return conn.c.Noop().Wait() }); err != nil {
			return fmt.Errorf("imap: NOOP on %q: %w", w.Mailboxes[i], err)
		}
		var cmd idleCmd
		err = conn.guard("IDLE", func() error {
			var err error
			cmd, err = conn.c.Idle()
			return err
		})
		if err != nil {
			return fmt.Errorf("imap: start IDLE on %q: %w", w.Mailboxes[i], err)
		}
		cmds = append(cmds, cmd)
	}
	if w.OnIdle != nil {
		w.OnIdle()
	}
	return w.wait(ctx, conns, w.Options.idleRefresh())
}

// wait blocks until news on any connection, a dropped connection, the
// timeout, or the end of ctx; only a dropped connection is an error.
func (w *Watcher) wait(ctx context.Context, conns []*Conn, timeout time.Duration) error {
	news := make(chan struct{}, 1)
	stop := make(chan struct{})
	defer close(stop)
	for _, conn := range conns {
		go func() {
			select {
			case <-conn.mailboxEvents:
			case <-conn.Closed():
			case <-stop:
				return
			}
			select {
			case news <- struct{}{}:
			default:
			}
		}()
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-news:
	case <-t.C:
	case <-ctx.Done():
		return ctx.Err()
	}
	for i, conn := range conns {
		select {
		case <-conn.Closed():
			return fmt.Errorf("imap: connection for %q closed by the server", w.Mailboxes[i])
		default:
		}
	}
	return nil
}

// stopIdle ends the IDLE commands, each bounded by its watchdog.
func stopIdle(conns []*Conn, cmds []idleCmd) error {
	var errs []error
	for i, cmd := range cmds {
		err := conns[i].guard("IDLE DONE", func() error {
			if err := cmd.Close(); err != nil {
				return err
			}
			return cmd.Wait()
		})
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// poll waits the poll interval (or for unsolicited news), then checks each
// connection with NOOP, which also lets the server report new mail.
func (w *Watcher) poll(ctx context.Context, conns []*Conn) error {
	if err := w.wait(ctx, conns, w.Options.pollInterval()); err != nil {
		return err
	}
	for i, conn := range conns {
		if err := conn.guard("NOOP", func() error { return conn.c.Noop().Wait() }); err != nil {
			return fmt.Errorf("imap: NOOP on %q: %w", w.Mailboxes[i], err)
		}
	}
	return nil
}

func (w *Watcher) report(res PassResult, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	if w.OnPass != nil {
		w.OnPass(res, err)
	}
}
