package mailer

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/wneessen/go-mail/smtp"
)

// saslAuth is SMTP AUTH (RFC 4954) with the mechanism chosen from those
// the server lists: SCRAM-SHA-256, SCRAM-SHA-1, PLAIN, then LOGIN. It
// remembers that authentication began, so a failure is put at the auth
// stage rather than guessed from go-mail's error text.
type saslAuth struct {
	smtp.Auth // the chosen mechanism, set by Start

	user, pass, host string
	plaintext        bool // security: insecure (loopback only) allows PLAIN without TLS
	started          bool
}

// newAuth returns the authenticator for opts, or nil without smtp.username.
func newAuth(ctx context.Context, opts *SMTPOptions) (*saslAuth, error) {
	if opts.Username == "" {
		return nil, nil
	}
	if opts.Password == nil {
		return nil, errors.New("smtp: smtp.username is set but no password is configured; set smtp.password or smtp.password_command")
	}
	pass, err := opts.Password(ctx)
	if err != nil {
		return nil, fmt.Errorf("smtp: cannot get the password for %s: %w", opts.Username, err)
	}
	return &saslAuth{
		user: opts.Username, pass: pass, host: opts.Host,
		plaintext: opts.Security == SecurityInsecure,
	}, nil
}

// Start picks the mechanism from the server's list and begins with it.
func (a *saslAuth) Start(server *smtp.ServerInfo) (string, []byte, error) {
	a.started = true
	a.Auth = a.choose(server.Auth)
	if len(server.Auth) == 0 {
		return "", nil, fmt.Errorf("the server offers no AUTH at all, so it cannot log in %s: leave smtp.username empty if it needs no login, "+
			"or check smtp.security and smtp.port (many servers offer AUTH only over TLS, on the submission port)", a.user)
	}
	if a.Auth == nil {
		return "", nil, fmt.Errorf("the server offers no mechanism gratitude speaks (SCRAM-SHA-256, SCRAM-SHA-1, PLAIN, LOGIN), only %q; check smtp.security, or leave smtp.username empty if it needs no login",
			strings.Join(server.Auth, " "))
	}
	return a.Auth.Start(server)
}

func (a *saslAuth) choose(offered []string) smtp.Auth {
	has := func(mech string) bool {
		return slices.ContainsFunc(offered, func(o string) bool { return strings.EqualFold(o, mech) })
	}
	switch {
	case has("SCRAM-SHA-256"):
		return smtp.ScramSHA256Auth(a.user, a.pass)
	case has("SCRAM-SHA-1"):
		return smtp.ScramSHA1Auth(a.user, a.pass)
	case has("PLAIN"):
		return smtp.PlainAuth("", a.user, a.pass, a.host, a.plaintext)
	case has("LOGIN"):
		return smtp.LoginAuth(a.user, a.pass, a.host, a.plaintext)
	}
	return nil
}
