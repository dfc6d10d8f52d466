package msgtext

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// effect is what an element's styles do to whether its text can be seen.
// A hard effect hides the element and all it holds, whatever they say;
// the soft ones are inherited and a descendant can undo them (a
// visibility:visible span in a visibility:hidden div shows).
type effect struct {
	hard  bool // display:none, opacity 0, clipped or squeezed to nothing, moved off screen, mso-hide:all
	vis   int8 // visibility: 1 hidden, -1 visible again, 0 inherited
	size  int8 // font size: 1 too small to read, -1 readable again, 0 inherited or relative
	color int8 // text colour: 1 transparent, -1 a colour again, 0 inherited
}

// hides reports whether e hides the text of an element whose parent shows.
func (e effect) hides() bool { return e.hard || e.vis > 0 || e.size > 0 || e.color > 0 }

// or combines two sources of style for one element; hiding wins, so that
// where the cascade is not followed text is hidden rather than shown.
func (e effect) or(o effect) effect {
	return effect{hard: e.hard || o.hard, vis: orSoft(e.vis, o.vis), size: orSoft(e.size, o.size), color: orSoft(e.color, o.color)}
}

// orSoft combines two soft effects: hidden beats shown beats inherited.
func orSoft(a, b int8) int8 {
	if a == 1 || b == 1 {
		return 1
	}
	return min(a, b)
}

// Thresholds below which text counts as unreadable.
const (
	minFontPx   = 2    // font size
	minBoxPx    = 2    // height or width of a box that clips what overflows
	minOpacity  = 0.1  // opacity
	offScreenPx = -500 // position or indent that moves text out of sight
)

// declaration is one CSS property and its value, lower-cased, unescaped,
// without !important.
type declaration struct{ prop, val string }

// declarations reads a CSS declaration list: a style attribute, or the
// body of a rule. Comments are gone (cleanCSS); strings, parentheses and
// escapes are respected as a browser does, so a ";" inside them splits
// nothing.
func declarations(css string) []declaration {
	var out []declaration
	for _, d := range splitCSS(css, ';') {
		prop, val, ok := strings.Cut(d, ":")
		if prop = strings.TrimSpace(strings.ToLower(unescapeCSS(prop))); !ok || !readProperties[prop] {
			continue
		}
		val = strings.TrimSpace(strings.ToLower(unescapeCSS(val)))
		val = strings.TrimSpace(strings.TrimSuffix(val, "!important"))
		out = append(out, declaration{prop, val})
	}
	return out
}

// readProperties are the properties that can hide text, or show it again.
var readProperties = setOf("display mso-hide opacity visibility font-size font color clip left top text-indent " +
	"margin-left margin-top margin overflow overflow-x overflow-y height max-height width max-width")

// maxStyle is the longest style attribute read; a longer one hides.
const maxStyle = 64 << 10

// styleEffect is what a style attribute does.
func styleEffect(style string) effect {
	if len(style) > maxStyle {
		return effect{hard: true}
	}
	return declarationsEffect(declarations(cleanCSS(style)))
}

// declarationsEffect is what a list of declarations does. Every one
// counts: a later "display:block" does not undo "display:none" here.
func declarationsEffect(ds []declaration) effect {
	var e effect
	clips, squeezed := false, false
	for _, d := range ds {
		e = e.or(propertyEffect(d))
		switch d.prop {
		case "overflow", "overflow-x", "overflow-y":
			w := firstWord(d.val)
			clips = clips || w == "hidden" || w == "clip"
		case "height", "max-height", "width", "max-width":
			px, ok := cssLength(d.val)
			squeezed = squeezed || ok && px < minBoxPx
		}
	}
	e.hard = e.hard || clips && squeezed
	return e
}

