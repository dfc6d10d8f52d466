package capture

import "strings"

// Match reports whether addr is the capture address, possibly with option
// detail, and returns that detail verbatim ("" when none).
//
// Local part and domain compare ASCII case-insensitively. The capture's
// local part may be followed by "." or "+" and the detail: capture
// "ada+thanks@example.org" matches "Ada+Thanks.3d@EXAMPLE.org" (detail "3d")
// and "ada+thanks.c42.k7f3q9@example.org" (detail "c42.k7f3q9"), but not
// "ada@example.org", "ada+thanksgiving@example.org" or
// "ada+thanks@other.org". An alias capture "thanks@example.org" matches
// "thanks.3d@example.org" and "thanks+3d@example.org". Surrounding spaces and
// one pair of angle brackets are ignored on either argument; an address with
// spaces, control characters, quotes or a second "@" in its local part never
// matches.
func Match(addr, capture string) (detail string, ok bool) {
	aLocal, aDomain, ok := split(addr)
	if !ok {
		return "", false
	}
	cLocal, cDomain, ok := split(capture)
	if !ok || !asciiEqualFold(aDomain, cDomain) || len(aLocal) < len(cLocal) ||
		!asciiEqualFold(aLocal[:len(cLocal)], cLocal) {
		return "", false
	}
	rest := aLocal[len(cLocal):]
	if rest == "" {
		return "", true
	}
	if rest[0] != '.' && rest[0] != '+' {
		return "", false
	}
	return rest[1:], true
}

// split returns the local part and domain of a bare address, both non-empty.
func split(addr string) (local, domain string, ok bool) {
	addr = strings.TrimSpace(addr)
	if len(addr) >= 2 && addr[0] == '<' && addr[len(addr)-1] == '>' {
		addr = strings.TrimSpace(addr[1 : len(addr)-1])
	}
	at := strings.LastIndexByte(addr, '@')
	if at <= 0 || at == len(addr)-1 {
		return "", "", false
	}
	local, domain = addr[:at], addr[at+1:]
	for i := 0; i < len(addr); i++ {
		c := addr[i]
		if c <= ' ' || c == 0x7f || c == '"' || (c == '@' && i != at) {
			return "", "", false
		}
	}
	return local, domain, true
}

// asciiEqualFold is strings.EqualFold restricted to ASCII letters, so that
// no Unicode folding (the Kelvin sign and "k") makes two addresses equal.
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
