package testmail

import (
	"bufio"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

const (
	testUser = "ada@example.org"
	testPass = "s3cret:with colon"
)

func testMessage(i int) []byte {
	return fmt.Appendf(nil, "From: bob@example.org\r\nTo: ada@example.org\r\nSubject: message %d\r\nMessage-Id: <m%d@example.org>\r\nDate: Mon, 02 Jan 2006 15:04:05 +0000\r\n\r\nbody %d\r\n", i, i, i)
}

func login(t *testing.T, addr string, opts *imapclient.Options, user, pass string) *imapclient.Client {
	t.Helper()
	c, err := imapclient.DialInsecure(addr, opts)
	if err != nil {
		t.Fatalf("dial %s: %v", addr, err)
	}
	t.Cleanup(func() { c.Close() })
	if err := c.Login(user, pass).Wait(); err != nil {
		t.Fatalf("login %s: %v", user, err)
	}
	return c
}

// checkSpecialUse asserts LIST reports the special-use attributes.
func checkSpecialUse(t *testing.T, c *imapclient.Client) {
	t.Helper()
	list, err := c.List("", "*", nil).Collect()
	if err != nil {
		t.Fatalf("LIST: %v", err)
	}
	attrs := map[string][]imap.MailboxAttr{}
	for _, l := range list {
		attrs[l.Mailbox] = l.Attrs
	}
	for mbox, want := range map[string]imap.MailboxAttr{"Sent": imap.MailboxAttrSent, "Drafts": imap.MailboxAttrDrafts, "Trash": imap.MailboxAttrTrash} {
		if !slices.Contains(attrs[mbox], want) {
			t.Errorf("LIST %s attrs = %v, want %s (all: %v)", mbox, attrs[mbox], want, attrs)
		}
	}
	if _, ok := attrs["INBOX"]; !ok {
		t.Errorf("LIST lacks INBOX: %v", attrs)
	}
}

func selectCount(t *testing.T, c *imapclient.Client, mbox string) uint32 {
	t.Helper()
	data, err := c.Select(mbox, nil).Wait()
	if err != nil {
		t.Fatalf("SELECT %s: %v", mbox, err)
	}
	return data.NumMessages
}

func TestDovecotPlain(t *testing.T) {
	d := NewDovecot(t, DovecotOptions{})
	if err := d.AddUser("Ada@Example.org", testPass); err != nil {
		t.Fatal(err)
	}
	if d.TLSAddr() != "" || d.CAFile() != "" {
		t.Errorf("TLS endpoints without TLS: %q %q", d.TLSAddr(), d.CAFile())
	}
	c := login(t, d.Addr(), nil, testUser, testPass)
	if !c.Caps().Has(imap.CapIdle) || !c.Caps().Has(imap.CapUIDPlus) || !c.Caps().Has(imap.CapMove) {
		t.Errorf("caps = %v, want IDLE UIDPLUS MOVE", c.Caps())
	}
	checkSpecialUse(t, c)

	if err := d.Deliver(testUser, "INBOX", testMessage(1)); err != nil {
		t.Fatal(err)
	}
	if err := d.Deliver(testUser, "Archive/2024", testMessage(2)); err != nil {
		t.Fatal(err)
	}
	if n := selectCount(t, c, "INBOX"); n != 1 {
		t.Errorf("INBOX has %d messages, want 1", n)
	}
	if fi, err := os.Stat(d.MaildirPath(testUser, "Archive/2024") + "/cur"); err != nil || !fi.IsDir() {
		t.Errorf("MaildirPath(Archive/2024) = %s: %v", d.MaildirPath(testUser, "Archive/2024"), err)
	}

	// Wrong password is refused.
	bad, err := imapclient.DialInsecure(d.Addr(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer bad.Close()
	if err := bad.Login(testUser, "nope").Wait(); err == nil {
		t.Error("login with wrong password succeeded")
	}
}

func TestDovecotTLS(t *testing.T) {
	d := NewDovecot(t, DovecotOptions{TLS: true})
	if err := d.AddUser(testUser, testPass); err != nil {
		t.Fatal(err)
	}
	pem, err := os.ReadFile(d.CAFile())
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pem) {
		t.Fatal("CAFile has no certificate")
	}
	opts := &imapclient.Options{TLSConfig: &tls.Config{RootCAs: pool}}

	for name, dial := range map[string]func() (*imapclient.Client, error){
		"implicit": func() (*imapclient.Client, error) { return imapclient.DialTLS(d.TLSAddr(), opts) },
		"starttls": func() (*imapclient.Client, error) { return imapclient.DialStartTLS(d.Addr(), opts) },
		"localhost": func() (*imapclient.Client, error) {
			_, port, _ := net.SplitHostPort(d.TLSAddr())
			return imapclient.DialTLS("localhost:"+port, opts)
		},
	} {
		c, err := dial()
		if err != nil {
			t.Fatalf("%s: dial: %v", name, err)
		}
		if err := c.Login(testUser, testPass).Wait(); err != nil {
			t.Fatalf("%s: login: %v", name, err)
		}
		checkSpecialUse(t, c)
		c.Close()
	}

	// Plaintext login on the STARTTLS port stays allowed for loopback tests.
	c := login(t, d.Addr(), nil, testUser, testPass)
	checkSpecialUse(t, c)

	// A client that does not trust the CA is rejected.
	if c, err := imapclient.DialTLS(d.TLSAddr(), nil); err == nil {
		c.Close()
		t.Error("TLS dial without CA succeeded")
	}
}

func TestDovecotPopulate10k(t *testing.T) {
	const n = 10000
	d := NewDovecot(t, DovecotOptions{})
	if err := d.AddUser(testUser, testPass); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	if err := d.PopulateMaildir(testUser, "INBOX", n, testMessage); err != nil {
		t.Fatal(err)
	}
	populated := time.Since(start)

	c := login(t, d.Addr(), nil, testUser, testPass)
	start = time.Now()
	if got := selectCount(t, c, "INBOX"); got != n {
		t.Fatalf("SELECT INBOX = %d messages, want %d", got, n)
	}
	selected := time.Since(start)
	t.Logf("PopulateMaildir(%d) %v; first SELECT %v", n, populated, selected)

	// UIDs follow generation order.
	msgs, err := c.Fetch(imap.SeqSetNum(1, 5000, n), &imap.FetchOptions{Envelope: true, UID: true, Flags: true}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []int{0, 4999, n - 1} {
		if got := msgs[i].Envelope.Subject; got != fmt.Sprintf("message %d", want) {
			t.Errorf("seq %d subject %q, want message %d", msgs[i].SeqNum, got, want)
		}
		if !slices.Contains(msgs[i].Flags, imap.FlagSeen) {
			t.Errorf("seq %d flags %v, want \\Seen", msgs[i].SeqNum, msgs[i].Flags)
		}
	}

	// A second batch into a non-INBOX mailbox is seen too.
	if err := d.PopulateMaildir(testUser, "Archive", 3, testMessage); err != nil {
		t.Fatal(err)
	}
	if got := selectCount(t, c, "Archive"); got != 3 {
		t.Errorf("SELECT Archive = %d, want 3", got)
	}
}

func TestDovecotStopStart(t *testing.T) {
	d := NewDovecot(t, DovecotOptions{})
	if err := d.AddUser(testUser, testPass); err != nil {
		t.Fatal(err)
	}
	if err := d.PopulateMaildir(testUser, "INBOX", 5, testMessage); err != nil {
		t.Fatal(err)
	}
	c := login(t, d.Addr(), nil, testUser, testPass)
	if got := selectCount(t, c, "INBOX"); got != 5 {
		t.Fatalf("INBOX = %d, want 5", got)
	}
	addr, lmtp := d.Addr(), d.LMTPAddr()

	start := time.Now()
	if err := d.Stop(); err != nil {
		t.Fatal(err)
	}
	t.Logf("Stop took %v", time.Since(start))
	select {
	case <-c.Closed():
	case <-time.After(5 * time.Second):
		t.Error("open client connection survived Stop")
	}
	for _, a := range []string{addr, lmtp} {
		if conn, err := net.Dial("tcp", a); err == nil {
			conn.Close()
			t.Errorf("%s still accepts connections after Stop", a)
		}
	}
	if err := d.Stop(); err != nil {
		t.Errorf("second Stop: %v", err)
	}

	start = time.Now()
	if err := d.Start(); err != nil {
		t.Fatal(err)
	}
	t.Logf("Start took %v", time.Since(start))
	if d.Addr() != addr || d.LMTPAddr() != lmtp {
		t.Errorf("ports changed across restart: %s %s -> %s %s", addr, lmtp, d.Addr(), d.LMTPAddr())
	}
	c2 := login(t, d.Addr(), nil, testUser, testPass)
	if got := selectCount(t, c2, "INBOX"); got != 5 {
		t.Errorf("after restart INBOX = %d, want 5", got)
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if err := d.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	if err := d.Start(); err == nil {
		t.Error("Start after Close succeeded")
	}
}

func TestDovecotIdleSeesDeliver(t *testing.T) {
	d := NewDovecot(t, DovecotOptions{})
	if err := d.AddUser(testUser, testPass); err != nil {
		t.Fatal(err)
	}
	testIdleSeesNewMail(t, d.Addr(), func() error { return d.Deliver(testUser, "INBOX", testMessage(7)) })
}

// testIdleSeesNewMail IDLEs on INBOX and expects deliver to produce EXISTS.
func testIdleSeesNewMail(t *testing.T, addr string, deliver func() error) {
	t.Helper()
	exists := make(chan uint32, 8)
	c := login(t, addr, &imapclient.Options{UnilateralDataHandler: &imapclient.UnilateralDataHandler{
		Mailbox: func(data *imapclient.UnilateralDataMailbox) {
			if data.NumMessages != nil {
				exists <- *data.NumMessages
			}
		},
	}}, testUser, testPass)
	if got := selectCount(t, c, "INBOX"); got != 0 {
		t.Fatalf("INBOX = %d, want 0", got)
	}
	idle, err := c.Idle()
	if err != nil {
		t.Fatal(err)
	}
	if err := deliver(); err != nil {
		t.Fatal(err)
	}
	select {
	case n := <-exists:
		if n != 1 {
			t.Errorf("EXISTS %d, want 1", n)
		}
	case <-time.After(10 * time.Second):
		t.Error("no EXISTS while idling")
	}
	if err := idle.Close(); err != nil {
		t.Fatal(err)
	}
	if err := idle.Wait(); err != nil {
		t.Fatal(err)
	}
}

func TestDovecotLMTP(t *testing.T) {
	d := NewDovecot(t, DovecotOptions{})
	if err := d.AddUser(testUser, testPass); err != nil {
		t.Fatal(err)
	}
	conn, err := net.DialTimeout("tcp", d.LMTPAddr(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	r := bufio.NewReader(conn)
	// reply reads a (possibly multi-line) reply and checks its code.
	reply := func(want string) {
		t.Helper()
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				t.Fatalf("LMTP read: %v", err)
			}
			if !strings.HasPrefix(line, want) {
				t.Fatalf("LMTP reply %q, want %s", strings.TrimSpace(line), want)
			}
			if len(line) < 4 || line[3] != '-' {
				return
			}
		}
	}
	send := func(cmd, want string) {
		t.Helper()
		fmt.Fprintf(conn, "%s\r\n", cmd)
		reply(want)
	}
	reply("220")
	send("LHLO localhost", "250")
	send("MAIL FROM:<bob@example.org>", "250")
	send("RCPT TO:<nobody@example.org>", "550")
	// recipient_delimiter=+ and lmtp_save_to_detail_mailbox=no: +tag lands in INBOX.
	send("RCPT TO:<ada+help@example.org>", "250")
	send("DATA", "354")
	send(strings.ReplaceAll(string(testMessage(3)), "\r\n.", "\r\n..")+".", "250")
	send("QUIT", "221")

	c := login(t, d.Addr(), nil, testUser, testPass)
	if got := selectCount(t, c, "INBOX"); got != 1 {
		t.Errorf("INBOX after LMTP = %d, want 1", got)
	}
}

func TestDovecotConcurrentInstances(t *testing.T) {
	if _, err := dovecotBinary(); err != nil {
		NewDovecot(t, DovecotOptions{}) // skips or fails as configured
	}
	ds := make([]*Dovecot, 3)
	errs := make([]error, len(ds))
	var wg sync.WaitGroup
	for i := range ds {
		dir := t.TempDir()
		os.Chmod(filepath.Dir(dir), 0o755)
		os.Chmod(dir, 0o755)
		wg.Go(func() { ds[i], errs[i] = StartDovecot(dir, DovecotOptions{TLS: i == 0}) })
	}
	wg.Wait()
	seen := map[string]bool{}
	for i, d := range ds {
		if errs[i] != nil {
			t.Errorf("instance %d: %v", i, errs[i])
			continue
		}
		defer d.Close()
		for _, a := range []string{d.Addr(), d.LMTPAddr(), d.TLSAddr()} {
			if a != "" && seen[a] {
				t.Errorf("address %s used twice", a)
			}
			seen[a] = true
		}
	}
}

func TestDovecotLongDir(t *testing.T) {
	if _, err := dovecotBinary(); err != nil {
		NewDovecot(t, DovecotOptions{})
	}
	dir := t.TempDir()
	os.Chmod(filepath.Dir(dir), 0o755)
	os.Chmod(dir, 0o755)
	dir = filepath.Join(dir, strings.Repeat("x", 60), strings.Repeat("y", 60))
	d, err := StartDovecot(dir, DovecotOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if !d.ownBaseDir || len(d.baseDir) > maxBaseDir {
		t.Errorf("base_dir %q not moved to a short path", d.baseDir)
	}
	if err := d.AddUser(testUser, testPass); err != nil {
		t.Fatal(err)
	}
	c := login(t, d.Addr(), nil, testUser, testPass)
	checkSpecialUse(t, c)
	base := d.baseDir
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(base); !os.IsNotExist(err) {
		t.Errorf("short base_dir %s survives Close: %v", base, err)
	}
}

// fakeTB records how NewDovecot gives up; Skip/Fatal unwind via panic.
type fakeTB struct {
	testing.TB
	skipped, failed bool
}

func (f *fakeTB) Helper()               {}
func (f *fakeTB) Skip(...any)           { f.skipped = true; panic(f) }
func (f *fakeTB) Fatalf(string, ...any) { f.failed = true; panic(f) }
func (f *fakeTB) Fatal(...any)          { f.failed = true; panic(f) }
func (f *fakeTB) TempDir() string       { panic("TempDir called without dovecot") }

func TestNewDovecotMissing(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	saved := dovecotFallbacks
	dovecotFallbacks = nil
	defer func() { dovecotFallbacks = saved }()

	for _, require := range []string{"", "1"} {
		t.Setenv(RequireDovecotEnv, require)
		f := &fakeTB{TB: t}
		func() {
			defer func() { recover() }()
			NewDovecot(f, DovecotOptions{})
		}()
		if require == "1" && (!f.failed || f.skipped) {
			t.Errorf("%s=1: failed=%v skipped=%v, want failure", RequireDovecotEnv, f.failed, f.skipped)
		}
		if require == "" && (!f.skipped || f.failed) {
			t.Errorf("unset: failed=%v skipped=%v, want skip", f.failed, f.skipped)
		}
	}
	if _, err := StartDovecot(t.TempDir(), DovecotOptions{}); err != ErrDovecotMissing {
		t.Errorf("StartDovecot without dovecot = %v, want ErrDovecotMissing", err)
	}
}
