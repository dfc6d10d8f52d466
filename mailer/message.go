package mailer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/wneessen/go-mail"

	"gratitude"
)

// Message is one outgoing message, ready to be rendered to bytes.
type Message struct {
	From          gratitude.Address
	To            []gratitude.Address
	ReplyTo       string // address only; "" = no Reply-To
	Subject       string
	MessageID     string    // without angle brackets; required
	InReplyTo     string    // without angle brackets; "" = none
	References    []string  // without angle brackets, oldest first
	Date          time.Time // zero: the time of rendering
	Kind          string    // value of an X-Gratitude-Kind header; "" = no header
	AutoSubmitted bool      // adds "Auto-Submitted: auto-generated" (RFC 3834)
	Text          string    // required, the text/plain part
	HTML          string    // optional; when set, multipart/alternative text + HTML
}

// The headers gratitude adds beyond RFC 5322's.
const (
	headerKind          mail.Header = "X-Gratitude-Kind"
	headerAutoSubmitted mail.Header = "Auto-Submitted"
)

// Render builds m with go-mail and returns the RFC 5322 bytes (CRLF line
// ends), usable for SMTP DATA and IMAP APPEND. Bidi controls and invisible
// format characters leave subject and names (gratitude.Visible), so a
// header shows what it says and a name made only of them leaves the bare
// address; other control characters in subject, names and Kind become
// spaces; an address or ID they would break is refused.
func Render(m *Message) ([]byte, error) {
	if err := m.validate(); err != nil {
		return nil, err
	}
	msg := mail.NewMsg(mail.WithNoDefaultUserAgent())
	if err := m.setAddresses(msg); err != nil {
		return nil, err
	}
	if err := m.setThread(msg); err != nil {
		return nil, err
	}
	m.setHeaders(msg)
	msg.SetBodyString(mail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(mail.TypeTextHTML, m.HTML)
	}
	var buf bytes.Buffer
	if _, err := msg.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("mailer: render message <%s>: %w", m.MessageID, err)
	}
	return buf.Bytes(), nil
}

// validate reports the first required field that is missing.
func (m *Message) validate() error {
	switch {
	case m.MessageID == "":
		return errors.New("mailer: message has no Message-ID")
	case m.From.Email == "":
		return fmt.Errorf("mailer: message <%s> has no From address", m.MessageID)
	case len(m.To) == 0:
		return fmt.Errorf("mailer: message <%s> has no To address", m.MessageID)
	case m.Text == "":
		return fmt.Errorf("mailer: message <%s> has no text part", m.MessageID)
	}
	return nil
}

// setAddresses sets From, To and Reply-To, with display names.
func (m *Message) setAddresses(msg *mail.Msg) error {
	from, err := mailbox("From", visibleName(m.From))
	if err != nil {
		return err
	}
	msg.FromMailAddress(from)
	for _, a := range m.To {
		to, err := mailbox("To", visibleName(a))
		if err != nil {
			return err
		}
		msg.AddToMailAddress(to)
	}
	if m.ReplyTo == "" {
		return nil
	}
	replyTo, err := mailbox("Reply-To", gratitude.Address{Email: m.ReplyTo})
	if err != nil {
		return err
	}
	msg.ReplyToMailAddress(replyTo)
	return nil
}

// setThread sets Message-ID, In-Reply-To and References (RFC 5322 3.6.4).
func (m *Message) setThread(msg *mail.Msg) error {
	id, err := msgID("Message-ID", m.MessageID, true)
	if err != nil {
		return err
	}
	msg.SetMessageIDWithValue(id)
	if m.InReplyTo != "" {
		id, err := msgID("In-Reply-To", m.InReplyTo, false)
		if err != nil {
			return err
		}
		msg.SetGenHeader(mail.HeaderInReplyTo, "<"+id+">")
	}
	if len(m.References) == 0 {
		return nil
	}
	refs := make([]string, len(m.References))
	for i, r := range m.References {
		id, err := msgID("References", r, false)
		if err != nil {
			return err
		}
		refs[i] = "<" + id + ">"
	}
	msg.SetGenHeader(mail.HeaderReferences, strings.Join(refs, " "))
	return nil
}

// setHeaders sets Subject, Date and gratitude's own headers.
func (m *Message) setHeaders(msg *mail.Msg) {
	msg.Subject(oneLine(gratitude.Visible(m.Subject)))
	if !m.Date.IsZero() {
		msg.SetDateWithValue(m.Date)
	}
	if m.Kind != "" {
		msg.SetGenHeader(headerKind, oneLine(m.Kind))
	}
	if m.AutoSubmitted {
		msg.SetGenHeader(headerAutoSubmitted, "auto-generated")
	}
}

// visibleName is a with its display name as gratitude.Visible shows it.
func visibleName(a gratitude.Address) gratitude.Address {
	a.Name = gratitude.Visible(a.Name)
	return a
}
