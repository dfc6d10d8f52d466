package mailnet

import (
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gratitude/internal/testmail"
)

// certFor makes a self-signed server certificate for the DNS names given,
// valid from now-from to now+to; with no names, it names cn in its Common
// Name only, as old openssl recipes do.
func certFor(t *testing.T, cn string, from, to time.Duration, names ...string) *testmail.ServerCert {
	t.Helper()
	now := time.Now()
	c, err := testmail.NewServerCert(&x509.Certificate{
		Subject:     pkix.Name{CommonName: cn},
		NotBefore:   now.Add(-from),
		NotAfter:    now.Add(to),
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		DNSNames:    names,
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// pemFile writes cert's PEM to a file, for a ca_file.
func pemFile(t *testing.T, cert *testmail.ServerCert) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(p, cert.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// handshake has a crypto/tls server on loopback present cert to a client
// configured by s, and returns the client's verdict.
func handshake(t *testing.T, cert *testmail.ServerCert, s Settings) error {
	t.Helper()
	pair, err := cert.TLS()
	if err != nil {
		t.Fatal(err)
	}
	ln, err := tls.Listen("tcp", "127.0.0.1:0", &tls.Config{Certificates: []tls.Certificate{pair}})
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	go func() {
		if c, err := ln.Accept(); err == nil {
			c.(*tls.Conn).Handshake()
			c.Close()
		}
	}()
	cfg, err := TLSConfig(s)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := net.DialTimeout("tcp", ln.Addr().String(), 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	raw.SetDeadline(time.Now().Add(10 * time.Second))
	return tls.Client(raw, cfg).Handshake()
}

// explained wants err to be explained as a *CertError offering the pin of
// cert, and returns its text.
func explained(t *testing.T, s Settings, err error, cert *testmail.ServerCert) string {
	t.Helper()
	if !Untrusted(err) {
		t.Fatalf("%v is not a trust error", err)
	}
	var ce *CertError
	if !errors.As(s.Explain(err), &ce) {
		t.Fatalf("Explain(%v) is no *CertError", err)
	}
	if want := "to trust this certificate, set " + s.Section + ".tls.pin: " + PinOf(cert.Cert); !strings.HasSuffix(ce.Error(), want) {
		t.Errorf("%q does not end with %q", ce, want)
	}
	return ce.Error()
}

func wantAll(t *testing.T, msg string, parts ...string) {
	t.Helper()
	for _, p := range parts {
		if !strings.Contains(msg, p) {
			t.Errorf("%q does not say %q", msg, p)
		}
	}
}

func TestExplainCommonNameOnly(t *testing.T) {
	for _, host := range []string{"mail.example.org", "127.0.0.1"} {
		cert := certFor(t, host, time.Hour, time.Hour)
		// The CA is trusted: ca_file is set, and still not the answer.
		s := Settings{Section: "imap", Host: host, CAFile: pemFile(t, cert)}
		msg := explained(t, s, handshake(t, cert, s), cert)
		kind := map[string]string{"mail.example.org": "DNS", "127.0.0.1": "IP"}[host]
		wantAll(t, msg, "names the host only in its Common Name (CN="+host+"), which Go no longer accepts",
			"no subjectAltName for "+host, "subjectAltName="+kind+":"+host)
		if strings.Contains(msg, "set imap.ca_file") {
			t.Errorf("%q tells to set imap.ca_file, which is set", msg)
		}
	}
}

func TestExplainWrongHostListsTheNamesItHas(t *testing.T) {
	cert := certFor(t, "mail.example.net", time.Hour, time.Hour, "mail.example.net", "imap.example.net")
	s := Settings{Section: "smtp", Host: "mail.example.org", CAFile: pemFile(t, cert)}
	msg := explained(t, s, handshake(t, cert, s), cert)
	wantAll(t, msg, "the certificate is for mail.example.net, imap.example.net, not for mail.example.org", "set smtp.host to one of those names")
}

func TestExplainExpiredAndNotYetValidWithTheDates(t *testing.T) {
	expired := certFor(t, "mail.example.org", 48*time.Hour, -24*time.Hour, "mail.example.org")
	s := Settings{Section: "imap", Host: "mail.example.org", CAFile: pemFile(t, expired)}
	msg := explained(t, s, handshake(t, expired, s), expired)
	end := expired.Cert.NotAfter.UTC().Format("2006-01-02 15:04 MST")
	wantAll(t, msg, "the certificate expired on "+end, "valid from "+expired.Cert.NotBefore.UTC().Format("2006-01-02 15:04 MST")+" to "+end, "renew it")

	future := certFor(t, "mail.example.org", -24*time.Hour, 48*time.Hour, "mail.example.org")
	s.CAFile = pemFile(t, future)
	msg = explained(t, s, handshake(t, future, s), future)
	wantAll(t, msg, "the certificate is not valid yet (valid from "+future.Cert.NotBefore.UTC().Format("2006-01-02 15:04 MST"), "clock")
}

func TestExplainUnknownAuthorityWithAndWithoutCAFile(t *testing.T) {
	cert := certFor(t, "mail.example.org", time.Hour, time.Hour, "mail.example.org")
	s := Settings{Section: "imap", Host: "mail.example.org"}
	msg := explained(t, s, handshake(t, cert, s), cert)
	wantAll(t, msg, "the certificate is self-signed, and no authority this machine trusts signed it", "set imap.ca_file to the PEM certificate")

	other := certFor(t, "mail.example.org", time.Hour, time.Hour, "mail.example.org")
	s.CAFile = pemFile(t, other)
	msg = explained(t, s, handshake(t, cert, s), cert)
	wantAll(t, msg, "neither the certificates in imap.ca_file ("+s.CAFile+") nor the system's signed it", "check that "+s.CAFile+" holds")
	if strings.Contains(msg, "set imap.ca_file") {
		t.Errorf("%q tells to set imap.ca_file, which is set", msg)
	}
}

// A pin trusts the key alone: a certificate without subjectAltName, for
// another host and expired is accepted when its key is pinned.
func TestPinAcceptsTheKeyWhateverTheCertificateSays(t *testing.T) {
	cert := certFor(t, "elsewhere.example.net", 48*time.Hour, -24*time.Hour)
	s := Settings{Section: "imap", Host: "mail.example.org", CAFile: "/nonexistent.pem", Pin: PinOf(cert.Cert)}
	if err := handshake(t, cert, s); err != nil {
		t.Fatalf("the pinned key was refused: %v", err)
	}
}

func TestPinRefusesAnotherKeyNamingBothPins(t *testing.T) {
	cert := certFor(t, "mail.example.org", time.Hour, time.Hour, "mail.example.org")
	renewed := certFor(t, "mail.example.org", time.Hour, time.Hour, "mail.example.org")
	s := Settings{Section: "smtp", Host: "mail.example.org", Pin: PinOf(cert.Cert)}
	err := handshake(t, renewed, s)
	var pe *PinError
	if !errors.As(err, &pe) || !Untrusted(err) || !errors.As(s.Explain(err), &pe) {
		t.Fatalf("another key: %v, want a *PinError", err)
	}
	wantAll(t, err.Error(), "the server's public key is "+PinOf(renewed.Cert)+", not smtp.tls.pin "+PinOf(cert.Cert))
}

func TestExplainLeavesOtherErrorsAlone(t *testing.T) {
	s := Settings{Section: "imap", Host: "mail.example.org"}
	for _, err := range []error{errors.New("tls: first record does not look like a TLS handshake"), &net.OpError{Op: "dial", Err: errors.New("refused")}} {
		if Untrusted(err) || s.Explain(err) != nil {
			t.Errorf("%v taken for a trust error", err)
		}
	}
}
