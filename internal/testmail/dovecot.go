package testmail

import (
	"crypto/rand"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// ErrDovecotMissing is returned by StartDovecot when no dovecot binary exists.
var ErrDovecotMissing = errors.New("testmail: dovecot not installed; apt-get install dovecot-imapd dovecot-lmtpd")

// RequireDovecotEnv names the variable that turns a missing Dovecot from a
// skip into a test failure (set it to 1 in CI).
const RequireDovecotEnv = "GRATITUDE_REQUIRE_DOVECOT"

const (
	startTimeout = 10 * time.Second
	stopTimeout  = 10 * time.Second
	stopGrace    = 500 * time.Millisecond
	// maxBaseDir keeps base_dir short enough for Dovecot's longest unix
	// socket ("token-login/imap-urlauth") to fit in sun_path (108 bytes).
	maxBaseDir = 80
)

// DovecotOptions configures a Dovecot instance.
type DovecotOptions struct {
	// TLS enables STARTTLS on Addr and implicit TLS on TLSAddr using a
	// generated self-signed certificate (see CAFile).
	TLS bool
	// Cert, with TLS, is the certificate Dovecot presents instead of the
	// generated one (e.g. one without subjectAltName).
	Cert *ServerCert
	// Debug turns on auth_debug and mail_debug in the Dovecot log.
	Debug bool
	// ExtraConfig is appended verbatim to the generated dovecot.conf; a
	// setting repeated there overrides the generated one.
	ExtraConfig string
}

// Dovecot is a private Dovecot instance serving IMAP (and IMAPS with TLS) and
// LMTP on 127.0.0.1, with all config, state, logs and mail under one dir.
type Dovecot struct {
	opts       DovecotOptions
	bin        string
	dir        string
	confPath   string
	baseDir    string
	ownBaseDir bool // baseDir is a short temp dir we remove on Close
	logPath    string
	outPath    string // the master's stdout/stderr (normally empty)
	passwdPath string
	greeting   string // unique login_greeting, proves the probe reached us

	root          bool
	loginUser     string
	internalUser  string
	internalGroup string // non-root only: group for Dovecot's unix sockets
	uid, gid      int    // owner of all mail files
	cert          *selfSigned

	imapPort, imapsPort, lmtpPort int

	usersMu sync.Mutex
	users   map[string]string // lower-cased address -> password

	mu      sync.Mutex // serialises Start/Stop/Close
	proc    *dovecotProc
	started bool // ports are final once Dovecot has run once
	closed  bool
}

type dovecotProc struct {
	cmd    *exec.Cmd
	exited chan struct{}
	err    error // valid after exited is closed
}

// NewDovecot starts a Dovecot for the test in t.TempDir() and stops it in
// t.Cleanup, logging Dovecot's log if the test failed. It skips the test when
// Dovecot is not installed, unless GRATITUDE_REQUIRE_DOVECOT=1 (then it fails).
func NewDovecot(t TB, opts DovecotOptions) *Dovecot {
	t.Helper()
	if _, err := dovecotBinary(); err != nil {
		if os.Getenv(RequireDovecotEnv) == "1" {
			t.Fatalf("%v (%s=1 forbids skipping)", err, RequireDovecotEnv)
		}
		t.Skip("dovecot not installed; apt-get install dovecot-imapd dovecot-lmtpd")
	}
	dir := t.TempDir()
	if os.Geteuid() == 0 {
		// t.TempDir and its per-test parent are 0700 root; the unprivileged
		// mail user has to traverse them to reach its Maildirs.
		for _, p := range []string{filepath.Dir(dir), dir} {
			if err := os.Chmod(p, 0o755); err != nil {
				t.Fatalf("testmail: %v", err)
			}
		}
	}
	d, err := StartDovecot(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("dovecot log (%s):\n%s", d.logPath, d.Logs())
		}
		if err := d.Close(); err != nil {
			t.Errorf("testmail: close dovecot: %v", err)
		}
	})
	return d
}

