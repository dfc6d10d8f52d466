package msgtext

import "strings"

// Mail clients mark the quoted message of an HTML reply, its attribution
// line and the sender's signature with elements of their own, whatever
// the language: Gmail's div.gmail_quote and div.gmail_attr, Outlook's
// div#divRplyFwdMsg (web and mobile), the bordered header box of Outlook
// for Windows and Mac and the reference-message container of the new
// Outlook, Windows Mail's header box, Thunderbird's div.moz-cite-prefix,
// Yahoo's div.yahoo_quoted, Proton's div.protonmail_quote, Zimbra's
// hr#zwchr and hr[data-marker=__DIVIDER__]; signatures in
// div.gmail_signature, div.moz-signature, div#Signature and the like.
// Apple Mail and Thunderbird put the quoted message in a
// blockquote type=cite, which is quoted text already (">").
//
// quoteMarks follows them while an HTML body is rendered, so that the
// text the sender wrote (Text.Own) is known by structure, not only by
// the wording of attribution lines and header labels.

// markKind is what a marked element holds.
type markKind uint8

const (
	markNone     markKind = iota
	markCut               // the quoted message: it and everything after
	markDrop              // an attribution or a signature: the element
	markDropHead          // Gmail's quote: what precedes its first blockquote
)

// quoteMarks records the marked parts of the rendered output.
type quoteMarks struct {
	cut    int      // where the quoted message starts in the output; -1 for none
	marked bool     // some structure was found
	skips  [][2]int // ranges of the output that are not the sender's text
	open   []markRegion
	level  [len(countedTags)]int // open elements of each counted tag
}

// markRegion is a marked element still open.
type markRegion struct {
	tag   int // index in countedTags
	level int // its level among open elements of its tag
	start int // where its text starts in the output
	kind  markKind
}

// maxMarkRegions caps the marked elements followed at once, maxSkips
// the ranges skipped: past it the rest counts as quoted.
const (
	maxMarkRegions = 16
	maxSkips       = 64
)

// countedTags are the elements that may be marked; their nesting is
// counted to find where a marked one ends.
var countedTags = [...]string{"div", "span", "blockquote", "pre", "table", "section", "font", "td"}

func countedTag(tag string) int {
	for i, t := range countedTags {
		if t == tag {
			return i
		}
	}
	return -1
}

// markOf says what an element's attributes mark it as.
func markOf(tag string, a map[string]string) markKind {
	if len(a) == 0 {
		return markNone
	}
	id := strings.ToLower(a["id"])
	class := strings.ToLower(a["class"])
	switch {
	case tag == "hr":
		if id == "zwchr" || id == "stopspelling" || a["data-marker"] == "__DIVIDER__" {
			return markCut
		}
		return markNone
	case strings.HasSuffix(id, "divrplyfwdmsg"), id == "appendonsend", id == "mail-editor-reference-message-container",
		strings.HasPrefix(id, "olk_src_body_section"), strings.Contains(id, "yahoo_quoted"),
		strings.Contains(class, "yahoo_quoted"), strings.Contains(class, "protonmail_quote"),
		strings.Contains(class, "outlookmessageheader"), outlookHeaderBox(tag, a["style"]):
		return markCut
	case strings.Contains(class, "gmail_attr"), strings.Contains(class, "moz-cite-prefix"),
		strings.Contains(class, "gmail_signature"), strings.Contains(class, "moz-signature"),
		strings.Contains(class, "protonmail_signature_block"), strings.Contains(class, "k9mail-signature"),
		strings.Contains(class, "yahoo-signature"), a["data-smartmail"] == "gmail_signature",
		id == "signature", id == "ms-outlook-mobile-signature", strings.Contains(id, "ymail_android_signature"),
		strings.Contains(id, "yahoo-signature"):
		return markDrop
	case tag != "blockquote" && strings.Contains(class, "gmail_quote"):
		return markDropHead
	}
	return markNone
}

