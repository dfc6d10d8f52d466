package testmail

import (
	"bytes"
	"crypto/subtle"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
)

// memDelim is imapmemserver's hierarchy delimiter.
const memDelim = '/'

// MemOptions configures an in-memory IMAP server.
type MemOptions struct {
	// TLS offers STARTTLS on Addr and implicit TLS on TLSAddr with a
	// generated self-signed certificate (see CAFile).
	TLS bool
	// NoIdle hides IDLE: CAPABILITY omits IDLE (and IMAP4rev2, which implies
	// it) and the IDLE command fails, to exercise a client's polling path.
	// imapserver hard-codes IDLE, so it is filtered out of the wire; that
	// cannot work inside a mid-stream STARTTLS, so with TLS only TLSAddr
	// offers TLS.
	NoIdle bool
	// DebugWriter, if set, receives the raw protocol traffic.
	DebugWriter io.Writer
}

// MemIMAP is a go-imap in-memory IMAP server on 127.0.0.1. Beyond
// imapmemserver it reports special-use attributes (\Sent, \Drafts, ...) in
// LIST, which imapmemserver v2.0.0-beta.8 never does.
type MemIMAP struct {
	opts    MemOptions
	servers []*imapserver.Server
	addr    string
	tlsAddr string
	cert    *selfSigned
	certDir string
	log     SyncBuffer

	mu    sync.Mutex
	users map[string]*memUser

	closeOnce sync.Once
	closeErr  error
}

// memUser wraps an imapmemserver user with the metadata it does not keep
// or expose: mailbox names, special-use attributes and subscriptions.
type memUser struct {
	*imapmemserver.User
	password string

	mu    sync.Mutex
	boxes map[string]*memBox
}

type memBox struct {
	specialUse []imap.MailboxAttr
	subscribed bool
}

// NewMemIMAP starts a MemIMAP for the test and closes it in t.Cleanup,
// logging the server's error log if the test failed.
func NewMemIMAP(t TB, opts MemOptions) *MemIMAP {
	t.Helper()
	m, err := StartMemIMAP(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if t.Failed() {
			if l := m.Logs(); l != "" {
				t.Logf("memimap log:\n%s", l)
			}
		}
		if err := m.Close(); err != nil {
			t.Errorf("testmail: close memimap: %v", err)
		}
	})
	return m
}

// StartMemIMAP starts an in-memory IMAP server on a free loopback port
// (plus an implicit-TLS port with opts.TLS). Plaintext auth is allowed.
func StartMemIMAP(opts MemOptions) (*MemIMAP, error) {
	m := &MemIMAP{opts: opts, users: map[string]*memUser{}}
	if opts.TLS {
		dir, err := os.MkdirTemp("", "testmail-memimap-")
		if err != nil {
			return nil, fmt.Errorf("testmail: %w", err)
		}
		m.certDir = dir
		if m.cert, err = newSelfSigned(dir, nil); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}

	caps := imap.CapSet{
		imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {},
		imap.CapNamespace: {}, imap.CapUIDPlus: {}, imap.CapMove: {},
		imap.CapSpecialUse: {}, imap.CapCreateSpecialUse: {},
		imap.CapListStatus: {}, imap.CapChildren: {},
	}
	if opts.NoIdle {
		delete(caps, imap.CapIMAP4rev2)
	}
	logger := log.New(&m.log, "", log.LstdFlags)
	newServer := func(tlsConfig *tls.Config) *imapserver.Server {
		return imapserver.New(&imapserver.Options{
			NewSession:   m.newSession,
			Caps:         caps,
			Logger:       logger,
			TLSConfig:    tlsConfig,
			InsecureAuth: true,
			DebugWriter:  opts.DebugWriter,
		})
	}

	var startTLS *tls.Config
	if m.cert != nil && !opts.NoIdle {
		startTLS = &tls.Config{Certificates: []tls.Certificate{m.cert.cert}}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		m.Close()
		return nil, fmt.Errorf("testmail: %w", err)
	}
	m.addr = ln.Addr().String()
	m.serve(newServer(startTLS), ln)

	if m.cert != nil {
		tln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			m.Close()
			return nil, fmt.Errorf("testmail: %w", err)
		}
		m.tlsAddr = tln.Addr().String()
		// Separate server without STARTTLS: when NoIdle wraps the TLS
		// conn, imapserver no longer sees a *tls.Conn and would offer it.
		m.serve(newServer(nil), tls.NewListener(tln, &tls.Config{Certificates: []tls.Certificate{m.cert.cert}}))
	}
	return m, nil
}