// StartDovecot configures a Dovecot instance under dir (created if needed)
// and starts it, returning once it greets IMAP clients. As root, every
// ancestor of dir must be world-traversable so the mail user can reach it.
func StartDovecot(dir string, opts DovecotOptions) (*Dovecot, error) {
	bin, err := dovecotBinary()
	if err != nil {
		return nil, err
	}
	if dir, err = filepath.Abs(dir); err != nil {
		return nil, fmt.Errorf("testmail: %w", err)
	}
	if strings.ContainsAny(dir, "%\" \t\n") {
		return nil, fmt.Errorf("testmail: dovecot dir %q must not contain %%, quotes or whitespace", dir)
	}
	nonce := make([]byte, 6)
	rand.Read(nonce)
	d := &Dovecot{
		opts:       opts,
		bin:        bin,
		dir:        dir,
		confPath:   filepath.Join(dir, "dovecot.conf"),
		baseDir:    filepath.Join(dir, "run"),
		logPath:    filepath.Join(dir, "dovecot.log"),
		outPath:    filepath.Join(dir, "dovecot.out"),
		passwdPath: filepath.Join(dir, "passwd"),
		greeting:   "testmail-" + hex.EncodeToString(nonce) + " ready.",
		root:       os.Geteuid() == 0,
		users:      map[string]string{},
	}
	if err := d.resolveUsers(); err != nil {
		return nil, err
	}
	if err := d.prepareDirs(); err != nil {
		d.removeOwnBaseDir()
		return nil, err
	}
	if opts.TLS {
		if d.cert, err = newSelfSigned(dir, opts.Cert); err != nil {
			d.removeOwnBaseDir()
			return nil, err
		}
	}
	if err := d.writePasswd(); err != nil {
		d.removeOwnBaseDir()
		return nil, err
	}
	if err := d.Start(); err != nil {
		d.removeOwnBaseDir()
		return nil, err
	}
	return d, nil
}

// dovecotFallbacks are tried when dovecot is not on PATH (sbin often is not).
var dovecotFallbacks = []string{"/usr/sbin/dovecot", "/usr/local/sbin/dovecot"}

func dovecotBinary() (string, error) {
	if p, ok := findBinary("dovecot", dovecotFallbacks); ok {
		return p, nil
	}
	return "", ErrDovecotMissing
}

// resolveUsers picks the system users Dovecot runs as. As root the mail is
// owned by the unprivileged "dovecot" user (falling back to nobody), logins
// run as dovenull; otherwise everything runs as the current user.
func (d *Dovecot) resolveUsers() error {
	if !d.root {
		u, err := user.Current()
		if err != nil {
			return fmt.Errorf("testmail: current user: %w", err)
		}
		g, err := user.LookupGroupId(strconv.Itoa(os.Getgid()))
		if err != nil {
			return fmt.Errorf("testmail: current group: %w", err)
		}
		d.loginUser, d.internalUser, d.internalGroup = u.Username, u.Username, g.Name
		d.uid, d.gid = os.Getuid(), os.Getgid()
		return nil
	}
	d.loginUser, d.internalUser = "dovenull", "dovecot"
	for _, name := range []string{"dovenull", "dovecot"} {
		if _, err := user.Lookup(name); err != nil {
			return fmt.Errorf("testmail: system user %s missing (is dovecot-core installed?): %w", name, err)
		}
	}
	var lastErr error
	for _, name := range []string{"dovecot", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			lastErr = err
			continue
		}
		d.uid, _ = strconv.Atoi(u.Uid)
		d.gid, _ = strconv.Atoi(u.Gid)
		return nil
	}
	return fmt.Errorf("testmail: no unprivileged mail user: %w", lastErr)
}

