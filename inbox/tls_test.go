package inbox_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"gratitude/inbox"
	"gratitude/internal/mailnet"
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

// A real Dovecot presenting a self-signed certificate without
// subjectAltName, over IMAPS and STARTTLS: refused without a pin (even
// with the certificate in imap.ca_file), naming the Common Name and the
// pin to set; refused with another pin, naming both; logged in with its
// own.
func TestDovecotWithoutSubjectAltNameIsTrustedByItsPinOnly(t *testing.T) {
	cert, err := testmail.CommonNameOnly("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	other, err := testmail.CommonNameOnly("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	d := testmail.NewDovecot(t, testmail.DovecotOptions{TLS: true, Cert: cert})
	if err := d.AddUser(owner, password); err != nil {
		t.Fatal(err)
	}
	pin, wrong := mailnet.PinOf(cert.Cert), mailnet.PinOf(other.Cert)
	for sec, addr := range map[inbox.Security]string{inbox.SecurityTLS: d.TLSAddr(), inbox.SecurityStartTLS: d.Addr()} {
		opts := optionsFor(t, addr)
		opts.Security, opts.CAFile = sec, d.CAFile()
		_, err := inbox.Dial(context.Background(), opts, nil)
		wantTLSError(t, err, "only in its Common Name (CN=127.0.0.1), which Go no longer accepts", "to trust this certificate, set imap.tls.pin: "+pin)
		if strings.Contains(err.Error(), "set imap.ca_file") {
			t.Errorf("%s: %q tells to set imap.ca_file, which is set", sec, err)
		}

		opts.Pin = wrong
		_, err = inbox.Dial(context.Background(), opts, nil)
		wantTLSError(t, err, "the server's public key is "+pin+", not imap.tls.pin "+wrong)

		opts.Pin = pin
		conn, err := inbox.Dial(context.Background(), opts, nil)
		if err != nil {
			t.Fatalf("%s with the server's pin: %v", sec, err)
		}
		if _, err := conn.FindFolders(inbox.Folders{Inbox: "INBOX"}); err != nil {
			t.Errorf("%s: logged in, but: %v", sec, err)
		}
		conn.Close()
	}
}

// wantTLSError wants a TLS-stage ErrTLS saying every part.
func wantTLSError(t *testing.T, err error, parts ...string) {
	t.Helper()
	var se *inbox.StageError
	if !errors.Is(err, inbox.ErrTLS) || !errors.As(err, &se) || se.Stage != inbox.StageTLS {
		t.Fatalf("err = %v, want a TLS-stage ErrTLS", err)
	}
	for _, p := range parts {
		if !strings.Contains(err.Error(), p) {
			t.Errorf("%q does not say %q", err, p)
		}
	}
}
