package msgtext

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// Limits on what a message's style sheets may ask of the reader. Past
// them every element counts as hidden: a message that needs more is not
// one whose text gratitude should act on.
const (
	maxCSS        = 1 << 20 // bytes of <style> read
	maxRules      = 4096    // rules that hide or show text
	maxCSSNesting = 8       // @media inside @media, nested rules
	maxCandidates = 64      // rules looked at for one element
	maxClasses    = 32      // classes of one element looked up
	// maxLooks is the rules looked at for all the elements of a message:
	// a sheet of rules each matching every element of a long page would
	// otherwise cost seconds a message (maxCandidates for each of tens of
	// thousands of elements).
	maxLooks = 200_000
)

// styleSheet is what a message's <style> elements do to whether text can
// be seen: the rules that hide it or show it again, found through the
// type, id or classes their subject names. It does not follow the
// cascade: a rule that hides counts whatever else applies, and a rule
// that shows again counts only when it names its element exactly (no
// combinator, pseudo-class, attribute or @media condition), so that where
// this reader and a browser differ, text is hidden rather than shown.
type styleSheet struct {
	rules   []cssRule
	byKey   map[string][]int // "tag", "#id", ".class" (lower-case) or "*" → rules
	hideAll bool             // the sheets asked too much: every element is hidden
	read    int              // bytes read
	looks   int              // rules looked at so far, for every element (maxLooks)
	spent   bool             // looks passed maxLooks: the whole message is hidden, what was read too
}

// cssRule is one rule's subject and what it does.
type cssRule struct {
	sel selector
	eff effect
}

// readStyleSheet gathers the rules of every <style> element in src,
// wherever it is: a browser applies them all. Style sheets from
// elsewhere are not read (mail clients do not load them), except that one
// written into the message as a data: address hides everything.
func readStyleSheet(src string) *styleSheet {
	if !containsFold(src, "<style") && !containsFold(src, "data:") {
		return nil
	}
	s := &styleSheet{byKey: map[string][]int{}}
	z := html.NewTokenizer(strings.NewReader(src))
	for inStyle := false; !s.hideAll; {
		switch z.Next() {
		case html.ErrorToken:
			return s
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			inStyle = string(name) == "style"
			if string(name) == "link" {
				s.hideAll = dataStyleSheet(attrs(z, more))
			}
		case html.TextToken:
			if inStyle {
				s.addSheet(string(z.Text()))
			}
		default:
			inStyle = false
		}
	}
	return s
}

// dataStyleSheet reports a <link> to a style sheet written in place.
func dataStyleSheet(a map[string]string) bool {
	href := strings.ToLower(strings.TrimSpace(a["href"]))
	return hasWord(a["rel"], "stylesheet") && strings.HasPrefix(href, "data:")
}

// hasWord reports whether the white-space separated list holds w, in any case.
func hasWord(list, w string) bool {
	return slices.ContainsFunc(strings.Fields(list), func(x string) bool { return strings.EqualFold(x, w) })
}

// addSheet adds the rules of one style sheet; one that imports a sheet
// written as a data: address hides everything.
func (s *styleSheet) addSheet(css string) {
	if s.read += len(css); s.read > maxCSS || containsFold(css, "@import") && containsFold(css, "data:") {
		s.hideAll = true
		return
	}
	s.addRules(cleanCSS(css), false, 0)
}

// addRules adds the rules of a list of rules; conditional is true inside
// an @media (or similar) block or a nesting rule.
func (s *styleSheet) addRules(css string, conditional bool, depth int) {
	if depth > maxCSSNesting {
		s.hideAll = true
		return
	}
	cssItems(css, func(prelude, block string, isBlock bool) {
		switch {
		case !isBlock:
			// A statement (@import …;) or a stray declaration.
		case strings.HasPrefix(prelude, "@"):
			if conditionalGroup(prelude) {
				s.addRules(block, true, depth+1)
			}
		default:
			s.addStyleRule(prelude, block, conditional, depth)
		}
	})
}

// conditionalGroup reports an at-rule whose block holds rules that apply
// under a condition on screen; the rest (@font-face, @keyframes, @page,
// @media print) style no text a reader sees.
func conditionalGroup(prelude string) bool {
	words := strings.Fields(strings.ToLower(prelude))
	switch strings.TrimPrefix(words[0], "@") {
	case "media":
		return !printOnly(words[1:])
	case "supports", "container", "layer", "document", "-moz-document", "scope", "starting-style":
		return true
	}
	return false
}

// printOnly reports a media query list for print alone ("print",
// "only print"); anything else may apply on screen.
func printOnly(query []string) bool {
	return len(query) > 0 && !slices.ContainsFunc(query, func(w string) bool {
		w = strings.Trim(w, ",")
		return w != "print" && w != "only"
	})
}

