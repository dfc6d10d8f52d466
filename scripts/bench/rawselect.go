package main

import (
	"fmt"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// rawSelect times what any client pays for a pass that finds nothing new:
// connect, log in, EXAMINE Sent and INBOX as gratitude's pass does, log
// out. It is the floor of the steady-state pass.
func (b *bench) rawSelect(user string) (time.Duration, error) {
	start := time.Now()
	c, err := imapclient.DialInsecure(b.dc.Addr(), nil)
	if err != nil {
		return 0, fmt.Errorf("bare EXAMINE: %w", err)
	}
	defer c.Close()
	if err := c.Login(user, password).Wait(); err != nil {
		return 0, fmt.Errorf("bare EXAMINE: login: %w", err)
	}
	for _, mb := range []string{"Sent", "INBOX"} {
		if _, err := c.Select(mb, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
			return 0, fmt.Errorf("bare EXAMINE %s: %w", mb, err)
		}
	}
	if err := c.Logout().Wait(); err != nil {
		return 0, fmt.Errorf("bare EXAMINE: logout: %w", err)
	}
	return time.Since(start), nil
}
