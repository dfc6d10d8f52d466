package msgtext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// ExcerptFrom is Excerpt of a message whose sender is called name (a
// display name, or an address's local part; "" when unknown): the
// sender's name signing it is dropped as well. The whole name may head a
// short signature block ("Ada Lovelace / Head of Finance / +1 555 0100");
// the first name, the first name and an initial, or initials after a
// dash ("Ada", "Ada L.", "-AL") only as the very last line.
func ExcerptFrom(plain string, max int, name string) string {
	if max <= 0 {
		return ""
	}
	return cutText(collapseSpace(strings.Join(dropSignOff(ownLines(plain), name), "\n")), max)
}

// signature is how surely a line signs as the sender.
type signature int

const (
	notSigned   signature = iota
	signedShort           // first name, first name and initial, dashed initials
	signedFull            // the whole name, of two words or more
)

// dropSignOff removes the sender's name signing the text, with the short
// signature lines under a whole name, when something else was written
// above it.
func dropSignOff(kept []string, name string) []string {
	words := nameWords(name)
	return cutSignature(kept, func(line string, under int) bool {
		s := signedAs(line, words)
		return s == signedFull || (s == signedShort && under == 0)
	})
}

// signedAs reports whether a line signs as the person called words.
func signedAs(line string, words []string) signature {
	trimmed := strings.TrimLeft(line, "-–—~ ")
	dashed := trimmed != line
	s := strings.TrimRight(trimmed, ".,!; ")
	if len(words) == 0 || s == "" || utf8.RuneCountInString(s) > 60 {
		return notSigned
	}
	signed := strings.Fields(strings.ToLower(s))
	first := words[0]
	switch {
	case len(words) > 1 && strings.Join(signed, " ") == strings.Join(words, " "):
		return signedFull
	case len(signed) == 1 && signed[0] == first:
		return signedShort
	case len(signed) == 2 && signed[0] == first && len(words) > 1 &&
		strings.TrimRight(signed[1], ".") == initialOf(words[len(words)-1]):
		return signedShort // "Ada L."
	case dashed && initials(s) != "" && (initials(s) == initialsOf(words) || initials(s) == initialOf(first)):
		return signedShort // "-AL": alone, "AL" or "OK" may be words
	}
	return notSigned
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
