package gratitude

import "strings"

// Address is a person's mailbox with the display name seen with it.
type Address struct {
	Name  string `json:"name,omitempty"`
	Email string `json:"email"`
}

// NormalizeEmail lower-cases and trims an address; one person is one
// normalised address.
func NormalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// BetterName picks the display name to keep for a person: a real name beats
// an empty one or one that is just the address; otherwise the newer wins.
func BetterName(old, seen, email string) string {
	useful := func(n string) bool {
		n = strings.TrimSpace(n)
		return n != "" && !strings.EqualFold(n, email) && !strings.Contains(n, "@")
	}
	if useful(seen) {
		return strings.TrimSpace(seen)
	}
	if useful(old) {
		return old
	}
	return ""
}
