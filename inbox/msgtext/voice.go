package msgtext

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// voiceGreetingRe matches a greeting line ("Hi Ada,", "Hallo Ada,"); its
// first group is the greeting word(s), what follows the name.
var voiceGreetingRe = regexp.MustCompile(`(?i)^(hi|hello|hey|hiya|howdy|dear|greetings|good (morning|afternoon|evening)|hallo|hallöchen|liebe|lieber|sehr geehrte[rs]?|guten (morgen|tag|abend)|moin|servus|grüß dich|grüezi|bonjour|bonsoir|salut|coucou|cher|chère|chers|chères|hola|buenos días|buenas tardes|buenas noches|buenas|estimad[oa]s?|querid[oa]s?|ciao|salve|gentile|olá|oi|prezad[oa]|hej|hei|hoi|beste|cześć|dzień dobry|witaj|привет|здравствуйте|добрый день)([\s,!:.]|$)`)

// NamePlaceholder stands for the recipient's name in a learned greeting
// ("Hey {name}!").
const NamePlaceholder = "{name}"

// Voice is how the sender greets and signs off in one message they wrote.
type Voice struct {
	Greeting string // the greeting line, the recipient's name as NamePlaceholder ("Hey {name}!"); "" when none
	Name     string // what the greeting calls the recipient ("Alice", "Dr. Smith"); "" when it names nobody
	Closing  string // the closing and the sender's name under it ("Cheers,\nAda", "Best, A."); "" when none
	Text     string // what the sender wrote between them, for telling its language
}

// maxGreetingWords is the most words a line may have to be a greeting alone.
const maxGreetingWords = 5

// titles are the words that may stand before a name in a greeting.
var titles = map[string]bool{
	"dr": true, "prof": true, "professor": true, "mr": true, "mrs": true, "ms": true, "miss": true,
	"herr": true, "frau": true, "monsieur": true, "madame": true, "mme": true, "m": true,
	"señor": true, "señora": true, "sr": true, "sra": true, "signor": true, "signora": true,
	"sig": true, "meneer": true, "mevrouw": true, "dhr": true, "mevr": true,
}

// VoiceOf reads how a message the sender (from) wrote to one recipient (to)
// greets them and signs off: the greeting only when it is a line of its
// own that greets the recipient by a name of theirs ("Hi Alice,", "Dear
// Dr. Smith,") or by none ("Hello,"); the closing only when something was
// written above it, with the one line under it that signs as the sender.
func VoiceOf(plain string, to, from Address) Voice {
	kept := trimBlank(writtenLines(plain))
	var v Voice
	if len(kept) == 0 {
		return v
	}
	if g, name, ok := greetingOf(kept[0], to); ok {
		v.Greeting, v.Name = g, name
		kept = trimBlank(kept[1:])
	}
	if c, at, ok := closingOf(kept, from); ok {
		v.Closing = c
		kept = trimBlank(kept[:at])
	}
	v.Text = strings.Join(kept, "\n")
	return v
}

// trimBlank drops blank lines at both ends.
func trimBlank(ls []string) []string {
	for len(ls) > 0 && ls[0] == "" {
		ls = ls[1:]
	}
	for len(ls) > 0 && ls[len(ls)-1] == "" {
		ls = ls[:len(ls)-1]
	}
	return ls
}

// greetingOf reads a greeting line as a template and the name it calls
// the recipient.
func greetingOf(line string, to Address) (template, name string, ok bool) {
	m := voiceGreetingRe.FindStringSubmatchIndex(line)
	if m == nil || utf8.RuneCountInString(line) > 60 || len(strings.Fields(line)) > maxGreetingWords {
		return "", "", false
	}
	body := strings.TrimRight(line, ",!:. ")
	if strings.ContainsAny(body, ".?;") && !hasTitle(body) {
		return "", "", false // a sentence, not a greeting
	}
	wordEnd := m[3] // end of the greeting word(s)
	if wordEnd > len(body) {
		return line, "", true // "Hello,"
	}
	rest := strings.TrimSpace(strings.TrimLeft(body[wordEnd:], ", "))
	if rest == "" {
		return line, "", true
	}
	if !namesRecipient(rest, to) {
		return "", "", false // "Hi all,", "Hi team,": not to the recipient
	}
	at := strings.LastIndex(line, rest)
	return line[:at] + NamePlaceholder + line[at+len(rest):], rest, true
}

