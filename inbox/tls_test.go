package inbox_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"gratitude/inbox"
	"gratitude/internal/testmail"
)

func newTLSMem(t *testing.T) *testmail.MemIMAP {
	t.Helper()
	srv := testmail.NewMemIMAP(t, testmail.MemOptions{TLS: true})
	if err := srv.AddUser(owner, password); err != nil {
		t.Fatal(err)
	}
	return srv
}

func TestImplicitTLSVerifiesAgainstTheConfiguredCA(t *testing.T) {
	srv := newTLSMem(t)
	opts := optionsFor(t, srv.TLSAddr())
	opts.Security, opts.CAFile = inbox.SecurityTLS, srv.CAFile()
	conn, err := inbox.Dial(context.Background(), opts, nil)
	if err != nil {
		t.Fatalf("TLS with the server's CA: %v", err)
	}
	conn.Close()
}

func TestStartTLSVerifiesAgainstTheConfiguredCA(t *testing.T) {
	srv := newTLSMem(t)
	opts := optionsFor(t, srv.Addr())
	opts.Security, opts.CAFile = inbox.SecurityStartTLS, srv.CAFile()
	conn, err := inbox.Dial(context.Background(), opts, nil)
	if err != nil {
		t.Fatalf("STARTTLS with the server's CA: %v", err)
	}
	conn.Close()
}

func TestUntrustedCertificateIsRefusedAtTheTLSStage(t *testing.T) {
	srv := newTLSMem(t)
	for _, sec := range []inbox.Security{inbox.SecurityTLS, inbox.SecurityStartTLS} {
		addr := srv.Addr()
		if sec == inbox.SecurityTLS {
			addr = srv.TLSAddr()
		}
		opts := optionsFor(t, addr)
		opts.Security = sec // no CAFile: the self-signed certificate must fail
		_, err := inbox.Dial(context.Background(), opts, nil)
		var se *inbox.StageError
		if !errors.Is(err, inbox.ErrTLS) || !errors.As(err, &se) || se.Stage != inbox.StageTLS {
			t.Fatalf("%s: err = %v, want a TLS-stage ErrTLS", sec, err)
		}
		if !strings.Contains(err.Error(), "imap.ca_file") {
			t.Errorf("%s: error %q should point at imap.ca_file", sec, err)
		}
	}
}
