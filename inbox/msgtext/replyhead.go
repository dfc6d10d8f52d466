package msgtext

import "strings"

// Lines that mark where quoted or forwarded material starts, shared by
// Excerpt and Forward.

// An attribution line introduces the quoted message of a reply: "On
// <date>, Ada <ada@example.org> wrote:", "Am <date> schrieb Ada:", or
// Gmail's verbless "2026年11月23日(月) 10:02 Ada <ada@example.org>:". It
// ends with a colon and holds a verb of reply_phrases.go (or, without
// one, an address and a time). With an address, or a date after a lead
// word ("On 23/11/2026 …") or first, it counts wherever it stands;
// otherwise ("Ada Lovelace wrote:") only when quoted lines follow.

// attribution is how surely a line is an attribution.
type attribution int

const (
	notAttribution   attribution = iota
	looseAttribution             // counts only when quoted lines follow
	strongAttribution
)

// maxAttribution caps the bytes of a line, wrapped lines joined, read as
// an attribution.
const maxAttribution = 400

// attributionAt reports a reply attribution starting at lines[i], which may
// wrap over up to three lines; n is the number of lines it takes.
func attributionAt(ls []string, i int) (n int, ok bool) {
	line := plainLine(ls[i])
	if len(line) > maxAttribution || line == "" {
		return 0, false
	}
	var buf [2 * maxAttribution]byte
	t := fold(buf[:], line)
	switch attributionOf(t) {
	case strongAttribution:
		return 1, true
	case looseAttribution:
		if quotedNext(ls, i+1) {
			return 1, true
		}
	}
	if !mayWrap(t) {
		return 0, false
	}
	opens, address := opensLikeAttribution(t), strings.Contains(line, "@")
	joined := line
	for n = 2; n <= 3 && i+n-1 < len(ls); n++ {
		next := plainLine(ls[i+n-1])
		if next == "" || isQuoted(ls[i+n-1]) || len(joined)+len(next) >= maxAttribution {
			return 0, false
		}
		if startsAnother(fold(buf[:], next), n == 2 && !opens && !unclosed(line), address) {
			return 0, false
		}
		joined += " " + next
		if attributionOf(fold(buf[:], joined)) == strongAttribution {
			return n, true
		}
	}
	return 0, false
}

// attributionOf reads one folded line, wrapped lines joined.
func attributionOf(t []byte) attribution {
	if len(t) == 0 || t[len(t)-1] != ':' {
		return notAttribution
	}
	ix := replyIx()
	at := strings.IndexByte(string(t), '@') >= 0
	if !ix.wrote.within(t) {
		// Gmail's verbless form: "<date> <time>, Ada <ada@example.org>:";
		// mutt's "* Ada <ada@example.org> [<date>]:" above quoted lines.
		before := strings.TrimRight(string(t[:len(t)-1]), " ")
		switch {
		case at && (strings.HasSuffix(before, ">") || strings.HasSuffix(before, ")")) && hasClockTime(t):
			return strongAttribution
		case at && strings.Contains(before, "<") && strings.Contains(before, ">") && len(t) <= 200:
			return looseAttribution
		}
		return notAttribution
	}
	if at || opensLikeAttribution(t) {
		return strongAttribution
	}
	if len(t) <= 200 {
		return looseAttribution
	}
	return notAttribution
}

// opensLikeAttribution reports a folded line opening as attributions
// without an address do: a date first ("23.11.2026 10:02, Ada пишет:"),
// or a lead word and a date ("On 23/11/2026 10:02, Ada wrote:").
func opensLikeAttribution(t []byte) bool {
	if len(t) > 0 && '0' <= t[0] && t[0] <= '9' {
		return true
	}
	return replyIx().leads.opens(t) && hasDigit(t)
}

// mayWrap reports a folded line that may be the first of an attribution
// the client wrapped: it opens like one, or holds an address or a verb,
// and does not end a sentence.
func mayWrap(t []byte) bool {
	if len(t) == 0 || strings.IndexByte(".!?", t[len(t)-1]) >= 0 {
		return false
	}
	return opensLikeAttribution(t) || strings.ContainsAny(string(t), "<@") || replyIx().wrote.within(t)
}

// startsAnother reports a folded line that is an attribution of its own
// rather than the rest of the one wrapped above it: it opens like one
// (unless the line above named the address and it names none), or,
// when the line above is complete in itself, it is one with an address
// ("Frag bei jens@… nach" / "Ada <ada@…> schrieb am …:").
func startsAnother(t []byte, complete, addressAbove bool) bool {
	address := strings.IndexByte(string(t), '@') >= 0
	if opensLikeAttribution(t) && (address || !addressAbove) {
		return true
	}
	return complete && address && attributionOf(t) == strongAttribution
}

// unclosed reports a line that opens an address or a parenthesis and
// leaves it for the next line ("Ada Lovelace <").
func unclosed(s string) bool {
	return strings.Count(s, "<") > strings.Count(s, ">") || strings.Count(s, "(") > strings.Count(s, ")")
}

// hasDigit reports an ASCII digit in t.
func hasDigit(t []byte) bool {
	for _, c := range t {
		if '0' <= c && c <= '9' {
			return true
		}
	}
	return false
}

// hasClockTime reports a time of day ("10:02", "10.02") in t.
func hasClockTime(t []byte) bool {
	for i := 1; i+2 < len(t); i++ {
		if (t[i] == ':' || t[i] == '.') && isDigit(t[i-1]) && isDigit(t[i+1]) && isDigit(t[i+2]) {
			return true
		}
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

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
	return outlookBlockAt(ls, i) || dashedTitleAt(ls, i)
}

// dashedTitleAt reports a title between dashes over a header block
// ("-------- Исходное сообщение --------", then "От: …", "Дата: …"), in
// any language: Outlook's and the phones' original-message line.
func dashedTitleAt(ls []string, i int) bool {
	line := plainLine(ls[i])
	if !strings.HasPrefix(line, "--") || !strings.HasSuffix(line, "--") {
		return false
	}
	title := strings.Trim(line, "- ")
	if title == "" || len(title) > 80 || strings.Contains(title, "--") {
		return false
	}
	for j := i + 1; j < len(ls) && j <= i+2; j++ {
		if plainLine(ls[j]) != "" {
			return outlookBlockAt(ls, j)
		}
	}
	return false
}
