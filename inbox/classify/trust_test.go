package classify_test

import (
	"strings"
	"testing"

	"gratitude/inbox/classify"
)

// trustHeader builds a fetched header block whose Authentication-Results
// fields are ars, topmost first.
func trustHeader(ars ...string) *classify.Header {
	var b strings.Builder
	for _, ar := range ars {
		b.WriteString("Authentication-Results: " + ar + "\r\n")
	}
	b.WriteString("From: Ada <ada@example.org>\r\nSubject: Re: [#42] approve\r\n\r\n")
	h := classify.ParseHeader([]byte(b.String()))
	return &h
}

func TestDKIMPassForTrustsOnlyTheServersTopmostField(t *testing.T) {
	const (
		server = "mx.example.org"
		pass   = "mx.example.org; dkim=pass header.d=example.org header.s=s1; spf=pass smtp.mailfrom=ada@example.org"
		fail   = "mx.example.org; dkim=fail header.d=example.org"
		none   = "mx.example.org; none"
	)
	tests := []struct {
		name   string
		h      *classify.Header
		authID string
		domain string
		want   bool
	}{
		{"pass", trustHeader(pass), server, "example.org", true},
		{"pass with comments and version", trustHeader("mx.example.org 1; dkim=pass (2048-bit rsa key sha256; secure) header.d=example.org header.i=@example.org header.b=\"abc\";\r\n spf=pass (sender designates 192.0.2.1; ok) smtp.mailfrom=ada@example.org"), server, "example.org", true},
		{"authserv-id comment", trustHeader("mx.example.org (Postfix); dkim=pass header.d=example.org"), server, "example.org", true},
		{"case-insensitive", trustHeader("MX.Example.ORG; DKIM=PASS header.d=Example.Org"), server, "EXAMPLE.org", true},
		{"second signature passes", trustHeader("mx.example.org; dkim=fail header.d=example.org; dkim=pass header.d=example.org"), server, "example.org", true},
		{"fail", trustHeader(fail), server, "example.org", false},
		{"neutral", trustHeader("mx.example.org; dkim=neutral header.d=example.org"), server, "example.org", false},
		{"none", trustHeader(none), server, "example.org", false},
		{"pass for another domain", trustHeader("mx.example.org; dkim=pass header.d=evil.example"), server, "example.org", false},
		{"pass for a subdomain", trustHeader("mx.example.org; dkim=pass header.d=mail.example.org"), server, "example.org", false},
		{"pass for the parent", trustHeader("mx.example.org; dkim=pass header.d=org"), server, "example.org", false},
		{"pass for a look-alike", trustHeader("mx.example.org; dkim=pass header.d=example.org.evil.example"), server, "example.org", false},
		{"pass only in header.i", trustHeader("mx.example.org; dkim=pass header.d=evil.example header.i=@example.org"), server, "example.org", false},
		{"spf pass is not dkim", trustHeader("mx.example.org; spf=pass smtp.mailfrom=ada@example.org; dmarc=pass header.from=example.org"), server, "example.org", false},
		{"sender's pass below a server fail", trustHeader(fail, pass), server, "example.org", false},
		{"sender's pass below a server none", trustHeader(none, pass), server, "example.org", false},
		{"forged right id below another server's", trustHeader("relay.example.net; dkim=pass header.d=example.org", pass), server, "example.org", false},
		{"other server on top", trustHeader("relay.example.net; dkim=pass header.d=example.org"), server, "example.org", false},
		{"no field", trustHeader(), server, "example.org", false},
		{"empty authserv-id", trustHeader(pass), "", "example.org", false},
		{"blank authserv-id", trustHeader(pass), "  ", "example.org", false},
		{"empty domain", trustHeader(pass), server, "", false},
		{"id prefix only", trustHeader("mx.example.org.evil.example; dkim=pass header.d=example.org"), server, "example.org", false},
		{"nil header", nil, server, "example.org", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := classify.DKIMPassFor(tt.h, tt.authID, tt.domain); got != tt.want {
				t.Errorf("DKIMPassFor = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestDKIMPassForMalformedFieldsTrustNothing(t *testing.T) {
	for _, ar := range []string{
		"",
		";",
		"mx.example.org",
		"mx.example.org 2; dkim=pass header.d=example.org",
		"mx.example.org; dkim",
		"mx.example.org; dkim=pass header.d=example.org; garbage",
		"mx.example.org; dkim=pass (unclosed comment header.d=example.org",
		"mx.example.org; =pass header.d=example.org",
		"mx.example.org; arc=pass header.oldest-pass=x; dkim=pass header.d=example.org",
		"\x00\xff; dkim=pass header.d=example.org",
		"(((((; )))))\\",
		`mx.example.org; dkim=pass header.d="example.org`,
	} {
		if classify.DKIMPassFor(trustHeader(ar), "mx.example.org", "example.org") {
			t.Errorf("%q: trusted", ar)
		}
	}
	broken := classify.ParseHeader([]byte("Authentication-Results mx.example.org; dkim=pass header.d=example.org\r\n\r\n"))
	if classify.DKIMPassFor(&broken, "mx.example.org", "example.org") {
		t.Error("a line without a colon was trusted")
	}
}

func FuzzDKIMPassFor(f *testing.F) {
	for _, s := range []string{
		"mx.example.org; dkim=pass header.d=example.org",
		"mx.example.org 1; dkim=pass (2048-bit; x) header.d=example.org; spf=pass",
		"mx.example.org; none",
		`mx.example.org; dkim=pass header.d="a\"b" (c\)d`,
		"(((",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ar string) {
		h := trustHeader(ar)
		classify.DKIMPassFor(h, "mx.example.org", "example.org")
	})
}

func TestDKIMPassForAcceptsGmailsHeaderIOnly(t *testing.T) {
	h := classify.ParseHeader([]byte("Authentication-Results: mx.google.com;\r\n dkim=pass header.i=@example.org header.s=20230601 header.b=abc;\r\n spf=pass smtp.mailfrom=ada@example.org\r\nFrom: ada@example.org\r\n\r\n"))
	if !classify.DKIMPassFor(&h, "mx.google.com", "example.org") {
		t.Error("dkim=pass with header.i=@example.org was not believed")
	}
	if classify.DKIMPassFor(&h, "mx.google.com", "example.com") {
		t.Error("header.i of another domain was believed")
	}
}