func (d *Dovecot) prepareDirs() error {
	if err := os.MkdirAll(d.dir, 0o755); err != nil {
		return fmt.Errorf("testmail: %w", err)
	}
	if d.root {
		if err := os.Chmod(d.dir, 0o755); err != nil {
			return fmt.Errorf("testmail: %w", err)
		}
		for p := filepath.Dir(d.dir); ; p = filepath.Dir(p) {
			fi, err := os.Stat(p)
			if err != nil {
				return fmt.Errorf("testmail: %w", err)
			}
			if fi.Mode().Perm()&0o001 == 0 {
				return fmt.Errorf("testmail: %s (mode %v) is not world-traversable; mail user uid %d cannot reach %s: chmod o+x it or use another dir", p, fi.Mode().Perm(), d.uid, d.dir)
			}
			if p == filepath.Dir(p) {
				break
			}
		}
	}
	if len(d.baseDir) > maxBaseDir {
		short, err := os.MkdirTemp("/tmp", "tmdc")
		if err != nil {
			return fmt.Errorf("testmail: short base_dir: %w", err)
		}
		d.baseDir, d.ownBaseDir = short, true
	}
	for _, p := range []string{d.baseDir, filepath.Join(d.dir, "state")} {
		if err := os.MkdirAll(p, 0o755); err != nil {
			return fmt.Errorf("testmail: %w", err)
		}
		if err := os.Chmod(p, 0o755); err != nil {
			return fmt.Errorf("testmail: %w", err)
		}
	}
	for _, p := range []string{filepath.Join(d.dir, "mail"), filepath.Join(d.dir, "home")} {
		if err := d.mkdirOwned(p, 0o755); err != nil {
			return err
		}
	}
	return nil
}

func (d *Dovecot) removeOwnBaseDir() {
	if d.ownBaseDir {
		os.RemoveAll(d.baseDir)
		d.ownBaseDir = false
	}
}

// mkdirOwned creates p (and parents below d.dir) owned by the mail user.
func (d *Dovecot) mkdirOwned(p string, perm fs.FileMode) error {
	if fi, err := os.Stat(p); err == nil && fi.IsDir() {
		return nil
	}
	if parent := filepath.Dir(p); parent != d.dir && strings.HasPrefix(parent, d.dir) {
		if err := d.mkdirOwned(parent, perm); err != nil {
			return err
		}
	}
	if err := os.Mkdir(p, perm); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("testmail: %w", err)
	}
	if err := os.Chmod(p, perm); err != nil {
		return fmt.Errorf("testmail: %w", err)
	}
	if d.root {
		if err := os.Chown(p, d.uid, d.gid); err != nil {
			return fmt.Errorf("testmail: %w", err)
		}
	}
	return nil
}

