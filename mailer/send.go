package mailer

import (
	"context"
	"errors"
	"io"
	"net"
	"syscall"
)

// Send delivers raw (a rendered message) to the recipients over SMTP as
// opts says: it dials (STARTTLS or implicit TLS with certificate
// verification, or insecure, as opts.Security), authenticates when
// opts.Username is set, then MAIL FROM, RCPT TO for each, DATA raw, QUIT.
// It is all or nothing: the first refused recipient ends the transaction
// before DATA. Errors are *SendError; see Retryable.
func Send(ctx context.Context, opts *SMTPOptions, from string, to []string, raw []byte) error {
	c := NewConn(ctx, opts)
	defer c.Close() // the message is accepted: a failed QUIT must not make anyone send it again
	return c.Send(from, to, raw, nil, nil)
}

// Conn sends messages one after another over one SMTP connection, dialed
// on the first Send and again when the server hung up between messages.
// Ending its context closes the connection at once, except while the
// server answers a final dot: that answer is waited for a little (up to
// two seconds), since it says whether the message left. It is not safe
// for concurrent use.
type Conn struct {
	ctx  context.Context
	opts *SMTPOptions
	s    *session // nil until dialed, and after the connection broke
}

// NewConn returns a Conn to the server opts names; nothing is dialed yet.
func NewConn(ctx context.Context, opts *SMTPOptions) *Conn {
	return &Conn{ctx: ctx, opts: opts}
}

// Send sends raw to the recipients over c's connection, as the package's
// Send does. The two hooks let a caller record the send with the least
// work between the server taking the message and the record: beforeDot
// (when not nil) is called once the message is written but for its final
// dot, which is sent only if it returns nil (else the connection is
// dropped and the server discards the message); accepted (when not nil)
// is called the moment the server has taken it, before anything else.
// A connection kept from an earlier message that turns out closed before
// this one began (the server timed it out, or answered 421) is dialed
// again once.
func (c *Conn) Send(from string, to []string, raw []byte, beforeDot func() error, accepted func()) error {
	if len(to) == 0 {
		return &SendError{Stage: stageRcpt, Err: errors.New("mailer: no recipients")}
	}
	kept := c.s != nil
	err := c.transfer(from, to, raw, beforeDot)
	if err != nil && kept && c.ctx.Err() == nil && hungUpBefore(err) {
		c.drop()
		err = c.transfer(from, to, raw, beforeDot)
	}
	if err == nil {
		if accepted != nil {
			accepted()
		}
		return nil
	}
	c.recover(err)
	return err
}

// Close says QUIT and closes the connection, if one is open.
func (c *Conn) Close() error {
	if c.s == nil {
		return nil
	}
	err := c.s.close()
	c.s = nil
	return err
}

// transfer runs one mail transaction, dialing first if need be.
func (c *Conn) transfer(from string, to []string, raw []byte, beforeDot func() error) error {
	if c.s == nil {
		s, err := open(c.ctx, c.opts)
		if err != nil {
			return err
		}
		c.s = s
	}
	return c.s.transfer(from, to, raw, beforeDot)
}

// recover readies the connection for the next message after a failed
// transaction: RSET when the server refused (the connection still works),
// hang up when it broke or the server said it is closing (421).
func (c *Conn) recover(err error) {
	if c.s == nil {
		return
	}
	if reply := replyOf(err); reply != nil && reply.Code != 421 {
		if c.s.do("RSET", c.s.c.Reset) == nil {
			return
		}
	}
	c.drop()
}

// drop closes the connection without a word.
func (c *Conn) drop() {
	if c.s != nil {
		c.s.abort()
		c.s = nil
	}
}

// hungUpBefore reports a failure at the first command of a transaction
// that says the server closed the connection (421, end of stream, reset):
// nothing of the message was sent, so dialing again and sending it is
// safe. A timeout is not a hang-up: a slow server would only be waited
// for twice.
func hungUpBefore(err error) bool {
	var se *SendError
	if !errors.As(err, &se) || se.Stage != stageMail {
		return false
	}
	if reply := replyOf(err); reply != nil {
		return reply.Code == 421
	}
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNABORTED)
}

// transfer runs one mail transaction: MAIL FROM, RCPT TO each, DATA. A
// message over the server's SIZE is refused here, before any of it is sent.
func (s *session) transfer(from string, to []string, raw []byte, beforeDot func() error) error {
	if limit := s.sizeLimit(); limit > 0 && int64(len(raw)) > limit {
		return errTooBig(len(raw), limit)
	}
	if err := s.do(stageMail, func() error { return s.c.Mail("<" + from + ">") }); err != nil {
		return err
	}
	for _, rcpt := range to {
		if err := s.do(stageRcpt+" "+rcpt, func() error { return s.c.Rcpt("<" + rcpt + ">") }); err != nil {
			return err
		}
	}
	return s.do(stageData, func() error { return s.data(raw, beforeDot) })
}

// data sends raw as the message content (go-mail's writer dot-stuffs it),
// asks beforeDot, then ends it with the final dot and reads the server's
// verdict: go-mail's writer returns as soon as it has read it, and nothing
// follows it here.
func (s *session) data(raw []byte, beforeDot func() error) error {
	w, err := s.c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(raw); err != nil {
		w.Close()
		return err
	}
	if beforeDot != nil {
		if err := beforeDot(); err != nil {
			return errNoDot{err}
		}
		// beforeDot may have waited: the verdict gets a full timeout.
		if err := s.step(); err != nil {
			return err
		}
	}
	// From the dot on, a stop waits a little for the verdict.
	if s.ctx.Err() != nil || !s.d.hold() {
		return net.ErrClosed // stopped before the dot: the server discards the message
	}
	defer s.d.release()
	return w.Close()
}

// errNoDot is a message given up before its final dot: the connection
// cannot carry another and is dropped, so the server discards it.
type errNoDot struct{ error }

func (e errNoDot) Unwrap() error { return e.error }

// do runs one SMTP command within the timeout and names its stage on failure.
func (s *session) do(stage string, command func() error) error {
	err := s.step()
	if err == nil {
		err = command()
	}
	if err != nil {
		return s.fail(stage, err)
	}
	return nil
}
