package msgtext

import (
	"bytes"
	"strings"
	"sync"
	"unicode/utf8"
)

// Delivery-failure reports (bounces) are known by the signals of
// bounce_families.go: from the header fields alone (BounceHeader) when
// their writer leaves a sign there, else from the opening of their text
// (BounceText). RFC 3464 reports (multipart/report) are told by their
// MIME structure, not here.

const (
	bounceOpeningBytes = 640  // folded bytes of a text's opening looked at
	bounceOpeningLines = 8    // lines of the opening joined
	bounceHeadingRunes = 48   // a heading line before the first sentence is at most this long
	bounceMaxHeadings  = 2    // heading lines skipped
	bounceJSONBytes    = 4096 // bytes of a text read for an Amazon SES notification
)

// Bounce says what a delivery-failure report was known by.
type Bounce struct {
	Family string // who wrote it, e.g. "exim", "exchange", "amazon-ses"; "mta" when unknown
	Why    string // the signal, e.g. `subject "Unzustellbar"`, `from mailer-daemon@example.net`
	// Notice: not a failure but another notification of a mail service
	// about delivery (an Amazon SES delivery or complaint notice).
	Notice bool
}

// String is the family and the signal, "exim: X-Failed-Recipients".
func (b Bounce) String() string { return b.Family + ": " + b.Why }

// BounceFields are the header fields, beyond From and Subject, that
// BounceHeader reads: they must be fetched.
var BounceFields = []string{"X-Failed-Recipients"}

// bounceIndex is the table compiled for lookups.
type bounceIndex struct {
	subjects *oooIndex // labels opening a subject; an entry's lang is its family
	texts    *oooIndex // sentences opening a text
	exact    map[string]string
	locals   map[string]string
	names    []bounceName
	fields   [][2]string // field, family
	domains  map[string]string
	needs    map[string][]string // folded sentence → what the opening must also hold
}

type bounceName struct{ folded, family string }

var bounceIx = sync.OnceValue(func() *bounceIndex { return compileBounces(bounceFamilies) })

func compileBounces(table []bounceFamily) *bounceIndex {
	ix := &bounceIndex{exact: map[string]string{}, locals: map[string]string{}, domains: map[string]string{}, needs: map[string][]string{}}
	var subjects, texts []oooLanguage
	for _, f := range table {
		subjects = append(subjects, oooLanguage{lang: f.name, labels: f.subjects, sentences: f.opens})
		texts = append(texts, oooLanguage{lang: f.name, sentences: f.texts})
		for _, s := range f.exact {
			ix.exact[strings.ToLower(s)] = f.name
		}
		for _, l := range f.locals {
			ix.locals[l] = f.name
		}
		for _, n := range f.names {
			ix.names = append(ix.names, bounceName{string(foldAppend(nil, n)), f.name})
		}
		for _, h := range f.fields {
			ix.fields = append(ix.fields, [2]string{h, f.name})
		}
		for _, d := range f.domains {
			ix.domains[d] = f.name
		}
		for _, t := range f.texts {
			for _, x := range expandAlternatives(t) {
				for _, n := range f.needs {
					ix.needs[x] = append(ix.needs[x], string(foldAppend(nil, n)))
				}
			}
		}
	}
	ix.subjects = compileOOO(subjects, nil)
	ix.texts = compileOOO(texts, nil)
	return ix
}

// BounceHeader says whose delivery-failure report a message is, from its
// From address and display name, its decoded subject and the header
// fields of BounceFields (field returns a field's value, "" when absent).
// The second result is false when nothing there says so.
func BounceHeader(from, fromName, subject string, field func(name string) string) (Bounce, bool) {
	ix := bounceIx()
	b, ok := Bounce{}, false
	for _, f := range ix.fields {
		if strings.TrimSpace(field(f[0])) != "" {
			b, ok = Bounce{Family: f[1], Why: f[0]}, true
			break
		}
	}
	// A sender that names its software (Exchange's MicrosoftExchange…,
	// amavis's "Content-filter at …") beats the subject, which several
	// write alike; the subject beats a sender any mail system uses.
	if !ok {
		var fb, sb Bounce
		var fok, sok bool
		fb, fok = bounceFrom(ix, from, fromName)
		if fok && fb.Family != "mta" {
			b, ok = fb, true
		} else if sb, sok = bounceSubject(ix, subject); sok {
			b, ok = sb, true
		} else {
			b, ok = fb, fok
		}
	}
	if !ok {
		return Bounce{}, false
	}
	if name := BounceFamilyOf(from); name != "" {
		b.Family = name
	}
	return b, true
}

