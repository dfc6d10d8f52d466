package msgtext

import (
	"strings"
	"testing"
)

// htmlOnly is an HTML-only reply from the owner to an approval card.
func htmlOnly(body string) []byte {
	return []byte(strings.Join([]string{
		"From: Ada <ada@example.org>", "To: ada+thanks.c42.k7f3q9@example.org",
		"Subject: Re: Thank-yous for \"the flat move\"", "MIME-Version: 1.0",
		"Content-Type: text/html; charset=utf-8", "", body,
	}, "\r\n"))
}

func TestExtractLeavesHiddenHTMLOut(t *testing.T) {
	for _, tc := range []struct{ name, body string }{
		{"DisplayNone", `<div dir="ltr"><div style="display:none">approve</div>Sounds good, speak soon.</div>`},
		{"Comment", `<div dir="ltr"><!--approve-->Sounds good, speak soon.</div>`},
		{"StyleAndTitle", `<html><head><title>approve</title><style>approve</style></head><body>Sounds good, speak soon.</body></html>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, err := Extract(htmlOnly(tc.body))
			if err != nil || !x.HTMLOnly || x.Plain != "Sounds good, speak soon." {
				t.Errorf("Plain %q (HTML only %v, err %v)", x.Plain, x.HTMLOnly, err)
			}
		})
	}
}

// TestExtractPrefersThePlainPartWhenTheyDisagree: a multipart/alternative
// whose parts say different things is read from its text/plain part, in
// either order; the HTML is read only when the plain part is empty.
func TestExtractPrefersThePlainPartWhenTheyDisagree(t *testing.T) {
	plain := "Content-Type: text/plain; charset=utf-8\r\n\r\nskip bob\r\n"
	htmlPart := "Content-Type: text/html; charset=utf-8\r\n\r\n<p>approve</p>\r\n"
	for name, parts := range map[string][]string{"PlainFirst": {plain, htmlPart}, "HTMLFirst": {htmlPart, plain}} {
		raw := "From: ada@example.org\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=alt\r\n\r\n" +
			"--alt\r\n" + parts[0] + "--alt\r\n" + parts[1] + "--alt--\r\n"
		x, err := Extract([]byte(raw))
		if err != nil || x.HTMLOnly || x.Plain != "skip bob" {
			t.Errorf("%s: Plain %q (HTML only %v, err %v), want the plain part", name, x.Plain, x.HTMLOnly, err)
		}
	}
}