func (d *Dovecot) config() string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("# Generated by gratitude/internal/testmail; includes nothing from /etc/dovecot.")
	w("instance_name = testmail")
	w("base_dir = %q", d.baseDir)
	w("state_dir = %q", filepath.Join(d.dir, "state"))
	w("log_path = %q", d.logPath)
	w("info_log_path = %q", d.logPath)
	w("debug_log_path = %q", d.logPath)
	w("protocols = imap lmtp")
	w("listen = 127.0.0.1")
	w("shutdown_clients = yes")
	w("login_greeting = %s", d.greeting)
	if d.cert != nil {
		w("ssl = yes")
		w("ssl_cert = <%s", d.cert.certFile)
		w("ssl_key = <%s", d.cert.keyFile)
	} else {
		w("ssl = no")
	}
	w("disable_plaintext_auth = no")
	w("auth_mechanisms = plain login")
	w("auth_username_format = %%Lu")
	w("auth_verbose = yes")
	w("auth_failure_delay = 0") // the 2s default only slows failing-login tests
	if d.opts.Debug {
		w("auth_debug = yes")
		w("mail_debug = yes")
	}
	w("default_login_user = %s", d.loginUser)
	w("default_internal_user = %s", d.internalUser)
	if d.internalGroup != "" {
		w("default_internal_group = %s", d.internalGroup)
	}
	w("first_valid_uid = %d", min(1, d.uid))
	w("last_valid_uid = 0")
	w("first_valid_gid = %d", min(1, d.gid))
	w("last_valid_gid = 0")
	w("mail_uid = %d", d.uid)
	w("mail_gid = %d", d.gid)
	w("mail_location = \"maildir:%s/mail/%%u\"", d.dir)
	w("mail_fsync = never")
	w("recipient_delimiter = +")
	w("lmtp_save_to_detail_mailbox = no")
	w("postmaster_address = postmaster@localhost")
	w(`passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%%u %s
}
userdb {
  driver = static
  args = uid=%d gid=%d home=%s/home/%%u
}`, d.passwdPath, d.uid, d.gid, d.dir)
	w("namespace inbox {\n  inbox = yes\n  separator = /\n  prefix =")
	for _, m := range []struct{ name, use string }{
		{"Sent", `\Sent`}, {"Drafts", `\Drafts`}, {"Trash", `\Trash`}, {"Junk", `\Junk`}, {"Archive", `\Archive`},
	} {
		w("  mailbox %s {\n    special_use = %s\n    auto = subscribe\n  }", m.name, m.use)
	}
	w("}")
	w("protocol imap {\n  mail_max_userip_connections = 1000\n}")
	chroot := ""
	if !d.root {
		chroot = "  chroot =\n"
	}
	w("service imap-login {\n%s  inet_listener imap {\n    address = 127.0.0.1\n    port = %d\n  }", chroot, d.imapPort)
	w("  inet_listener imaps {\n    address = 127.0.0.1\n    port = %d\n    ssl = yes\n  }\n}", d.imapsPort)
	w("service lmtp {\n  inet_listener lmtp {\n    address = 127.0.0.1\n    port = %d\n  }\n}", d.lmtpPort)
	if !d.root {
		w("service anvil {\n  chroot =\n}")
		w("service imap-urlauth-login {\n  chroot =\n}")
		w("service auth-worker {\n  user = $default_internal_user\n}")
	}
	if d.opts.ExtraConfig != "" {
		w("%s", d.opts.ExtraConfig)
	}
	return b.String()
}

func (d *Dovecot) pickPorts() error {
	ports, err := freePorts(3)
	if err != nil {
		return err
	}
	d.imapPort, d.lmtpPort = ports[0], ports[1]
	if d.cert != nil {
		d.imapsPort = ports[2]
	}
	return os.WriteFile(d.confPath, []byte(d.config()), 0o644)
}

// Start (re)starts Dovecot with the same ports and data; it is a no-op while
// running and returns once the IMAP port answers with Dovecot's greeting.
func (d *Dovecot) Start() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return errors.New("testmail: dovecot is closed")
	}
	if d.proc != nil {
		return nil
	}
	if d.started {
		return d.startLocked()
	}
	// Ports picked with FreePort can be taken by someone else before
	// Dovecot binds them; pick again a few times on the first start only.
	var err error
	for range 3 {
		if err = d.pickPorts(); err != nil {
			return err
		}
		if err = d.startLocked(); err == nil {
			d.started = true
			return nil
		}
		if !strings.Contains(err.Error(), "Address already in use") {
			return err
		}
	}
	return err
}

func (d *Dovecot) startLocked() error {
	// A real file, not a pipe: with a pipe, cmd.Wait would also wait for
	// every child that inherited it (imap processes outliving the master).
	out, err := os.OpenFile(d.outPath, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("testmail: %w", err)
	}
	defer out.Close()
	p := &dovecotProc{exited: make(chan struct{})}
	p.cmd = exec.Command(d.bin, "-F", "-c", d.confPath)
	p.cmd.Dir = d.dir
	p.cmd.Stdout, p.cmd.Stderr = out, out
	p.cmd.SysProcAttr = sysProcAttr()
	if err := p.cmd.Start(); err != nil {
		return fmt.Errorf("testmail: start dovecot: %w", err)
	}
	go func() {
		p.err = p.cmd.Wait()
		close(p.exited)
	}()

	deadline := time.Now().Add(startTimeout)
	var b backoff
	var lastErr error
	for {
		select {
		case <-p.exited:
			return fmt.Errorf("testmail: dovecot exited during startup (%v)\n%s", p.err, logTail("dovecot", d.Logs()))
		default:
		}
		if lastErr = d.probe(deadline); lastErr == nil {
			d.proc = p
			return nil
		}
		if time.Now().After(deadline) {
			d.kill(p)
			return fmt.Errorf("testmail: dovecot not ready on %s after %v: %v\n%s", d.Addr(), startTimeout, lastErr, logTail("dovecot", d.Logs()))
		}
		b.wait()
	}
}

