package mailer

import (
	"context"
	"errors"
)

// Send delivers raw (a rendered message) to the recipients over SMTP as
// opts says: it dials (STARTTLS or implicit TLS with certificate
// verification, or insecure, as opts.Security), authenticates when
// opts.Username is set, then MAIL FROM, RCPT TO for each, DATA raw, QUIT.
// It is all or nothing: the first refused recipient ends the transaction
// before DATA. Errors are *SendError; see IsTemporary.
func Send(ctx context.Context, opts *SMTPOptions, from string, to []string, raw []byte) error {
	return SendAccepted(ctx, opts, from, to, raw, nil)
}

// SendAccepted is Send, calling accepted (when not nil) the moment the
// server has taken the message, before the goodbye: a caller that records
// the send there leaves the shortest window in which a crash would make
// it send the message again.
func SendAccepted(ctx context.Context, opts *SMTPOptions, from string, to []string, raw []byte, accepted func()) error {
	if len(to) == 0 {
		return &SendError{Stage: stageRcpt, Err: errors.New("mailer: no recipients")}
	}
	s, err := open(ctx, opts)
	if err != nil {
		return err
	}
	if err := s.transfer(from, to, raw); err != nil {
		s.end(err)
		return err
	}
	if accepted != nil {
		accepted()
	}
	// The message is accepted: a failed QUIT must not make anyone send it again.
	_ = s.close()
	return nil
}

// end hangs up after a failed transaction: politely when the server
// refused (the connection still works), at once when the connection broke.
func (s *session) end(err error) {
	if replyOf(err) == nil {
		s.abort()
		return
	}
	_ = s.close()
}

// transfer runs one mail transaction: MAIL FROM, RCPT TO each, DATA.
func (s *session) transfer(from string, to []string, raw []byte) error {
	if err := s.do(stageMail, func() error { return s.c.Mail("<" + from + ">") }); err != nil {
		return err
	}
	for _, rcpt := range to {
		if err := s.do(stageRcpt+" "+rcpt, func() error { return s.c.Rcpt("<" + rcpt + ">") }); err != nil {
			return err
		}
	}
	return s.do(stageData, func() error { return s.data(raw) })
}

// data sends raw as the message content; go-mail's writer dot-stuffs it.
func (s *session) data(raw []byte) error {
	w, err := s.c.Data()
	if err != nil {
		return err
	}
	if _, err := w.Write(raw); err != nil {
		w.Close()
		return err
	}
	return w.Close() // reads the server's verdict on the message
}

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
