package main

import (
	"errors"
	"fmt"
	"time"

	"gratitude/internal/testmail"

	"github.com/emersion/go-smtp"
)

// transport hands a helper's reply to the owner's mail server and says
// when the server took it.
type transport interface {
	send(from, to string, raw []byte) (time.Time, error)
	// name says how mail travels, for the report.
	name() string
	// logs is what the transport logged, for errors.
	logs() string
	close()
}

// newTransport starts a real Postfix delivering into the Dovecot over LMTP
// and connects to it; where Postfix cannot run (not installed, not root),
// it falls back to LMTP straight into Dovecot and says why.
func (b *bench) newTransport() (transport, error) {
	pf, err := testmail.StartPostfix(testmail.PostfixOptions{LMTP: b.dc.LMTPAddr(), Domains: []string{"example.org"}})
	if errors.Is(err, testmail.ErrPostfixUnavailable) {
		return &lmtpTransport{dc: b.dc, why: err.Error()}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("start postfix: %w", err)
	}
	c, err := smtp.Dial(pf.Addr())
	if err == nil {
		err = c.Hello("mx.example.net")
	}
	if err != nil {
		pf.Close()
		return nil, fmt.Errorf("smtp to postfix at %s: %w", pf.Addr(), err)
	}
	return &postfixTransport{pf: pf, c: c}, nil
}

// postfixTransport submits over one SMTP connection to Postfix, as a
// helper's mail server hands mail to the owner's.
type postfixTransport struct {
	pf *testmail.Postfix
	c  *smtp.Client
}

// send runs one mail transaction and returns when Postfix accepted the
// message (its reply to the end of DATA); Postfix then delivers it.
func (t *postfixTransport) send(from, to string, raw []byte) (time.Time, error) {
	if err := t.c.Mail(from, nil); err != nil {
		return time.Time{}, fmt.Errorf("smtp MAIL FROM %s: %w", from, err)
	}
	if err := t.c.Rcpt(to, nil); err != nil {
		return time.Time{}, fmt.Errorf("smtp RCPT TO %s: %w", to, err)
	}
	w, err := t.c.Data()
	if err != nil {
		return time.Time{}, fmt.Errorf("smtp DATA: %w", err)
	}
	if _, err := w.Write(raw); err != nil {
		w.Close()
		return time.Time{}, fmt.Errorf("smtp DATA: %w", err)
	}
	if err := w.Close(); err != nil {
		return time.Time{}, fmt.Errorf("smtp end of DATA: %w", err)
	}
	return time.Now(), nil
}

func (t *postfixTransport) name() string { return "SMTP to Postfix → LMTP" }
func (t *postfixTransport) logs() string { return "postfix log:\n" + t.pf.Logs() }

// close ends the SMTP session and stops Postfix.
func (t *postfixTransport) close() {
	t.c.Quit()
	t.c.Close()
	t.pf.Close()
}

// lmtpTransport delivers straight into Dovecot over LMTP, as Postfix would.
type lmtpTransport struct {
	dc  *testmail.Dovecot
	why string // why Postfix could not run
}

// send returns when Dovecot stored the message.
func (t *lmtpTransport) send(from, to string, raw []byte) (time.Time, error) {
	err := t.dc.DeliverLMTP(from, []string{to}, raw)
	return time.Now(), err
}

func (t *lmtpTransport) name() string { return "LMTP straight into Dovecot (" + t.why + ")" }
func (t *lmtpTransport) logs() string { return "" }
func (t *lmtpTransport) close()       {}
