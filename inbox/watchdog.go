package inbox

import (
	"fmt"
	"sync"
	"time"
)

// watchdog closes a connection when the server stops making progress. The
// IMAP client waits for responses without a read deadline, so without it a
// half-dead connection (a NAT that dropped state, a stalled proxy) would hang
// a pass forever. Kick it whenever progress is seen.
type watchdog struct {
	timeout time.Duration
	onFire  func()

	mu    sync.Mutex
	timer *time.Timer
	fired bool
	what  string
}

func newWatchdog(timeout time.Duration, onFire func()) *watchdog {
	return &watchdog{timeout: timeout, onFire: onFire}
}

// arm starts guarding an operation described by what.
func (w *watchdog) arm(what string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.what = what
	if w.timer != nil {
		w.timer.Stop()
	}
	w.timer = time.AfterFunc(w.timeout, w.fire)
}

// kick records progress and restarts the countdown.
func (w *watchdog) kick() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.timer != nil {
		w.timer.Reset(w.timeout)
	}
}

// disarm stops guarding.
func (w *watchdog) disarm() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.timer != nil {
		w.timer.Stop()
		w.timer = nil
	}
}

func (w *watchdog) fire() {
	w.mu.Lock()
	w.fired = true
	w.mu.Unlock()
	w.onFire()
}

// err wraps a command error with the watchdog's verdict when it fired.
func (w *watchdog) err(err error) error {
	if err == nil {
		return nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.fired {
		return fmt.Errorf("imap: no answer from the server to %s within %s; connection closed, will reconnect: %w",
			w.what, w.timeout, ErrStalled)
	}
	return err
}
