package main

import (
	"fmt"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// rawIdleLatency is the floor for IDLE latency: a bare client idling on
// INBOX, timed from the end of each APPEND to the server's EXISTS.
func (b *bench) rawIdleLatency(samples int) ([]time.Duration, error) {
	exists := make(chan struct{}, 16)
	c, err := imapclient.DialInsecure(b.dc.Addr(), &imapclient.Options{
		UnilateralDataHandler: &imapclient.UnilateralDataHandler{
			Mailbox: func(d *imapclient.UnilateralDataMailbox) {
				if d.NumMessages != nil {
					select {
					case exists <- struct{}{}:
					default:
					}
				}
			},
		},
	})
	if err != nil {
		return nil, err
	}
	defer c.Close()
	if err := c.Login(owner, password).Wait(); err != nil {
		return nil, err
	}
	if _, err := c.Select("INBOX", &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return nil, err
	}
	var lat []time.Duration
	for i := 0; i < samples; i++ {
		idle, err := c.Idle()
		if err != nil {
			return nil, err
		}
		if err := b.dc.Deliver(owner, "INBOX", realisticMail(2_000_000+i)); err != nil {
			return nil, err
		}
		delivered := time.Now()
		select {
		case <-exists:
			lat = append(lat, time.Since(delivered))
		case <-time.After(30 * time.Second):
			return nil, fmt.Errorf("no EXISTS within 30s of delivery %d", i)
		}
		if err := idle.Close(); err != nil {
			return nil, err
		}
		if err := idle.Wait(); err != nil {
			return nil, err
		}
	}
	return lat, nil
}
