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

// ServerCert is a certificate and its private key, for a test server to
// present instead of the one it would generate.
type ServerCert struct {
	CertPEM, KeyPEM []byte
	Cert            *x509.Certificate // CertPEM, parsed
}

// NewServerCert signs tmpl with itself under a new ECDSA P-256 key: a
// self-signed certificate saying exactly what tmpl says (a random serial
// when tmpl has none), so a test can make one without subjectAltName,
// expired, or for another host.
func NewServerCert(tmpl *x509.Certificate) (*ServerCert, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("testmail: generate key: %w", err)
	}
	t := *tmpl
	if t.SerialNumber == nil {
		if t.SerialNumber, err = rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127)); err != nil {
			return nil, fmt.Errorf("testmail: serial: %w", err)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, &t, &t, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("testmail: create certificate: %w", err)
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, fmt.Errorf("testmail: marshal key: %w", err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		return nil, fmt.Errorf("testmail: %w", err)
	}
	return &ServerCert{
		CertPEM: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		KeyPEM:  pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}),
		Cert:    cert,
	}, nil
}

// CommonNameOnly is a self-signed certificate valid for a day that names
// host only in its Common Name, without subjectAltName, as old openssl
// recipes make them (openssl req -x509 -subj /CN=host): Go refuses it
// for any host name, so only a pin can trust it.
func CommonNameOnly(host string) (*ServerCert, error) {
	now := time.Now()
	return NewServerCert(&x509.Certificate{
		Subject:     pkix.Name{CommonName: host},
		NotBefore:   now.Add(-time.Hour),
		NotAfter:    now.Add(24 * time.Hour),
		KeyUsage:    x509.KeyUsageDigitalSignature,
		ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	})
}

// TLS returns the certificate and key for a crypto/tls server.
func (c *ServerCert) TLS() (tls.Certificate, error) { return tls.X509KeyPair(c.CertPEM, c.KeyPEM) }

// loopbackTemplate is the certificate test servers present by default:
// valid for 24h for 127.0.0.1, ::1 and localhost, its own CA, so its PEM
// file doubles as the trust root.
func loopbackTemplate() *x509.Certificate {
	now := time.Now()
	return &x509.Certificate{
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
}

// selfSigned is a server's certificate and where it was written.
type selfSigned struct {
	certFile, keyFile string
	cert              tls.Certificate
	pool              *x509.CertPool
}

// newSelfSigned writes sc (nil: a new certificate from loopbackTemplate)
// as cert.pem and key.pem into dir.
func newSelfSigned(dir string, sc *ServerCert) (*selfSigned, error) {
	if sc == nil {
		var err error
		if sc, err = NewServerCert(loopbackTemplate()); err != nil {
			return nil, err
		}
	}
	s := &selfSigned{
		certFile: filepath.Join(dir, "cert.pem"),
		keyFile:  filepath.Join(dir, "key.pem"),
		pool:     x509.NewCertPool(),
	}
	if err := os.WriteFile(s.certFile, sc.CertPEM, 0o644); err != nil {
		return nil, fmt.Errorf("testmail: %w", err)
	}
	if err := os.WriteFile(s.keyFile, sc.KeyPEM, 0o600); err != nil {
		return nil, fmt.Errorf("testmail: %w", err)
	}
	var err error
	if s.cert, err = sc.TLS(); err != nil {
		return nil, fmt.Errorf("testmail: %w", err)
	}
	s.pool.AppendCertsFromPEM(sc.CertPEM)
	return s, nil
}

// clientConfig returns a client TLS config that trusts only this certificate.
func (s *selfSigned) clientConfig() *tls.Config {
	if s == nil {
		return nil
	}
	return &tls.Config{RootCAs: s.pool, ServerName: "127.0.0.1"}
}
