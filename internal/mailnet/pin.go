package mailnet

import (
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"fmt"
	"strings"
)

// pinPrefix starts every pin: the hash, as HPKP and OkHttp name it.
const pinPrefix = "sha256/"

// ParsePin checks that s is a pin, sha256/ and the standard base64 of a
// SHA-256, and returns it in that form. curl's --pinnedpubkey form,
// sha256//BASE64, is accepted too.
func ParsePin(s string) (string, error) {
	s = strings.TrimSpace(s)
	b64, ok := strings.CutPrefix(s, pinPrefix)
	if !ok {
		return "", fmt.Errorf("must start with %s, got %q; `gratitude check` prints the pin of the certificate the server presents", pinPrefix, s)
	}
	sum, err := decodeHash(b64)
	if err != nil && strings.HasPrefix(b64, "/") {
		// curl writes sha256//BASE64; a hash whose base64 starts with "/"
		// is read as it is first.
		b64 = b64[1:]
		sum, err = decodeHash(b64)
	}
	if err != nil || len(sum) != sha256.Size {
		return "", fmt.Errorf("must be %s and the standard base64 of a SHA-256 (44 characters ending in =), got %q; "+
			"it is the hash of the server's public key, not the certificate's fingerprint", pinPrefix, s)
	}
	return pinPrefix + b64, nil
}

// decodeHash reads the standard base64 of a SHA-256.
func decodeHash(b64 string) ([]byte, error) {
	sum, err := base64.StdEncoding.Strict().DecodeString(b64)
	if err == nil && len(sum) != sha256.Size {
		err = fmt.Errorf("%d bytes, not %d", len(sum), sha256.Size)
	}
	return sum, err
}

// PinOf is the pin of cert: the SHA-256 of its SubjectPublicKeyInfo, the
// same for every certificate issued for the same key.
func PinOf(cert *x509.Certificate) string {
	sum := sha256.Sum256(cert.RawSubjectPublicKeyInfo)
	return pinPrefix + base64.StdEncoding.EncodeToString(sum[:])
}

// PinError is a server whose public key is not the pinned one.
type PinError struct {
	Section string // "imap" or "smtp"
	Want    string // the configured pin
	Got     string // the pin of the key the server presented, "" if none
}

// Error names both pins, and what to do when the key changed on purpose.
func (e *PinError) Error() string {
	key := e.Section + ".tls.pin"
	if e.Got == "" {
		return fmt.Sprintf("the server presented no certificate, so it cannot match %s %s", key, e.Want)
	}
	return fmt.Sprintf("the server's public key is %s, not %s %s: either its certificate was "+
		"renewed with a new key, or another server answers; if you renewed it, check the new pin on the "+
		"server and set %s: %s", e.Got, key, e.Want, key, e.Got)
}
