package config

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
)

// TLSConfig returns the TLS settings for the IMAP server: its host name,
// TLS 1.2 or later, and the roots from imap.ca_file added to the system's.
func (c *IMAP) TLSConfig() (*tls.Config, error) { return tlsConfig(c.Host, c.CAFile, "imap.ca_file") }

// TLSConfig returns the TLS settings for the SMTP server, like IMAP.TLSConfig.
func (c *SMTP) TLSConfig() (*tls.Config, error) { return tlsConfig(c.Host, c.CAFile, "smtp.ca_file") }

func tlsConfig(host, caFile, key string) (*tls.Config, error) {
	cfg := &tls.Config{ServerName: host, MinVersion: tls.VersionTLS12}
	if caFile == "" {
		return cfg, nil
	}
	pem, err := os.ReadFile(caFile)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", key, err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Errorf("%s: %s contains no PEM certificate", key, caFile)
	}
	cfg.RootCAs = pool
	return cfg, nil
}
