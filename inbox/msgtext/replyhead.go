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

// headerLine splits a forwarded header line ("From: …", "*Von:* …",
// "De : …", "> To: …", "差出人：…") into its field and value, its label
// looked up in forwardLangs. ok is false for anything else.
func headerLine(line string) (field, value string, ok bool) {
	field, value, _, ok = headerLabel(line)
	return field, value, ok
}

// headerLabel is headerLine that also says which languages use the label.
func headerLabel(line string) (field, value string, langs langSet, ok bool) {
	s := plainLine(line)
	for strings.HasPrefix(s, ">") {
		s = strings.TrimSpace(s[1:])
	}
	s = strings.TrimLeft(s, "*_ ")
	colon := strings.IndexAny(s, ":：")
	if colon <= 0 || colon > maxLabelLen {
		return "", "", 0, false
	}
	l, ok := lookupLabel(strings.Trim(s[:colon], "*_ \t"))
	if !ok {
		return "", "", 0, false
	}
	rest := s[colon:]
	if strings.HasPrefix(rest, "：") {
		rest = rest[len("："):]
	} else {
		rest = rest[1:]
	}
	value = strings.TrimSpace(strings.TrimLeft(rest, "*_ "))
	value = strings.TrimSpace(strings.TrimSuffix(value, "*"))
	return l.field, value, l.langs, true
}

// outlookBlockAt reports a header block starting at lines[i] as Outlook,
// Gmail and most clients write it: a From line followed within a few lines
// by a date or sent line and a subject or to line. GMX and web.de start
// the block with the date ("Gesendet: …"), some with the subject: those
// count when the From line follows in the same block.
func outlookBlockAt(ls []string, i int) bool {
	field, _, ok := headerLine(ls[i])
	if !ok || (field != "from" && field != "date" && field != "subject") {
		return false
	}
	from, date, other := field == "from", field == "date", field == "subject"
	for j := i + 1; j < len(ls) && j <= i+8; j++ {
		f, _, ok := headerLine(ls[j])
		if !ok {
			if plainLine(ls[j]) == "" && (date || other) {
				break
			}
			if !from {
				break // only the From line's value may wrap
			}
			continue
		}
		switch f {
		case "from":
			from = true
		case "date":
			date = true
		case "subject", "to", "cc":
			other = true
		}
	}
	return from && date && other
}

// separatorAt reports a line after which everything is quoted or
// forwarded material: Outlook's original-message line or rule, a forward
// marker, or a header block.
func separatorAt(ls []string, i int) bool {
	line := plainLine(ls[i])
	if line == "" {
		return false
	}
	if sep, _ := separatorKind(line); sep.kind != 0 {
		return true
	}
	return outlookBlockAt(ls, i)
}
