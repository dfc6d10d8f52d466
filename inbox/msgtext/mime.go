package msgtext

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"net/textproto"
	"strings"

	"github.com/jhillyerd/enmime/v2"
	"github.com/jhillyerd/enmime/v2/mediatype"
)

// Header limits: a value handed to the media type parser, and a whole
// header block (real ones stay far below; the rest is dropped).
const (
	maxHeaderValue = 8 << 10
	maxHeaderBlock = 1 << 20
)

// splitHeader separates an entity's header block from its body. An entity
// whose first line is not a header field has no header at all (a part that
// forgot its blank line, or plain text handed to Extract); an mbox "From "
// line in front is skipped.
func splitHeader(raw []byte) (hdr, body []byte) {
	if bytes.HasPrefix(raw, []byte("From ")) {
		if i := bytes.IndexByte(raw, '\n'); i >= 0 {
			raw = raw[i+1:]
		} else {
			return nil, nil
		}
	}
	first := raw
	if i := bytes.IndexByte(raw, '\n'); i >= 0 {
		first = raw[:i]
	}
	if len(bytes.TrimSpace(first)) == 0 {
		// Blank first line: no header, the body follows.
		return nil, raw[len(first)+min(1, len(raw)-len(first)):]
	}
	if !isHeaderField(first) {
		return nil, raw
	}
	for pos := 0; pos < len(raw); {
		i := bytes.IndexByte(raw[pos:], '\n')
		if i < 0 {
			return raw, nil
		}
		next := pos + i + 1
		rest := raw[next:]
		switch {
		case bytes.HasPrefix(rest, []byte("\n")):
			return raw[:next], rest[1:]
		case bytes.HasPrefix(rest, []byte("\r\n")):
			return raw[:next], rest[2:]
		}
		pos = next
	}
	return raw, nil
}

// isHeaderField reports whether line starts with "Name:".
func isHeaderField(line []byte) bool {
	i := bytes.IndexByte(line, ':')
	if i <= 0 || i > 76 {
		return false
	}
	name := bytes.TrimRight(line[:i], " \t")
	if len(name) == 0 {
		return false
	}
	for _, c := range name {
		if c <= ' ' || c >= 0x7F {
			return false
		}
	}
	return true
}

// problemCollector counts header errors reported by enmime.
type problemCollector struct{ errors int }

// AddError implements enmime.ErrorCollector.
func (c *problemCollector) AddError(string, string, ...any) { c.errors++ }

// AddWarning implements enmime.ErrorCollector.
func (c *problemCollector) AddWarning(string, string, ...any) {}

// parseHeader reads a header block with enmime's tolerant reader. It never
// returns nil; bad is true when some fields were malformed.
func parseHeader(hdr []byte) (h textproto.MIMEHeader, bad bool) {
	if len(hdr) == 0 {
		return textproto.MIMEHeader{}, false
	}
	cut := false
	if len(hdr) > maxHeaderBlock {
		hdr = hdr[:maxHeaderBlock]
		if i := bytes.LastIndexByte(hdr, '\n'); i > 0 {
			hdr = hdr[:i+1]
		}
		cut = true
	}
	buf := make([]byte, 0, len(hdr)+4)
	buf = append(buf, hdr...)
	buf = append(buf, "\r\n\r\n"...)
	var c problemCollector
	h, err := enmime.ReadHeader(bufio.NewReader(bytes.NewReader(buf)), &c)
	if h == nil {
		h = textproto.MIMEHeader{}
	}
	return h, cut || err != nil || c.errors > 0
}

// headerValue returns the first value of a header field, whatever the case
// of its name.
func headerValue(h textproto.MIMEHeader, name string) string {
	if v := h.Get(name); v != "" {
		return v
	}
	for k, vs := range h {
		if strings.EqualFold(k, name) && len(vs) > 0 {
			return vs[0]
		}
	}
	return ""
}

// parseMediaType parses a Content-Type or Content-Disposition value with
// enmime's tolerant parser. The type and parameter names are lower-case.
func parseMediaType(v string) (string, map[string]string, bool) {
	v = strings.TrimSpace(truncate(v, maxHeaderValue))
	if v == "" {
		return "", map[string]string{}, true
	}
	mt, params, _, err := mediatype.Parse(v)
	if err != nil {
		// Fall back to the bare type before the first ";".
		mt, _, _ = strings.Cut(v, ";")
		return strings.ToLower(strings.TrimSpace(mt)), map[string]string{}, false
	}
	if params == nil {
		params = map[string]string{}
	}
	return strings.ToLower(mt), params, true
}