func (d *Dovecot) probe(deadline time.Time) error {
	line, err := readGreeting(d.Addr(), deadline)
	if err != nil {
		return err
	}
	if !strings.Contains(line, d.greeting) {
		return fmt.Errorf("greeting %q is not from this dovecot", line)
	}
	return nil
}

func (d *Dovecot) kill(p *dovecotProc) {
	killGroup(p.cmd)
	select {
	case <-p.exited:
	case <-time.After(stopTimeout):
	}
}

// Stop shuts Dovecot down (disconnecting clients) and waits until its ports
// refuse connections. Data and ports are kept for Start.
func (d *Dovecot) Stop() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.stopLocked()
}

func (d *Dovecot) stopLocked() error {
	p := d.proc
	if p == nil {
		return nil
	}
	d.proc = nil
	if err := terminate(p.cmd); err != nil {
		d.kill(p)
	}
	// Clients are disconnected at once (imap processes exit on SIGTERM), but
	// the master sometimes sleeps for seconds waiting on anvil/log; nothing
	// of value is lost by SIGKILLing whatever is left after a short grace.
	select {
	case <-p.exited:
	case <-time.After(stopGrace):
	}
	d.kill(p)
	deadline := time.Now().Add(stopTimeout)
	for _, addr := range []string{d.Addr(), d.LMTPAddr(), d.TLSAddr()} {
		if addr == "" {
			continue
		}
		if err := waitRefused(addr, time.Until(deadline)); err != nil {
			killGroup(p.cmd)
			return fmt.Errorf("%w after stopping dovecot", err)
		}
	}
	return nil
}

// Close stops Dovecot for good and removes anything it created outside dir.
// It is idempotent.
func (d *Dovecot) Close() error {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return nil
	}
	d.closed = true
	err := d.stopLocked()
	d.removeOwnBaseDir()
	return err
}

// Addr returns the IMAP (plaintext/STARTTLS) address, "127.0.0.1:port".
func (d *Dovecot) Addr() string { return loopback(d.imapPort) }

// TLSAddr returns the implicit-TLS IMAP address, or "" without TLS.
func (d *Dovecot) TLSAddr() string {
	if d.imapsPort == 0 {
		return ""
	}
	return loopback(d.imapsPort)
}

// LMTPAddr returns the LMTP address, "127.0.0.1:port".
func (d *Dovecot) LMTPAddr() string { return loopback(d.lmtpPort) }

// CAFile returns the PEM file clients should trust, or "" without TLS.
func (d *Dovecot) CAFile() string {
	if d.cert == nil {
		return ""
	}
	return d.cert.certFile
}

// ClientTLSConfig returns a client TLS config trusting CAFile, or nil without TLS.
func (d *Dovecot) ClientTLSConfig() *tls.Config { return d.cert.clientConfig() }

// Dir returns the directory holding config, state, logs and mail.
func (d *Dovecot) Dir() string { return d.dir }

// ConfigPath returns the generated dovecot.conf (for doveadm -c / doveconf -c).
func (d *Dovecot) ConfigPath() string { return d.confPath }

// Logs returns Dovecot's log file plus anything the master printed.
func (d *Dovecot) Logs() string { return readServerLog("dovecot", d.logPath, d.outPath) }

// AddUser creates or updates a login; name is a full address such as
// ada@example.org and is lower-cased like Dovecot's auth_username_format.
func (d *Dovecot) AddUser(name, password string) error {
	name = strings.ToLower(name)
	if name == "" || strings.ContainsAny(name, ": \t\r\n/%\\\"") || strings.HasPrefix(name, ".") {
		return fmt.Errorf("testmail: invalid user name %q", name)
	}
	d.usersMu.Lock()
	d.users[name] = password
	d.usersMu.Unlock()
	return d.writePasswd()
}

