package inbox_test

import (
	"net"
	"strconv"
	"testing"

	"github.com/emersion/go-imap/v2/imapclient"
)

func splitAddr(t *testing.T, addr string) (string, int) {
	t.Helper()
	host, p, err := net.SplitHostPort(addr)
	if err != nil {
		t.Fatal(err)
	}
	port, err := strconv.Atoi(p)
	if err != nil {
		t.Fatal(err)
	}
	return host, port
}

// adminDo runs fn on a fresh, logged-in client: the test's stand-in for
// another mail client changing the mailbox.
func adminDo(t *testing.T, addr string, fn func(c *imapclient.Client) error) {
	t.Helper()
	c, err := imapclient.DialInsecure(addr, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Login(owner, password).Wait(); err != nil {
		t.Fatal(err)
	}
	if err := fn(c); err != nil {
		t.Fatal(err)
	}
}

// recreateMailbox deletes and creates mailbox, which gives it a new
// UIDVALIDITY and new UIDs, as a server restore or migration would.
func recreateMailbox(t *testing.T, addr, mailbox string) {
	adminDo(t, addr, func(c *imapclient.Client) error {
		if err := c.Delete(mailbox).Wait(); err != nil {
			return err
		}
		return c.Create(mailbox, nil).Wait()
	})
}
