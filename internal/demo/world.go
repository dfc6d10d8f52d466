package demo

import (
	"context"
	"fmt"
	"net"
	"net/mail"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"gratitude/internal/testmail"
	"gratitude/mailer"
)

// demoPassword is every demo user's password.
const demoPassword = "demo"

// Person is someone in the demo's world, with a mailbox on it.
type Person struct {
	Name, Email string
}

// The demo's people: Ada owns the mailbox gratitude watches.
var (
	demoAda   = Person{"Ada Lovelace", "ada@example.org"}
	demoAlice = Person{"Alice Martin", "alice@example.org"}
	demoBob   = Person{"Bob Chen", "bob@example.org"}
	demoCarol = Person{"Carol Schmidt", "carol@example.org"}
	demoDan   = Person{"Dan Okafor", "dan@example.org"}
	demoCast  = []Person{demoAda, demoAlice, demoBob, demoCarol, demoDan}
)

// Cast is the demo's people, Ada first.
func Cast() []Person { return slices.Clone(demoCast) }

func (p Person) addr() string  { return fmt.Sprintf("%s <%s>", p.Name, p.Email) }
func (p Person) first() string { f, _, _ := strings.Cut(p.Name, " "); return f }

// localWorld is the demo's private mail system on 127.0.0.1: an IMAP server
// holding everyone's mailbox and an SMTP server that delivers into them.
type localWorld struct {
	imap *testmail.MemIMAP
	smtp *testmail.SMTP
	seq  int
	mu   sync.Mutex
}

func startWorld() (*localWorld, error) {
	w := &localWorld{}
	var err error
	if w.imap, err = testmail.StartMemIMAP(testmail.MemOptions{}); err != nil {
		return nil, fmt.Errorf("demo: start the IMAP server: %w", err)
	}
	for _, p := range demoCast {
		if err := w.imap.AddUser(p.Email, demoPassword); err != nil {
			w.close()
			return nil, err
		}
	}
	if w.smtp, err = testmail.StartSMTP(testmail.SMTPOptions{Deliver: w.deliver}); err != nil {
		w.close()
		return nil, fmt.Errorf("demo: start the SMTP server: %w", err)
	}
	return w, nil
}

func (w *localWorld) close() {
	if w.smtp != nil {
		w.smtp.Close()
	}
	if w.imap != nil {
		w.imap.Close()
	}
}

// deliver puts a message into each recipient's INBOX, as an MTA would,
// with a Delivered-To naming the address it was sent to (plus detail
// included). Mail for addresses outside the demo is dropped.
func (w *localWorld) deliver(_ string, to []string, data []byte) error {
	for _, rcpt := range to {
		local, domain, _ := strings.Cut(strings.ToLower(rcpt), "@")
		user, _, _ := strings.Cut(local, "+")
		if !w.imap.HasUser(user + "@" + domain) {
			continue
		}
		copyFor := append([]byte("Delivered-To: "+rcpt+"\r\n"), data...)
		if _, err := w.imap.Append(user+"@"+domain, "INBOX", copyFor); err != nil {
			return err
		}
	}
	return nil
}

// Mail is a message someone writes in the demo.
type Mail struct {
	From          Person
	To, Cc        []Person
	Bcc           []string
	Subject, Body string
	InReplyTo     string // without brackets
	References    []string
	At            time.Time
	Extra         []string // more header lines, e.g. Auto-Submitted
	ToAddress     string   // a bare address instead of To (the capture or a card address)
	MessageID     string   // set by Render
	SentCopy      bool     // the sender files a copy in Sent
}

// Send submits m through the demo's SMTP server, as the sender's mail
// client does, and files the copy with its Bcc in the sender's Sent.
func (w *localWorld) Send(ctx context.Context, m *Mail) error {
	w.mu.Lock()
	w.seq++
	seq := w.seq
	w.mu.Unlock()
	raw, sent := m.Render(seq)
	if err := Submit(ctx, w.smtp.Addr(), m, raw); err != nil {
		return err
	}
	if !m.SentCopy {
		return nil
	}
	_, err := w.imap.Append(m.From.Email, "Sent", sent)
	return err
}

// Holds reports whether the person's INBOX on the demo's server holds the message.
func (w *localWorld) Holds(ctx context.Context, email, messageID string) (bool, error) {
	return InboxHolds(ctx, w.imap.Addr(), email, demoPassword, messageID)
}

// Render gives m its Message-ID (seq makes it unique) and returns the
// message as sent and as filed in Sent (with its Bcc).
func (m *Mail) Render(seq int) (raw, sent []byte) {
	m.MessageID = fmt.Sprintf("demo-%d-%d@example.org", m.At.Unix(), seq)
	raw = []byte(strings.Join(m.header(), "\r\n") + "\r\n\r\n" + strings.ReplaceAll(m.Body, "\n", "\r\n") + "\r\n")
	sent = raw
	if len(m.Bcc) > 0 {
		sent = append([]byte("Bcc: "+strings.Join(m.Bcc, ", ")+"\r\n"), raw...)
	}
	return raw, sent
}

// Submit hands raw to the SMTP server at addr, as m's sender's client does.
func Submit(ctx context.Context, addr string, m *Mail, raw []byte) error {
	host, port, _ := net.SplitHostPort(addr)
	p, _ := strconv.Atoi(port)
	opts := &mailer.SMTPOptions{Host: host, Port: p, Security: mailer.SecurityInsecure, Timeout: 10 * time.Second}
	if err := mailer.Send(ctx, opts, m.From.Email, m.Recipients(), raw); err != nil {
		return fmt.Errorf("demo: %s sends %q: %w", m.From.first(), m.Subject, err)
	}
	return nil
}

func (m *Mail) header() []string {
	h := []string{"From: " + m.From.addr()}
	if m.ToAddress != "" {
		h = append(h, "To: "+m.ToAddress)
	} else {
		h = append(h, "To: "+people(m.To))
	}
	if len(m.Cc) > 0 {
		h = append(h, "Cc: "+people(m.Cc))
	}
	h = append(h, "Subject: "+m.Subject, "Date: "+m.At.Format(time.RFC1123Z), "Message-ID: <"+m.MessageID+">",
		"MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8")
	if m.InReplyTo != "" {
		refs := append(append([]string{}, m.References...), m.InReplyTo)
		h = append(h, "In-Reply-To: <"+m.InReplyTo+">", "References: <"+strings.Join(refs, "> <")+">")
	}
	return append(h, m.Extra...)
}

// Recipients is every address m is submitted to: To, Cc and Bcc.
func (m *Mail) Recipients() []string {
	var out []string
	if m.ToAddress != "" {
		out = append(out, m.ToAddress)
	}
	for _, p := range append(append([]Person{}, m.To...), m.Cc...) {
		out = append(out, p.Email)
	}
	return append(out, m.Bcc...)
}

func people(ps []Person) string {
	var out []string
	for _, p := range ps {
		out = append(out, (&mail.Address{Name: p.Name, Address: p.Email}).String())
	}
	return strings.Join(out, ", ")
}
