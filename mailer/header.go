package mailer

import (
	"fmt"
	netmail "net/mail"
	"strings"
	"unicode"

	"gratitude"
)

// oneLine makes s safe as a header value: CR, LF and every other control
// character become a space, so no value can start a header of its own,
// and invalid UTF-8 becomes U+FFFD.
func oneLine(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

// mailbox checks that a.Email is a bare address (ada@example.org) once
// made one line, and pairs it with a's one-line display name.
func mailbox(field string, a gratitude.Address) (*netmail.Address, error) {
	email := strings.TrimSpace(oneLine(a.Email))
	parsed, err := netmail.ParseAddress(email)
	if err != nil || parsed.Address != email || parsed.Name != "" {
		return nil, fmt.Errorf("mailer: %s address %q is not a bare address like ada@example.org", field, a.Email)
	}
	return &netmail.Address{Name: displayName(a.Name), Address: email}, nil
}

// displayName is name on one line. A name that net/mail will write as an
// RFC 2047 Q-encoded word gets its backslashes as U+FF3C: net/mail leaves
// them bare there, which RFC 2047 5(3) forbids and parsers reject.
func displayName(name string) string {
	name = strings.TrimSpace(oneLine(name))
	if strings.ContainsFunc(name, func(r rune) bool { return r > '~' }) {
		name = strings.ReplaceAll(name, `\`, "\uFF3C")
	}
	return name
}

// msgID checks id is a message ID without angle brackets (RFC 5322
// 3.6.4): visible ASCII, no "<" or ">", and an "@" when needAt. It returns
// id unchanged.
func msgID(field, id string, needAt bool) (string, error) {
	bad := strings.IndexFunc(id, func(r rune) bool { return r <= ' ' || r > '~' || r == '<' || r == '>' }) >= 0
	if id == "" || bad || (needAt && !strings.Contains(id, "@")) {
		return "", fmt.Errorf("mailer: %s %q is not a message ID like 1234@example.org (no angle brackets, spaces or control characters)", field, id)
	}
	return id, nil
}