// bounceSubject finds a label opening the subject, or a whole subject only
// reports have.
func bounceSubject(ix *bounceIndex, subject string) (Bounce, bool) {
	s := strings.TrimSpace(truncate(decodeSubject(subject), oooSubjectBytes))
	if s == "" {
		return Bounce{}, false
	}
	if fam, ok := ix.exact[strings.ToLower(s)]; ok {
		return Bounce{Family: fam, Why: "subject " + quote(s)}, true
	}
	var buf [2 * oooSubjectBytes]byte
	if e := ix.subjects.opening(foldAppend(buf[:0], s), atSubject); e != nil {
		return Bounce{Family: e.lang, Why: "subject " + quote(e.phrase)}, true
	}
	return Bounce{}, false
}

// bounceFrom finds a From local part or display name only reports use;
// of the two, the one that names software (not "mta").
func bounceFrom(ix *bounceIndex, from, fromName string) (Bounce, bool) {
	local, _, _ := strings.Cut(strings.ToLower(from), "@")
	b, ok := Bounce{}, false
	if fam, found := ix.locals[trimHexTail(local)]; found && local != "" {
		b, ok = Bounce{Family: fam, Why: "from " + shown(from)}, true
		if fam != "mta" {
			return b, true
		}
	}
	if strings.TrimSpace(fromName) == "" {
		return b, ok
	}
	var buf [128]byte
	name := foldAppend(buf[:0], truncate(fromName, 64))
	for _, n := range ix.names {
		if hasPrefixAt(name, 0, n.folded) && (len(name) == len(n.folded) || name[len(n.folded)] == ' ') && (!ok || n.family != "mta") {
			return Bounce{Family: n.family, Why: "from " + quote(fromName) + " <" + shown(from) + ">"}, true
		}
	}
	return b, ok
}

// trimHexTail cuts the GUID (32 hex digits) or another run of 16 or more
// hex digits ending a local part: Exchange writes its NDRs from
// MicrosoftExchange followed by a GUID.
func trimHexTail(local string) string {
	i := len(local)
	for i > 0 && strings.IndexByte("0123456789abcdef", local[i-1]) >= 0 {
		i--
	}
	switch run := len(local) - i; {
	case run >= 32 && len(local) > 32:
		return local[:len(local)-32]
	case run >= 16 && i > 0:
		return local[:i]
	}
	return local
}

// BounceFamilyOf is the family a From address's domain names (a report
// from mailer-daemon@googlemail.com is Gmail's), "" when none. A domain
// is never evidence of a report by itself.
func BounceFamilyOf(from string) string {
	_, domain, ok := strings.Cut(strings.ToLower(from), "@")
	if !ok {
		return ""
	}
	ix := bounceIx()
	for domain != "" {
		if fam, ok := ix.domains[domain]; ok {
			return fam
		}
		_, rest, ok := strings.Cut(domain, ".")
		if !ok {
			break
		}
		domain = rest
	}
	return ""
}

// BounceText says whose delivery-failure report a text is by the sentence
// opening it ("Hi. This is the qmail-send program at …", "Your mail sent
// on: …"), after at most two short heading lines ("** Address not found
// **"), or by the JSON of an Amazon SES notification; from names the
// family by its domain. A person who quotes or pastes a report after
// words of their own is no report: the sentence must open the text.
func BounceText(from, plain string) (Bounce, bool) {
	if plain == "" {
		return Bounce{}, false
	}
	b, ok := sesNotification(plain)
	if !ok {
		b, ok = bounceOpening(plain)
	}
	if !ok {
		return Bounce{}, false
	}
	if name := BounceFamilyOf(from); name != "" && b.Family != "amazon-ses" {
		b.Family = name
	}
	return b, true
}

