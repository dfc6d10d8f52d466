package msgtext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ExcerptFrom is Excerpt of a message whose sender is called name (a
// display name, or an address's local part; "" when unknown): a line near
// the end that only signs it ("Ada", "- Ada L.", "AL") is dropped as well,
// with the short signature lines under it.
func ExcerptFrom(plain string, max int, name string) string {
	if max <= 0 {
		return ""
	}
	return cutText(collapseSpace(strings.Join(dropSignOff(ownLines(plain), name), "\n")), max)
}

// dropSignOff removes the sender's name signing the text, alone on a line
// near the end, with the short signature lines under it (title, company,
// phone), when something else was written above it.
func dropSignOff(kept []string, name string) []string {
	sig := 0
	for i := len(kept) - 1; i >= 0; i-- {
		line := kept[i]
		if line == "" {
			continue
		}
		if isSignOff(line, name) {
			if !hasText(kept[:i]) {
				return kept // all there is: the name was the message
			}
			return kept[:i]
		}
		if sig == maxSignatureLines || !isSignatureLine(line) {
			break
		}
		sig++
	}
	return kept
}

// isSignOff reports a line that signs as name: the whole name, the first
// name, the first name and an initial, or the initials, with or without
// a leading dash and trailing dots.
func isSignOff(line, name string) bool {
	words := nameWords(name)
	s := strings.TrimRight(strings.TrimLeft(line, "-–—~ "), ".,!; ")
	if len(words) == 0 || s == "" || utf8.RuneCountInString(s) > 60 {
		return false
	}
	signed := strings.Fields(strings.ToLower(s))
	first := words[0]
	switch {
	case strings.Join(signed, " ") == strings.Join(words, " "), len(signed) == 1 && signed[0] == first:
		return true
	case len(signed) == 2 && signed[0] == first && len(words) > 1 &&
		strings.TrimRight(signed[1], ".") == initialOf(words[len(words)-1]):
		return true // "Ada L."
	}
	return initials(s) != "" && (initials(s) == initialsOf(words) || initials(s) == initialOf(first))
}

// nameWords lower-cases a display name into its words, reading "Last,
// First" as "First Last" and an address's local part ("ada.lovelace") as
// words too.
func nameWords(name string) []string {
	name = strings.ToLower(strings.Trim(strings.TrimSpace(name), `"'`))
	if last, first, ok := strings.Cut(name, ","); ok {
		name = first + " " + last
	}
	return strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '.' || r == '_' || r == '-' })
}

// initials reads a line made only of capital initials ("AL", "A.L.",
// "A. L") as lower-case letters, or "" when it is anything else.
func initials(s string) string {
	var letters []rune
	for _, r := range s {
		switch {
		case r == '.' || r == ' ':
		case unicode.IsUpper(r):
			letters = append(letters, unicode.ToLower(r))
		default:
			return ""
		}
	}
	if len(letters) > 3 {
		return ""
	}
	return string(letters)
}

// initialsOf is the first letter of each word.
func initialsOf(words []string) string {
	var b strings.Builder
	for _, w := range words {
		b.WriteString(initialOf(w))
	}
	return b.String()
}

// initialOf is a word's first letter.
func initialOf(w string) string {
	r, n := utf8.DecodeRuneInString(w)
	if n == 0 || !unicode.IsLetter(r) {
		return ""
	}
	return string(r)
}