// outlookHeaderBox reports the div Outlook for Windows and Mac draws
// around the header of the message replied to: no border but a solid
// top one; and Windows Mail's, a thin solid top border over padding.
func outlookHeaderBox(tag, style string) bool {
	if tag != "div" || !strings.Contains(style, "border-top") {
		return false
	}
	s := strings.ToLower(strings.Join(strings.Fields(style), ""))
	return strings.Contains(s, "border:none") && strings.Contains(s, "border-top:solid") ||
		strings.Contains(s, "border-top-style:solid") && strings.Contains(s, "border-top-width:1px") && strings.Contains(s, "padding-top:")
}

// start follows a start tag written at output position pos.
func (q *quoteMarks) start(tag string, a map[string]string, selfClosing bool, pos int) {
	if q.cut >= 0 {
		return // all that follows is quoted
	}
	k := countedTag(tag)
	if k >= 0 && !selfClosing {
		q.level[k]++
	}
	if tag == "blockquote" {
		for i := range q.open {
			if r := &q.open[i]; r.kind == markDropHead {
				q.skip(r.start, pos)
				r.kind = markNone // the rest of Gmail's quote is read as written
			}
		}
	}
	switch m := markOf(tag, a); {
	case m == markCut:
		q.cut, q.marked = pos, true
	case m != markNone && k >= 0 && !selfClosing && len(q.open) < maxMarkRegions:
		if m == markDropHead && q.inside(markDropHead) {
			return
		}
		q.open = append(q.open, markRegion{tag: k, level: q.level[k], start: pos, kind: m})
		q.marked = true
	}
}

// inside reports an open region of the kind.
func (q *quoteMarks) inside(kind markKind) bool {
	for _, r := range q.open {
		if r.kind == kind {
			return true
		}
	}
	return false
}

// end follows an end tag, the output being pos long after it.
func (q *quoteMarks) end(tag string, pos int) {
	k := countedTag(tag)
	if k < 0 || q.level[k] == 0 || q.cut >= 0 {
		return
	}
	for i := len(q.open) - 1; i >= 0; i-- {
		if r := q.open[i]; r.tag == k && r.level == q.level[k] {
			for _, inner := range q.open[i:] {
				if inner.kind != markNone {
					q.skip(inner.start, pos)
				}
			}
			q.open = q.open[:i]
			break
		}
	}
	q.level[k]--
}

// skip records output from start to end as not the sender's.
func (q *quoteMarks) skip(start, end int) {
	switch {
	case end <= start:
	case len(q.skips) == maxSkips:
		if q.cut < 0 || start < q.cut {
			q.cut = start
		}
	default:
		q.skips = append(q.skips, [2]int{start, end})
	}
}

// own is the output without the quoted message and the skipped ranges;
// ok is false when no structure was found.
func (q *quoteMarks) own(out []byte) (own []byte, ok bool) {
	if !q.marked {
		return nil, false
	}
	end := len(out)
	if q.cut >= 0 {
		end = min(q.cut, end)
	}
	for _, r := range q.open {
		if r.kind != markNone {
			q.skip(r.start, end) // never closed: to the end
		}
	}
	own = make([]byte, 0, end)
	at := 0
	for _, s := range mergeRanges(q.skips) {
		if s[0] >= end {
			break
		}
		if s[0] > at {
			own = append(own, out[at:s[0]]...)
			own = append(own, '\n')
		}
		at = max(at, s[1])
	}
	if at < end {
		own = append(own, out[at:end]...)
	}
	return own, true
}

// mergeRanges sorts ranges by their start and joins overlapping ones.
func mergeRanges(rs [][2]int) [][2]int {
	for i := 1; i < len(rs); i++ { // few ranges, nearly in order
		for j := i; j > 0 && rs[j][0] < rs[j-1][0]; j-- {
			rs[j], rs[j-1] = rs[j-1], rs[j]
		}
	}
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}
