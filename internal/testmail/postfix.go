package testmail

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// PostfixOptions configures a test Postfix.
type PostfixOptions struct {
	LMTP    string   // host:port of the LMTP server to deliver to (the test Dovecot's LMTPAddr)
	Domains []string // mail domains delivered over LMTP (e.g. example.org); anything else is refused at RCPT
	// MainCF is appended to the generated main.cf, one "name = value" a
	// line: a later setting of a name wins, so it can change the defaults
	// (e.g. "lmtp_destination_recipient_limit = 1").
	MainCF string
}

// Postfix is a private Postfix instance: its own config, queue and data
// directories under a temp dir, SMTP on a free 127.0.0.1 port, delivering
// every accepted message for Domains over LMTP.
type Postfix struct {
	opts     PostfixOptions
	inst     *postfixInstall
	dir      string // short temp dir holding everything below
	confDir  string // config_directory: main.cf, master.cf
	queueDir string
	dataDir  string
	logPath  string // maillog_file
	outPath  string // the master's stdout/stderr (normally empty)
	banner   string // unique smtpd_banner word, proves the probe reached us
	port     int

	mu      sync.Mutex // guards closed and lastLog, serialises Close
	proc    *postfixProc
	closed  bool
	lastLog string // the log as it was at Close, once dir is gone
}

type postfixProc struct {
	cmd    *exec.Cmd
	exited chan struct{}
	err    error // valid after exited is closed
}

// NewPostfix starts a Postfix for the test and closes it in t.Cleanup,
// logging its log if the test failed. It skips the test when Postfix is
// unavailable, unless GRATITUDE_REQUIRE_POSTFIX=1 or
// GRATITUDE_REQUIRE_DOVECOT=1 (then it fails).
func NewPostfix(t TB, opts PostfixOptions) *Postfix {
	t.Helper()
	p, err := StartPostfix(opts)
	if errors.Is(err, ErrPostfixUnavailable) {
		if os.Getenv(RequirePostfixEnv) == "1" || os.Getenv(RequireDovecotEnv) == "1" {
			t.Fatalf("%v (%s=1 or %s=1 forbids skipping)", err, RequirePostfixEnv, RequireDovecotEnv)
		}
		t.Skip(err)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("postfix log (%s):\n%s", p.logPath, p.Logs())
		}
		if err := p.Close(); err != nil {
			t.Errorf("testmail: close postfix: %v", err)
		}
	})
	return p
}

// StartPostfix configures a Postfix in a new temp dir and starts its master,
// returning once smtpd greets on Addr. On Linux it makes this process a child
// subreaper so Close can reap every Postfix process (see reapGroup).
func StartPostfix(opts PostfixOptions) (*Postfix, error) {
	if err := opts.validate(); err != nil {
		return nil, err
	}
	inst, err := findPostfix()
	if err != nil {
		return nil, err
	}
	if err := becomeSubreaper(); err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp(postfixTempRoot(), "tmpf")
	if err != nil {
		return nil, fmt.Errorf("testmail: postfix dir: %w", err)
	}
	nonce := make([]byte, 6)
	rand.Read(nonce)
	p := &Postfix{
		opts:     opts,
		inst:     inst,
		dir:      dir,
		confDir:  filepath.Join(dir, "etc"),
		queueDir: filepath.Join(dir, "spool"),
		dataDir:  filepath.Join(dir, "data"),
		logPath:  filepath.Join(dir, "postfix.log"),
		outPath:  filepath.Join(dir, "master.out"),
		banner:   "testmail-" + hex.EncodeToString(nonce),
	}
	if err := p.setUp(); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return p, nil
}

func (p *Postfix) setUp() error {
	// Postfix daemons running as mail_owner must reach the dir.
	if err := os.Chmod(p.dir, 0o755); err != nil {
		return fmt.Errorf("testmail: postfix dir: %w", err)
	}
	if err := p.makeDirs(); err != nil {
		return err
	}
	// A port picked with FreePort can be taken before the master binds it;
	// pick again a few times.
	var err error
	for range 3 {
		if p.port, err = FreePort(); err != nil {
			return err
		}
		if err = p.writeConfig(); err != nil {
			return err
		}
		if err = p.start(); err == nil || !strings.Contains(err.Error(), "in use") {
			return err
		}
	}
	return err
}

