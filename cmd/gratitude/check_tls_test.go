package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"gratitude/internal/mailnet"
	"gratitude/internal/testmail"
)

// selfSigned is a real Dovecot and a go-smtp server, each presenting its
// own self-signed certificate without subjectAltName (CN=127.0.0.1 only,
// as `openssl req -x509 -subj /CN=...` makes), and a config for them.
type selfSigned struct {
	m                *mailbox
	smtp             *testmail.SMTP
	imapPin, smtpPin string
	dbPath           string
}

func newSelfSigned(t *testing.T) *selfSigned {
	t.Helper()
	imapCert, err := testmail.CommonNameOnly("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	smtpCert, err := testmail.CommonNameOnly("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	dc := testmail.NewDovecot(t, testmail.DovecotOptions{TLS: true, Cert: imapCert})
	if err := dc.AddUser(testOwner, testPass); err != nil {
		t.Fatal(err)
	}
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{TLS: true, Cert: smtpCert, Username: testOwner, Password: "smtp-pass",
		Deliver: deliverTo(dc)})
	dir := t.TempDir()
	return &selfSigned{
		m: &mailbox{dc: dc, config: filepath.Join(dir, "gratitude.yaml"),
			env: []string{"GRATITUDE_TEST_IMAP_PASSWORD=" + testPass, "GRATITUDE_TEST_SMTP_PASSWORD=smtp-pass"}},
		smtp:    srv,
		imapPin: mailnet.PinOf(imapCert.Cert), smtpPin: mailnet.PinOf(smtpCert.Cert),
		dbPath: filepath.Join(dir, "gratitude.db"),
	}
}

// configure writes the config: IMAP over security (tls or starttls),
// SMTP over implicit TLS, each with its pin if not "".
func (s *selfSigned) configure(t *testing.T, security, imapPin, smtpPin string) {
	t.Helper()
	addr := s.m.dc.TLSAddr()
	if security == "starttls" {
		addr = s.m.dc.Addr()
	}
	_, imapPort := splitHostPort(t, addr)
	_, smtpPort := splitHostPort(t, s.smtp.TLSAddr())
	pin := func(p string) string {
		if p == "" {
			return ""
		}
		return fmt.Sprintf("  tls:\n    pin: %q\n", p)
	}
	writeFile(t, s.m.config, fmt.Sprintf(`owner:
  name: Ada Lovelace
  email: %s
database: %s
imap:
  host: 127.0.0.1
  port: %s
  security: %s
  password: ${GRATITUDE_TEST_IMAP_PASSWORD}
%ssmtp:
  host: 127.0.0.1
  port: %s
  security: tls
  username: %s
  password: ${GRATITUDE_TEST_SMTP_PASSWORD}
%shttp:
  listen: "off"
`, testOwner, s.dbPath, imapPort, security, pin(imapPin), smtpPort, testOwner, pin(smtpPin)))
}

// checkLine is the line check printed for item, "" if none.
func checkLine(stdout, item string) string {
	for _, l := range strings.Split(stdout, "\n") {
		if len(l) > 6 && strings.HasPrefix(strings.TrimSpace(l[6:]), item+" ") {
			return l
		}
	}
	return ""
}

func wantLine(t *testing.T, stdout, status, item string, parts ...string) {
	t.Helper()
	l := checkLine(stdout, item)
	if !strings.HasPrefix(l, status+" ") {
		t.Errorf("want %s %s, got %q in:\n%s", status, item, l, stdout)
		return
	}
	for _, p := range parts {
		if !strings.Contains(l, p) {
			t.Errorf("%s line %q does not say %q", item, l, p)
		}
	}
}

var printedPin = regexp.MustCompile(`to trust this certificate, set imap\.tls\.pin: (sha256/\S+)`)

// The case: a self-signed Dovecot without subjectAltName. check
// names the cause and prints the pin; the printed pin, set, makes check
// pass and run --once sync, over IMAPS and STARTTLS; another pin is
// refused naming both.
func TestCheckAndRunTrustASelfSignedDovecotByThePinCheckPrints(t *testing.T) {
	s := newSelfSigned(t)

	s.configure(t, "tls", "", "")
	r := s.m.run(t, "check")
	if r.code != 1 {
		t.Fatalf("check without pins: exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	wantLine(t, r.stdout, "ok", "imap reach")
	wantLine(t, r.stdout, "FAIL", "imap tls", "names the host only in its Common Name (CN=127.0.0.1), which Go no longer accepts")
	wantLine(t, r.stdout, "FAIL", "smtp", "only in its Common Name", "to trust this certificate, set smtp.tls.pin: "+s.smtpPin)
	m := printedPin.FindStringSubmatch(r.stdout)
	if m == nil || m[1] != s.imapPin {
		t.Fatalf("check printed the IMAP pin %q, want %s:\n%s", m, s.imapPin, r.stdout)
	}
	t.Logf("check without pins:\n%s", r.stdout)

	s.configure(t, "tls", s.smtpPin, s.imapPin) // each the other's
	r = s.m.run(t, "check")
	wantLine(t, r.stdout, "FAIL", "imap tls", "the server's public key is "+s.imapPin+", not imap.tls.pin "+s.smtpPin)
	wantLine(t, r.stdout, "FAIL", "smtp", "the server's public key is "+s.smtpPin+", not smtp.tls.pin "+s.imapPin)
	if r.code != 1 || strings.Contains(r.stdout, "ok    imap login") {
		t.Fatalf("check with the wrong pins: exit %d\n%s", r.code, r.stdout)
	}

	for _, security := range []string{"tls", "starttls"} {
		s.configure(t, security, m[1], s.smtpPin)
		r = s.m.run(t, "check")
		if r.code != 0 {
			t.Fatalf("%s: check with the printed pin: exit %d\n%s%s", security, r.code, r.stdout, r.stderr)
		}
		wantLine(t, r.stdout, "ok", "imap tls", security+", public key matches imap.tls.pin")
		wantLine(t, r.stdout, "ok", "imap login", "logged in as "+testOwner)
		wantLine(t, r.stdout, "ok", "smtp", "tls (public key matches smtp.tls.pin), logged in as "+testOwner)
		wantLine(t, r.stdout, "warn", "capture", "test message removed") // sent over the pinned connection
	}
	t.Logf("check with pins:\n%s", r.stdout)

	if err := s.m.dc.Deliver(testOwner, "INBOX", genMail("pinned")(1)); err != nil {
		t.Fatal(err)
	}
	passComplete(t, s.m.run(t, "run", "--once"))
	if n := s.m.statusCounts(t)["INBOX"]; n != 1 {
		t.Errorf("run --once over the pinned connection recorded %d INBOX messages, want 1", n)
	}
}

func TestCheckSaysAMalformedPinIsAConfigError(t *testing.T) {
	s := newSelfSigned(t)
	s.configure(t, "tls", "5E:1B:0F:AA", "")
	r := s.m.run(t, "check")
	if r.code != 2 || !strings.Contains(r.stderr, "imap.tls.pin: must start with sha256/") {
		t.Fatalf("check with a fingerprint for a pin: exit %d, want 2 naming imap.tls.pin\n%s%s", r.code, r.stdout, r.stderr)
	}
}