func (m *MemIMAP) serve(srv *imapserver.Server, ln net.Listener) {
	if m.opts.NoIdle {
		ln = noIdleListener{ln}
	}
	m.servers = append(m.servers, srv)
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, net.ErrClosed) && !strings.Contains(err.Error(), "server closed") {
			m.log.Write([]byte("serve: " + err.Error() + "\n"))
		}
	}()
}

// Addr returns the IMAP (plaintext/STARTTLS) address, "127.0.0.1:port".
func (m *MemIMAP) Addr() string { return m.addr }

// TLSAddr returns the implicit-TLS address, or "" without TLS.
func (m *MemIMAP) TLSAddr() string { return m.tlsAddr }

// CAFile returns the PEM file clients should trust, or "" without TLS.
func (m *MemIMAP) CAFile() string {
	if m.cert == nil {
		return ""
	}
	return m.cert.certFile
}

// ClientTLSConfig returns a client TLS config trusting CAFile, or nil without TLS.
func (m *MemIMAP) ClientTLSConfig() *tls.Config { return m.cert.clientConfig() }

// Logs returns what the server logged (connection and handler errors).
func (m *MemIMAP) Logs() string { return m.log.String() }

// Close stops the server, drops all connections and removes the
// certificate files. It is idempotent.
func (m *MemIMAP) Close() error {
	m.closeOnce.Do(func() {
		for _, s := range m.servers {
			if err := s.Close(); err != nil && m.closeErr == nil {
				m.closeErr = err
			}
		}
		if m.certDir != "" {
			os.RemoveAll(m.certDir)
		}
	})
	return m.closeErr
}

// AddUser creates a login with INBOX, Sent (\Sent), Drafts (\Drafts),
// Trash (\Trash), Junk (\Junk) and Archive (\Archive), all subscribed.
func (m *MemIMAP) AddUser(name, password string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.users[name]; ok {
		return fmt.Errorf("testmail: user %q exists", name)
	}
	u := &memUser{User: imapmemserver.NewUser(name, password), password: password, boxes: map[string]*memBox{}}
	for _, b := range []struct {
		name string
		use  imap.MailboxAttr
	}{
		{"INBOX", ""}, {"Sent", imap.MailboxAttrSent}, {"Drafts", imap.MailboxAttrDrafts},
		{"Trash", imap.MailboxAttrTrash}, {"Junk", imap.MailboxAttrJunk}, {"Archive", imap.MailboxAttrArchive},
	} {
		opts := &imap.CreateOptions{}
		if b.use != "" {
			opts.SpecialUse = []imap.MailboxAttr{b.use}
		}
		if err := u.create(b.name, opts); err != nil {
			return err
		}
		if err := u.subscribe(b.name, true); err != nil {
			return err
		}
	}
	m.users[name] = u
	return nil
}

// HasUser reports whether name can log in.
func (m *MemIMAP) HasUser(name string) bool {
	_, err := m.user(name)
	return err == nil
}

func (m *MemIMAP) user(name string) (*memUser, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	u, ok := m.users[name]
	if !ok {
		return nil, fmt.Errorf("testmail: unknown user %q", name)
	}
	return u, nil
}

// Append stores raw in user's mailbox (waking IDLE clients) and returns its UID.
func (m *MemIMAP) Append(user, mailbox string, raw []byte, flags ...imap.Flag) (imap.UID, error) {
	u, err := m.user(user)
	if err != nil {
		return 0, err
	}
	data, err := u.User.Append(mailbox, bytes.NewReader(raw), &imap.AppendOptions{Flags: flags})
	if err != nil {
		return 0, fmt.Errorf("testmail: append to %s/%s: %w", user, mailbox, err)
	}
	return data.UID, nil
}

