package mailer

import (
	"context"
	"crypto/tls"
	"fmt"
	"time"

	"github.com/wneessen/go-mail"

	"gratitude/internal/mailnet"
)

// Security is how the SMTP connection is protected.
type Security string

// The SMTP security modes.
const (
	SecurityTLS      Security = "tls"      // implicit TLS (submissions, port 465)
	SecurityStartTLS Security = "starttls" // STARTTLS required (submission, port 587)
	SecurityInsecure Security = "insecure" // no TLS; loopback only (checked by config)
)

// defaultTimeout bounds each SMTP step when SMTPOptions.Timeout is unset.
const defaultTimeout = 30 * time.Second

// SMTPOptions says how to reach the owner's submission server.
type SMTPOptions struct {
	Host     string
	Port     int
	Security Security
	CAFile   string // PEM certificates trusted besides the system's roots
	Pin      string // sha256/BASE64 of the server's public key: trusted by it alone
	Username string // empty: no authentication
	Password func(ctx context.Context) (string, error)
	Timeout  time.Duration
}

// timeout is the bound on connecting and on each SMTP command.
func (o *SMTPOptions) timeout() time.Duration {
	if o.Timeout <= 0 {
		return defaultTimeout
	}
	return o.Timeout
}

// newClient builds a go-mail client for opts that dials through d and
// authenticates with the returned auth (nil without smtp.username). Clients
// are not shared between goroutines: each sender makes its own.
func newClient(ctx context.Context, opts *SMTPOptions, d *dialer) (*mail.Client, *saslAuth, error) {
	tlsCfg, err := tlsConfig(opts)
	if err != nil {
		return nil, nil, err
	}
	o := []mail.Option{
		mail.WithPort(opts.Port), mail.WithTimeout(opts.timeout()),
		mail.WithTLSConfig(tlsCfg), mail.WithDialContextFunc(d.dial),
	}
	switch opts.Security {
	case SecurityTLS:
		d.tls = tlsCfg // the dialer does the handshake; go-mail sees a *tls.Conn
		o = append(o, mail.WithTLSPolicy(mail.NoTLS))
	case SecurityStartTLS:
		o = append(o, mail.WithTLSPolicy(mail.TLSMandatory))
	case SecurityInsecure:
		o = append(o, mail.WithTLSPolicy(mail.NoTLS))
	default:
		return nil, nil, fmt.Errorf("smtp: smtp.security %q: must be tls, starttls or insecure", opts.Security)
	}
	auth, err := newAuth(ctx, opts)
	if err != nil {
		return nil, nil, err
	}
	if auth != nil {
		o = append(o, mail.WithSMTPAuthCustom(auth))
	}
	c, err := mail.NewClient(opts.Host, o...)
	if err != nil {
		return nil, nil, fmt.Errorf("smtp: %s:%d: %w; check smtp.host and smtp.port", opts.Host, opts.Port, err)
	}
	return c, auth, nil
}

// tlsSettings is how the connection trusts the server: by smtp.tls.pin,
// or by its host name and the system's roots plus smtp.ca_file.
func tlsSettings(opts *SMTPOptions) mailnet.Settings {
	return mailnet.Settings{Section: "smtp", Host: opts.Host, CAFile: opts.CAFile, Pin: opts.Pin}
}

func tlsConfig(opts *SMTPOptions) (*tls.Config, error) {
	cfg, err := mailnet.TLSConfig(tlsSettings(opts))
	if err != nil {
		return nil, fmt.Errorf("smtp: %w", err)
	}
	return cfg, nil
}

// Check connects, secures the connection and authenticates, then hangs up:
// what `gratitude check` asks of SMTP. The error (a *SendError once the
// options are usable) says which step failed and what to check.
func Check(ctx context.Context, opts *SMTPOptions) error {
	s, err := open(ctx, opts)
	if err != nil {
		return err
	}
	if err := s.close(); err != nil {
		return stageError(stageQuit, err)
	}
	return nil
}