func (p *Postfix) start() error {
	// A file, not a pipe: cmd.Wait would also wait for every daemon that
	// inherited a pipe.
	out, err := os.OpenFile(p.outPath, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return fmt.Errorf("testmail: %w", err)
	}
	defer out.Close()
	// The master in the foreground, as "postfix start-fg" runs it, so it is
	// our child: it makes itself a session leader (Postfix stops by
	// signalling that process group) and the kernel SIGTERMs it if we die.
	proc := &postfixProc{exited: make(chan struct{})}
	proc.cmd = exec.Command(p.inst.master, "-c", p.confDir, "-s")
	proc.cmd.Dir = p.dir
	proc.cmd.Stdout, proc.cmd.Stderr = out, out
	proc.cmd.SysProcAttr = postfixProcAttr()
	if err := proc.cmd.Start(); err != nil {
		return fmt.Errorf("testmail: start postfix master %s: %w", p.inst.master, err)
	}
	go func() {
		proc.err = proc.cmd.Wait()
		close(proc.exited)
	}()
	p.proc = proc
	if err := p.waitReady(); err != nil {
		p.stop()
		return err
	}
	return nil
}

// waitReady polls until smtpd greets with our banner or the master exits.
func (p *Postfix) waitReady() error {
	deadline := time.Now().Add(startTimeout)
	var b backoff
	for {
		select {
		case <-p.proc.exited:
			return fmt.Errorf("testmail: postfix master exited during startup (%v); with an empty log it failed "+
				"before postlogd ran, e.g. on a dir user postfix cannot reach\n%s", p.proc.err, logTail("postfix", p.readLogs()))
		default:
		}
		lastErr := p.probe(deadline)
		if lastErr == nil {
			return nil
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("testmail: postfix not ready on %s after %v: %v\n%s", p.Addr(), startTimeout, lastErr, logTail("postfix", p.readLogs()))
		}
		b.wait()
	}
}

// probe reads the SMTP greeting on Addr, checks it is ours and says QUIT
// so smtpd does not linger until its timeout.
func (p *Postfix) probe(deadline time.Time) error {
	conn, err := net.DialTimeout("tcp", p.Addr(), time.Second)
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetDeadline(deadline)
	r := bufio.NewReader(conn)
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return fmt.Errorf("read greeting: %w", err)
		}
		if !strings.HasPrefix(line, "220") {
			return fmt.Errorf("unexpected greeting %q", strings.TrimSpace(line))
		}
		if len(line) > 3 && line[3] == ' ' {
			if !strings.Contains(line, p.banner) {
				return fmt.Errorf("greeting %q is not from this postfix", strings.TrimSpace(line))
			}
			fmt.Fprint(conn, "QUIT\r\n")
			return nil
		}
	}
}

// Addr returns the SMTP address, "127.0.0.1:port": plain, no TLS, no AUTH.
func (p *Postfix) Addr() string { return loopback(p.port) }

// Close stops Postfix, makes sure none of its processes is left, and removes
// its directories; Logs still returns the log afterwards. It is idempotent.
func (p *Postfix) Close() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return nil
	}
	p.closed = true
	err := p.stop()
	p.lastLog = p.readLogs()
	if rmErr := os.RemoveAll(p.dir); rmErr != nil {
		err = errors.Join(err, fmt.Errorf("testmail: remove postfix dir: %w", rmErr))
	}
	return err
}

// stop does what "postfix stop" does, SIGTERM to the master, which passes
// it on to its daemons; then it waits until every one of them is gone.
func (p *Postfix) stop() error {
	proc := p.proc
	if proc == nil {
		return nil
	}
	p.proc = nil
	if err := proc.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		killGroup(proc.cmd)
	}
	select {
	case <-proc.exited:
	case <-time.After(stopTimeout):
		killGroup(proc.cmd)
		<-proc.exited
	}
	if err := reapGroup(proc.cmd, stopTimeout); err != nil {
		return err
	}
	return waitRefused(p.Addr(), stopTimeout)
}
