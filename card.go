package gratitude

import "time"

// Card is a message to the owner about a request whose token address takes
// commands about that request until it expires.
type Card struct {
	ID        int64
	RequestID int64
	Kind      string
	MessageID string
	Drafts    []int64 // the drafts it showed for approval
	CreatedAt time.Time
	ExpiresAt time.Time
}

// CommandMail is mail from the owner's address holding commands, as
// recorded, with what became of it.
type CommandMail struct {
	ID int64
	Commanded
	State      string // pending, done or refused
	Reason     string
	ReceivedAt time.Time
}
