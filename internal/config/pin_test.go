package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gratitude/internal/testmail"
)

const emptyPin = "sha256/47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="

func TestPinsLoadInTheirOneForm(t *testing.T) {
	cfg := mustParse(t, minimal+`  security: starttls
  tls: {pin: "sha256//47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="}
`, env())
	if cfg.SMTP.TLS.Pin != emptyPin || cfg.IMAP.TLS.Pin != "" {
		t.Errorf("smtp.tls.pin = %q, imap.tls.pin = %q; want curl's sha256// read as %s, and no IMAP pin", cfg.SMTP.TLS.Pin, cfg.IMAP.TLS.Pin, emptyPin)
	}
	if len(cfg.Warnings) != 0 {
		t.Errorf("warnings: %q", cfg.Warnings)
	}
}

func TestMalformedPinsAreNamed(t *testing.T) {
	errs := parseErrors(t, `
owner: {email: ada@example.org}
imap: {host: imap.example.org, password: x, tls: {pin: "AB:CD:EF"}}
smtp: {host: smtp.example.org, tls: {pin: "sha256/c2hvcnQ="}}
`, env())
	wantProblem(t, errs, "imap.tls.pin", "must start with sha256/", "gratitude check")
	wantProblem(t, errs, "smtp.tls.pin", "standard base64 of a SHA-256")
	errs = parseErrors(t, minimal+"  tls: "+emptyPin+"\n", env())
	wantProblem(t, errs, "smtp.tls", "must be a section of keys (smtp.tls.pin)")
}

func TestAPinWithNothingToPinOrBesideACAFileIsAWarning(t *testing.T) {
	cert, err := testmail.CommonNameOnly("mail.example.org")
	if err != nil {
		t.Fatal(err)
	}
	ca := filepath.Join(t.TempDir(), "ca.pem")
	if err := os.WriteFile(ca, cert.CertPEM, 0o600); err != nil {
		t.Fatal(err)
	}
	cfg := mustParse(t, `
owner: {email: ada@example.org}
imap: {host: imap.example.org, password: x, ca_file: `+ca+`, tls: {pin: `+emptyPin+`}}
smtp: {host: localhost, security: insecure, tls: {pin: `+emptyPin+`}}
`, env())
	got := strings.Join(cfg.Warnings, "\n")
	for _, want := range []string{
		"imap.ca_file: not used while imap.tls.pin is set",
		"smtp.tls.pin: not used: smtp.security is insecure",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings %q do not say %q", got, want)
		}
	}
}
