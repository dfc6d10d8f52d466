package mailnet

import (
	"crypto/tls"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTLSConfigVerifiesTheHostWithModernTLS(t *testing.T) {
	cfg, err := TLSConfig(Settings{Section: "imap", Host: "mail.example.org"})
	if err != nil || cfg.ServerName != "mail.example.org" || cfg.MinVersion != tls.VersionTLS12 || cfg.InsecureSkipVerify || cfg.RootCAs != nil || cfg.VerifyConnection != nil {
		t.Fatalf("%+v, %v", cfg, err)
	}
}

func TestTLSConfigSaysWhichSettingIsWrong(t *testing.T) {
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk.pem")
	if err := os.WriteFile(junk, []byte("not a certificate"), 0o600); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		filepath.Join(dir, "missing.pem"): "read smtp.ca_file",
		junk:                              "smtp.ca_file: " + junk + " holds no PEM certificate",
	} {
		if _, err := TLSConfig(Settings{Section: "smtp", Host: "mail.example.org", CAFile: file}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", file, err, want)
		}
	}
	if _, err := TLSConfig(Settings{Section: "smtp", Host: "mail.example.org", Pin: "sha256/short"}); err == nil || !strings.Contains(err.Error(), "smtp.tls.pin: must be sha256/") {
		t.Errorf("a malformed pin: %v", err)
	}
}

// A pin skips the usual verification only together with its own check,
// and then never reads ca_file.
func TestTLSConfigWithAPinChecksThePinOnly(t *testing.T) {
	cfg, err := TLSConfig(Settings{Section: "imap", Host: "mail.example.org", CAFile: "/nonexistent.pem", Pin: "sha256//" + strings.Repeat("A", 43) + "="})
	if err != nil {
		t.Fatal(err)
	}
	if !cfg.InsecureSkipVerify || cfg.VerifyConnection == nil || cfg.ServerName != "mail.example.org" {
		t.Fatalf("pinned config: %+v", cfg)
	}
	if err := cfg.VerifyConnection(tls.ConnectionState{}); err == nil {
		t.Fatal("VerifyConnection accepts a server without a certificate")
	}
}