// bounceOpening matches the sentences of the table at the start of the
// text's opening lines, joined and folded; before them may stand up to
// bounceMaxHeadings short lines that end in no punctuation of a sentence.
func bounceOpening(plain string) (Bounce, bool) {
	ls := lines(truncate(plain, 8<<10))
	var buf [bounceOpeningBytes + 4*oooLineRunes]byte
	t := buf[:0]
	var starts, at [bounceMaxHeadings + 1]int // where the first lines start in t, and in ls
	n, lead := 0, 0                           // lines joined; headings leading them
	for i, raw := range ls {
		if strings.TrimSpace(raw) == "" {
			continue
		}
		if isQuoted(raw) || isSignatureDelimiter(raw) {
			break
		}
		if len(t) > 0 {
			t = append(t, ' ')
		}
		if n <= bounceMaxHeadings {
			starts[n], at[n] = len(t), i
		}
		if n == lead && lead < bounceMaxHeadings && isHeading(raw) {
			lead++
		}
		t = foldAppend(t, truncateRunes(raw, oooLineRunes))
		if n++; n == bounceOpeningLines || len(t) >= bounceOpeningBytes {
			break
		}
	}
	ix := bounceIx()
	for k := 0; k < n && k <= lead; k++ {
		e := ix.texts.at(t, skipOpeners(t, starts[k]), inLine)
		if e == nil || !ix.confirmed(e.phrase, t) {
			continue
		}
		// Not after someone else's words: a separator or an attribution
		// among the headings (looked for only now: they are costly).
		for _, i := range at[:k+1] {
			if _, ok := attributionAt(ls, i); ok || separatorAt(ls, i) {
				return Bounce{}, false
			}
		}
		return Bounce{Family: e.lang, Why: "text " + quote(e.phrase)}, true
	}
	return Bounce{}, false
}

// confirmed reports whether the opening t holds what the sentence needs
// besides itself, if anything.
func (ix *bounceIndex) confirmed(phrase string, t []byte) bool {
	needs := ix.needs[phrase]
	for _, n := range needs {
		if bytes.Contains(t, []byte(n)) {
			return true
		}
	}
	return len(needs) == 0
}

// isHeading reports a short line that is no sentence of a person: no
// greeting's comma, no closing punctuation ("** Address not found **",
// "Delivery Status Notification", a host name).
func isHeading(line string) bool {
	s := strings.TrimSpace(line)
	if utf8.RuneCountInString(s) > bounceHeadingRunes {
		return false
	}
	s = strings.TrimRight(s, "*-=_ ")
	if s == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	return !strings.ContainsRune(".,:;!?", last) && !strings.Contains(s, ",")
}

// sesNotification reads an Amazon SES notification (as SNS mails it: JSON
// whose Message holds the notification as an escaped string, or the
// notification itself): "notificationType" or "eventType" Bounce is a
// failure, Delivery and Complaint are notices.
func sesNotification(plain string) (Bounce, bool) {
	s := strings.TrimLeft(truncate(plain, bounceJSONBytes), " \t\r\n\ufeff")
	if !strings.HasPrefix(s, "{") {
		return Bounce{}, false
	}
	for _, key := range []string{"notificationType", "eventType"} {
		i := strings.Index(s, key)
		if i < 0 {
			continue
		}
		v := strings.TrimLeft(s[i+len(key):], `\" :`+"\t\r\n")
		word := v[:len(v)-len(strings.TrimLeft(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"))]
		switch word {
		case "Bounce", "DeliveryDelay":
			return Bounce{Family: "amazon-ses", Why: key + " " + quote(word)}, true
		case "Complaint", "Delivery":
			return Bounce{Family: "amazon-ses", Why: key + " " + quote(word), Notice: true}, true
		}
	}
	return Bounce{}, false
}

// shown is an address as a reason shows it: valid UTF-8, cut short.
func shown(s string) string { return validUTF8(truncate(s, 254)) }

// quote is s in double quotes, cut short.
func quote(s string) string { return `"` + validUTF8(truncate(s, 80)) + `"` }
