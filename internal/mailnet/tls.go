package mailnet

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
)

// Settings is how one mail connection trusts its server.
type Settings struct {
	// Section is the config section the settings come from, "imap" or
	// "smtp": errors name its keys (imap.ca_file, imap.tls.pin).
	Section string
	Host    string
	// CAFile holds PEM certificates trusted besides the system's roots
	// ("" = the system's alone). Not read when Pin is set.
	CAFile string
	// Pin is the sha256/BASE64 of the server's public key ("" = none).
	// When set, it alone decides: host name, dates and CA are not checked.
	Pin string
}

// TLSConfig is how gratitude verifies a mail server, with TLS 1.2 or
// later: by its pin when s.Pin is set, otherwise by its host name and the
// system's roots plus the PEM certificates in s.CAFile.
func TLSConfig(s Settings) (*tls.Config, error) {
	cfg := &tls.Config{ServerName: s.Host, MinVersion: tls.VersionTLS12}
	if s.Pin != "" {
		return s.pinned(cfg)
	}
	if s.CAFile == "" {
		return cfg, nil
	}
	key := s.Section + ".ca_file"
	pem, err := os.ReadFile(s.CAFile)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w; check the path, or remove %s to use the system's certificates", key, err, key)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s: %s holds no PEM certificate", key, s.CAFile)
	}
	cfg.RootCAs = pool
	return cfg, nil
}

// pinned turns off the usual verification, and only together with the
// check of the leaf's public key against s.Pin, which VerifyConnection
// runs on every handshake (resumed ones included).
func (s Settings) pinned(cfg *tls.Config) (*tls.Config, error) {
	want, err := ParsePin(s.Pin)
	if err != nil {
		return nil, fmt.Errorf("%s.tls.pin: %w", s.Section, err)
	}
	cfg.InsecureSkipVerify = true
	cfg.VerifyConnection = func(cs tls.ConnectionState) error {
		if len(cs.PeerCertificates) == 0 {
			return &PinError{Section: s.Section, Want: want}
		}
		if got := PinOf(cs.PeerCertificates[0]); got != want {
			return &PinError{Section: s.Section, Want: want, Got: got}
		}
		return nil
	}
	return cfg, nil
}
