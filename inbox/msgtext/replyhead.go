package msgtext

import (
	"regexp"
	"strings"
)

// Lines that mark where quoted or forwarded material starts, shared by
// Excerpt and Forward.

// attributionRes match a reply attribution ("On <date>, <name> wrote:")
// in the languages mail clients write it in.
var attributionRes = []*regexp.Regexp{
	regexp.MustCompile(`(?i)^on\s.*\swrote\s?:$`),             // English
	regexp.MustCompile(`(?i)^am\s.*\sschrieb(\s.*)?:$`),       // German
	regexp.MustCompile(`(?i)^le\s.*\sa\s+écrit\s?:$`),         // French
	regexp.MustCompile(`(?i)^el\s.*\sescribió\s?:$`),          // Spanish
	regexp.MustCompile(`(?i)^il\s.*\sha\s+scritto\s?:$`),      // Italian
	regexp.MustCompile(`(?i)^em\s.*\sescreveu\s?:$`),          // Portuguese
	regexp.MustCompile(`(?i)^op\s.*\sschreef(\s.*)?:$`),       // Dutch
	regexp.MustCompile(`(?i)^.*\s(schrieb|wrote)\s+am\s.*:$`), // "Ada <a@b> schrieb am …:"
	// Polish "W dniu … pisze:", Russian "…, Имя пишет:", Chinese "在 …，Name 写道："
	regexp.MustCompile(`(?i)^(w dniu|dnia)\s.*\s(pisze|napisał(a|\(a\))?)\s?:$`),
	regexp.MustCompile(`^.*\s(пишет|написал(а|\(а\))?)\s?[:：]$`),
	regexp.MustCompile(`^.*(写道|寫道)\s?[:：]$`),
}

// looseAttributionRe matches "Ada Lovelace wrote:"; it counts only when
// quoted lines follow.
var looseAttributionRe = regexp.MustCompile(`(?i)^\S.*\s(wrote|writes|schrieb|a écrit|escribió|ha scritto|escreveu|schreef|pisze)\s?:$`)

// addressAttributionRe matches a line naming an address and ending in a
// colon ("* Ada <ada@example.org> [2026-11-16 09:12]:", mutt's common
// attribution); like the loose form it counts only when quoted lines follow.
var addressAttributionRe = regexp.MustCompile(`^\S.*<[^<>\s@]+@[^<>\s]+>.*[:：]$`)

// attributionStarts are the words a wrapped attribution line starts with.
var attributionStarts = []string{"on ", "am ", "le ", "el ", "il ", "em ", "op "}

// attributionAt reports a reply attribution starting at lines[i], which may
// wrap over up to three lines; n is the number of lines it takes.
func attributionAt(ls []string, i int) (n int, ok bool) {
	line := plainLine(ls[i])
	if len(line) > 400 || line == "" {
		return 0, false
	}
	joined := line
	for n = 1; n <= 3; n++ {
		if matchAttribution(joined) {
			return n, true
		}
		if n == 1 && endsInColon(joined) && (looseAttributionRe.MatchString(joined) || addressAttributionRe.MatchString(joined)) &&
			quotedNext(ls, i+1) {
			return 1, true
		}
		if i+n >= len(ls) || !startsAttribution(line) {
			return 0, false
		}
		next := plainLine(ls[i+n])
		if next == "" || isQuoted(ls[i+n]) || len(joined) > 400 {
			return 0, false
		}
		joined += " " + next
	}
	return 0, false
}

// quotedNext reports whether the first non-blank line from ls[i] on is
// quoted.
func quotedNext(ls []string, i int) bool {
	for ; i < len(ls); i++ {
		if plainLine(ls[i]) != "" {
			return isQuoted(ls[i])
		}
	}
	return false
}

func startsAttribution(line string) bool {
	l := strings.ToLower(line)
	for _, s := range attributionStarts {
		if strings.HasPrefix(l, s) {
			return true
		}
	}
	return false
}

// endsInColon reports a line ending in a colon, ASCII or full-width: every
// attribution does, so the regular expressions run only on such lines.
func endsInColon(line string) bool {
	return strings.HasSuffix(line, ":") || strings.HasSuffix(line, "：")
}

func matchAttribution(line string) bool {
	if !endsInColon(line) {
		return false
	}
	for _, re := range attributionRes {
		if re.MatchString(line) {
			return true
		}
	}
	return false
}

// originalMessageRe matches Outlook's "-----Original Message-----" line
// and its translations (and GMX/web.de's "Original-Nachricht").
var originalMessageRe = regexp.MustCompile(`(?i)^-{2,}\s*(original message|ursprüngliche nachricht|original-nachricht|originalnachricht|message d'origine|message d’origine|mensaje original|messaggio originale|oorspronkelijk bericht|mensagem original|originalmeddelande|opprinnelig melding|oprindelig meddelelse|alkuperäinen viesti)\s*-{2,}$`)

