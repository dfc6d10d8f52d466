package msgtext

import (
	"mime"
	"regexp"
	"strings"

	"github.com/jhillyerd/enmime/v2"
)

// parseAddresses reads an address list as mail clients print it in
// forwarded header blocks: `Name <a@b>`, `"Name" <a@b>`, `Name
// [mailto:a@b]`, `a@b`, or a bare name, separated by commas or semicolons.
func parseAddresses(s string) []Address {
	s = strings.TrimSpace(truncate(s, maxHeaderValue))
	if s == "" {
		return nil
	}
	if strings.Contains(s, "=?") {
		if d, err := (&mime.WordDecoder{CharsetReader: charsetReader}).DecodeHeader(s); err == nil {
			s = d
		}
	}
	s = mailtoEchoRe.ReplaceAllString(validUTF8(s), "$1")
	var out []Address
	for _, piece := range splitAddressList(s) {
		if a, ok := parseAddress(piece); ok {
			out = append(out, a)
			if len(out) >= maxAddresses {
				break
			}
		}
	}
	return out
}

// mailtoEchoRe matches the "<mailto:…>" Outlook's plain text glues to an
// address it already printed: "ada@example.org<mailto:ada@example.org>".
var mailtoEchoRe = regexp.MustCompile(`([^\s<>])<mailto:[^<>\s]*>`)

// parseHeaderAddresses reads an address header of a real message: RFC 5322
// first (enmime's tolerant parser), the loose reading as a fallback.
func parseHeaderAddresses(s string) []Address {
	s = truncate(s, maxHeaderValue)
	if list, err := enmime.ParseAddressList(s); err == nil && len(list) > 0 {
		var out []Address
		for _, a := range list {
			if a == nil {
				continue
			}
			out = append(out, Address{Name: cleanName(a.Name), Email: cleanEmail(a.Address)})
			if len(out) >= maxAddresses {
				break
			}
		}
		return out
	}
	return parseAddresses(s)
}

// splitAddressList splits at semicolons when there are any (Outlook), else
// at commas, outside quotes and angle or square brackets. A piece with no
// address that precedes one with an address in brackets is glued to it:
// "Lovelace, Ada <ada@…>" stays one address.
func splitAddressList(s string) []string {
	sep := ','
	if containsOutside(s, ';') {
		sep = ';'
	}
	var pieces []string
	var cur strings.Builder
	quoted, depth := false, 0
	for _, r := range s {
		switch {
		case r == '"':
			quoted = !quoted
		case quoted:
		case r == '<' || r == '[' || r == '(':
			depth++
		case (r == '>' || r == ']' || r == ')') && depth > 0:
			depth--
		case r == sep && depth == 0:
			pieces = append(pieces, cur.String())
			cur.Reset()
			continue
		}
		cur.WriteRune(r)
	}
	pieces = append(pieces, cur.String())
	if sep == ';' {
		return pieces
	}
	var out []string
	for i := 0; i < len(pieces); i++ {
		p := pieces[i]
		if !strings.Contains(p, "@") && i+1 < len(pieces) && strings.ContainsAny(pieces[i+1], "<[") &&
			!strings.Contains(beforeBracket(pieces[i+1]), ",") && len(strings.Fields(p)) <= 2 &&
			len(strings.Fields(beforeBracket(pieces[i+1]))) <= 2 {
			pieces[i+1] = p + "," + pieces[i+1]
			continue
		}
		out = append(out, p)
	}
	return out
}

func beforeBracket(s string) string {
	if i := strings.IndexAny(s, "<["); i >= 0 {
		return s[:i]
	}
	return s
}

// containsOutside reports c outside double quotes.
func containsOutside(s string, c rune) bool {
	quoted := false
	for _, r := range s {
		if r == '"' {
			quoted = !quoted
		} else if r == c && !quoted {
			return true
		}
	}
	return false
}

// parseAddress reads one loosely written address.
func parseAddress(p string) (Address, bool) {
	p = strings.TrimSpace(strings.ReplaceAll(p, "*", " "))
	if p == "" {
		return Address{}, false
	}
	// Outlook's "a@b<mailto:a@b>" and "Name <mailto:a@b>".
	if i := strings.Index(strings.ToLower(p), "<mailto:"); i > 0 && strings.Contains(p[:i], "@") && !strings.Contains(p[:i], "<") {
		p = strings.TrimSpace(p[:i])
	}
	for _, br := range [][2]string{{"<", ">"}, {"[", "]"}, {"(", ")"}} {
		open := strings.LastIndex(p, br[0])
		if open < 0 {
			continue
		}
		inner := p[open+1:]
		if close := strings.Index(inner, br[1]); close >= 0 {
			inner = inner[:close]
		}
		inner = strings.TrimSpace(inner)
		if strings.HasPrefix(strings.ToLower(inner), "mailto:") {
			inner = inner[len("mailto:"):]
		}
		inner = strings.Trim(inner, "<>() ")
		if !looksLikeEmail(inner) {
			continue
		}
		name := strings.TrimSpace(p[:open])
		if name == "" && br[0] == "(" {
			continue
		}
		return Address{Name: cleanName(name), Email: cleanEmail(inner)}, true
	}
	fields := strings.Fields(p)
	if last := strings.Trim(fields[len(fields)-1], "<>()[],;"); looksLikeEmail(last) {
		if strings.HasPrefix(strings.ToLower(last), "mailto:") {
			last = last[len("mailto:"):]
		}
		name := strings.Join(fields[:len(fields)-1], " ")
		return Address{Name: cleanName(name), Email: cleanEmail(last)}, true
	}
	name := cleanName(p)
	if name == "" || strings.HasSuffix(name, ":") {
		return Address{}, false // nothing, or a group name ("undisclosed-recipients:")
	}
	return Address{Name: name}, true
}

// looksLikeEmail reports a plausible bare address.
func looksLikeEmail(s string) bool {
	at := strings.LastIndex(s, "@")
	return at > 0 && at < len(s)-1 && len(s) <= 254 && !strings.ContainsAny(s, " \t<>()[],;:\"")
}

// cleanEmail lower-cases an address.
func cleanEmail(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "mailto:")
	return truncate(validUTF8(strings.ToLower(s)), 254)
}

// cleanName unquotes and tidies a display name.
func cleanName(s string) string {
	s = collapseSpace(s)
	s = strings.Trim(s, `"' `)
	s = strings.ReplaceAll(s, `\"`, `"`)
	s = strings.TrimSpace(strings.Trim(s, "*"))
	if strings.HasSuffix(s, "(") || strings.HasSuffix(s, "<") || strings.HasSuffix(s, "[") {
		s = strings.TrimSpace(s[:len(s)-1])
	}
	return validUTF8(truncate(s, 200))
}
