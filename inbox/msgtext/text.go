package msgtext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Size limits shared by every function of the package.
const (
	// MaxInput is how much of a raw message Extract reads; the rest is
	// ignored (and reported in Problems).
	MaxInput = 8 << 20

	maxDepth       = 10      // MIME nesting levels walked
	maxParts       = 1000    // MIME parts walked per message
	maxPlain       = 1 << 20 // bytes of rendered text kept
	maxAttachments = 100
	maxEmbedded    = 10
	maxProblems    = 20
	maxScan        = 256 << 10 // bytes of text the line-based readers look at
	maxAddresses   = 100
	maxSubject     = 998 // RFC 5322 line length
)

// validUTF8 returns s with invalid byte sequences replaced by U+FFFD.
func validUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	return strings.ToValidUTF8(s, "\uFFFD")
}

// truncate cuts s to at most n bytes without splitting a rune.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	if n <= 0 {
		return ""
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// normalizeNewlines turns CRLF and lone CR into LF.
func normalizeNewlines(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// cleanText normalizes newlines, drops control characters other than tab
// and newline, trims trailing blanks from every line and blank lines from
// both ends.
func cleanText(s string) string {
	s = validUTF8(normalizeNewlines(s))
	b := make([]byte, 0, len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b = trimBlanks(b)
			b = append(b, '\n')
		case r == '\t':
			b = append(b, '\t')
		case r == '\uFEFF' || r == '\u200B' || r == '\u00AD':
			// BOM, zero-width space and soft hyphen carry no text.
		case r < 0x20 || r == 0x7F || (r >= 0x80 && r < 0xA0):
			// control characters
		default:
			b = utf8.AppendRune(b, r)
		}
	}
	out := string(trimBlanks(b))
	// Drop leading blank lines but keep the first line's indentation.
	for {
		i := strings.IndexByte(out, '\n')
		if i < 0 || strings.TrimSpace(out[:i]) != "" {
			break
		}
		out = out[i+1:]
	}
	return strings.TrimRightFunc(out, unicode.IsSpace)
}

// trimBlanks removes spaces and tabs at the end of b.
func trimBlanks(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}

// collapseSpace replaces every run of white space (including newlines and
// no-break spaces) by one space and trims both ends.
func collapseSpace(s string) string {
	if collapsed(s) {
		return s
	}
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

// collapsed reports s already collapsed: ASCII words apart by one space,
// none at either end. Anything else takes the slow path.
func collapsed(s string) bool {
	prevSpace := true // no space at the start
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
			prevSpace = true
		case c <= ' ' || c == 0x7f:
			return false // other white space, and controls, as before
		default:
			prevSpace = false
		}
	}
	return !prevSpace || s == ""
}

// isSpace reports white space, including the no-break spaces that HTML and
// French typography put in text.
func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00A0' || r == '\u202F' || r == '\u2007'
}

// lines splits text into lines after normalizing newlines and validating
// UTF-8, looking at no more than maxScan bytes.
func lines(s string) []string {
	s = validUTF8(normalizeNewlines(truncate(s, maxScan)))
	return strings.Split(s, "\n")
}

// plainLine trims a line and turns no-break spaces into plain ones, so
// patterns can be matched against it.
func plainLine(s string) string {
	s = strings.Map(func(r rune) rune {
		if isSpace(r) {
			return ' '
		}
		return r
	}, s)
	return strings.TrimSpace(s)
}

// isQuoted reports a line quoted with ">" (after optional indentation).
func isQuoted(line string) bool {
	return strings.HasPrefix(strings.TrimLeft(line, " \t"), ">")
}

// unquote removes one level of ">" quoting (and the space after it).
func unquote(line string) string {
	t := strings.TrimLeft(line, " \t")
	if !strings.HasPrefix(t, ">") {
		return line
	}
	return strings.TrimPrefix(t[1:], " ")
}

// words splits s into lower-case words of letters, digits and apostrophes.
func words(s string) []string {
	s = strings.ToLower(s)
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’')
	})
}
