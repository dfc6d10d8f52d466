package testmail

import (
	"crypto/tls"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"sync"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// The stages at which SMTPOptions.Reply is asked.
const (
	SMTPMail = "MAIL" // arg: the reverse path
	SMTPRcpt = "RCPT" // arg: the recipient
	SMTPData = "DATA" // arg: ""; asked once the message has been read
)

// SMTPOptions configures a recording SMTP server.
type SMTPOptions struct {
	Username, Password string // when set, AUTH PLAIN is offered and required
	// TLS offers STARTTLS on Addr and implicit TLS on TLSAddr with a
	// generated self-signed certificate (see CAFile).
	TLS bool
	// Cert, with TLS, is the certificate the server presents instead of
	// the generated one.
	Cert *ServerCert
	// Reply, when set, is asked at each stage (SMTPMail, SMTPRcpt, SMTPData)
	// before the server accepts: a non-nil error is the server's answer
	// instead of 250, and a refused DATA records nothing. Sessions run
	// concurrently, so Reply must be safe for concurrent use.
	Reply func(stage, arg string) *smtp.SMTPError
	// Deliver, when set, is called with every accepted message (after
	// Reply let DATA through): a demo's SMTP server hands it to the
	// recipients' mailboxes here. An error is answered 451, recording
	// nothing.
	Deliver func(from string, to []string, data []byte) error
	// MaxMessageBytes, when set, is the SIZE the server advertises and
	// enforces (RFC 1870).
	MaxMessageBytes int64
}

// FailOnce returns an SMTPOptions.Reply that answers err the first time
// stage is reached and accepts everything else.
func FailOnce(stage string, err *smtp.SMTPError) func(stage, arg string) *smtp.SMTPError {
	var once sync.Once
	return func(s, _ string) *smtp.SMTPError {
		var reply *smtp.SMTPError
		if s == stage {
			once.Do(func() { reply = err })
		}
		return reply
	}
}

// Received is one message the SMTP server accepted.
type Received struct {
	From string
	To   []string
	Data []byte
	TLS  bool // the message came over TLS (implicit or STARTTLS)
}

// SMTP is a go-smtp server on 127.0.0.1 that records what it accepts.
type SMTP struct {
	opts    SMTPOptions
	srv     *smtp.Server
	ln      net.Listener
	tlsAddr string
	cert    *selfSigned
	certDir string
	log     SyncBuffer

	mu    sync.Mutex
	msgs  []Received
	conns []*smtp.Conn // every connection so far
}

// StartSMTP starts a recording SMTP server on a free loopback port, plus an
// implicit-TLS port with opts.TLS.
func StartSMTP(opts SMTPOptions) (*SMTP, error) {
	s := &SMTP{opts: opts}
	s.srv = smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) {
		s.mu.Lock()
		s.conns = append(s.conns, c)
		s.mu.Unlock()
		return &smtpSession{srv: s, conn: c}, nil
	}))
	s.srv.Domain = "localhost"
	s.srv.AllowInsecureAuth = true
	s.srv.MaxMessageBytes = opts.MaxMessageBytes
	s.srv.ReadTimeout, s.srv.WriteTimeout = time.Minute, time.Minute
	s.srv.ErrorLog = log.New(&s.log, "", log.LstdFlags)
	if err := s.listen(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// listen opens the plaintext/STARTTLS listener and, with TLS, the
// implicit-TLS one.
func (s *SMTP) listen() error {
	if s.opts.TLS {
		if err := s.newCert(); err != nil {
			return err
		}
		s.srv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{s.cert.cert}}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("testmail: %w", err)
	}
	s.ln = ln
	go s.srv.Serve(ln)
	if !s.opts.TLS {
		return nil
	}
	tln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("testmail: %w", err)
	}
	s.tlsAddr = tln.Addr().String()
	go s.srv.Serve(tls.NewListener(tln, s.srv.TLSConfig))
	return nil
}

