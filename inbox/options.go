package inbox

import (
	"context"
	"time"
)

// Security is how the IMAP connection is protected.
type Security string

// The connection security modes.
const (
	SecurityTLS      Security = "tls"      // implicit TLS, usually port 993
	SecurityStartTLS Security = "starttls" // plain connection upgraded by STARTTLS
	SecurityInsecure Security = "insecure" // no TLS; loopback only (checked by config)
)

// Options says how to reach and log in to the IMAP server and how to watch it.
type Options struct {
	Host           string
	Port           int
	Security       Security
	CAFile         string // PEM bundle trusted in addition to the system roots
	Pin            string // sha256/BASE64 of the server's public key: trusted by it alone
	Username       string
	Password       func(ctx context.Context) (string, error)
	CommandTimeout time.Duration // watchdog: longest wait for any server progress
	IdleRefresh    time.Duration // how often IDLE is interrupted to check liveness
	Idle           bool          // use IDLE when the server offers it
	PollInterval   time.Duration // pass interval when not idling
}

func (o *Options) commandTimeout() time.Duration {
	if o.CommandTimeout <= 0 {
		return 60 * time.Second
	}
	return o.CommandTimeout
}

func (o *Options) idleRefresh() time.Duration {
	if o.IdleRefresh <= 0 {
		return 5 * time.Minute
	}
	return o.IdleRefresh
}

func (o *Options) pollInterval() time.Duration {
	if o.PollInterval <= 0 {
		return 2 * time.Minute
	}
	return o.PollInterval
}
