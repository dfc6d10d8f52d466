package msgtext

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Excerpt returns what the sender themselves wrote, cut to at most max
// characters for quoting in a thank-you: quoted text, reply and forward
// headers with everything after them, signatures, a closing with the name
// under it and a leading greeting are dropped, white space is collapsed,
// and the text is cut at a sentence end (or at a word, with "…").
func Excerpt(plain string, max int) string {
	if max <= 0 {
		return ""
	}
	return cutText(collapseSpace(strings.Join(ownLines(plain), "\n")), max)
}

// ownLines returns the lines the sender wrote, before any signature or
// quoted material, without a leading greeting or a trailing closing.
func ownLines(plain string) []string {
	return dropGreeting(dropClosing(writtenLines(plain)))
}

// writtenLines returns the lines the sender wrote, before any signature or
// quoted material, greeting and closing included.
func writtenLines(plain string) []string {
	ls := lines(plain)
	var kept []string
	for i := 0; i < len(ls); i++ {
		raw := ls[i]
		line := plainLine(raw)
		if line == "" {
			kept = append(kept, "")
			continue
		}
		if isQuoted(raw) {
			continue
		}
		if isSignatureDelimiter(raw) || isFooter(line) {
			break
		}
		if n, ok := attributionAt(ls, i); ok {
			if quotedNext(ls, i+n) {
				// Interleaved reply: skip the attribution, keep answers
				// written between the quoted lines.
				i += n - 1
				continue
			}
			break
		}
		if separatorAt(ls, i) {
			break
		}
		if hasText(kept) && isDisclaimer(line) {
			break
		}
		if !hasText(kept) && isBanner(line) {
			i = paragraphEnd(ls, i)
			continue
		}
		kept = append(kept, line)
	}
	return kept
}

// paragraphEnd returns the index of the last line of the paragraph
// ls[i] is in.
func paragraphEnd(ls []string, i int) int {
	for i+1 < len(ls) && plainLine(ls[i+1]) != "" {
		i++
	}
	return i
}

// isSignatureDelimiter reports the "-- " line that starts a signature.
func isSignatureDelimiter(line string) bool {
	return line == "-- " || line == "--" || line == "-- \r" || line == "—"
}

// maxSignatureLines is how many short lines (name, title, company, phone)
// may stand between a closing and the end of what the sender wrote.
const maxSignatureLines = 6

// dropClosing removes a trailing closing ("Best,", "Kind regards, Bob") and
// the short signature lines under it (name, title, company, phone).
func dropClosing(kept []string) []string {
	last := len(kept) - 1
	for last >= 0 && kept[last] == "" {
		last--
	}
	if last < 0 {
		return nil
	}
	return cutSignature(kept[:last+1], func(line string, _ int) bool { return isClosing(line) })
}

