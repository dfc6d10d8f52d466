package msgtext

import (
	"strings"
	"testing"
	"time"
)

// hostileInputs are maximal inputs built to make a parser slow or
// hungry; each must be handled in bounded time.
func hostileInputs() map[string][]byte {
	n := MaxInput
	rep := func(s string) string { return strings.Repeat(s, n/len(s)) }
	return map[string][]byte{
		"HTMLNestedBlockquotes": []byte("Content-Type: text/html\r\n\r\n" + rep("<blockquote>")),
		"HTMLManyLinks":         []byte("Content-Type: text/html\r\n\r\n" + rep(`<a href="https://x.example/">y</a>`)),
		"HTMLUnclosedTags":      []byte("Content-Type: text/html\r\n\r\n" + rep("<p><b><i>a ")),
		"QuotedPrintable":       []byte("Content-Transfer-Encoding: quoted-printable\r\n\r\n" + rep("=3D=\r\n")),
		"Base64Garbage":         []byte("Content-Transfer-Encoding: base64\r\n\r\n" + rep("!@#$")),
		"HeaderLines":           []byte(rep("X-A: b\r\n")),
		"FoldedHeader":          []byte("Subject: a\r\n" + rep(" b\r\n")),
		"BoundaryLookalikes":    []byte("Content-Type: multipart/mixed; boundary=a\r\n\r\n" + rep("--ab\r\n")),
		"EmptyParts":            []byte("Content-Type: multipart/mixed; boundary=a\r\n\r\n" + rep("--a\r\n")),
		"NestedMultiparts":      []byte(rep("Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n")),
		"EncodedFilenames":      []byte("Content-Type: multipart/mixed; boundary=a\r\n\r\n" + rep("--a\r\nContent-Type: application/x; name==?utf-8?q?=3D=3F?=\r\n\r\nx\r\n")),
		"Attributions":          []byte(rep("On Mon Ada wrote:\n")),
		"HeaderBlocks":          []byte(rep("From: a\nSent: b\nTo: c\n")),
		"LongLine":              []byte(rep("word ")),
		"Latin1":                []byte("Content-Type: text/plain; charset=iso-8859-1\r\n\r\n" + rep("\xe9\x80")),
	}
}

func TestHostileInputsAreBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	for name, raw := range hostileInputs() {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			x, _ := Extract(raw)
			checkText(t, x)
			Excerpt(x.Plain, 300)
			Excerpt(string(raw), 300)
			ThanksInFirstLines(string(raw))
			OutOfOffice(string(raw), string(raw))
			if f, ok := Forward(x, "Fwd: x"); ok {
				checkForwarded(t, f)
			}
			if f, ok := Forward(&Text{Plain: string(raw)}, "Fwd: x"); ok {
				checkForwarded(t, f)
			}
			if d := time.Since(start); d > 20*time.Second {
				t.Errorf("took %v", d)
			}
			t.Logf("%v", time.Since(start))
		})
	}
}
