package msgtext

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// maxQuoteDepth caps the ">" prefix written for nested blockquotes.
const maxQuoteDepth = 10

// outlookRule is what Outlook writes for the horizontal rule above a
// quoted or forwarded message; <hr> renders as it so both read alike.
const outlookRule = "________________________________"

// blockElements start and end on a line of their own.
var blockElements = map[string]bool{
	"address": true, "article": true, "aside": true, "center": true, "dd": true,
	"details": true, "dialog": true, "div": true, "dl": true, "dt": true,
	"fieldset": true, "figcaption": true, "figure": true, "footer": true,
	"form": true, "header": true, "li": true, "main": true, "nav": true,
	"section": true, "summary": true, "tr": true, "tbody": true, "thead": true,
	"tfoot": true, "caption": true, "body": true, "html": true,
}

// paragraphElements are separated from their neighbours by a blank line.
var paragraphElements = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "blockquote": true, "ul": true, "ol": true, "pre": true,
	"table": true,
}

// maxAttrs caps the attributes read of one tag; a tag with more counts
// as hidden.
const maxAttrs = 64

// htmlText renders HTML as readable plain text: paragraphs separated by
// blank lines, line breaks kept, links kept as their text (followed by the
// address when it differs), blockquotes prefixed with ">", <hr> as
// Outlook's rule, markup dropped. Only what a reader sees is kept: not the
// head, scripts, styles, templates or comments, and no element hidden by
// its attributes or style (see hidden.go).
func htmlText(src string) string {
	text, _, _ := htmlRender(src)
	return text
}

// htmlRender renders HTML as htmlText does, and also the text the sender
// wrote as its structure shows it (see htmlquote.go): own is the text
// without the quoted message, attribution and signature the mail client
// marked, and marked says whether it marked any.
func htmlRender(src string) (text, own string, marked bool) {
	r := htmlReader{w: htmlWriter{out: make([]byte, 0, min(len(src), maxPlain))}, sheet: readStyleSheet(src), q: quoteMarks{cut: -1}}
	z := html.NewTokenizer(strings.NewReader(src))
	for len(r.w.out) < maxPlain && !r.blank {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return r.results()
		case html.TextToken:
			if r.h.visible() {
				r.w.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			r.startTag(string(name), attrs(z, more), tt == html.SelfClosingTagToken)
			// A sheet that cost too much to apply hides the whole message,
			// what was already read included (maxLooks).
			r.blank = r.blank || r.sheet != nil && r.sheet.spent
		case html.EndTagToken:
			name, _ := z.TagName()
			r.endTag(string(name))
		}
	}
	return r.results()
}

// htmlReader sorts the tags of an HTML document into what is written and
// what is hidden.
type htmlReader struct {
	w     htmlWriter
	h     hider
	sheet *styleSheet
	q     quoteMarks
	blank bool // the body is hidden: nothing is shown
}

// results are the text read, and the sender's own text when the
// structure marked it.
func (r *htmlReader) results() (text, own string, marked bool) {
	if r.blank {
		return "", "", false
	}
	text = cleanText(collapseBlankLines(string(r.w.out)))
	if o, ok := r.q.own(r.w.out); ok {
		return text, cleanText(collapseBlankLines(string(o))), true
	}
	return text, text, false
}

// startTag reads a start tag: one that opens a hidden region, one inside
// such a region, or one to write.
func (r *htmlReader) startTag(tag string, a map[string]string, selfClosing bool) {
	e := elementEffect(tag, a, r.sheet)
	if (tag == "html" || tag == "body") && e.hides() {
		r.blank = true // a browser puts a later <body>'s style on the one body
		return
	}
	if r.h.active() {
		inside, show := r.h.start(&r.w, tag, e, selfClosing)
		if show {
			r.w.start(tag, a, selfClosing)
		}
		if inside {
			return
		}
	}
	if e.hides() {
		r.h.hide(tag, e, selfClosing)
		return
	}
	r.q.start(tag, a, selfClosing, len(r.w.out))
	r.w.start(tag, a, selfClosing)
}

// endTag reads an end tag, in a hidden region or not.
func (r *htmlReader) endTag(tag string) {
	if r.h.active() && r.h.end(&r.w, tag) {
		return
	}
	r.w.end(tag)
	r.q.end(tag, len(r.w.out))
}

// attrs reads a tag's attributes, the first of each name; one with too
// many is marked hidden rather than read in part.
func attrs(z *html.Tokenizer, more bool) map[string]string {
	var m map[string]string
	for n := 0; more; n++ {
		if n == maxAttrs {
			m["hidden"] = ""
			break
		}
		var k, v []byte
		k, v, more = z.TagAttr()
		if m == nil {
			m = make(map[string]string, 4)
		}
		if _, dup := m[string(k)]; !dup {
			m[string(k)] = string(v)
		}
	}
	return m
}

// htmlWriter accumulates rendered text.
type htmlWriter struct {
	out       []byte
	quote     int    // blockquote depth
	pre       int    // <pre> depth
	href      string // link target of the open <a>
	linkStart int    // where the open <a>'s text starts in out
	inLink    bool
	cells     int  // cells written in the current table row
	msoLine   bool // inside Outlook's <p class=MsoNormal>
	msoStart  int  // where that paragraph's text starts in out
}

