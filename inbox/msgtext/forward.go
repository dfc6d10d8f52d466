package msgtext

import (
	"regexp"
	"strings"
	"time"
)

// Forwarded is the original message a forward carries.
type Forwarded struct {
	From      Address
	To, Cc    []Address
	Date      time.Time // zero when unparseable
	DateZoned bool      // the printed date named its zone; else Date is the wall clock read as UTC
	Subject   string
	MessageID string // without angle brackets; only known from a message/rfc822 attachment
	Body      string // the forwarded message's own text (for excerpts)
	Note      string // what the forwarder wrote above the forwarded part
}

// Forward detects a forward and reconstructs the original: from a
// message/rfc822 attachment (Embedded[0]) when there is one, else from an
// inline forward as mail clients write it (Gmail, Outlook, Apple Mail,
// Thunderbird, Yahoo, Proton, Zimbra, HCL Notes, helpdesks …), in the
// languages of forwardLangs (forwardlabels.go). subject is
// the forwarding message's subject: the fallback for the original's, and
// a reply prefix ("Re:") there means Outlook-style header blocks are a
// quoted reply, not a forward. Delivery reports are never forwards.
func Forward(t *Text, subject string) (*Forwarded, bool) {
	if t == nil || t.Report {
		return nil, false
	}
	if len(t.Embedded) > 0 {
		return embeddedForward(t.Embedded[0], t.Plain, subject), true
	}
	return inlineForward(t.Plain, subject)
}

// embeddedForward reads a forwarded message/rfc822 attachment.
func embeddedForward(raw []byte, note, subject string) *Forwarded {
	hdr, _ := splitHeader(raw)
	h, _ := parseHeader(hdr)
	f := &Forwarded{
		To:        parseHeaderAddresses(strings.Join(h.Values("To"), ", ")),
		Cc:        parseHeaderAddresses(strings.Join(h.Values("Cc"), ", ")),
		Subject:   truncate(collapseSpace(decodeSubject(headerValue(h, "Subject"))), maxSubject),
		MessageID: cleanMessageID(headerValue(h, "Message-Id")),
		Note:      strings.TrimSpace(cleanText(note)),
	}
	f.Date, f.DateZoned = parseDate(headerValue(h, "Date"))
	if from := parseHeaderAddresses(headerValue(h, "From")); len(from) > 0 {
		f.From = from[0]
	}
	if f.Subject == "" {
		f.Subject = truncate(forwardedSubject(subject), maxSubject)
	}
	if inner, _ := Extract(raw); inner != nil {
		f.Body = inner.Own
	}
	return f
}

// cleanMessageID returns the first message id without angle brackets.
func cleanMessageID(s string) string {
	s = strings.TrimSpace(truncate(s, 1000))
	if i := strings.IndexByte(s, '<'); i >= 0 {
		s = s[i+1:]
		if j := strings.IndexByte(s, '>'); j >= 0 {
			s = s[:j]
		}
	} else if f := strings.Fields(s); len(f) > 0 {
		s = f[0]
	}
	return validUTF8(strings.TrimSpace(s))
}

// inlineForward finds the first forward marker or header block of the
// forwarder's own text (quoted lines do not count) and reads what follows.
// A forward of a forward yields the outer block: the message the
// forwarder forwarded.
func inlineForward(plain, subject string) (*Forwarded, bool) {
	ls := lines(plain)
	for i, raw := range ls {
		line := plainLine(raw)
		if line == "" || isQuoted(raw) {
			continue
		}
		sep, generic := separatorKind(line)
		switch {
		case sep.kind == sepForward:
			f, _, _ := readForward(ls, i, i+1, subject, sep.langs, false)
			return f, true
		case sep.kind == sepOriginal || generic:
			if sep.kind == sepOriginal && isReplySubject(subject) && firstPrefix(subject) != "vs" {
				return nil, false
			}
			f, ok, langs := readForward(ls, i, i+1, subject, sep.langs, true)
			if !ok {
				continue
			}
			if replyFor(subject, langs) {
				return nil, false
			}
			return f, true
		case outlookBlockAt(ls, i):
			f, _, langs := readForward(ls, i, i, subject, 0, false)
			if replyFor(subject, langs) {
				return nil, false
			}
			return f, true
		}
		if n, ok := attributionAt(ls, i); ok {
			if isForwardPrefix(firstPrefix(subject)) {
				if f := attributedForward(ls, i, n, subject); f != nil {
					return f, true
				}
			}
			return nil, false // a reply quoting the original
		}
	}
	return nil, false
}

// replyFor reports a subject whose prefix marks a reply in the language
// of the header block: "VS:" answers in Finnish but forwards in Danish
// and Norwegian ("Videresend").
func replyFor(subject string, langs langSet) bool {
	if !isReplySubject(subject) {
		return false
	}
	if firstPrefix(subject) == "vs" {
		return langs&(langCode["da"]|langCode["no"]) == 0 || langs&langCode["fi"] != 0
	}
	return true
}

// addressFields may wrap onto following lines.
var wrappingFields = map[string]bool{"from": true, "to": true, "cc": true, "bcc": true, "subject": true, "date": true}