// hasTitle reports a title with a dot in a greeting ("Dear Dr. Smith").
func hasTitle(s string) bool {
	for _, w := range strings.Fields(s) {
		if strings.HasSuffix(w, ".") && titles[strings.ToLower(strings.TrimSuffix(w, "."))] {
			return true
		}
	}
	return false
}

// namesRecipient reports whether what a greeting calls someone is a name
// of to's: their first or last name (after a title), their whole name, or
// a short form of their first name ("Bob" for Bobby, "Bobby" for Bob).
func namesRecipient(called string, to Address) bool {
	words := nameWords(to.Name)
	if len(words) == 0 {
		local, _, _ := strings.Cut(to.Email, "@")
		words = nameWords(local)
	}
	if len(words) == 0 {
		return false
	}
	var said []string
	for _, w := range strings.Fields(strings.ToLower(called)) {
		w = strings.Trim(w, ".,")
		if w != "" && !titles[w] {
			said = append(said, w)
		}
	}
	if len(said) == 0 || len(said) > len(words) {
		return false
	}
	for _, w := range said {
		if !isNameWord(w, words) {
			return false
		}
	}
	return true
}

// isNameWord reports w as one of words, or a short form of the first.
func isNameWord(w string, words []string) bool {
	for _, n := range words {
		if w == n {
			return true
		}
	}
	first := words[0]
	short, long := w, first
	if len(short) > len(long) {
		short, long = long, short
	}
	return utf8.RuneCountInString(short) >= 3 && strings.HasPrefix(long, short)
}

// closingOf finds the closing at the end of what the sender wrote: the
// closing line and the line under it that signs as them, and the index of
// the closing line.
func closingOf(kept []string, from Address) (closing string, at int, ok bool) {
	sig := 0
	for i := len(kept) - 1; i >= 0; i-- {
		line := kept[i]
		if line == "" {
			continue
		}
		if isClosing(line) {
			if !hasText(kept[:i]) {
				return "", 0, false // the closing was all there was
			}
			if first, _, _ := strings.Cut(line, " / "); !bareClosing(strings.TrimSpace(first)) {
				return line, i, true // "Best, A."
			}
			if name := nameUnder(kept[i+1:], from); name != "" {
				return line + "\n" + name, i, true
			}
			return line, i, true
		}
		if sig == maxSignatureLines || !isSignatureLine(line) && !signsAs(line, from) {
			return "", 0, false
		}
		sig++
	}
	return "", 0, false
}

// signsAs reports a line that is a name of the sender's ("Ada", "A.", "-AL").
func signsAs(line string, from Address) bool {
	words := senderWords(from)
	return signedAs(line, words) != notSigned || isInitialOf(line, words)
}

// senderWords is the sender's name as words, or their address's local part.
func senderWords(from Address) []string {
	if words := nameWords(from.Name); len(words) > 0 {
		return words
	}
	local, _, _ := strings.Cut(from.Email, "@")
	return nameWords(local)
}

// nameUnder is the first line under a closing when it signs as the sender:
// a name of theirs ("Ada", "A.", "-AL") or, when their name is not known,
// a short line that reads as one.
func nameUnder(below []string, from Address) string {
	for _, line := range below {
		if line == "" {
			continue
		}
		if signsAs(line, from) {
			return line
		}
		if from.Name == "" && looksLikeName(line) {
			return line
		}
		return ""
	}
	return ""
}

// isInitialOf reports a line that is the sender's initial alone ("A.").
func isInitialOf(line string, words []string) bool {
	s := strings.TrimRight(strings.TrimLeft(line, "-–—~ "), ". ")
	return len(words) > 0 && utf8.RuneCountInString(s) == 1 && strings.ToLower(s) == initialOf(words[0])
}

// looksLikeName reports a short line of capitalised words ("Ada", "A. L.").
func looksLikeName(line string) bool {
	fields := strings.Fields(line)
	if len(fields) == 0 || len(fields) > 3 {
		return false
	}
	for _, f := range fields {
		r, _ := utf8.DecodeRuneInString(f)
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// bareClosing reports a closing with no name on its line ("Best,", "Viele
// Grüße"): the name, if any, is on the line under it. The closings are the
// excerpt's (reply_phrases.go), so that every line isClosing finds is read
// the same way here.
func bareClosing(line string) bool {
	var buf [256]byte
	return replyIx().closings.is(fold(buf[:], line))
}