func (s *SMTP) newCert() error {
	dir, err := os.MkdirTemp("", "testmail-smtp-")
	if err != nil {
		return fmt.Errorf("testmail: %w", err)
	}
	s.certDir = dir
	s.cert, err = newSelfSigned(dir, s.opts.Cert)
	return err
}

// NewSMTP starts a recording SMTP server closed at the end of the test,
// logging the server's error log if the test failed.
func NewSMTP(t TB, opts SMTPOptions) *SMTP {
	t.Helper()
	s, err := StartSMTP(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if l := s.Logs(); t.Failed() && l != "" {
			t.Logf("smtp server log:\n%s", l)
		}
		s.Close()
	})
	return s
}

// Addr is the server's plaintext (and, with TLS, STARTTLS) host:port.
func (s *SMTP) Addr() string { return s.ln.Addr().String() }

// TLSAddr is the implicit-TLS host:port, or "" without TLS.
func (s *SMTP) TLSAddr() string { return s.tlsAddr }

// CAFile returns the PEM file clients should trust, or "" without TLS.
func (s *SMTP) CAFile() string {
	if s.cert == nil {
		return ""
	}
	return s.cert.certFile
}

// ClientTLSConfig returns a client TLS config trusting CAFile, or nil without TLS.
func (s *SMTP) ClientTLSConfig() *tls.Config { return s.cert.clientConfig() }

// Logs returns what the server logged (connection and handshake errors).
func (s *SMTP) Logs() string { return s.log.String() }

// Close stops the server and removes its certificate.
func (s *SMTP) Close() error {
	err := s.srv.Close()
	if s.certDir != "" {
		os.RemoveAll(s.certDir)
	}
	return err
}

// Messages returns a copy of what was accepted so far.
func (s *SMTP) Messages() []Received {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Received(nil), s.msgs...)
}

// Connections counts the connections clients opened so far.
func (s *SMTP) Connections() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.conns)
}

// HangUp closes every open connection without a word, as a server that
// times out idle clients does.
func (s *SMTP) HangUp() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, c := range s.conns {
		c.Conn().Close()
	}
}

func (s *SMTP) record(r Received) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.msgs = append(s.msgs, r)
}

// reply asks opts.Reply about stage; nil means accept.
func (s *SMTP) reply(stage, arg string) error {
	if s.opts.Reply == nil {
		return nil
	}
	if e := s.opts.Reply(stage, arg); e != nil {
		return e
	}
	return nil
}

// smtpSession records one SMTP transaction at a time.
type smtpSession struct {
	srv    *SMTP
	conn   *smtp.Conn
	authed bool
	cur    Received
}

func (s *smtpSession) AuthMechanisms() []string {
	if s.srv.opts.Username == "" {
		return nil
	}
	return []string{sasl.Plain}
}

func (s *smtpSession) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, user, pass string) error {
		if user != s.srv.opts.Username || pass != s.srv.opts.Password {
			return smtp.ErrAuthFailed // 535 5.7.8, as real servers answer
		}
		s.authed = true
		return nil
	}), nil
}

func (s *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	if s.srv.opts.Username != "" && !s.authed {
		return smtp.ErrAuthRequired
	}
	if err := s.srv.reply(SMTPMail, from); err != nil {
		return err
	}
	s.cur = Received{From: from}
	return nil
}

func (s *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if err := s.srv.reply(SMTPRcpt, to); err != nil {
		return err
	}
	s.cur.To = append(s.cur.To, to)
	return nil
}

func (s *smtpSession) Data(r io.Reader) error {
	b, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	if err := s.srv.reply(SMTPData, ""); err != nil {
		return err
	}
	if d := s.srv.opts.Deliver; d != nil {
		if err := d(s.cur.From, s.cur.To, b); err != nil {
			return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "delivery failed: " + err.Error()}
		}
	}
	s.cur.Data = b
	_, s.cur.TLS = s.conn.TLSConnectionState()
	s.srv.record(s.cur)
	return nil
}

func (s *smtpSession) Reset()        { s.cur = Received{} }
func (s *smtpSession) Logout() error { return nil }