// addStyleRule adds a style rule: its declarations for each selector of
// its prelude, and the rules nested in it.
func (s *styleSheet) addStyleRule(prelude, block string, conditional bool, depth int) {
	var ds []declaration
	cssItems(block, func(item, nested string, isBlock bool) {
		if isBlock {
			s.addStyleRule(item, nested, true, depth+1)
		} else {
			ds = append(ds, declarations(item)...)
		}
	})
	all := declarationsEffect(ds)
	if all == (effect{}) {
		return
	}
	hides, shows := all.hidesOnly(), all.showsOnly()
	for _, part := range splitCSS(prelude, ',') {
		sel, exact := parseSelector(part)
		if hides != (effect{}) {
			folded := sel
			folded.fold = true
			s.add(cssRule{folded, hides})
		}
		if shows != (effect{}) && exact && !conditional {
			s.add(cssRule{sel, shows})
		}
	}
}

// hidesOnly is e without what shows text again.
func (e effect) hidesOnly() effect {
	return effect{hard: e.hard, vis: max(e.vis, 0), size: max(e.size, 0), color: max(e.color, 0)}
}

// showsOnly is what in e shows text again.
func (e effect) showsOnly() effect {
	return effect{vis: min(e.vis, 0), size: min(e.size, 0), color: min(e.color, 0)}
}

// add indexes r under the most particular thing its subject names.
func (s *styleSheet) add(r cssRule) {
	if len(s.rules) >= maxRules {
		s.hideAll = s.hideAll || r.eff.hides()
		return
	}
	key := r.sel.key()
	s.byKey[key] = append(s.byKey[key], len(s.rules))
	s.rules = append(s.rules, r)
}

// element is what a selector looks at in an element.
type element struct {
	tag, id string
	classes []string
	attrs   map[string]string
}

// effect is what the sheet does to an element. It stops looking once the
// element is hidden for good.
func (s *styleSheet) effect(tag string, a map[string]string) effect {
	if s == nil {
		return effect{}
	}
	el := element{tag: tag, id: a["id"], classes: strings.Fields(a["class"]), attrs: a}
	if s.hideAll || len(el.classes) > maxClasses {
		return effect{hard: true}
	}
	var e effect
	looked := 0
	for _, k := range el.keys() {
		for _, i := range s.byKey[k] {
			if looked++; looked > maxCandidates {
				return effect{hard: true}
			}
			if s.looks++; s.looks > maxLooks {
				s.hideAll, s.spent = true, true
				return effect{hard: true}
			}
			if s.rules[i].sel.matches(el) {
				if e = e.or(s.rules[i].eff); e.hard {
					return e
				}
			}
		}
	}
	return e
}

// keys are the keys rules that could match el are filed under.
func (el element) keys() []string {
	keys := make([]string, 0, 3+len(el.classes))
	keys = append(keys, "*", el.tag, "#"+strings.ToLower(el.id))
	for _, c := range el.classes {
		keys = append(keys, "."+strings.ToLower(c))
	}
	return keys
}

// cssItems calls fn for each item of a CSS list: a rule (prelude and
// block) or a statement or declaration (ended by ";"), outside strings,
// escapes and brackets.
func cssItems(css string, fn func(prelude, block string, isBlock bool)) {
	for i := 0; i < len(css); {
		j, open := itemEnd(css, i)
		if !open {
			if item := strings.TrimSpace(css[i:j]); item != "" {
				fn(item, "", false)
			}
			i = j + 1
			continue
		}
		k := blockEnd(css, j+1)
		fn(strings.TrimSpace(css[i:j]), css[j+1:k], true)
		i = k + 1
	}
}

// itemEnd finds where the item at css[i:] ends: at a ";" or the end
// (open false), or at the "{" that opens its block (open true).
func itemEnd(css string, i int) (int, bool) {
	depth := 0
	for i < len(css) {
		if n := cssSkip(css, i); n > i {
			i = n
			continue
		}
		switch css[i] {
		case '(', '[':
			depth++
		case ')', ']':
			depth = max(depth-1, 0)
		case '{':
			if depth == 0 {
				return i, true
			}
		case ';', '}':
			if depth == 0 {
				return i, false
			}
		}
		i++
	}
	return len(css), false
}

// blockEnd finds the "}" that closes a block whose content starts at
// css[i:], or the end.
func blockEnd(css string, i int) int {
	depth := 0
	for i < len(css) {
		if n := cssSkip(css, i); n > i {
			i = n
			continue
		}
		switch css[i] {
		case '{':
			depth++
		case '}':
			if depth == 0 {
				return i
			}
			depth--
		}
		i++
	}
	return len(css)
}

// containsFold reports whether s contains the lower-case ASCII sub,
// whatever the case in s.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := strings.IndexByte(s[i:], sub[0])
		if j < 0 {
			return false
		}
		i += j
		if i+len(sub) <= len(s) && strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
