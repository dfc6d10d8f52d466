package mailer

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"time"

	"github.com/wneessen/go-mail"
)

// Security is how the SMTP connection is protected.
type Security string

// The SMTP security modes.
const (
	SecurityTLS      Security = "tls"      // implicit TLS (submissions, port 465)
	SecurityStartTLS Security = "starttls" // STARTTLS required (submission, port 587)
	SecurityInsecure Security = "insecure" // no TLS; loopback only (checked by config)
)

// SMTPOptions says how to reach the owner's submission server.
type SMTPOptions struct {
	Host     string
	Port     int
	Security Security
	CAFile   string
	Username string // empty: no authentication
	Password func(ctx context.Context) (string, error)
	Timeout  time.Duration
}

// newClient builds a go-mail client for opts. Clients are not shared
// between goroutines: each sender makes its own.
func newClient(ctx context.Context, opts *SMTPOptions) (*mail.Client, error) {
	timeout := opts.Timeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	tlsCfg := &tls.Config{ServerName: opts.Host, MinVersion: tls.VersionTLS12}
	if opts.CAFile != "" {
		pool, err := caPool(opts.CAFile)
		if err != nil {
			return nil, err
		}
		tlsCfg.RootCAs = pool
	}
	o := []mail.Option{mail.WithPort(opts.Port), mail.WithTimeout(timeout), mail.WithTLSConfig(tlsCfg)}
	switch opts.Security {
	case SecurityTLS:
		o = append(o, mail.WithSSL())
	case SecurityStartTLS:
		o = append(o, mail.WithTLSPolicy(mail.TLSMandatory))
	default:
		o = append(o, mail.WithTLSPolicy(mail.NoTLS))
	}
	if opts.Username != "" {
		pass, err := opts.Password(ctx)
		if err != nil {
			return nil, fmt.Errorf("smtp: cannot get the password for %s: %w", opts.Username, err)
		}
		// Without TLS (allowed on loopback only) go-mail will not choose PLAIN
		// by itself; name it explicitly there.
		auth := mail.SMTPAuthAutoDiscover
		if opts.Security == SecurityInsecure {
			auth = mail.SMTPAuthPlainNoEnc
		}
		o = append(o, mail.WithSMTPAuth(auth), mail.WithUsername(opts.Username), mail.WithPassword(pass))
	}
	c, err := mail.NewClient(opts.Host, o...)
	if err != nil {
		return nil, fmt.Errorf("smtp: %s:%d: %w", opts.Host, opts.Port, err)
	}
	return c, nil
}

// Check connects, secures the connection and authenticates, then hangs up:
// what `gratitude check` asks of SMTP. The error says which step failed.
func Check(ctx context.Context, opts *SMTPOptions) error {
	c, err := newClient(ctx, opts)
	if err != nil {
		return err
	}
	if err := c.DialWithContext(ctx); err != nil {
		return fmt.Errorf("smtp: %s:%d: %w; check smtp.host, smtp.port, smtp.security and the credentials", opts.Host, opts.Port, err)
	}
	return c.Close()
}

func caPool(path string) (*x509.CertPool, error) {
	pem, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("smtp: read smtp.ca_file: %w", err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("smtp: smtp.ca_file %s holds no PEM certificate", path)
	}
	return pool, nil
}
