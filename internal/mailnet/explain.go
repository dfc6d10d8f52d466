package mailnet

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net"
	"strings"
	"time"
)

// CertError is a server certificate that failed verification: why, in
// the owner's words, what to change, and the pin that would trust it.
type CertError struct {
	Section string // "imap" or "smtp"
	Cause   string // why it is not trusted, a sentence on "the certificate"
	Fix     string // what to change on either side, "" when nothing but a pin helps
	Pin     string // the pin of the certificate the server presented ("" if none)
	Err     error  // the verification error, a *tls.CertificateVerificationError
}

// Error says the cause, the fix and the pin to set, in that order.
func (e *CertError) Error() string {
	msg := e.Cause
	if e.Fix != "" {
		msg += "; " + e.Fix
	}
	if e.Pin != "" {
		msg += fmt.Sprintf("; to trust this certificate, set %s.tls.pin: %s", e.Section, e.Pin)
	}
	return msg
}

// Unwrap returns the verification error.
func (e *CertError) Unwrap() error { return e.Err }

// Untrusted reports whether err is about trusting the server's
// certificate: a failed verification (explained or not) or a pin that
// does not match.
func Untrusted(err error) bool {
	var ve *tls.CertificateVerificationError
	var pe *PinError
	return errors.As(err, &ve) || errors.As(err, &pe)
}

// Explain returns the trust problem in err in the owner's words: the
// *PinError or *CertError it holds, or a *CertError naming the cause of
// a failed verification from the x509 error types. It returns nil when
// err is not about trusting the server's certificate.
func (s Settings) Explain(err error) error {
	var pe *PinError
	var ce *CertError
	var ve *tls.CertificateVerificationError
	switch {
	case errors.As(err, &pe):
		return pe
	case errors.As(err, &ce):
		return ce
	case !errors.As(err, &ve):
		return nil
	}
	e := &CertError{Section: s.Section, Err: ve}
	var leaf *x509.Certificate
	if len(ve.UnverifiedCertificates) > 0 {
		leaf = ve.UnverifiedCertificates[0]
		e.Pin = PinOf(leaf)
	}
	e.Cause, e.Fix = s.cause(ve.Err, leaf)
	return e
}

// cause names why verification failed and what to change, by the x509
// error type. Go checks the dates first, then the host name, then the
// chain, so the first problem a certificate has is the one named.
func (s Settings) cause(err error, leaf *x509.Certificate) (cause, fix string) {
	var he x509.HostnameError
	var ie x509.CertificateInvalidError
	var ue x509.UnknownAuthorityError
	switch {
	case errors.As(err, &he) && he.Certificate != nil:
		return s.hostCause(he.Certificate)
	case errors.As(err, &ie) && ie.Reason == x509.Expired && ie.Cert != nil:
		return dateCause(ie.Cert, leaf, time.Now())
	case errors.As(err, &ue) && ue.Cert != nil:
		return s.authorityCause(ue.Cert)
	}
	return err.Error(), ""
}

// hostCause: the certificate is not for s.Host.
func (s Settings) hostCause(cert *x509.Certificate) (cause, fix string) {
	names := certNames(cert)
	if len(names) == 0 && cert.Subject.CommonName != "" {
		kind := "DNS"
		if net.ParseIP(s.Host) != nil {
			kind = "IP"
		}
		return fmt.Sprintf("the certificate names the host only in its Common Name (CN=%s), which Go no longer accepts: "+
				"it has no subjectAltName for %s", cert.Subject.CommonName, s.Host),
			fmt.Sprintf("reissue it on the server with subjectAltName=%s:%s", kind, s.Host)
	}
	if len(names) == 0 {
		return "the certificate names no host at all", fmt.Sprintf("reissue it on the server for %s", s.Host)
	}
	return fmt.Sprintf("the certificate is for %s, not for %s", strings.Join(names, ", "), s.Host),
		fmt.Sprintf("set %s.host to one of those names", s.Section)
}

// certNames lists the host names and addresses cert is valid for.
func certNames(cert *x509.Certificate) []string {
	names := append([]string(nil), cert.DNSNames...)
	for _, ip := range cert.IPAddresses {
		names = append(names, ip.String())
	}
	return names
}

// dateCause: cert (the leaf or one above it) is expired or not yet valid
// at now, the time the handshake checked against.
func dateCause(cert, leaf *x509.Certificate, now time.Time) (cause, fix string) {
	const day = "2006-01-02 15:04 MST"
	which := "the certificate"
	if leaf != nil && !cert.Equal(leaf) {
		which = fmt.Sprintf("the certificate of %q in the server's chain", cert.Subject.CommonName)
	}
	valid := fmt.Sprintf("valid from %s to %s", cert.NotBefore.UTC().Format(day), cert.NotAfter.UTC().Format(day))
	if now.Before(cert.NotBefore) {
		return fmt.Sprintf("%s is not valid yet (%s)", which, valid), "check this machine's clock, or the server's certificate"
	}
	return fmt.Sprintf("%s expired on %s (%s)", which, cert.NotAfter.UTC().Format(day), valid),
		"renew it on the server (or check this machine's clock)"
}

// authorityCause: no trusted authority signed cert. With a ca_file, the
// file is the thing to check, not to set.
func (s Settings) authorityCause(cert *x509.Certificate) (cause, fix string) {
	signer := fmt.Sprintf("signed by %q", issuerName(cert))
	if bytes.Equal(cert.RawIssuer, cert.RawSubject) {
		signer = "self-signed"
	}
	key := s.Section + ".ca_file"
	if s.CAFile == "" {
		return fmt.Sprintf("the certificate is %s, and no authority this machine trusts signed it", signer),
			fmt.Sprintf("set %s to the PEM certificate of the authority that signed it (for a self-signed certificate, the certificate itself)", key)
	}
	return fmt.Sprintf("the certificate is %s, and neither the certificates in %s (%s) nor the system's signed it", signer, key, s.CAFile),
		fmt.Sprintf("check that %s holds the certificate of the authority that signed the server's "+
			"(for a self-signed certificate, that very certificate: the server may have a new one)", s.CAFile)
}

// issuerName is the issuer's common name, or its whole name without one.
func issuerName(cert *x509.Certificate) string {
	if cert.Issuer.CommonName != "" {
		return cert.Issuer.CommonName
	}
	return cert.Issuer.String()
}
