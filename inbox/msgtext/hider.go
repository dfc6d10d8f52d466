package msgtext

// Limits on following a hidden region: the elements open in it, and the
// open elements looked at over the whole message. Past them the rest of
// the message counts as hidden.
const (
	maxHiddenDepth = 1024
	maxHiddenWork  = 20_000_000
)

// shade is what hides text at one depth of a hidden region.
type shade struct{ hard, vis, size, color bool }

// under is the shade inside an element with effect e placed in s.
func (s shade) under(e effect) shade {
	inherit := func(parent bool, own int8) bool { return own > 0 || parent && own == 0 }
	return shade{hard: s.hard || e.hard, vis: inherit(s.vis, e.vis), size: inherit(s.size, e.size), color: inherit(s.color, e.color)}
}

// hidden reports whether text in the shade cannot be seen.
func (s shade) hidden() bool { return s.hard || s.vis || s.size || s.color }

// openElement is an element open in a hidden region.
type openElement struct {
	tag     string
	own     effect // what its type, attributes and style do
	shade   shade  // what hides the text in it
	shown   bool   // its start tag was written: it could be seen
	foreign bool   // in SVG or MathML, where "<x/>" closes x as it opens it
}

// hider follows a hidden region: from an element whose text cannot be
// seen to the end tag that closes it in a browser, with the elements
// opened in between.
type hider struct {
	open  []openElement
	ended bool // too much to follow: nothing more is shown
	work  int  // open elements looked at so far
}

// active reports whether a hidden region is open.
func (h *hider) active() bool { return len(h.open) > 0 || h.ended }

// visible reports whether text at this point can be seen.
func (h *hider) visible() bool {
	return !h.ended && (len(h.open) == 0 || !h.open[len(h.open)-1].shade.hidden())
}

// hide opens a region at an element whose effect e hides its text.
func (h *hider) hide(tag string, e effect, selfClosing bool) {
	if voidElements[tag] || selfClosing && (tag == "svg" || tag == "math") {
		return // nothing in it to hide
	}
	h.open = append(h.open, openElement{tag: tag, own: e, shade: shade{}.under(e), foreign: tag == "svg" || tag == "math"})
}

// spend counts looking at every open element once and reports whether
// the region can still be followed.
func (h *hider) spend() bool {
	if h.work += len(h.open) + 1; h.work > maxHiddenWork {
		h.ended = true
	}
	return !h.ended
}

// start follows a start tag in the region. inside is false when the tag
// closed the region first (a <body> after an unclosed <head>, a <div>
// after a hidden <p>) and is to be read as outside it; show says whether
// the tag can be seen. Tags closed on the way go to w.
func (h *hider) start(w *htmlWriter, tag string, e effect, selfClosing bool) (inside, show bool) {
	switch {
	case !h.spend():
		return true, false
	case tag == "body" && h.open[0].tag == "head":
		h.pop(w, 0)
	case closesP[tag]:
		h.closeP(w)
	}
	if len(h.open) == 0 {
		return false, false
	}
	top := h.open[len(h.open)-1]
	s, foreign := top.shade.under(e), top.foreign || tag == "svg" || tag == "math"
	if voidElements[tag] || tag == "html" || tag == "body" || tag == "head" || selfClosing && foreign {
		return true, !s.hidden() // nothing opened: merged, ignored or empty
	}
	if len(h.open) >= maxHiddenDepth {
		h.ended = true
		return true, false
	}
	h.open = append(h.open, openElement{tag: tag, own: e, shade: s, shown: !s.hidden(), foreign: foreign})
	return true, !s.hidden()
}

// end follows an end tag. ours is false when it closes nothing in the
// region (it is for an element outside it); an end tag the parser would
// ignore here is ours and closes nothing.
func (h *hider) end(w *htmlWriter, tag string) (ours bool) {
	if !h.spend() {
		return true
	}
	i := h.last(tag)
	if i < 0 || tag == "html" || tag == "body" {
		return false
	}
	for _, o := range h.open[i+1:] {
		if endStops(tag, o.tag) {
			return true
		}
	}
	if tag == "form" {
		// </form> takes the form off the stack and nothing else: what it
		// holds stays open, and as hidden as it was.
		h.open = append(h.open[:i], h.open[i+1:]...)
		return true
	}
	h.pop(w, i)
	return true
}

// endStops reports whether an open element el keeps the end tag of an
// element opened before it from closing that element.
func endStops(end, el string) bool {
	switch {
	case tableElements[end]:
		return el == "html" || el == "table" || el == "template"
	case formattingElements[end]:
		return scopeElements[el] || specialElements[el]
	case specialElements[end]:
		return scopeElements[el] || end == "li" && (el == "ol" || el == "ul") || end == "p" && el == "button"
	}
	return specialElements[el]
}

// closeP closes the nearest <p> before a tag that ends paragraphs, as
// the parser does when no button or scope element is in the way.
func (h *hider) closeP(w *htmlWriter) {
	i := h.last("p")
	if i < 0 {
		return
	}
	for _, o := range h.open[i+1:] {
		if scopeElements[o.tag] || o.tag == "button" {
			return
		}
	}
	h.pop(w, i)
}

// last is the index of the innermost open element tag, or -1.
func (h *hider) last(tag string) int {
	for i := len(h.open) - 1; i >= 0; i-- {
		if h.open[i].tag == tag {
			return i
		}
	}
	return -1
}

// pop closes the element at i and those in it, writing the end tags of
// those that were shown. A hiding formatting element closed by another's
// end tag opens again, as the parser reopens it for the text that follows.
func (h *hider) pop(w *htmlWriter, i int) {
	var reopen []openElement
	for j := len(h.open) - 1; j >= i; j-- {
		o := h.open[j]
		if o.shown {
			w.end(o.tag)
		}
		if j > i && formattingElements[o.tag] && o.own.hides() {
			reopen = append(reopen, o)
		}
	}
	h.open = h.open[:i]
	for k := len(reopen) - 1; k >= 0; k-- {
		s := shade{}
		if n := len(h.open); n > 0 {
			s = h.open[n-1].shade
		}
		o := reopen[k]
		o.shade, o.shown = s.under(o.own), false
		h.open = append(h.open, o)
	}
}
