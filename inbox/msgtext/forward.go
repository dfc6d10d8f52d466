package msgtext

import (
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
// inline forward as Gmail, Outlook (desktop and web), Apple Mail and
// Thunderbird write it in English, German, French and Spanish. subject is
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
func inlineForward(plain, subject string) (*Forwarded, bool) {
	ls := lines(plain)
	reply := isReplySubject(subject)
	for i, raw := range ls {
		line := plainLine(raw)
		if line == "" || isQuoted(raw) {
			continue
		}
		switch {
		case forwardMarkerRe.MatchString(line) || appleMarkerRe.MatchString(line):
			f, _ := readForward(ls, i, i+1, subject)
			return f, true
		case originalMessageRe.MatchString(line) || ruleRe.MatchString(line):
			if reply {
				return nil, false
			}
			if f, ok := readForward(ls, i, i+1, subject); ok {
				return f, true
			}
			continue
		case outlookBlockAt(ls, i):
			if reply {
				return nil, false
			}
			f, _ := readForward(ls, i, i, subject)
			return f, true
		}
		if _, ok := attributionAt(ls, i); ok {
			return nil, false // a reply quoting the original
		}
	}
	return nil, false
}

// addressFields may wrap onto following lines.
var wrappingFields = map[string]bool{"from": true, "to": true, "cc": true, "bcc": true, "subject": true, "date": true}

// readForward reads the header block starting at lines[start] (after the
// marker at lines[marker]) and the body after it. ok reports that a From
// field was found.
func readForward(ls []string, marker, start int, subject string) (*Forwarded, bool) {
	rest := ls[start:]
	if quotedBlock(rest) {
		rest = append([]string(nil), rest...)
		for i, l := range rest {
			rest[i] = unquote(l)
		}
	}
	fields := map[string]string{}
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
		if f, v, ok := headerLine(rest[j]); ok {
			if _, dup := fields[f]; dup && f != "other" {
				break // a second block: the body starts here
			}
			fields[f], last, wrapped = v, f, 0
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
		j = 0
	}
	f := &Forwarded{
		To:      parseAddresses(fields["to"]),
		Cc:      parseAddresses(fields["cc"]),
		Subject: truncate(collapseSpace(decodeSubject(fields["subject"])), maxSubject),
		Body:    cleanText(strings.Join(rest[min(j, len(rest)):], "\n")),
		Note:    strings.TrimSpace(cleanText(strings.Join(ls[:marker], "\n"))),
	}
	f.Date, f.DateZoned = parseDate(fields["date"])
	if from := parseAddresses(fields["from"]); len(from) > 0 {
		f.From = from[0]
	}
	if f.Subject == "" {
		f.Subject = truncate(forwardedSubject(subject), maxSubject)
	}
	_, hasFrom := fields["from"]
	return f, hasFrom
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