// cutSignature walks back from the end over blank lines and at most
// maxSignatureLines short signature lines (name, title, company, phone)
// to a line that ends the text (ends is told how many signature lines
// stand under it), and cuts there, unless nothing else was written above.
func cutSignature(kept []string, ends func(line string, under int) bool) []string {
	sig := 0
	for i := len(kept) - 1; i >= 0; i-- {
		line := kept[i]
		if line == "" {
			continue
		}
		if ends(line, sig) {
			if !hasText(kept[:i]) {
				return kept // all there is: the signing line was the message
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

// hasText reports whether any line is not empty.
func hasText(ls []string) bool {
	for _, l := range ls {
		if l != "" {
			return true
		}
	}
	return false
}

// isSignatureLine reports a short line that could sit in a signature block
// under a closing: a name, a title, a company, an address or a phone.
func isSignatureLine(line string) bool {
	if utf8.RuneCountInString(line) > 60 || len(strings.Fields(line)) > 8 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".?!:…", last)
}

// dropGreeting removes a leading greeting line ("Hi Ada,", "Ada,",
// "Adaさん"), or a greeting that starts the first line ("Hi Ada, sure…").
func dropGreeting(kept []string) []string {
	first := 0
	for first < len(kept) && kept[first] == "" {
		first++
	}
	if first == len(kept) {
		return nil
	}
	line := kept[first]
	alone := first+1 == len(kept) || kept[first+1] == "" // a paragraph of its own
	words := len(strings.Fields(line))
	if isNameGreeting(line) || alone && words <= 4 && nameThenGreeting(line) {
		return kept[first+1:]
	}
	if !opensWithGreeting(line) {
		return kept[first:]
	}
	if words <= 5 && !strings.ContainsAny(strings.TrimRight(line, ",!:. "), ".?") {
		return kept[first+1:]
	}
	// "Hi Ada, sure thing": drop up to the first comma when short; "Oi
	// Ada, tudo bem?" alone is all greeting.
	if i := strings.IndexAny(line, ",!"); i > 0 && len(strings.Fields(line[:i])) <= 4 {
		rest := strings.TrimSpace(line[i+1:])
		if alone && strings.HasSuffix(rest, "?") && len(strings.Fields(rest)) <= 4 {
			return kept[first+1:]
		}
		out := append([]string{rest}, kept[first+1:]...)
		return out
	}
	return kept[first:]
}

// honorifics end a greeting that is a name alone ("Adaさん", "Ada님",
// "王芳你好").
var honorifics = []string{"さん", "様", "さま", "先生", "님", "씨", "你好", "您好"}

// answerWords open a reply as a name would ("Yes,", "Sure,"): never a
// greeting.
var answerWords = []string{"yes", "no", "ok", "okay", "sure", "right", "great", "done", "perfect", "agreed", "absolutely", "indeed",
	"well", "so", "fyi", "update", "ja", "nein", "klar", "genau", "oui", "non", "parfait", "si", "sí", "vale", "perfecto", "nee", "tak", "nie", "да", "нет"}

// isNameGreeting reports a first line that is a name alone: one or two
// capitalised words and a comma ("Ada,", "Ada Lovelace,"), or a name and
// an honorific.
func isNameGreeting(line string) bool {
	if utf8.RuneCountInString(line) > 30 {
		return false
	}
	bare := strings.TrimRight(line, ",，!！:：~ ")
	for _, h := range honorifics {
		if strings.HasSuffix(bare, h) && !strings.ContainsAny(bare, "。、.!?") {
			return true
		}
	}
	name, ok := strings.CutSuffix(line, ",")
	f := strings.Fields(name)
	if !ok || len(f) == 0 || len(f) > 2 || slices.Contains(answerWords, strings.ToLower(f[0])) || isClosing(name) {
		return false
	}
	for _, w := range f {
		if !capitalised(w) {
			return false
		}
	}
	return true
}

// cutText cuts text to at most max runes: at the last sentence end that
// fits, or, when the first sentence is longer, at a word with "…".
func cutText(text string, max int) string {
	if utf8.RuneCountInString(text) <= max {
		return text
	}
	r := []rune(text)
	for p := max - 1; p >= 0; p-- {
		if sentenceEnd(r, p) {
			return strings.TrimSpace(string(r[:p+1]))
		}
	}
	if max == 1 {
		return "…"
	}
	cut := max - 1 // leave room for "…"
	head := r[:cut]
	if !unicode.IsSpace(r[cut]) {
		if i := lastSpace(head); i > 0 {
			head = head[:i]
		}
	}
	s := strings.TrimRightFunc(string(head), func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != ')' && r != '"'
	})
	return s + "…"
}

// sentenceEnd reports whether r[p] ends a sentence: ., !, ? or … (perhaps
// followed by closing quotes or brackets) before a space or the end.
func sentenceEnd(r []rune, p int) bool {
	q := p
	for q > 0 && strings.ContainsRune(`"'”’»)]`, r[q]) {
		q--
	}
	if !strings.ContainsRune(".!?…", r[q]) {
		return false
	}
	return p+1 == len(r) || unicode.IsSpace(r[p+1])
}

func lastSpace(r []rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if unicode.IsSpace(r[i]) {
			return i
		}
	}
	return -1
}
