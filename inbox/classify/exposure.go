package classify

import (
	"bytes"
	"io"
	"mime"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-message"

	"gratitude"
	"gratitude/inbox/capture"
)

// Limits on reading a message of the owner's for card addresses it shows.
const (
	exposureMaxDepth = 8       // message/rfc822 inside message/rfc822
	exposureMaxBytes = 4 << 20 // decoded text read in all
)

// exposed names the cards a message of the owner's showed to someone
// else: the program's own mail it answers, the card whose address it was
// sent to, and (when its body was read) any card address in the text of
// any part or attached message, and the Message-IDs of attached messages:
// an inline or attached forward of a card spends its token.
func (r *Rules) exposed(m *msg, c *Context, refs []string) *gratitude.Exposure {
	h := &m.Header
	if !r.showsOthers(h) {
		return nil
	}
	e := gratitude.Exposure{MessageIDs: ownRefs(refs, c)}
	if detail, ok := r.captured(m); ok {
		if opts := capture.ParseOptions(detail, time.Time{}, time.UTC); opts.CardID != 0 {
			e.CardIDs = append(e.CardIDs, opts.CardID)
		}
	}
	if m.Body != nil {
		s := bodyScan{re: r.cardAddressRe(), budget: exposureMaxBytes}
		s.entity(m.Body, 0)
		e.CardIDs = append(e.CardIDs, s.cards...)
		e.MessageIDs = append(e.MessageIDs, s.attached...)
	}
	if len(e.MessageIDs)+len(e.CardIDs) == 0 {
		return nil
	}
	return &e
}

// showsOthers reports whether anyone but the owner gets the message.
func (r *Rules) showsOthers(h *Header) bool {
	return !r.toSelfOnly(h) || len(h.Bcc) > 0
}

// cardAddressRe matches a card's address by its local part
// (capture-local.cID.TOKEN), whatever a client made of the domain; it is
// compiled once per Rules.
func (r *Rules) cardAddressRe() *regexp.Regexp {
	r.cardOnce.Do(func() {
		if local, _, _ := strings.Cut(r.Owner.Capture, "@"); local != "" {
			r.cardRe = regexp.MustCompile(`(?i)` + regexp.QuoteMeta(local) + `\.c(\d{1,12})\.[a-z0-9]+`)
		}
	})
	return r.cardRe
}

// bodyScan walks a message's parts for card addresses and attached
// messages, within a byte budget.
type bodyScan struct {
	re       *regexp.Regexp
	budget   int64
	cards    []int64
	attached []string
}

// entity reads one message (or attached message) and walks its parts.
func (s *bodyScan) entity(raw []byte, depth int) {
	e, err := message.Read(bytes.NewReader(raw))
	if e == nil || (err != nil && !message.IsUnknownCharset(err) && !message.IsUnknownEncoding(err)) {
		s.text(raw) // unreadable MIME: its bytes as they are
		return
	}
	if depth > 0 {
		s.header(e.Header)
	}
	s.part(e, depth)
}

// part scans a part: text is searched, multiparts walked, attached
// messages (message/rfc822, or an .eml file sent as bytes) read as
// messages. Only what is scanned counts against the budget; other parts
// are not read at all.
func (s *bodyScan) part(e *message.Entity, depth int) {
	if mr := e.MultipartReader(); mr != nil {
		for s.budget > 0 {
			p, err := mr.NextPart()
			if err != nil {
				return
			}
			s.part(p, depth)
		}
		return
	}
	t, _, _ := mime.ParseMediaType(e.Header.Get("Content-Type"))
	attached := t == "message/rfc822" || t == "message/global" || isEML(e.Header)
	if !attached && t != "" && !strings.HasPrefix(t, "text/") || attached && depth >= exposureMaxDepth {
		return
	}
	body, _ := io.ReadAll(io.LimitReader(e.Body, max(s.budget, 0)))
	s.budget -= int64(len(body))
	if attached {
		s.entity(body, depth+1)
		return
	}
	s.text(body)
}

// isEML reports whether a part is a message saved as a file (.eml), which
// clients attach as application/octet-stream.
func isEML(h message.Header) bool {
	_, params, _ := mime.ParseMediaType(h.Get("Content-Disposition"))
	_, ctParams, _ := mime.ParseMediaType(h.Get("Content-Type"))
	name := strings.ToLower(params["filename"] + ctParams["name"])
	return strings.HasSuffix(name, ".eml")
}

// header takes the Message-ID of an attached (or outer) message, and any
// card address in its fields (a Reply-To shown, a To).
func (s *bodyScan) header(h message.Header) {
	if id := strings.Trim(strings.TrimSpace(h.Get("Message-Id")), "<>"); id != "" {
		s.attached = append(s.attached, id)
	}
	for _, k := range []string{"Reply-To", "To", "Cc", "From"} {
		s.text([]byte(h.Get(k)))
	}
}

// text finds card addresses in decoded text.
func (s *bodyScan) text(b []byte) {
	if s.re == nil {
		return
	}
	for _, m := range s.re.FindAllSubmatch(b, 64) {
		if id, err := strconv.ParseInt(string(m[1]), 10, 64); err == nil && id > 0 {
			s.cards = append(s.cards, id)
		}
	}
}
