package mailnet

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
)

// TLSConfig is how gratitude verifies a mail server: its host name, TLS
// 1.2 or later, and the system's roots plus the PEM certificates in caFile
// ("" = the system's alone). key names the setting caFile came from
// (imap.ca_file), for the error.
func TLSConfig(host, caFile, key string) (*tls.Config, error) {
	cfg := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if caFile == "" {
		return cfg, nil
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w; check the path, or remove %s to use the system's certificates", key, err, key)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s: %s holds no PEM certificate", key, caFile)
	}
	cfg.RootCAs = pool
	return cfg, nil
}