// propertyEffect is what one declaration does on its own. A value
// computed by a function (var(), calc()…) that could hide is taken to
// hide: this reader does not compute them.
func propertyEffect(d declaration) effect {
	computed := strings.Contains(d.val, "(")
	switch d.prop {
	case "display":
		return effect{hard: firstWord(d.val) == "none" || computed}
	case "mso-hide":
		return effect{hard: d.val == "all"}
	case "opacity":
		return effect{hard: computed || lowOpacity(d.val)}
	case "visibility":
		return effect{vis: soft(computed, keyword(d.val, []string{"hidden", "collapse"}, []string{"visible"}))}
	case "font-size":
		return effect{size: soft(computed, fontSize(d.val))}
	case "font":
		return effect{size: soft(computed, fontShorthand(d.val))}
	case "color":
		return effect{color: soft(strings.Contains(d.val, "var("), textColor(d.val))}
	case "clip":
		return effect{hard: clippedAway(d.val)}
	case "left", "top", "text-indent", "margin-left", "margin-top", "margin":
		px, ok := cssLength(firstWord(d.val))
		return effect{hard: ok && px <= offScreenPx}
	}
	return effect{}
}

// soft is 1 (hidden) when computed, else e.
func soft(computed bool, e int8) int8 {
	if computed {
		return 1
	}
	return e
}

// keyword is 1 when v is one of hide, -1 when one of show, else 0.
func keyword(v string, hide, show []string) int8 {
	w := firstWord(v)
	for _, h := range hide {
		if w == h {
			return 1
		}
	}
	for _, s := range show {
		if w == s {
			return -1
		}
	}
	return 0
}

// lowOpacity reports an opacity (number or percentage) too low to read.
func lowOpacity(v string) bool {
	scale := 1.0
	if strings.HasSuffix(v, "%") {
		v, scale = strings.TrimSuffix(v, "%"), 0.01
	}
	f, err := strconv.ParseFloat(v, 64)
	return err == nil && f*scale < minOpacity
}

// fontSizeKeywords are absolute font sizes, all readable.
var fontSizeKeywords = map[string]bool{
	"xx-small": true, "x-small": true, "small": true, "medium": true, "large": true,
	"x-large": true, "xx-large": true, "xxx-large": true, "initial": true,
}

// fontSize classifies a font-size value: 1 unreadable, -1 readable, 0 relative to
// the parent's (em, %, larger) or not understood.
func fontSize(v string) int8 {
	if fontSizeKeywords[v] {
		return -1
	}
	px, ok := cssLength(v)
	switch {
	case !ok:
		return 0
	case px < minFontPx:
		return 1
	case relativeLength(v):
		return 0
	}
	return -1
}

// fontShorthand classifies the size in a font shorthand ("bold 0/0 a",
// "12px/1.4 Arial"); a weight (700) is not a size.
func fontShorthand(v string) int8 {
	for _, w := range strings.Fields(v) {
		size, _, _ := strings.Cut(w, "/")
		if fontSizeKeywords[size] {
			return -1
		}
		if _, err := strconv.ParseFloat(size, 64); err == nil && size != "0" {
			continue // a weight or a line height, not a size
		}
		if _, ok := cssLength(size); ok {
			return fontSize(size)
		}
	}
	return 0
}

// textColor classifies a color value: 1 transparent, -1 a colour, 0 inherited.
func textColor(v string) int8 {
	switch {
	case v == "" || v == "inherit" || v == "unset" || v == "currentcolor" || strings.HasPrefix(v, "revert"):
		return 0
	case v == "transparent" || zeroAlpha(v):
		return 1
	}
	return -1
}

// zeroAlpha reports rgba(…, 0), hsla(…, 0), rgb(… / 0) and #rrggbb00.
func zeroAlpha(v string) bool {
	if strings.HasPrefix(v, "#") && (len(v) == 9 && v[7:] == "00" || len(v) == 5 && v[4] == '0') {
		return true
	}
	open := strings.IndexByte(v, '(')
	if open < 0 || !strings.HasSuffix(v, ")") {
		return false
	}
	args := strings.FieldsFunc(v[open+1:len(v)-1], func(r rune) bool { return r == ',' || r == '/' || r == ' ' })
	if len(args) != 4 {
		return false
	}
	return lowOpacity(args[3])
}

// clippedAway reports clip:rect() with no room for text.
func clippedAway(v string) bool {
	inner, ok := strings.CutPrefix(v, "rect(")
	if !ok {
		return false
	}
	for _, n := range strings.FieldsFunc(strings.TrimSuffix(inner, ")"), func(r rune) bool { return r == ',' || r == ' ' }) {
		if px, ok := cssLength(n); !ok || px > 1 {
			return false
		}
	}
	return true
}

