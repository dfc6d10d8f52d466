package msgtext

import (
	"slices"
	"strings"
)

// selector is the subject of a CSS selector: the compound selector naming
// the element a rule styles ("td.mobile" in ".wrap > td.mobile").
type selector struct {
	tag     string // element type, lower-case; "" for any
	id      string
	classes []string
	attrs   []attrMatch
	fold    bool // compare names without case: the rule only hides
}

// attrMatch is one attribute selector: [name], [name=value], [name^=value]…
type attrMatch struct{ name, op, val string }

// parseSelector reads one selector of a list. exact is false when it says
// more than its subject's type, id and classes (a combinator, a
// pseudo-class, an attribute or anything not understood), which this
// reader then leaves out, matching more elements than a browser would.
func parseSelector(sel string) (s selector, exact bool) {
	sel = strings.TrimSpace(sel)
	start := subjectStart(sel)
	exact = start == 0
	c := sel[start:]
	for i := 0; i < len(c); {
		switch ch := c[i]; {
		case ch == '#' || ch == '.':
			name, next := cssIdent(c, i+1)
			if ch == '#' {
				s.id = name
			} else {
				s.classes = append(s.classes, name)
			}
			i = next
		case ch == '[':
			end := bracketEnd(c, i)
			s.attrs = append(s.attrs, parseAttrMatch(c[i+1:min(end, len(c))]))
			exact, i = false, end+1
		case ch == ':':
			exact, i = false, pseudoEnd(c, i)
		case ch == '*' || ch == '&':
			i++
		default:
			name, next := cssIdent(c, i)
			if next == i {
				exact, i = false, i+1
				continue
			}
			s.tag, i = strings.ToLower(name), next
		}
	}
	return s, exact
}

// subjectStart is where the last compound selector of sel starts: after
// its last combinator (white space, ">", "+" or "~") outside brackets.
func subjectStart(sel string) int {
	start, depth := 0, 0
	for i := 0; i < len(sel); {
		if n := cssSkip(sel, i); n > i {
			i = n
			continue
		}
		switch c := sel[i]; {
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth = max(depth-1, 0)
		case depth == 0 && strings.IndexByte(" \t\n\r\f>+~", c) >= 0:
			start = i + 1
		}
		i++
	}
	return start
}

// cssIdent reads the identifier at s[i:] and returns it unescaped, with
// where it ends.
func cssIdent(s string, i int) (string, int) {
	j := i
	for j < len(s) {
		c := s[j]
		switch {
		case c == '\\':
			j = cssSkip(s, j)
		case c == '-' || c == '_' || c >= 0x80 || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			j++
		default:
			return unescapeCSS(s[i:j]), j
		}
	}
	return unescapeCSS(s[i:j]), j
}

// bracketEnd is the index of the "]" closing the "[" at s[i], or len(s).
func bracketEnd(s string, i int) int {
	for j := i + 1; j < len(s); {
		if n := cssSkip(s, j); n > j {
			j = n
			continue
		}
		if s[j] == ']' {
			return j
		}
		j++
	}
	return len(s)
}

// pseudoEnd is where the pseudo-class or pseudo-element at s[i] ends,
// its argument ("(…)") included.
func pseudoEnd(s string, i int) int {
	for i < len(s) && s[i] == ':' {
		i++
	}
	_, i = cssIdent(s, i)
	if i >= len(s) || s[i] != '(' {
		return i
	}
	depth := 0
	for i < len(s) {
		if n := cssSkip(s, i); n > i {
			i = n
			continue
		}
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return i + 1
			}
		}
		i++
	}
	return i
}

// parseAttrMatch reads the inside of an attribute selector.
func parseAttrMatch(inner string) attrMatch {
	i := strings.IndexByte(inner, '=')
	if i < 0 {
		return attrMatch{name: strings.ToLower(strings.TrimSpace(unescapeCSS(inner)))}
	}
	name, op := inner[:i], "="
	if i > 0 && strings.IndexByte("~|^$*", inner[i-1]) >= 0 {
		name, op = inner[:i-1], inner[i-1:i+1]
	}
	val := strings.TrimSpace(inner[i+1:])
	if f := strings.Fields(val); len(f) == 2 && len(f[1]) == 1 {
		val = f[0] // a case flag: [type="a" i]
	}
	if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') && val[len(val)-1] == val[0] {
		val = val[1 : len(val)-1]
	}
	return attrMatch{strings.ToLower(strings.TrimSpace(unescapeCSS(name))), op, strings.ToLower(unescapeCSS(val))}
}

// key is what the sheet files s under: its id, a class, its type or "*".
func (s selector) key() string {
	switch {
	case s.id != "":
		return "#" + strings.ToLower(s.id)
	case len(s.classes) > 0:
		return "." + strings.ToLower(s.classes[0])
	case s.tag != "":
		return s.tag
	}
	return "*"
}

// matches reports whether el is the subject s names.
func (s selector) matches(el element) bool {
	eq := func(x, y string) bool { return x == y || s.fold && strings.EqualFold(x, y) }
	if s.tag != "" && s.tag != el.tag || s.id != "" && !eq(s.id, el.id) {
		return false
	}
	for _, c := range s.classes {
		if !slices.ContainsFunc(el.classes, func(x string) bool { return eq(x, c) }) {
			return false
		}
	}
	for _, m := range s.attrs {
		if !m.matches(el.attrs) {
			return false
		}
	}
	return true
}

// matches reports whether attributes a satisfy m, without case.
func (m attrMatch) matches(a map[string]string) bool {
	v, ok := a[m.name]
	v = strings.ToLower(v)
	switch {
	case !ok:
		return false
	case m.op == "=":
		return v == m.val
	case m.op == "~=":
		return slices.Contains(strings.Fields(v), m.val)
	case m.op == "|=":
		return v == m.val || strings.HasPrefix(v, m.val+"-")
	case m.op == "^=":
		return m.val != "" && strings.HasPrefix(v, m.val)
	case m.op == "$=":
		return m.val != "" && strings.HasSuffix(v, m.val)
	case m.op == "*=":
		return m.val != "" && strings.Contains(v, m.val)
	}
	return true
}