func (u *memUser) create(name string, opts *imap.CreateOptions) error {
	name = strings.TrimRight(name, string(memDelim))
	if err := u.User.Create(name, opts); err != nil {
		return err
	}
	box := &memBox{}
	if opts != nil {
		box.specialUse = opts.SpecialUse
	}
	u.mu.Lock()
	u.boxes[name] = box
	u.mu.Unlock()
	return nil
}

func (u *memUser) subscribe(name string, on bool) error {
	var err error
	if on {
		err = u.User.Subscribe(name)
	} else {
		err = u.User.Unsubscribe(name)
	}
	if err != nil {
		return err
	}
	u.mu.Lock()
	if b := u.boxes[name]; b != nil {
		b.subscribed = on
	}
	u.mu.Unlock()
	return nil
}

func (m *MemIMAP) newSession(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
	return &memSession{srv: m}, nil, nil
}

// memSession is an imapmemserver session whose mailbox-list operations also
// maintain memUser's metadata, and whose LIST reports it.
type memSession struct {
	*imapmemserver.UserSession // nil until Login
	srv                        *MemIMAP
	user                       *memUser
}

var _ imapserver.SessionIMAP4rev2 = (*memSession)(nil)

func (s *memSession) Login(username, password string) error {
	u, err := s.srv.user(username)
	if err != nil || subtle.ConstantTimeCompare([]byte(password), []byte(u.password)) != 1 {
		return imapserver.ErrAuthFailed
	}
	s.user = u
	s.UserSession = imapmemserver.NewUserSession(u.User)
	return nil
}

func (s *memSession) Close() error {
	if s.UserSession == nil {
		return nil
	}
	return s.UserSession.Close()
}

func (s *memSession) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	if s.srv.opts.NoIdle {
		return &imap.Error{Type: imap.StatusResponseTypeBad, Text: "IDLE not supported"}
	}
	return s.idleRearming(w, stop)
}

// idleRearm bounds how long an update can wait in imapmemserver's IDLE.
const idleRearm = 200 * time.Millisecond

// idleRearming works around a race in imapmemserver (v2.0.0-beta.8): the
// server sends "+ idling" before the session registers for updates, and an
// update queued in between is only delivered by the next one. So it polls,
// idles for at most idleRearm, and repeats until stopped: a missed update
// is late by at most idleRearm, never lost.
func (s *memSession) idleRearming(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	for {
		if err := s.UserSession.Poll(w, true); err != nil {
			return err
		}
		inner := make(chan struct{})
		timer := time.AfterFunc(idleRearm, func() { close(inner) })
		stopped := make(chan struct{})
		go func() {
			select {
			case <-stop:
				if timer.Stop() {
					close(inner)
				}
			case <-stopped:
			}
		}()
		err := s.UserSession.Idle(w, inner)
		close(stopped)
		if err != nil {
			return err
		}
		if timer.Stop() { // returned by itself: no mailbox selected
			<-stop
			return nil
		}
		select {
		case <-stop:
			return nil
		default:
		}
	}
}

func (s *memSession) Create(name string, opts *imap.CreateOptions) error {
	return s.user.create(name, opts)
}

func (s *memSession) Delete(name string) error {
	if err := s.UserSession.Delete(name); err != nil {
		return err
	}
	s.user.mu.Lock()
	delete(s.user.boxes, name)
	s.user.mu.Unlock()
	return nil
}

func (s *memSession) Rename(oldName, newName string, opts *imap.RenameOptions) error {
	if err := s.UserSession.Rename(oldName, newName, opts); err != nil {
		return err
	}
	newName = strings.TrimRight(newName, string(memDelim))
	s.user.mu.Lock()
	s.user.boxes[newName] = s.user.boxes[oldName]
	delete(s.user.boxes, oldName)
	s.user.mu.Unlock()
	return nil
}

func (s *memSession) Subscribe(name string) error   { return s.user.subscribe(name, true) }
func (s *memSession) Unsubscribe(name string) error { return s.user.subscribe(name, false) }