// splitMultipart cuts a multipart body into its parts. Delimiter lines
// must start a line; trailing white space after them is tolerated. closed
// reports whether the closing delimiter was seen.
func splitMultipart(body []byte, boundary string, limit int) (parts [][]byte, closed bool) {
	delim := []byte("--" + boundary)
	start := -1 // start of the current part's content
	for pos := 0; pos < len(body); {
		i := bytes.Index(body[pos:], delim)
		if i < 0 {
			break
		}
		at := pos + i
		pos = at + len(delim)
		if at > 0 && body[at-1] != '\n' {
			continue
		}
		end := bytes.IndexByte(body[pos:], '\n')
		lineEnd := len(body)
		if end >= 0 {
			lineEnd = pos + end
		}
		rest := bytes.TrimRight(body[pos:lineEnd], " \t\r")
		isClose := bytes.Equal(rest, []byte("--"))
		if len(rest) != 0 && !isClose {
			continue // a longer boundary that merely starts the same way
		}
		if start >= 0 {
			parts = append(parts, trimDelimiterNewline(body[start:at]))
			if len(parts) >= limit {
				return parts, false
			}
		}
		if isClose {
			return parts, true
		}
		start = min(lineEnd+1, len(body))
		pos = start
	}
	if start >= 0 {
		parts = append(parts, body[start:])
	}
	return parts, false
}

// trimDelimiterNewline removes the line break that belongs to the next
// delimiter line.
func trimDelimiterNewline(b []byte) []byte {
	b = bytes.TrimSuffix(b, []byte("\n"))
	return bytes.TrimSuffix(b, []byte("\r"))
}

// decodeTransfer undoes a Content-Transfer-Encoding. problem is empty when
// the body decoded cleanly.
func decodeTransfer(cte string, body []byte) (out []byte, problem string) {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "", "7bit", "8bit", "binary":
		return body, ""
	case "quoted-printable":
		return decodeQP(body), ""
	case "base64":
		return decodeBase64(body)
	default:
		return body, "unknown Content-Transfer-Encoding " + quoteShort(cte)
	}
}

// decodeQP decodes quoted-printable leniently: malformed escapes stay as
// they are, trailing white space is dropped, soft line breaks join lines.
func decodeQP(in []byte) []byte {
	out := make([]byte, 0, len(in))
	for len(in) > 0 {
		line := in
		nl := bytes.IndexByte(in, '\n')
		hasNL := nl >= 0
		if hasNL {
			line, in = in[:nl], in[nl+1:]
		} else {
			in = nil
		}
		line = bytes.TrimRight(line, " \t\r")
		soft := bytes.HasSuffix(line, []byte("="))
		if soft {
			line = line[:len(line)-1]
		}
		for i := 0; i < len(line); i++ {
			c := line[i]
			if c == '=' && i+2 < len(line) && isHex(line[i+1]) && isHex(line[i+2]) {
				out = append(out, unhex(line[i+1])<<4|unhex(line[i+2]))
				i += 2
				continue
			}
			out = append(out, c)
		}
		if hasNL && !soft {
			out = append(out, '\n')
		}
	}
	return out
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case '0' <= c && c <= '9':
		return c - '0'
	case 'a' <= c && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// decodeBase64 decodes base64 leniently: white space and stray characters
// are skipped, padding may be missing, a broken tail is dropped.
func decodeBase64(in []byte) ([]byte, string) {
	clean := make([]byte, 0, len(in))
	stray := false
	for _, c := range in {
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '+', c == '/':
			clean = append(clean, c)
		case c == '=', c == ' ', c == '\t', c == '\r', c == '\n':
		default:
			stray = true
		}
	}
	problem := ""
	if len(clean)%4 == 1 {
		clean = clean[:len(clean)-1]
		problem = "truncated base64"
	}
	out := make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
	n, err := base64.RawStdEncoding.Decode(out, clean)
	if err != nil {
		problem = "bad base64"
	} else if stray && problem == "" {
		problem = "stray characters in base64"
	}
	return out[:n], problem
}

// quoteShort quotes a value for a problem message, cut to a sane length.
func quoteShort(s string) string {
	return "\"" + validUTF8(truncate(strings.TrimSpace(s), 40)) + "\""
}

// cleanFilename decodes an RFC 2047 file name, keeps only its last path
// element and drops control characters.
func cleanFilename(name string) string {
	name = truncate(name, maxHeaderValue)
	if strings.Contains(name, "=?") {
		name = enmime.DecodeRFC2047(name)
	}
	name = validUTF8(name)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 && i < len(name)-1 {
		name = name[i+1:]
	}
	name = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7F {
			return -1
		}
		return r
	}, name)
	return truncate(strings.TrimSpace(name), 255)
}
