package msgtext

import "strings"

// What a reader of an HTML message does not see must not reach the text:
// an "approve" in a display:none div is not the owner's command, and a
// helper's hidden words are not what they wrote. The tokenizer that
// htmlText reads does not build the tree a browser builds, so hider keeps
// the elements open inside a hidden one the way the HTML parser would
// (https://html.spec.whatwg.org/#parsing-main-inbody), and wherever the
// two could part it keeps the text hidden: hiding text a reader saw costs
// an excerpt some words; showing text nobody saw could make it a command.

// hiddenElements hold nothing a reader sees, whatever their style.
var hiddenElements = map[string]bool{
	"head": true, "title": true, "style": true, "script": true, "template": true,
	"noscript": true, "noframes": true, "noembed": true, "xml": true, "svg": true,
	"object": true, "applet": true, "iframe": true, "video": true, "audio": true,
	"select": true, "datalist": true, "rp": true, "progress": true, "meter": true,
}

// voidElements have no content and no end tag.
var voidElements = map[string]bool{
	"area": true, "base": true, "basefont": true, "bgsound": true, "br": true, "col": true,
	"embed": true, "frame": true, "hr": true, "image": true, "img": true, "input": true,
	"keygen": true, "link": true, "meta": true, "param": true, "source": true, "track": true, "wbr": true,
}

// formattingElements are reopened by the parser after an element they sit
// in closes, with their attributes: a hidden <b> stays hidden past </p>.
var formattingElements = map[string]bool{
	"a": true, "b": true, "big": true, "code": true, "em": true, "font": true, "i": true,
	"nobr": true, "s": true, "small": true, "strike": true, "strong": true, "tt": true, "u": true,
}

// scopeElements stop an end tag from closing an element opened before
// them ("has an element in scope").
var scopeElements = map[string]bool{
	"applet": true, "caption": true, "html": true, "table": true, "td": true, "th": true,
	"marquee": true, "object": true, "template": true, "mi": true, "mo": true, "mn": true,
	"ms": true, "mtext": true, "annotation-xml": true, "foreignobject": true, "desc": true, "title": true,
}

// specialElements stop the end tag of an ordinary element (a span, a
// label) from closing one opened before them.
var specialElements = setOf("address applet area article aside base basefont bgsound blockquote body br button " +
	"caption center col colgroup dd details dialog dir div dl dt embed fieldset figcaption figure footer form frame " +
	"frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html iframe img input keygen li link listing main marquee menu " +
	"meta nav noembed noframes noscript object ol p param plaintext pre script search section select source style " +
	"summary table tbody td template textarea tfoot th thead title tr track ul wbr xmp " +
	"mi mo mn ms mtext annotation-xml foreignobject desc")

// tableElements close by table scope: only html, table and template stop them.
var tableElements = setOf("table tbody thead tfoot tr td th caption colgroup")

// closesP lists the start tags that close an open <p> first.
var closesP = setOf("address article aside blockquote center details dialog dir div dl fieldset figcaption " +
	"figure footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 h5 h6 pre listing " +
	"form plaintext hr xmp")

// setOf makes a set of the words of s.
func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// elementEffect is what an element's type, attributes and style (its
// own, and the sheet's) do to whether its text is seen. aria-hidden hides
// from screen readers only, so it is not read here.
func elementEffect(tag string, a map[string]string, sheet *styleSheet) effect {
	var e effect
	if style, ok := a["style"]; ok {
		e = styleEffect(style)
	}
	_, hiddenAttr := a["hidden"]
	_, open := a["open"]
	if hiddenElements[tag] || hiddenAttr || (tag == "details" || tag == "dialog") && !open {
		e.hard = true
	}
	return e.or(sheet.effect(tag, a))
}
