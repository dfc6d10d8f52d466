package msgtext

import (
	"bytes"
	"errors"
	"fmt"
	"net/textproto"
	"strings"
)

// Address is a mailbox as written in a header or a forwarded header block.
type Address struct{ Name, Email string } // Email lower-cased, empty when only a name was given

// Attachment describes a part the reader sees as an attached file.
type Attachment struct {
	Filename    string
	ContentType string
	Size        int // decoded bytes
}

// Text is the readable content of a message.
type Text struct {
	Plain          string       // best plain-text rendering in UTF-8: text/plain preferred, else the HTML a reader sees, as text
	Own            string       // Plain without the quoted message, attribution and signature an HTML body's structure marks (gmail_quote, divRplyFwdMsg, moz-cite-prefix, …), read from the HTML alternative when it has such marks; else Plain
	HTMLOnly       bool         // Plain came from HTML: there was no (non-empty) text/plain part
	Calendar       bool         // a text/calendar (or application/ics) part is present
	CalendarMethod string       // its METHOD (REQUEST, REPLY, CANCEL…), upper-case
	Report         bool         // multipart/report (DSN, MDN)
	ReportType     string       // its report-type parameter, e.g. "delivery-status"
	Attachments    []Attachment // attached files, message/rfc822 parts included
	Embedded       [][]byte     // raw message/rfc822 parts (forwarded as attachment), top level first
	Problems       []string     // non-fatal decode problems (unknown charset, bad base64…)
}

// ErrUnreadable is returned by Extract when the input holds no message at all.
var ErrUnreadable = errors.New("msgtext: nothing readable in message")

// catchPanics turns an unexpected panic into a Problem; fuzz tests switch it
// off to see them.
var catchPanics = true

// Extract reads a raw RFC 5322 message and returns its readable text. It
// fails only when nothing at all is readable (no header field, no text, no
// part), and even then returns a non-nil, empty Text.
func Extract(raw []byte) (t *Text, err error) {
	t = &Text{}
	w := &walker{t: t, seen: map[string]bool{}}
	if catchPanics {
		defer func() {
			if r := recover(); r != nil {
				w.problem("internal error: %v", r)
				if t.Plain == "" {
					err = ErrUnreadable
				}
			}
		}()
	}
	if len(raw) > MaxInput {
		raw = raw[:MaxInput]
		w.problem("message longer than %d bytes, rest ignored", MaxInput)
	}
	hdr, _ := splitHeader(raw)
	seg := w.entity(raw, 0, "")
	t.Plain, t.Own = seg.text, seg.text
	if len(t.Plain) > maxPlain {
		t.Plain, t.Own = truncate(t.Plain, maxPlain), truncate(t.Plain, maxPlain)
		w.problem("text longer than %d bytes, rest ignored", maxPlain)
	}
	if seg.marked {
		t.Own = truncate(seg.own, maxPlain)
	}
	t.HTMLOnly = seg.html && t.Plain != ""
	if t.Plain == "" && len(hdr) == 0 && len(t.Attachments) == 0 && len(t.Embedded) == 0 && !t.Calendar && !t.Report {
		return t, ErrUnreadable
	}
	return t, nil
}

// segment is the text rendered from one entity.
type segment struct {
	text   string
	html   bool   // rendered from HTML only
	own    string // the sender's own text, when marked
	marked bool   // an HTML body's structure marked quoted text or a signature (see htmlquote.go)
}

// walker walks the MIME tree of one message.
type walker struct {
	t     *Text
	parts int
	seen  map[string]bool // problems already reported
}

// problem records a non-fatal problem once.
func (w *walker) problem(format string, args ...any) {
	p := validUTF8(truncate(fmt.Sprintf(format, args...), 200))
	if w.seen[p] || len(w.t.Problems) >= maxProblems {
		return
	}
	w.seen[p] = true
	w.t.Problems = append(w.t.Problems, p)
}

