package msgtext

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/emersion/go-message/charset"
	"golang.org/x/text/encoding/charmap"
)

// toUTF8 decodes text in the named charset. ISO-8859-1 and US-ASCII are
// read as Windows-1252 (its superset, which is what mislabelled mail from
// Windows really is); text labelled as a single-byte charset that is valid
// multi-byte UTF-8 is read as UTF-8. problem is empty when the label could
// be honoured.
func toUTF8(b []byte, label string) (string, string) {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	name := strings.ToLower(strings.Trim(strings.TrimSpace(label), `"'`))
	switch name {
	case "", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "us":
		if utf8.Valid(b) {
			return string(b), ""
		}
		return decode1252(b), ""
	case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8":
		if utf8.Valid(b) {
			return string(b), ""
		}
		if hasUTF8Sequence(b) {
			return strings.ToValidUTF8(string(b), "\uFFFD"), "invalid UTF-8"
		}
		return decode1252(b), "text labelled UTF-8 is not UTF-8, read as Windows-1252"
	case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ibm819",
		"windows-1252", "cp1252", "x-cp1252", "win-1252":
		if looksUTF8(b) {
			return string(b), "text labelled " + name + " is UTF-8"
		}
		return decode1252(b), ""
	case "iso-8859-15", "iso8859-15", "iso_8859-15", "latin9", "latin-9", "l9":
		if looksUTF8(b) {
			return string(b), "text labelled " + name + " is UTF-8"
		}
		s, err := charmap.ISO8859_15.NewDecoder().Bytes(b)
		if err != nil {
			return decode1252(b), ""
		}
		return validUTF8(string(s)), ""
	}
	r, err := charset.Reader(name, bytes.NewReader(b))
	if err != nil {
		if utf8.Valid(b) {
			return string(b), "unknown charset " + quoteShort(label)
		}
		return decode1252(b), "unknown charset " + quoteShort(label) + ", read as Windows-1252"
	}
	out, err := io.ReadAll(io.LimitReader(r, 4*int64(len(b))+16))
	if err != nil {
		return validUTF8(string(out)), "cannot decode charset " + quoteShort(label)
	}
	return validUTF8(string(out)), ""
}

// decode1252 reads bytes as Windows-1252, which never fails.
func decode1252(b []byte) string {
	s, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return validUTF8(string(s))
}

// looksUTF8 reports valid UTF-8 that holds at least one multi-byte
// sequence: single-byte text practically never does.
func looksUTF8(b []byte) bool {
	return utf8.Valid(b) && hasUTF8Sequence(b)
}

// hasUTF8Sequence reports whether b contains at least one valid multi-byte
// UTF-8 sequence.
func hasUTF8Sequence(b []byte) bool {
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r != utf8.RuneError && n > 1 {
			return true
		}
		i += n
	}
	return false
}

var metaCharsetRe = regexp.MustCompile(`(?i)<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]{1,40})`)

// sniffHTMLCharset finds a charset declared in an HTML <meta> tag near the
// start of the document.
func sniffHTMLCharset(b []byte) string {
	if len(b) > 4096 {
		b = b[:4096]
	}
	if m := metaCharsetRe.FindSubmatch(b); m != nil {
		return string(m[1])
	}
	return ""
}

// charsetReader converts RFC 2047 encoded words to UTF-8 for
// mime.WordDecoder, reading ISO-8859-1 as Windows-1252.
func charsetReader(label string, input io.Reader) (io.Reader, error) {
	b, err := io.ReadAll(io.LimitReader(input, maxHeaderValue))
	if err != nil {
		return nil, err
	}
	s, problem := toUTF8(b, label)
	if strings.HasPrefix(problem, "unknown charset") {
		return nil, fmt.Errorf("msgtext: %s", problem)
	}
	return strings.NewReader(s), nil
}
