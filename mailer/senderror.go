package mailer

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/textproto"
	"strings"

	"gratitude/internal/mailnet"
)

// The stages a SendError names; RCPT TO is followed by the recipient.
const (
	stageConnect = "connect"
	stageTLS     = "tls"
	stageAuth    = "auth"
	stageMail    = "MAIL FROM"
	stageRcpt    = "RCPT TO"
	stageData    = "DATA"
	stageQuit    = "QUIT"
)

// What the owner can do about a failure, by cause.
const (
	hintConnect  = "check smtp.host and smtp.port"
	hintStartTLS = "check smtp.security and smtp.port"
	hintAuth     = "check smtp.username and smtp.password"
)

// SendError is an SMTP failure: the stage, the server's reply code if any,
// and whether trying again later may succeed.
type SendError struct {
	Stage     string // connect, tls, auth, MAIL FROM, RCPT TO <addr>, DATA or QUIT
	Code      int    // SMTP reply code; 0 when the server gave none
	Temporary bool   // worth retrying later (network, timeout, 4xx)
	Hint      string // what to check, "" when nothing helps
	Err       error
}

// Error reads like "smtp: RCPT TO bob@example.org: 550 5.1.1 no such user".
func (e *SendError) Error() string {
	msg := e.Err.Error()
	if te := replyOf(e.Err); te != nil {
		// The code, enhanced code and text, unquoted and without go-mail's
		// wrapping; a multi-line reply becomes one line.
		msg = fmt.Sprintf("%03d %s", te.Code, oneLine(te.Msg))
	}
	if e.Hint != "" {
		msg += "; " + e.Hint
	}
	return "smtp: " + e.Stage + ": " + msg
}

// Unwrap returns the underlying error.
func (e *SendError) Unwrap() error { return e.Err }

// RefusesTheMessage reports whether the server refused this message for
// good (a 5xx to MAIL FROM, RCPT TO or DATA): sending it again cannot help.
// A failure to connect, secure the connection or log in is about the
// server or the settings, not the message: once they are fixed, the same
// message goes through.
func RefusesTheMessage(err error) bool {
	var se *SendError
	if !errors.As(err, &se) || se.Temporary {
		return false
	}
	switch se.Stage {
	case stageConnect, stageTLS, stageAuth:
		return false
	}
	return true
}

// Retryable is how the outbox decides, once, whether a failed send is
// tried again: everything but the server refusing this very message
// (RefusesTheMessage). Wrong settings or an unreachable server are retried
// loudly until fixed, not failed message by message.
func Retryable(err error) bool { return !RefusesTheMessage(err) }

// stageError classifies err at stage; a *SendError inside err wins.
func stageError(stage string, err error) *SendError {
	var se *SendError
	if errors.As(err, &se) {
		return se
	}
	e := &SendError{Stage: stage, Temporary: transient(err), Err: err}
	if te := replyOf(err); te != nil {
		e.Code = te.Code
	}
	e.Hint = hint(e)
	return e
}

// hint says what the owner can change to fix a permanent failure.
func hint(e *SendError) string {
	switch {
	case mailnet.Untrusted(e.Err):
		return "" // mailnet's explanation names the cause, the fix and the pin
	case e.Stage == stageAuth && e.Code >= 500, e.Code == 530: // 530: authentication required
		return hintAuth
	case e.Stage == stageConnect:
		return hintConnect
	case e.Stage == stageTLS:
		return hintStartTLS
	}
	return ""
}

// transient reports whether err is a network, timeout or 4xx failure.
func transient(err error) bool {
	if te := replyOf(err); te != nil {
		return te.Code/100 == 4
	}
	if mailnet.Untrusted(err) {
		return false
	}
	var ne net.Error
	return errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, net.ErrClosed) || errors.Is(err, context.Canceled) ||
		errors.Is(err, context.DeadlineExceeded) || isHandshakeError(err)
}

// dialStage puts a failure of go-mail's dial at its stage: the dialer
// tags its own, AUTH is known to have begun, and what remains happened
// during the greeting or STARTTLS.
func dialStage(err error, auth *saslAuth) string {
	var se *SendError
	switch {
	case errors.As(err, &se):
		return se.Stage
	case auth != nil && auth.started:
		return stageAuth
	case mailnet.Untrusted(err) || isHandshakeError(err) || strings.Contains(err.Error(), "STARTTLS"):
		// go-mail v0.8.1 has no error value for "server offers no STARTTLS".
		return stageTLS
	}
	return stageConnect
}

func replyOf(err error) *textproto.Error {
	var te *textproto.Error
	if errors.As(err, &te) {
		return te
	}
	return nil
}

func isHandshakeError(err error) bool {
	var re tls.RecordHeaderError
	var ae tls.AlertError
	return errors.As(err, &re) || errors.As(err, &ae)
}

// joinCause reports a failure caused by the end of the context.
func joinCause(cause, err error) error {
	if errors.Is(err, cause) {
		return err
	}
	return fmt.Errorf("%w (%w)", cause, err)
}