// entity renders one MIME entity (header and body) at the given depth;
// parent is the media type of the enclosing multipart.
func (w *walker) entity(raw []byte, depth int, parent string) segment {
	w.parts++
	hdr, body := splitHeader(raw)
	h, bad := parseHeader(hdr)
	if bad {
		w.problem("malformed header fields")
	}
	defaultType := "text/plain"
	if parent == "multipart/digest" {
		defaultType = "message/rfc822"
	}
	ctype := headerValue(h, "Content-Type")
	mt, params, ok := parseMediaType(ctype)
	if !ok {
		w.problem("malformed Content-Type %s", quoteShort(ctype))
	}
	if mt == "" || !strings.Contains(mt, "/") {
		mt = defaultType
	}
	disp, dparams, _ := parseMediaType(headerValue(h, "Content-Disposition"))
	cte := headerValue(h, "Content-Transfer-Encoding")
	p := &entityInfo{h: h, mt: mt, params: params, disp: disp, dparams: dparams, cte: cte, body: body, depth: depth, parent: parent}

	switch {
	case strings.HasPrefix(mt, "multipart/"):
		return w.multipart(p)
	case mt == "message/rfc822" || mt == "message/global":
		w.embedded(p)
	case mt == "text/calendar" || mt == "application/ics":
		w.calendar(p)
	case mt == "message/delivery-status" || mt == "message/disposition-notification" ||
		mt == "message/global-delivery-status" || mt == "message/global-disposition-notification" ||
		mt == "text/rfc822-headers" || mt == "message/feedback-report":
		// Machine-readable halves of a report: neither text nor files.
	case mt == "application/pgp-signature" || mt == "application/pkcs7-signature" ||
		mt == "application/x-pkcs7-signature":
		// Signatures of multipart/signed.
	case (mt == "text/plain" || mt == "text/html") && !p.isAttachment():
		return w.text(p)
	default:
		w.attachment(p)
	}
	return segment{}
}

// entityInfo is a parsed MIME entity.
type entityInfo struct {
	h               textproto.MIMEHeader
	mt, disp, cte   string
	params, dparams map[string]string
	body            []byte
	depth           int
	parent          string
}

// filename is the entity's file name, RFC 2047 and 2231 decoded.
func (p *entityInfo) filename() string {
	name := p.dparams["filename"]
	if name == "" {
		name = p.params["name"]
	}
	return cleanFilename(name)
}

// isAttachment reports a text part that is an attached file rather than
// the body: marked as attachment, or named and not the message's only part.
func (p *entityInfo) isAttachment() bool {
	if p.disp == "attachment" {
		return true
	}
	return p.depth > 0 && p.disp != "" && p.filename() != ""
}

// decoded returns the entity body with its transfer encoding undone.
func (w *walker) decoded(p *entityInfo) []byte {
	out, problem := decodeTransfer(p.cte, p.body)
	if problem != "" {
		w.problem("%s", problem)
	}
	return out
}

func (w *walker) multipart(p *entityInfo) segment {
	if p.mt == "multipart/report" && !w.t.Report {
		w.t.Report = true
		w.t.ReportType = strings.ToLower(validUTF8(truncate(strings.TrimSpace(p.params["report-type"]), 64)))
	}
	if p.depth >= maxDepth {
		w.problem("MIME parts nested deeper than %d ignored", maxDepth)
		return segment{}
	}
	boundary := p.params["boundary"]
	if boundary == "" || len(boundary) > 200 {
		w.problem("multipart without usable boundary, read as text")
		return w.text(&entityInfo{mt: "text/plain", params: p.params, cte: p.cte, body: p.body, depth: p.depth})
	}
	parts, closed := splitMultipart(p.body, boundary, max(1, maxParts-w.parts))
	if len(parts) == 0 {
		w.problem("multipart boundary never found, read as text")
		return w.text(&entityInfo{mt: "text/plain", params: map[string]string{}, body: p.body, depth: p.depth})
	}
	if !closed {
		w.problem("multipart not closed")
	}
	segs := make([]segment, 0, len(parts))
	for _, raw := range parts {
		if w.parts >= maxParts {
			w.problem("more than %d MIME parts, rest ignored", maxParts)
			break
		}
		segs = append(segs, w.entity(raw, p.depth+1, p.mt))
	}
	if p.mt == "multipart/alternative" {
		return pickAlternative(segs)
	}
	return joinSegments(segs)
}

