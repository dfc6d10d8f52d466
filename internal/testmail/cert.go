package testmail

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"time"
)

// selfSigned is a generated loopback certificate and where it was written.
type selfSigned struct {
	certFile, keyFile string
	cert              tls.Certificate
	pool              *x509.CertPool
}

// newSelfSigned creates an ECDSA P-256 self-signed certificate valid for 24h
// for 127.0.0.1, ::1 and localhost, and writes cert.pem/key.pem into dir.
// The certificate is its own CA, so the PEM file doubles as the trust root.
func newSelfSigned(dir string) (*selfSigned, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("testmail: generate key: %w", err)
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	if err != nil {
		return nil, fmt.Errorf("testmail: serial: %w", err)
	}
	now := time.Now()
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{Organization: []string{"gratitude testmail"}, CommonName: "localhost"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		DNSNames:              []string{"localhost"},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("testmail: create certificate: %w", err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("testmail: marshal key: %w", err)
	}
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	keyPEM := pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER})

	s := &selfSigned{
		certFile: filepath.Join(dir, "cert.pem"),
		keyFile:  filepath.Join(dir, "key.pem"),
		pool:     x509.NewCertPool(),
	}
	if err := os.WriteFile(s.certFile, certPEM, 0o644); err != nil {
		return nil, fmt.Errorf("testmail: %w", err)
	}
	if err := os.WriteFile(s.keyFile, keyPEM, 0o600); err != nil {
		return nil, fmt.Errorf("testmail: %w", err)
	}
	if s.cert, err = tls.X509KeyPair(certPEM, keyPEM); err != nil {
		return nil, fmt.Errorf("testmail: %w", err)
	}
	s.pool.AppendCertsFromPEM(certPEM)
	return s, nil
}

// clientConfig returns a client TLS config that trusts only this certificate.
func (s *selfSigned) clientConfig() *tls.Config {
	if s == nil {
		return nil
	}
	return &tls.Config{RootCAs: s.pool, ServerName: "127.0.0.1"}
}