func (w *htmlWriter) start(tag string, a map[string]string, selfClosing bool) {
	switch {
	case tag == "br":
		w.newline()
	case tag == "hr":
		w.ensureLine()
		w.write(outlookRule)
		w.newline()
	case tag == "p" && strings.Contains(strings.ToLower(a["class"]), "msonormal"):
		// Outlook writes every line as <p class=MsoNormal> with no margin.
		w.ensureLine()
		w.msoLine = true
		w.msoStart = len(w.out)
	case tag == "blockquote":
		w.ensureBlank()
		if !selfClosing {
			w.quote++
		}
	case tag == "pre":
		w.ensureBlank()
		if !selfClosing {
			w.pre++
		}
	case tag == "li":
		w.ensureLine()
		w.write("- ")
	case tag == "tr":
		w.ensureLine()
		w.cells = 0
	case tag == "td" || tag == "th":
		if w.cells > 0 {
			w.write(" ")
		}
		w.cells++
	case tag == "a":
		w.href = strings.TrimSpace(a["href"])
		w.linkStart = len(w.out)
		w.inLink = !selfClosing
	case paragraphElements[tag]:
		w.ensureBlank()
	case blockElements[tag]:
		w.ensureLine()
	}
}

func (w *htmlWriter) end(tag string) {
	switch {
	case tag == "blockquote":
		w.ensureBlank()
		if w.quote > 0 {
			w.quote--
		}
	case tag == "pre":
		w.ensureBlank()
		if w.pre > 0 {
			w.pre--
		}
	case tag == "a":
		if w.inLink {
			w.linkTarget()
		}
		w.inLink = false
	case tag == "p" && w.msoLine:
		if len(w.out) == w.msoStart {
			w.newline() // an empty Outlook paragraph is a blank line
		}
		w.ensureLine()
		w.msoLine = false
	case paragraphElements[tag]:
		w.ensureBlank()
	case blockElements[tag]:
		w.ensureLine()
	}
}

// linkTarget appends a link's address after its text when the text does
// not already say it: "the guide <https://…>", "Ada <ada@example.org>".
func (w *htmlWriter) linkTarget() {
	if w.linkStart > len(w.out) {
		return
	}
	text := strings.TrimSpace(string(w.out[w.linkStart:]))
	target := w.href
	lower := strings.ToLower(target)
	switch {
	case strings.HasPrefix(lower, "mailto:"):
		target, _, _ = strings.Cut(target[len("mailto:"):], "?")
	case strings.HasPrefix(lower, "http://"), strings.HasPrefix(lower, "https://"):
	default:
		return
	}
	if target == "" || len(target) > 2000 || strings.ContainsFunc(target, unicode.IsSpace) {
		return // a line of its own from an address is not something anyone saw
	}
	bare := strings.TrimPrefix(strings.TrimPrefix(target, "https://"), "http://")
	if text == "" {
		if bare != target || strings.Contains(target, "@") {
			w.write(target) // a link around an image: its address
		}
		return
	}
	if strings.EqualFold(text, target) || strings.EqualFold(strings.TrimSuffix(text, "/"), strings.TrimSuffix(bare, "/")) ||
		strings.Contains(strings.ToLower(text), strings.ToLower(bare)) {
		return
	}
	w.write(" <" + target + ">")
}

// text writes a text node, collapsing white space outside <pre>.
func (w *htmlWriter) text(s string) {
	if w.pre > 0 {
		s = normalizeNewlines(s)
		for i, line := range strings.Split(s, "\n") {
			if i > 0 {
				w.newline()
			}
			w.write(line)
		}
		return
	}
	space := false
	var b strings.Builder
	for _, r := range s {
		if isSpace(r) {
			space = true
			continue
		}
		if space && (b.Len() > 0 || !w.atSpace()) {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	if space && (b.Len() > 0 || !w.atSpace()) {
		b.WriteByte(' ')
	}
	w.write(b.String())
}

// atSpace reports whether output ends with white space or a line start.
func (w *htmlWriter) atSpace() bool {
	n := len(w.out)
	return n == 0 || w.out[n-1] == ' ' || w.out[n-1] == '\n'
}

// write appends text, prefixing a fresh line inside blockquotes with ">".
func (w *htmlWriter) write(s string) {
	if s == "" || len(w.out) >= maxPlain {
		return
	}
	if w.quote > 0 && (len(w.out) == 0 || w.out[len(w.out)-1] == '\n') {
		w.out = append(w.out, strings.Repeat(">", min(w.quote, maxQuoteDepth))...)
		w.out = append(w.out, ' ')
		s = strings.TrimLeft(s, " ")
	}
	w.out = append(w.out, s...)
}

func (w *htmlWriter) newline() {
	if len(w.out) < maxPlain {
		w.out = append(w.out, '\n')
	}
}

// ensureLine starts a new line unless at the start of one.
func (w *htmlWriter) ensureLine() {
	if n := len(w.out); n > 0 && w.out[n-1] != '\n' {
		w.newline()
	}
}

// ensureBlank makes sure a blank line separates what follows.
func (w *htmlWriter) ensureBlank() {
	w.ensureLine()
	if n := len(w.out); n > 1 && w.out[n-2] != '\n' {
		w.newline()
	}
}

// collapseBlankLines turns runs of blank lines into a single blank line.
func collapseBlankLines(s string) string {
	ls := strings.Split(s, "\n")
	out := ls[:0]
	blank := 0
	for _, l := range ls {
		l = strings.TrimRight(l, " \t")
		if strings.TrimSpace(l) == "" {
			blank++
			if blank > 1 {
				continue
			}
			l = ""
		} else {
			blank = 0
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}
