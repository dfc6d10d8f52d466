package mailnet

import (
	"crypto/tls"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestTLSConfigVerifiesTheHostWithModernTLS(t *testing.T) {
	cfg, err := TLSConfig("mail.example.org", "", "imap.ca_file")
	if err != nil || cfg.ServerName != "mail.example.org" || cfg.MinVersion != tls.VersionTLS12 || cfg.InsecureSkipVerify || cfg.RootCAs != nil {
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
		if _, err := TLSConfig("mail.example.org", file, "smtp.ca_file"); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", file, err, want)
		}
	}
}