// ruleRe matches the rule Outlook writes above a quoted header block.
var ruleRe = regexp.MustCompile(`^_{20,}$`)

// forwardMarkerRe matches the dashed forward markers of Gmail and
// Thunderbird in several languages.
var forwardMarkerRe = regexp.MustCompile(`(?i)^-{2,}\s*(forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato|doorgestuurd bericht|mensagem encaminhada|mensagem reencaminhada|vidarebefordrat meddelande|videresendt melding)\s*-{2,}$`)

// appleMarkerRe matches Apple Mail's "Begin forwarded message:" line and
// its translations.
var appleMarkerRe = regexp.MustCompile(`(?i)^(begin forwarded message|anfang der weitergeleiteten nachricht|début du message réexpédié|debut du message reexpedie|inicio del mensaje reenviado|inizio messaggio inoltrato|begin doorgestuurd bericht|início da mensagem reencaminhada|inicio da mensagem reencaminhada)\s?:$`)

// headerKeys maps the labels of forwarded header blocks, in the languages
// clients write them in, to a field.
var headerKeys = map[string]string{
	"from": "from", "von": "from", "de": "from", "da": "from", "van": "from",
	"från": "from", "fra": "from", "od": "from", "lähettäjä": "from",

	"to": "to", "an": "to", "à": "to", "a": "to", "para": "to", "aan": "to",
	"till": "to", "til": "to", "do": "to", "vastaanottaja": "to", "pour": "to",

	"cc": "cc", "kopie": "cc", "kopie (cc)": "cc", "copie": "cc", "copia": "cc",
	"cc (copia)": "cc", "kopia": "cc", "kopi": "cc",

	"bcc": "bcc", "cci": "bcc", "cco": "bcc", "ccn": "bcc", "blindkopie": "bcc",

	"date": "date", "datum": "date", "sent": "date", "gesendet": "date",
	"envoyé": "date", "envoye": "date", "enviado": "date", "enviado el": "date",
	"fecha": "date", "data": "date", "inviato": "date", "verzonden": "date",
	"skickat": "date", "sendt": "date", "wysłano": "date", "lähetetty": "date",
	"sent at": "date",

	"subject": "subject", "betreff": "subject", "objet": "subject",
	"asunto": "subject", "oggetto": "subject", "onderwerp": "subject",
	"ämne": "subject", "emne": "subject", "temat": "subject", "assunto": "subject",
	"aihe": "subject", "sujet": "subject",

	"reply-to": "reply-to", "antwort an": "reply-to", "répondre à": "reply-to",
	"responder a": "reply-to",

	"importance": "other", "wichtigkeit": "other", "priority": "other",
	"attachments": "other", "anlagen": "other", "pièces jointes": "other",
	"datos adjuntos": "other",
}

// headerLine splits a forwarded header line ("From: …", "*Von:* …",
// "De : …", "> To: …") into its field and value. ok is false for anything
// else.
func headerLine(line string) (field, value string, ok bool) {
	s := plainLine(line)
	for strings.HasPrefix(s, ">") {
		s = strings.TrimSpace(s[1:])
	}
	s = strings.TrimLeft(s, "*_ ")
	colon := strings.IndexAny(s, ":：")
	if colon <= 0 || colon > 30 {
		return "", "", false
	}
	key := strings.ToLower(strings.Trim(s[:colon], "*_ "))
	field, ok = headerKeys[key]
	if !ok {
		return "", "", false
	}
	rest := s[colon:]
	if strings.HasPrefix(rest, "：") {
		rest = rest[len("："):]
	} else {
		rest = rest[1:]
	}
	value = strings.TrimSpace(strings.TrimLeft(rest, "*_ "))
	value = strings.TrimSpace(strings.TrimSuffix(value, "*"))
	return field, value, true
}

// outlookBlockAt reports an Outlook-style header block starting at
// lines[i]: a "From:" line followed within a few lines by a date or sent
// line and a subject or to line.
func outlookBlockAt(ls []string, i int) bool {
	field, _, ok := headerLine(ls[i])
	if !ok || field != "from" {
		return false
	}
	date, other := false, false
	for j := i + 1; j < len(ls) && j <= i+8; j++ {
		f, _, ok := headerLine(ls[j])
		if !ok {
			if plainLine(ls[j]) == "" && (date || other) {
				break
			}
			continue
		}
		switch f {
		case "date":
			date = true
		case "subject", "to", "cc":
			other = true
		}
	}
	return date && other
}

// separatorAt reports a line after which everything is quoted or
// forwarded material: Outlook's original-message line or rule, a forward
// marker, or an Outlook header block.
func separatorAt(ls []string, i int) bool {
	line := plainLine(ls[i])
	if line == "" {
		return false
	}
	return originalMessageRe.MatchString(line) || ruleRe.MatchString(line) ||
		forwardMarkerRe.MatchString(line) || appleMarkerRe.MatchString(line) ||
		outlookBlockAt(ls, i)
}
