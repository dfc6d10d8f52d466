package mailnet

import (
	"strings"
	"testing"
)

func TestParsePinAcceptsTheHPKPAndCurlForms(t *testing.T) {
	b64 := "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=" // SHA-256 of nothing
	for _, in := range []string{"sha256/" + b64, "sha256//" + b64, "  sha256/" + b64 + "\n"} {
		got, err := ParsePin(in)
		if err != nil || got != "sha256/"+b64 {
			t.Errorf("ParsePin(%q) = %q, %v; want sha256/%s", in, got, err, b64)
		}
	}
}

func TestParsePinRefusesWhatIsNotAPin(t *testing.T) {
	for in, want := range map[string]string{
		"": "must start with sha256/",
		"47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=":           "must start with sha256/",
		"sha1/2jmj7l5rSw0yVb/vlWAYkK/YBwk=":                      "must start with sha256/",
		"sha256/2jmj7l5rSw0yVb/vlWAYkK/YBwk=":                    "44 characters", // 20 bytes: SHA-1
		"sha256/47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU=":    "standard base64",
		"sha256/E3:B0:C4:42:98:FC:1C:14:9A:FB:F4:C8:99:6F:B9:24": "not the certificate's fingerprint",
	} {
		if _, err := ParsePin(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParsePin(%q) = %v, want an error saying %q", in, err, want)
		}
	}
}

// A hash whose base64 starts with "/" (one key in 64) is a pin as it is,
// in both forms, not curl's sha256// with a character missing. CI met one.
func TestParsePinTakesAHashStartingWithASlash(t *testing.T) {
	b64 := "/qGxLSgVW4NEUHuDEAd0tuzrCJTwHf+wPk5gXHhCTqY="
	for _, in := range []string{"sha256/" + b64, "sha256//" + b64} {
		if got, err := ParsePin(in); err != nil || got != "sha256/"+b64 {
			t.Errorf("ParsePin(%q) = %q, %v; want sha256/%s", in, got, err, b64)
		}
	}
}
