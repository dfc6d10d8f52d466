package main

import (
	"fmt"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// exists is one EXISTS the server sent: the new message count and when it
// arrived.
type exists struct {
	n  uint32
	at time.Time
}

// bareWatcher is a bare IDLE client on INBOX, beside gratitude: the time
// the server takes to tell any IDLE client of new mail is the floor of
// gratitude's latency.
type bareWatcher struct {
	c      *imapclient.Client
	idle   *imapclient.IdleCommand
	events chan exists
	count  uint32 // messages in INBOX when the watch started
}

// watchInbox logs in as user, selects INBOX and starts idling.
func (b *bench) watchInbox(user string) (*bareWatcher, error) {
	w := &bareWatcher{events: make(chan exists, 4096)}
	c, err := imapclient.DialInsecure(b.dc.Addr(), &imapclient.Options{
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Mailbox: func(d *imapclient.UnilateralDataMailbox) {
				if d.NumMessages != nil {
					select {
					case w.events <- exists{*d.NumMessages, time.Now()}:
					default:
					}
				}
			},
		},
	})
	if err != nil {
		return nil, fmt.Errorf("bare IDLE client: %w", err)
	}
	w.c = c
	if err := c.Login(user, password).Wait(); err != nil {
		c.Close()
		return nil, fmt.Errorf("bare IDLE client: login: %w", err)
	}
	sel, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("bare IDLE client: select: %w", err)
	}
	w.count = sel.NumMessages
	if w.idle, err = c.Idle(); err != nil {
		c.Close()
		return nil, fmt.Errorf("bare IDLE client: idle: %w", err)
	}
	return w, nil
}

// waitCount returns when the server announced that INBOX holds at least n
// messages.
func (w *bareWatcher) waitCount(n uint32, timeout time.Duration) (time.Time, error) {
	deadline := time.After(timeout)
	for {
		select {
		case e := <-w.events:
			if e.n >= n {
				return e.at, nil
			}
		case <-deadline:
			return time.Time{}, fmt.Errorf("bare IDLE client: no EXISTS for message %d within %s", n, timeout)
		}
	}
}

// close ends the IDLE and logs out.
func (w *bareWatcher) close() {
	if w.idle != nil {
		w.idle.Close()
		w.idle.Wait()
	}
	w.c.Close()
}