// writePasswd atomically rewrites the passwd-file; Dovecot re-reads it when
// it changes, so users can be added while running.
func (d *Dovecot) writePasswd() error {
	d.usersMu.Lock()
	var b strings.Builder
	for name, pw := range d.users {
		if strings.ContainsAny(pw, ":\r\n") {
			fmt.Fprintf(&b, "%s:{PLAIN.b64}%s\n", name, base64.StdEncoding.EncodeToString([]byte(pw)))
		} else {
			fmt.Fprintf(&b, "%s:{PLAIN}%s\n", name, pw)
		}
	}
	d.usersMu.Unlock()
	tmp := d.passwdPath + ".tmp"
	if err := os.WriteFile(tmp, []byte(b.String()), 0o640); err != nil {
		return fmt.Errorf("testmail: %w", err)
	}
	if d.root {
		// auth runs as default_internal_user (dovecot); let its group read.
		if u, err := user.Lookup(d.internalUser); err == nil {
			gid, _ := strconv.Atoi(u.Gid)
			if err := os.Chown(tmp, 0, gid); err != nil {
				return fmt.Errorf("testmail: %w", err)
			}
		}
	}
	if err := os.Rename(tmp, d.passwdPath); err != nil {
		return fmt.Errorf("testmail: %w", err)
	}
	return nil
}

func (d *Dovecot) password(name string) (string, bool) {
	d.usersMu.Lock()
	defer d.usersMu.Unlock()
	pw, ok := d.users[strings.ToLower(name)]
	return pw, ok
}

// MaildirPath returns the Maildir++ directory holding mailbox for user
// (INBOX is the root; "A/B" is ".A.B").
func (d *Dovecot) MaildirPath(user, mailbox string) string {
	root := filepath.Join(d.dir, "mail", strings.ToLower(user))
	if strings.EqualFold(mailbox, "INBOX") || mailbox == "" {
		return root
	}
	return filepath.Join(root, "."+strings.ReplaceAll(mailbox, "/", "."))
}

// Deliver appends raw to user's mailbox over IMAP (creating the mailbox if
// needed), so a running server notices it live, e.g. in IDLE.
func (d *Dovecot) Deliver(user, mailbox string, raw []byte) error {
	pw, ok := d.password(user)
	if !ok {
		return fmt.Errorf("testmail: unknown user %q (AddUser first)", user)
	}
	c, err := imapclient.DialInsecure(d.Addr(), nil)
	if err != nil {
		return fmt.Errorf("testmail: deliver: %w", err)
	}
	defer c.Close()
	if err := c.Login(user, pw).Wait(); err != nil {
		return fmt.Errorf("testmail: deliver: login %s: %w", user, err)
	}
	if _, err := appendCreate(c, mailbox, raw, nil); err != nil {
		return fmt.Errorf("testmail: deliver to %s/%s: %w", user, mailbox, err)
	}
	return c.Logout().Wait()
}

// appendCreate APPENDs raw, creating the mailbox once on TRYCREATE.
func appendCreate(c *imapclient.Client, mailbox string, raw []byte, opts *imap.AppendOptions) (*imap.AppendData, error) {
	data, err := appendRaw(c, mailbox, raw, opts)
	var imapErr *imap.Error
	if errors.As(err, &imapErr) && imapErr.Code == imap.ResponseCodeTryCreate {
		if err := c.Create(mailbox, nil).Wait(); err != nil {
			return nil, err
		}
		return appendRaw(c, mailbox, raw, opts)
	}
	return data, err
}

func appendRaw(c *imapclient.Client, mailbox string, raw []byte, opts *imap.AppendOptions) (*imap.AppendData, error) {
	cmd := c.Append(mailbox, int64(len(raw)), opts)
	if _, err := cmd.Write(raw); err != nil {
		cmd.Close()
		return nil, err
	}
	if err := cmd.Close(); err != nil {
		return nil, err
	}
	return cmd.Wait()
}
