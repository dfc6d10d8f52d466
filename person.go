package gratitude

import "time"

// Person is one correspondent and the ledger between them and the owner.
type Person struct {
	Email         string    `json:"email"`
	Name          string    `json:"name"`
	HelpedMe      int       `json:"helped_me"` // requests they helped with
	Thanked       int       `json:"thanked"`   // of those, how many were thanked
	Asked         int       `json:"asked"`     // requests the owner asked them
	IHelped       int       `json:"i_helped"`  // times the owner helped them
	LastHelpAt    time.Time `json:"last_help_at,omitzero"`
	LastThankedAt time.Time `json:"last_thanked_at,omitzero"`
}
