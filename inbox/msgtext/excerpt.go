package msgtext

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// mobileSignatureRe matches the signature lines phones and Outlook add.
var mobileSignatureRe = regexp.MustCompile(`(?i)^(sent from my \S+.*|sent from (outlook|mail|yahoo mail|gmail|proton mail|protonmail)\b.*|sent via \S+.*|von meinem \S+( \S+)? gesendet.*|gesendet von meinem \S+.*|gesendet mit \S+.*|envoyé de mon \S+.*|envoyé depuis mon \S+.*|enviado desde mi \S+.*|enviado do meu \S+.*|inviato da(l mio)? \S+.*|verzonden vanaf mijn \S+.*|skickat från min \S+.*|get outlook for (ios|android).*|holen sie sich outlook für (ios|android).*|obtenir outlook pour (ios|android).*|obtener outlook para (ios|android).*|scarica outlook per (ios|android).*)$`)

// closingRe matches a closing line ("Best,", "Viele Grüße,", "Saludos,").
var closingRe = regexp.MustCompile(`(?i)^(best|best regards|best wishes|all the best|all best|cheers|thanks|thank you|many thanks|thanks again|thanks so much|thx|ty|regards|kind regards|warm regards|warmest regards|with regards|warmly|sincerely|yours|yours truly|yours sincerely|take care|talk soon|(viele|liebe|beste|herzliche|schöne|freundliche|sonnige) gr(ü|ue)(ß|ss)e|mit (den )?(besten|freundlichen) gr(ü|ue)(ß|ss)en|gr(u|ü|ue)(ß|ss)|gr(ü|ue)(ß|ss)e|lg|vg|mfg|bg|servus|tschüss|ciao|danke|vielen dank|cordialement|bien cordialement|bien à vous|amitiés|bises|bonne journée|à bientôt|merci|merci beaucoup|salutations|saludos|un saludo|saludos cordiales|atentamente|un abrazo|abrazos|gracias|muchas gracias|cordiali saluti|saluti|grazie|abraço|abraços|obrigado|obrigada|atenciosamente|met vriendelijke groet(en)?|groeten|groetjes|mvg|hälsningar|mvh|med vennlig hilsen|hilsen|pozdrawiam|serdecznie pozdrawiam|pozdrowienia|z pozdrowieniami|с уважением|всего доброго|祝好|此致敬礼)\s*[,!.，！。]*$`)

// closingNameRe matches a closing and a name on one line ("Best, Bob").
var closingNameRe = regexp.MustCompile(`(?i)^(best|cheers|thanks|regards|kind regards|best regards|viele grüße|liebe grüße|lg|vg|cordialement|saludos|un saludo|gracias|merci|danke)\s*[,!.-]?\s+\p{Lu}[\p{L}.'-]*(\s\p{Lu}[\p{L}.'-]*)?$`)

// greetingRe matches a greeting line ("Hi Ada,", "Hallo Ada,",
// "Bonjour Ada,", "Hola Ada,").
var greetingRe = regexp.MustCompile(`(?i)^(hi|hello|hey|hiya|howdy|dear|greetings|good (morning|afternoon|evening)|hallo|hallöchen|liebe|lieber|sehr geehrte[rs]?|guten (morgen|tag|abend)|moin|servus|grüß dich|grüezi|bonjour|bonsoir|salut|coucou|cher|chère|chers|chères|hola|buenos días|buenas tardes|buenas noches|buenas|estimad[oa]s?|querid[oa]s?|ciao|salve|gentile|olá|oi|prezad[oa]|hej|hei|hoi|beste|cześć|dzień dobry|witaj|привет|здравствуйте|добрый день)([\s,!:.]|$)`)

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
		if isSignatureDelimiter(raw) || mobileSignatureRe.MatchString(line) {
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
		kept = append(kept, line)
	}
	return kept
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

// isClosing reports a closing line, alone or with a name ("Best, Bob"), or
// two closings in two languages ("Mit freundlichen Grüßen / Kind regards").
func isClosing(line string) bool {
	if closingNameRe.MatchString(line) {
		return true
	}
	first, _, _ := strings.Cut(line, " / ")
	return closingRe.MatchString(strings.TrimSpace(first))
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

// dropGreeting removes a leading greeting line, or a greeting that starts
// the first line ("Hi Ada, sure…").
func dropGreeting(kept []string) []string {
	first := 0
	for first < len(kept) && kept[first] == "" {
		first++
	}
	if first == len(kept) {
		return nil
	}
	line := kept[first]
	if !greetingRe.MatchString(line) {
		return kept[first:]
	}
	if len(strings.Fields(line)) <= 5 && !strings.ContainsAny(strings.TrimRight(line, ",!:. "), ".?") {
		return kept[first+1:]
	}
	// "Hi Ada, sure thing": drop up to the first comma when short.
	if i := strings.IndexAny(line, ",!"); i > 0 && len(strings.Fields(line[:i])) <= 4 {
		rest := strings.TrimSpace(line[i+1:])
		out := append([]string{rest}, kept[first+1:]...)
		return out
	}
	return kept[first:]
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