// List mirrors imapmemserver's LIST but, like Dovecot, always includes
// special-use and \HasChildren/\HasNoChildren attributes.
func (s *memSession) List(w *imapserver.ListWriter, ref string, patterns []string, options *imap.ListOptions) error {
	if len(patterns) == 0 {
		return w.WriteList(&imap.ListData{Attrs: []imap.MailboxAttr{imap.MailboxAttrNoSelect}, Delim: memDelim})
	}
	type entry struct {
		name string
		box  memBox
	}
	u := s.user
	u.mu.Lock()
	all := make([]entry, 0, len(u.boxes))
	for name, b := range u.boxes {
		all = append(all, entry{name, *b})
	}
	u.mu.Unlock()
	sort.Slice(all, func(i, j int) bool { return all[i].name < all[j].name })

	for _, e := range all {
		match := false
		for _, p := range patterns {
			if imapserver.MatchList(e.name, memDelim, ref, p) {
				match = true
				break
			}
		}
		if !match ||
			(options.SelectSubscribed && !e.box.subscribed) ||
			(options.SelectSpecialUse && len(e.box.specialUse) == 0) {
			continue
		}
		data := imap.ListData{Mailbox: e.name, Delim: memDelim}
		children := imap.MailboxAttrHasNoChildren
		for _, o := range all {
			if strings.HasPrefix(o.name, e.name+string(memDelim)) {
				children = imap.MailboxAttrHasChildren
				break
			}
		}
		data.Attrs = append(data.Attrs, children)
		if e.box.subscribed && (options.SelectSubscribed || options.ReturnSubscribed) {
			data.Attrs = append(data.Attrs, imap.MailboxAttrSubscribed)
		}
		data.Attrs = append(data.Attrs, e.box.specialUse...)
		if options.ReturnStatus != nil {
			st, err := u.User.Status(e.name, options.ReturnStatus)
			if err != nil {
				return err
			}
			data.Status = st
		}
		if err := w.WriteList(&data); err != nil {
			return err
		}
	}
	return nil
}

// noIdleListener wraps accepted connections in noIdleConn.
type noIdleListener struct{ net.Listener }

func (l noIdleListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &noIdleConn{Conn: c}, nil
}

// noIdleConn removes the IDLE token from the server's capability lines
// (greeting, CAPABILITY and [CAPABILITY ...] response codes). It buffers
// output up to each line end; imapserver always ends a flush with CRLF.
type noIdleConn struct {
	net.Conn
	mu  sync.Mutex
	buf []byte
}

func (c *noIdleConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.buf = append(c.buf, p...)
	var out []byte
	for {
		i := bytes.IndexByte(c.buf, '\n')
		if i < 0 {
			break
		}
		out = append(out, stripIdleCap(c.buf[:i+1])...)
		c.buf = c.buf[i+1:]
	}
	c.buf = append([]byte(nil), c.buf...)
	if len(out) > 0 {
		if _, err := c.Conn.Write(out); err != nil {
			return 0, err
		}
	}
	return len(p), nil
}

// stripIdleCap drops " IDLE" from a line shaped like "* CAPABILITY ..." or
// "<tag> OK [CAPABILITY ...] ..."; other lines are returned unchanged.
func stripIdleCap(line []byte) []byte {
	fields := bytes.SplitN(line, []byte(" "), 3)
	if len(fields) < 3 {
		return line
	}
	rest := fields[2]
	isCap := (string(fields[0]) == "*" && string(fields[1]) == "CAPABILITY") ||
		(string(fields[1]) == "OK" && bytes.HasPrefix(rest, []byte("[CAPABILITY ")))
	if !isCap {
		return line
	}
	capsEnd := len(line)
	if j := bytes.IndexByte(line, ']'); j >= 0 && string(fields[1]) == "OK" {
		capsEnd = j
	}
	head, tail := line[:capsEnd], line[capsEnd:]
	var kept [][]byte
	for _, tok := range bytes.Split(head, []byte(" ")) {
		if !bytes.EqualFold(bytes.TrimRight(tok, "\r\n"), []byte("IDLE")) {
			kept = append(kept, tok)
		} else if bytes.HasSuffix(tok, []byte("\r\n")) {
			kept[len(kept)-1] = append(append([]byte(nil), kept[len(kept)-1]...), "\r\n"...)
		}
	}
	return append(bytes.Join(kept, []byte(" ")), tail...)
}
