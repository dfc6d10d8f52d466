package templates

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxSubject is the longest subject Render returns, in characters.
const maxSubject = 200

// cleanSubject makes s one line: control characters and any white space
// become one space, the ends are trimmed and a long subject is cut at a word.
func cleanSubject(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	words := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
	return cutAtWord(strings.Join(words, " "), maxSubject)
}

// cutAtWord shortens s to at most limit characters, ending in "…"; it cuts
// at a space unless that would lose more than half.
func cutAtWord(s string, limit int) string {
	if utf8.RuneCountInString(s) <= limit {
		return s
	}
	runes := []rune(s)
	cut := string(runes[:limit-1])
	if i := strings.LastIndexByte(cut, ' '); runes[limit-1] != ' ' && i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ") + "…"
}

// cleanText tidies a text body: "\n" line ends, no trailing white space,
// no leading blank lines, at most one blank line in a row, one final "\n".
func cleanText(s string) string {
	var b strings.Builder
	blank := false
	for line := range strings.SplitSeq(normalizeNewlines(s), "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		if line == "" {
			blank = b.Len() > 0
			continue
		}
		if blank {
			b.WriteByte('\n')
			blank = false
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return b.String()
}

// cleanHTML gives an HTML body "\n" line ends and one final "\n"; "" stays "".
func cleanHTML(s string) string {
	s = strings.TrimSpace(normalizeNewlines(s))
	if s == "" {
		return ""
	}
	return s + "\n"
}

// normalizeNewlines turns "\r\n" and lone "\r" into "\n".
func normalizeNewlines(s string) string {
	return strings.NewReplacer("\r\n", "\n", "\r", "\n").Replace(s)
}
