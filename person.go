package gratitude

import "time"

// Person is one correspondent and the ledger between them and the owner.
// A person may have several addresses (linked by the owner): the ledger
// then counts each request once, whichever address helped.
type Person struct {
	Email         string    `json:"email"`
	Name          string    `json:"name"`
	HelpedMe      int       `json:"helped_me"` // requests they helped with
	Thanked       int       `json:"thanked"`   // of those, how many were thanked
	Asked         int       `json:"asked"`     // requests the owner asked them
	IHelped       int       `json:"i_helped"`  // times the owner helped them
	LastHelpAt    time.Time `json:"last_help_at,omitzero"`
	LastThankedAt time.Time `json:"last_thanked_at,omitzero"`
	// Emails are all the person's addresses, Email (the main one) first.
	Emails []string `json:"emails,omitempty"`
	// LastGaveAt is when the owner last helped them.
	LastGaveAt time.Time `json:"last_gave_at,omitzero"`
	// LastContactAt is the latest of LastHelpAt, LastThankedAt and LastGaveAt.
	LastContactAt time.Time `json:"last_contact_at,omitzero"`
}

// PersonLink files an address under a person: SameAs is the main address
// of the person it belongs to, "" when the address is a person of its own.
type PersonLink struct {
	Email  string
	SameAs string
}

// Latest returns the latest of ts (zero when all are zero).
func Latest(ts ...time.Time) time.Time {
	var out time.Time
	for _, t := range ts {
		if t.After(out) {
			out = t
		}
	}
	return out
}
