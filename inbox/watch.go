package inbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/emersion/go-imap/v2"
)

// Watcher keeps one mailbox in sync for as long as its context lives: it
// holds its own connection (IDLE covers only the selected mailbox), passes
// over the mailbox, then waits for news by IDLE or by polling, and reconnects
// with backoff whenever the connection fails.
type Watcher struct {
	Options *Options
	Syncer  *Syncer
	Mailbox string
	Backoff Backoff
	Log     *slog.Logger
	// OnPass is called after every completed pass (nil error) and after every
	// failure (the error); it must not block for long.
	OnPass func(res PassResult, err error)
	// OnIdle, when set, is called each time IDLE is established.
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
		w.report(PassResult{Mailbox: w.Mailbox}, err)
		delay := w.Backoff.Delay(failures)
		failures++
		w.Log.Warn("mailbox watch interrupted; reconnecting", "mailbox", w.Mailbox, "in", delay.Round(time.Millisecond), "err", err)
		sleep(ctx, delay)
	}
	return nil
}

// session connects once and loops pass → wait until the connection fails.
func (w *Watcher) session(ctx context.Context, failures *int) error {
	conn, err := Dial(ctx, w.Options, w.Syncer.Stats)
	if err != nil {
		return err
	}
	defer w.closeConn(conn)
	// The client blocks in no call once the socket is gone, so closing it
	// when ctx ends stops IDLE and any command promptly.
	stop := context.AfterFunc(ctx, func() { conn.c.Close() })
	defer stop()
	useIdle := w.Options.Idle && conn.Caps().Has(imap.CapIdle)
	if !useIdle && w.Options.Idle {
		w.Log.Info("server offers no IDLE; polling", "mailbox", w.Mailbox, "every", w.Options.pollInterval())
	}
	for {
		res, err := w.Syncer.Sync(ctx, conn, w.Mailbox)
		if err != nil {
			return err
		}
		*failures = 0
		w.report(res, nil)
		if useIdle {
			err = w.idle(ctx, conn)
		} else {
			err = w.poll(ctx, conn)
		}
		if err != nil {
			return err
		}
	}
}

// idle waits in IDLE until the server reports new mail, the refresh interval
// passes (then a NOOP under the watchdog proves the connection alive), or
// ctx ends.
func (w *Watcher) idle(ctx context.Context, conn *Conn) error {
	refresh := time.NewTimer(w.Options.idleRefresh())
	defer refresh.Stop()
	var cmd interface {
		Close() error
		Wait() error
	}
	err := conn.guard("IDLE", func() error {
		var err error
		cmd, err = conn.c.Idle()
		return err
	})
	if err != nil {
		return fmt.Errorf("imap: start IDLE on %q: %w", w.Mailbox, err)
	}
	if w.OnIdle != nil {
		w.OnIdle()
	}
	select {
	case <-conn.mailboxEvents:
	case <-refresh.C:
	case <-ctx.Done():
	case <-conn.Closed():
	}
	err = conn.guard("IDLE DONE", func() error {
		if err := cmd.Close(); err != nil {
			return err
		}
		return cmd.Wait()
	})
	if err != nil {
		return fmt.Errorf("imap: IDLE on %q: %w", w.Mailbox, err)
	}
	return ctx.Err()
}

// poll waits the poll interval, then checks the connection with NOOP.
func (w *Watcher) poll(ctx context.Context, conn *Conn) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-conn.mailboxEvents:
	case <-time.After(w.Options.pollInterval()):
	}
	return conn.guard("NOOP", func() error { return conn.c.Noop().Wait() })
}

func (w *Watcher) report(res PassResult, err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	if w.OnPass != nil {
		w.OnPass(res, err)
	}
}

// closeConn logs out in the background: a dead server must not hold up a
// reconnect or a shutdown.
func (w *Watcher) closeConn(conn *Conn) {
	go conn.Close()
}
