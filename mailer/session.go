package mailer

import (
	"context"
	"crypto/tls"
	"net"
	"sync"
	"time"

	"github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"
)

// dialer opens the connection of one go-mail client and keeps it, so it
// is closed whatever happens: go-mail drops it without closing when the
// greeting, STARTTLS or AUTH fails, and cannot interrupt a command when
// the context ends.
type dialer struct {
	tls   *tls.Config   // set for implicit TLS: the handshake happens here
	grace time.Duration // how long a held connection outlives close

	mu     sync.Mutex
	conn   net.Conn
	closed bool
	held   bool // the server is answering a final dot
}

// dotGrace bounds how long a stop waits for the server's answer to a
// final dot already sent (with the command timeout, if shorter): the
// answer says whether the server took the message, and a sender that
// stopped without it sends the message again. Well below the daemon's
// five seconds to stop.
const dotGrace = 2 * time.Second

// dial is go-mail's DialContextFunc; its errors are *SendError at the
// connect or tls stage, which go-mail passes through unchanged.
func (d *dialer) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	var nd net.Dialer
	conn, err := nd.DialContext(ctx, network, addr)
	if err != nil {
		return nil, stageError(stageConnect, err)
	}
	if !d.keep(conn) {
		conn.Close()
		return nil, stageError(stageConnect, net.ErrClosed)
	}
	if d.tls == nil {
		return conn, nil
	}
	tc := tls.Client(conn, d.tls)
	if err := tc.HandshakeContext(ctx); err != nil {
		return nil, stageError(stageTLS, err)
	}
	return tc, nil
}

func (d *dialer) keep(conn net.Conn) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.conn = conn
	return !d.closed
}

// close closes the connection, now or as soon as it is dialed; a held
// one is given d.grace to be answered, then closed by release.
func (d *dialer) close() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.closed = true
	switch {
	case d.conn == nil:
	case d.held:
		d.conn.SetDeadline(time.Now().Add(d.grace))
	default:
		d.conn.Close()
	}
}

// hold keeps close from closing the connection until release; false when
// it is closed already (the final dot must not be sent).
func (d *dialer) hold() bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.held = !d.closed
	return d.held
}

// release ends a hold, closing the connection if close came meanwhile.
func (d *dialer) release() {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.held = false
	if d.closed && d.conn != nil {
		d.conn.Close()
	}
}

// session is one SMTP connection, greeted, secured and authenticated.
type session struct {
	ctx     context.Context
	mc      *mail.Client
	c       *smtp.Client
	d       *dialer
	opts    *SMTPOptions
	unwatch func() bool // stops closing the connection when ctx ends
}

// open dials as opts says; ending ctx closes the connection at any time.
func open(ctx context.Context, opts *SMTPOptions) (*session, error) {
	d := &dialer{grace: min(dotGrace, opts.timeout())}
	mc, auth, err := newClient(ctx, opts, d)
	if err != nil {
		return nil, err
	}
	s := &session{ctx: ctx, mc: mc, d: d, opts: opts, unwatch: context.AfterFunc(ctx, d.close)}
	s.c, err = mc.DialToSMTPClientWithContext(ctx)
	if err != nil {
		s.abort()
		if why := tlsSettings(opts).Explain(err); why != nil {
			err = why // says it all: the stage is tls, the hint in it
		}
		return nil, s.fail(dialStage(err, auth), err)
	}
	return s, nil
}

// step extends the deadline for the next command.
func (s *session) step() error { return s.c.UpdateDeadline(s.opts.timeout()) }

// close says QUIT and closes the connection.
func (s *session) close() error {
	defer s.abort()
	if err := s.step(); err != nil {
		return err
	}
	return s.mc.CloseWithSMTPClient(s.c)
}

// abort closes the connection without a word.
func (s *session) abort() {
	s.unwatch()
	s.d.close()
}

// fail describes err at stage, as a temporary failure when ctx ended.
func (s *session) fail(stage string, err error) *SendError {
	if cerr := context.Cause(s.ctx); cerr != nil {
		return &SendError{Stage: stage, Temporary: true, Err: joinCause(cerr, err)}
	}
	return stageError(stage, err)
}