// unitPx converts CSS length units to CSS pixels, taking 16px for em and
// rem and a 1000px viewport.
var unitPx = map[string]float64{
	"": 1, "px": 1, "pt": 4.0 / 3, "pc": 16, "in": 96, "cm": 96 / 2.54, "mm": 96 / 25.4, "q": 96 / 101.6,
	"em": 16, "rem": 16, "ex": 8, "ch": 8, "%": 0.16, "vw": 10, "vh": 10, "vmin": 10, "vmax": 10,
}

// cssLength reads a length ("0", "12px", "-9999px", "0.5em") as CSS pixels.
func cssLength(v string) (float64, bool) {
	v = strings.TrimSpace(v)
	i := strings.IndexFunc(v, func(r rune) bool { return !(r >= '0' && r <= '9' || r == '.' || r == '-' || r == '+') })
	if i < 0 {
		i = len(v)
	}
	f, err := strconv.ParseFloat(v[:i], 64)
	scale, ok := unitPx[v[i:]]
	if err != nil || !ok {
		return 0, false
	}
	return f * scale, true
}

// relativeLength reports a length relative to the parent's font size.
func relativeLength(v string) bool {
	return strings.HasSuffix(v, "em") && !strings.HasSuffix(v, "rem") ||
		strings.HasSuffix(v, "%") || strings.HasSuffix(v, "ex") || strings.HasSuffix(v, "ch")
}

// firstWord is the first word of a value.
func firstWord(v string) string {
	w, _, _ := strings.Cut(strings.TrimSpace(v), " ")
	return w
}

// cleanCSS removes comments (/* … */) outside strings, replacing each by
// a space as CSS does; strings and escapes stay as written.
func cleanCSS(s string) string {
	if !strings.Contains(s, "/*") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		switch n := cssSkip(s, i); {
		case n > i:
			b.WriteString(s[i:n])
			i = n
		case strings.HasPrefix(s[i:], "/*"):
			end := strings.Index(s[i+2:], "*/")
			if end < 0 {
				return b.String()
			}
			b.WriteByte(' ')
			i += end + 4
		default:
			b.WriteByte(s[i])
			i++
		}
	}
	return b.String()
}

// cssSkip returns the end of the string or escape starting at s[i], or
// i when none starts there. A string ends at its quote or at a line break.
func cssSkip(s string, i int) int {
	switch c := s[i]; {
	case c == '\\':
		_, n := utf8.DecodeRuneInString(s[min(i+1, len(s)):])
		return min(i+1+n, len(s))
	case c == '"' || c == '\'':
		for j := i + 1; j < len(s); j++ {
			switch s[j] {
			case '\\':
				j++
			case c, '\n':
				return j + 1
			}
		}
		return len(s)
	}
	return i
}

// splitCSS splits s at sep outside strings, escapes and brackets.
func splitCSS(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); {
		if n := cssSkip(s, i); n > i {
			i = n
			continue
		}
		switch s[i] {
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth = max(depth-1, 0)
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
		i++
	}
	return append(out, s[start:])
}

// unescapeCSS resolves CSS escapes: "\65" or "\000065 " is "e", "\:" is ":".
func unescapeCSS(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] != '\\' || i+1 == len(s) {
			b.WriteByte(s[i])
			continue
		}
		i++
		j := i
		for j < len(s) && j-i < 6 && isHex(s[j]) {
			j++
		}
		if j == i {
			b.WriteByte(s[i]) // "\x" is x (a rune's later bytes copy as they are)
			continue
		}
		r, _ := strconv.ParseUint(s[i:j], 16, 32)
		if r == 0 || r > utf8.MaxRune || r >= 0xD800 && r <= 0xDFFF {
			r = utf8.RuneError
		}
		b.WriteRune(rune(r))
		if j < len(s) && (s[j] == ' ' || s[j] == '\t' || s[j] == '\n') {
			j++
		}
		i = j - 1
	}
	return b.String()
}
