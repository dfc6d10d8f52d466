package testmail

import (
	"crypto/tls"
	"crypto/x509"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

func TestMemIMAPBasics(t *testing.T) {
	m := NewMemIMAP(t, MemOptions{})
	if err := m.AddUser(testUser, testPass); err != nil {
		t.Fatal(err)
	}
	if err := m.AddUser(testUser, testPass); err == nil {
		t.Error("duplicate AddUser succeeded")
	}
	c := login(t, m.Addr(), nil, testUser, testPass)
	for _, cp := range []imap.Cap{imap.CapIdle, imap.CapUIDPlus, imap.CapMove, imap.CapSpecialUse, imap.CapIMAP4rev2} {
		if !c.Caps().Has(cp) {
			t.Errorf("caps %v lack %s", c.Caps(), cp)
		}
	}
	checkSpecialUse(t, c)

	uid, err := m.Append(testUser, "INBOX", testMessage(1), imap.FlagSeen)
	if err != nil {
		t.Fatal(err)
	}
	if uid != 1 {
		t.Errorf("first UID = %d, want 1", uid)
	}
	if _, err := m.Append(testUser, "Nope", testMessage(2)); err == nil {
		t.Error("append to missing mailbox succeeded")
	}
	if _, err := m.Append("nobody@example.org", "INBOX", testMessage(2)); err == nil {
		t.Error("append for unknown user succeeded")
	}
	if n := selectCount(t, c, "INBOX"); n != 1 {
		t.Errorf("INBOX = %d, want 1", n)
	}

	// MOVE to Archive, mailbox metadata follows CREATE/RENAME/DELETE.
	if _, err := c.Move(imap.UIDSetNum(1), "Archive").Wait(); err != nil {
		t.Fatalf("MOVE: %v", err)
	}
	if err := c.Create("Projects/2024", &imap.CreateOptions{SpecialUse: []imap.MailboxAttr{imap.MailboxAttrFlagged}}).Wait(); err != nil {
		t.Fatal(err)
	}
	if err := c.Rename("Projects/2024", "Projects/2025", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	list, err := c.List("", "Projects/*", &imap.ListOptions{ReturnStatus: &imap.StatusOptions{NumMessages: true}}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 1 || list[0].Mailbox != "Projects/2025" || !slices.Contains(list[0].Attrs, imap.MailboxAttrFlagged) || list[0].Status == nil {
		t.Errorf("LIST Projects/* = %+v", list)
	}
	if n := selectCount(t, c, "Archive"); n != 1 {
		t.Errorf("Archive = %d, want 1", n)
	}
	subs, err := c.List("", "*", &imap.ListOptions{SelectSubscribed: true}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 6 {
		t.Errorf("subscribed = %d mailboxes, want 6: %+v", len(subs), subs)
	}

	bad, err := imapclient.DialInsecure(m.Addr(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bad.Close()
	if err := bad.Login(testUser, "nope").Wait(); err == nil {
		t.Error("login with wrong password succeeded")
	}
}

func TestMemIMAPIdle(t *testing.T) {
	m := NewMemIMAP(t, MemOptions{})
	if err := m.AddUser(testUser, testPass); err != nil {
		t.Fatal(err)
	}
	testIdleSeesNewMail(t, m.Addr(), func() error {
		_, err := m.Append(testUser, "INBOX", testMessage(1))
		return err
	})
}

func TestMemIMAPNoIdle(t *testing.T) {
	for _, useTLS := range []bool{false, true} {
		m := NewMemIMAP(t, MemOptions{NoIdle: true, TLS: useTLS})
		if err := m.AddUser(testUser, testPass); err != nil {
			t.Fatal(err)
		}
		var c *imapclient.Client
		if useTLS {
			var err error
			if c, err = imapclient.DialTLS(m.TLSAddr(), &imapclient.Options{TLSConfig: m.ClientTLSConfig()}); err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if err := c.Login(testUser, testPass).Wait(); err != nil {
				t.Fatal(err)
			}
		} else {
			c = login(t, m.Addr(), nil, testUser, testPass)
		}
		caps, err := c.Capability().Wait()
		if err != nil {
			t.Fatal(err)
		}
		if caps.Has(imap.CapIdle) || caps.Has(imap.CapIMAP4rev2) {
			t.Errorf("tls=%v: NoIdle server advertises %v", useTLS, caps)
		}
		for _, cp := range []imap.Cap{imap.CapUIDPlus, imap.CapMove, imap.CapSpecialUse, imap.CapIMAP4rev1} {
			if !caps.Has(cp) {
				t.Errorf("tls=%v: caps %v lack %s", useTLS, caps, cp)
			}
		}
		if c.Caps().Has(imap.CapIdle) {
			t.Errorf("tls=%v: client cached caps %v include IDLE", useTLS, c.Caps())
		}
		checkSpecialUse(t, c)
		if _, err := c.Select("INBOX", nil).Wait(); err != nil {
			t.Fatal(err)
		}
		idle, err := c.Idle()
		if err == nil {
			idle.Close()
			if err = idle.Wait(); err == nil {
				t.Errorf("tls=%v: IDLE succeeded on NoIdle server", useTLS)
			}
		}
		// The connection is still usable afterwards.
		if err := c.Noop().Wait(); err != nil {
			t.Errorf("tls=%v: NOOP after refused IDLE: %v", useTLS, err)
		}
	}
}

func TestMemIMAPTLS(t *testing.T) {
	m := NewMemIMAP(t, MemOptions{TLS: true})
	if err := m.AddUser(testUser, testPass); err != nil {
		t.Fatal(err)
	}
	pem, err := os.ReadFile(m.CAFile())
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		t.Fatal("CAFile has no certificate")
	}
	opts := &imapclient.Options{TLSConfig: &tls.Config{RootCAs: pool}}
	for name, dial := range map[string]func() (*imapclient.Client, error){
		"implicit": func() (*imapclient.Client, error) { return imapclient.DialTLS(m.TLSAddr(), opts) },
		"starttls": func() (*imapclient.Client, error) { return imapclient.DialStartTLS(m.Addr(), opts) },
	} {
		c, err := dial()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if err := c.Login(testUser, testPass).Wait(); err != nil {
			t.Fatalf("%s: login: %v", name, err)
		}
		if c.Caps().Has(imap.CapStartTLS) {
			t.Errorf("%s: STARTTLS offered inside TLS", name)
		}
		checkSpecialUse(t, c)
		c.Close()
	}
	if c, err := imapclient.DialTLS(m.TLSAddr(), nil); err == nil {
		c.Close()
		t.Error("TLS dial without CA succeeded")
	}
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if err := m.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if _, err := os.Stat(m.CAFile()); !os.IsNotExist(err) {
		t.Errorf("cert file survives Close: %v", err)
	}
}

func TestStripIdleCap(t *testing.T) {
	for in, want := range map[string]string{
		"* CAPABILITY IMAP4rev1 IDLE UIDPLUS\r\n":           "* CAPABILITY IMAP4rev1 UIDPLUS\r\n",
		"* CAPABILITY IMAP4rev1 UIDPLUS IDLE\r\n":           "* CAPABILITY IMAP4rev1 UIDPLUS\r\n",
		"* OK [CAPABILITY IMAP4rev1 IDLE] ready\r\n":        "* OK [CAPABILITY IMAP4rev1] ready\r\n",
		"A1 OK [CAPABILITY IMAP4rev1 IDLE MOVE] Logged\r\n": "A1 OK [CAPABILITY IMAP4rev1 MOVE] Logged\r\n",
		"* 1 FETCH (BODY[] {4}\r\n":                         "* 1 FETCH (BODY[] {4}\r\n",
		"* OK IDLE is great\r\n":                            "* OK IDLE is great\r\n",
	} {
		if got := string(stripIdleCap([]byte(in))); got != want {
			t.Errorf("stripIdleCap(%q) = %q, want %q", strings.TrimSpace(in), got, want)
		}
	}
}