// pickAlternative prefers the first non-empty plain text, then HTML: when
// the parts disagree, commands are read from the plain one.
// The sender's own text comes from HTML whose structure marks it.
func pickAlternative(segs []segment) segment {
	for _, s := range segs {
		if s.text != "" && !s.html {
			for _, h := range segs {
				if h.marked {
					s.own, s.marked = h.own, true
					break
				}
			}
			return s
		}
	}
	for _, s := range segs {
		if s.text != "" {
			return s
		}
	}
	return segment{}
}

// joinSegments concatenates the texts of a mixed multipart.
func joinSegments(segs []segment) segment {
	var texts, owns []string
	html, marked := true, false
	for _, s := range segs {
		if s.text == "" {
			continue
		}
		texts = append(texts, s.text)
		html = html && s.html
		if s.marked {
			owns, marked = append(owns, s.own), true
		} else {
			owns = append(owns, s.text)
		}
	}
	if len(texts) == 0 {
		return segment{}
	}
	seg := segment{text: truncate(strings.Join(texts, "\n\n"), maxPlain+1), html: html, marked: marked}
	if marked {
		seg.own = truncate(strings.Join(owns, "\n\n"), maxPlain+1)
	}
	return seg
}

// text renders a text/plain or text/html body part.
func (w *walker) text(p *entityInfo) segment {
	data := w.decoded(p)
	label := p.params["charset"]
	if p.mt == "text/html" && label == "" {
		label = sniffHTMLCharset(data)
	}
	s, problem := toUTF8(data, label)
	if problem != "" {
		w.problem("%s", problem)
	}
	if p.mt == "text/html" {
		text, own, marked := htmlRender(s)
		return segment{text: text, html: true, own: own, marked: marked}
	}
	if strings.EqualFold(p.params["format"], "flowed") {
		s = unflow(s, strings.EqualFold(p.params["delsp"], "yes"))
	}
	return segment{text: cleanText(s)}
}

// embedded keeps a message/rfc822 part for Forward and lists it as an
// attachment.
func (w *walker) embedded(p *entityInfo) {
	data := w.decoded(p)
	if len(w.t.Embedded) < maxEmbedded {
		w.t.Embedded = append(w.t.Embedded, bytes.Clone(data))
	}
	w.addAttachment(p, len(data))
}

// calendar notes an iCalendar part and its METHOD.
func (w *walker) calendar(p *entityInfo) {
	data := w.decoded(p)
	w.t.Calendar = true
	method := p.params["method"]
	if method == "" {
		method = icsMethod(data)
	}
	if method = cleanToken(method); method != "" && w.t.CalendarMethod == "" {
		w.t.CalendarMethod = method
	}
	if p.disp == "attachment" || p.filename() != "" {
		w.addAttachment(p, len(data))
	}
}

// icsMethod finds the METHOD property of an iCalendar object.
func icsMethod(data []byte) string {
	data = data[:min(len(data), 64<<10)]
	for _, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) > 7 && bytes.EqualFold(line[:7], []byte("METHOD:")) {
			return string(line[7:])
		}
		if bytes.HasPrefix(bytes.ToUpper(line), []byte("BEGIN:VEVENT")) {
			break
		}
	}
	return ""
}

// cleanToken upper-cases a short ASCII token and drops anything else.
func cleanToken(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		if b.Len() >= 32 {
			break
		}
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '-' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return strings.ToUpper(b.String())
}

// attachment lists a part as an attached file, except images that an HTML
// body of multipart/related shows inline.
func (w *walker) attachment(p *entityInfo) {
	if p.parent == "multipart/related" && p.disp != "attachment" && headerValue(p.h, "Content-Id") != "" {
		return
	}
	data := w.decoded(p)
	w.addAttachment(p, len(data))
}

func (w *walker) addAttachment(p *entityInfo, size int) {
	if len(w.t.Attachments) >= maxAttachments {
		w.problem("more than %d attachments, rest not listed", maxAttachments)
		return
	}
	w.t.Attachments = append(w.t.Attachments, Attachment{
		Filename:    p.filename(),
		ContentType: validUTF8(truncate(p.mt, 100)),
		Size:        size,
	})
}
