package classify

import (
	"strings"

	"github.com/emersion/go-msgauth/authres"
)

// DKIMPassFor reports whether the topmost Authentication-Results field of h (the one the receiving server added) was written by authservID and says dkim=pass for a signature of domain (header.d, case-insensitive, exact domain: a subdomain or parent does not count). An empty authservID trusts nothing.
func DKIMPassFor(h *Header, authservID, domain string) bool {
	// Only the topmost field counts (RFC 8601 section 5): a sender can add
	// fields of their own below the server's, or above it when the server
	// adds none, so a lower field is never read. A field that cannot be
	// parsed trusts nothing.
	if h == nil || strings.TrimSpace(authservID) == "" || strings.TrimSpace(domain) == "" {
		return false
	}
	values := h.Fields.Values("Authentication-Results")
	if len(values) == 0 {
		return false
	}
	id, results, err := authres.Parse(stripComments(values[0]))
	if err != nil || !strings.EqualFold(id, strings.TrimSpace(authservID)) {
		return false
	}
	for _, r := range results {
		if d, ok := r.(*authres.DKIMResult); ok && d.Value == authres.ResultPass &&
			strings.EqualFold(signingDomain(d), strings.TrimSpace(domain)) {
			return true
		}
	}
	return false
}

// signingDomain is a DKIM result's header.d, or, when the server gives
// only header.i (Gmail: header.i=@example.org), the domain of that.
func signingDomain(d *authres.DKIMResult) string {
	if d.Domain != "" {
		return d.Domain
	}
	_, dom, _ := strings.Cut(d.Identifier, "@")
	return dom
}

// stripComments removes the parenthesised comments of an RFC 5322 field
// value ("dkim=pass (2048-bit key; sha256) header.d=…"), which the authres
// parser does not skip and whose semicolons it would take for separators.
// Quoted strings and backslash escapes are kept as written.
func stripComments(v string) string {
	var b strings.Builder
	depth, quoted := 0, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v):
			if depth == 0 {
				b.WriteString(v[i : i+2])
			}
			i++
		case quoted:
			b.WriteByte(c)
			quoted = c != '"'
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
			if depth == 0 {
				b.WriteByte(' ')
			}
		case depth == 0:
			b.WriteByte(c)
			quoted = c == '"'
		}
	}
	return b.String()
}