// readForward reads the header block starting at lines[start] (after the
// marker at lines[marker]) and the body after it. ok reports that a From
// field was found; langs are the languages the separator (sepLangs, 0
// when unknown) and the block's labels have in common, as far as they
// share one, which settle dates.
//
// Without a From field and with needFrom, it returns nil at once: a
// dashed line that introduces nothing must not cost a copy of the rest.
func readForward(ls []string, marker, start int, subject string, sepLangs langSet, needFrom bool) (f *Forwarded, ok bool, langs langSet) {
	rest := ls[start:]
	if quotedBlock(rest) {
		rest = append([]string(nil), rest...)
		for i, l := range rest {
			rest[i] = unquote(l)
		}
	}
	fields := map[string]string{}
	langs = ^langSet(0)
	if sepLangs != 0 {
		langs = sepLangs
	}
	j, last, wrapped := 0, "", 0
	for ; j < len(rest); j++ {
		line := plainLine(rest[j])
		if line == "" {
			if len(fields) > 0 {
				j++
				break
			}
			if j > 3 {
				break
			}
			continue
		}
		if f, v, ll, ok := headerLabel(rest[j]); ok {
			if _, dup := fields[f]; dup && f != "other" {
				break // a second block: the body starts here
			}
			fields[f], last, wrapped = v, f, 0
			if langs&ll != 0 {
				langs &= ll
			}
			continue
		}
		if wrappingFields[last] && wrapped < 4 {
			fields[last] += " " + line
			wrapped++
			continue
		}
		break
	}
	if len(fields) == 0 {
		j = datedSenderLine(rest, fields)
	}
	if _, hasFrom := fields["from"]; !hasFrom && needFrom {
		return nil, false, langs
	}
	if len(fields) == 0 {
		j = 0
	}
	f = &Forwarded{
		To:      parseAddresses(fields["to"]),
		Cc:      parseAddresses(fields["cc"]),
		Subject: truncate(collapseSpace(decodeSubject(fields["subject"])), maxSubject),
		Body:    cleanText(strings.Join(rest[min(j, len(rest)):], "\n")),
		Note:    strings.TrimSpace(cleanText(strings.Join(ls[:marker], "\n"))),
	}
	f.Date, f.DateZoned = parseDateIn(fields["date"], langs)
	if from := parseAddresses(fields["from"]); len(from) > 0 {
		f.From = from[0]
	}
	if f.Subject == "" {
		f.Subject = truncate(forwardedSubject(subject), maxSubject)
	}
	_, hasFrom := fields["from"]
	return f, hasFrom, langs
}

// quotedBlock reports a forwarded block whose header lines are quoted
// with ">" (Apple Mail does that).
func quotedBlock(ls []string) bool {
	for i, l := range ls {
		if i > 4 {
			return false
		}
		if plainLine(l) != "" {
			if !isQuoted(l) {
				return false
			}
			_, _, ok := headerLine(l)
			return ok
		}
	}
	return false
}

// datedSenderLine reads the line Yandex and Rambler write instead of a
// header block, "23.11.2026, 10:05, "Ada Lovelace" <ada@example.org>:",
// as the first line of rest into fields, and returns the index of the
// line after it (0 when there is none).
func datedSenderLine(rest []string, fields map[string]string) int {
	for i, l := range rest {
		line := plainLine(l)
		if line == "" {
			continue
		}
		if i > 2 || len(line) > 300 || !strings.HasSuffix(line, ":") || !strings.Contains(line, "@") {
			return 0
		}
		parts := strings.SplitN(strings.TrimSuffix(line, ":"), ", ", 3)
		if len(parts) < 3 {
			return 0
		}
		if d, _ := parseDate(parts[0] + " " + parts[1]); d.IsZero() {
			return 0
		}
		fields["date"], fields["from"] = parts[0]+" "+parts[1], parts[2]
		return i + 1
	}
	return 0
}

// attributedForward reads a forward Outlook (2016 to 2021, plain text)
// introduces like a reply, 'On Monday, November 23, 2026 10:05 AM, "Ada
// Lovelace" <ada@example.org> wrote:', under a forward subject: the
// sender and the date come from the attribution (lines[i:i+n]), the
// original's text from the lines after it. nil when it names no address.
func attributedForward(ls []string, i, n int, subject string) *Forwarded {
	line := ""
	for _, l := range ls[i : i+n] {
		line += " " + plainLine(l)
	}
	m := attributedSenderRe.FindStringSubmatchIndex(line)
	if m == nil {
		return nil
	}
	from := parseAddresses(line[m[2]:m[3]] + " <" + line[m[4]:m[5]] + ">")
	if len(from) == 0 {
		return nil
	}
	rest := make([]string, 0, len(ls)-i-n)
	for _, l := range ls[i+n:] {
		rest = append(rest, unquote(l))
	}
	f := &Forwarded{
		From:    from[0],
		Subject: truncate(forwardedSubject(subject), maxSubject),
		Body:    cleanText(strings.Join(rest, "\n")),
		Note:    strings.TrimSpace(cleanText(strings.Join(ls[:i], "\n"))),
	}
	f.Date, f.DateZoned = parseDate(line[:m[0]] + " " + line[m[1]:])
	return f
}

// attributedSenderRe finds the sender of an attribution: a name in
// quotes of any kind, then the address in angle or square brackets.
var attributedSenderRe = regexp.MustCompile(`["“«„]([^"“”«»„]{1,100})["”»“]\s*[<\[](?:mailto:)?([^<>\[\]\s]{1,254}@[^<>\[\]\s]{1,254})[>\]]`)
