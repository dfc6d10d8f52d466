package testmail

import (
	"bytes"
	"fmt"
	"net"
	"time"

	"github.com/emersion/go-smtp"
)

// DeliverLMTP hands raw to Dovecot over LMTP for each recipient, as an MTA
// such as Postfix does; it returns once Dovecot has stored the message.
// Dovecot files plus-addressed recipients (ada+thanks@) in the user's
// INBOX. With one recipient it adds Delivered-To naming it; with several
// in one delivery (Alice and a Bcc to ada+thanks, as Postfix hands them
// over) it adds none, so the Bcc'd capture address is not visible on the
// INBOX copy.
func (d *Dovecot) DeliverLMTP(from string, to []string, raw []byte) error {
	conn, err := net.DialTimeout("tcp", d.LMTPAddr(), 10*time.Second)
	if err != nil {
		return fmt.Errorf("testmail: lmtp dial: %w", err)
	}
	c := smtp.NewClientLMTP(conn)
	defer c.Close()
	if err := c.Hello("localhost"); err != nil {
		return fmt.Errorf("testmail: lmtp LHLO: %w", err)
	}
	if err := c.SendMail(from, to, bytes.NewReader(raw)); err != nil {
		return fmt.Errorf("testmail: lmtp deliver to %v: %w", to, err)
	}
	return c.Quit()
}
