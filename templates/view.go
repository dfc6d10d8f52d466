package templates

import (
	"strings"
	"time"
	"unicode"
)

// Person is someone in a request's thread; templates print it with {{.}}.
type Person struct {
	Name  string // display name, may be ""
	Email string // address
}

// String returns the Name, or the Email when Name is blank (only white
// space and control characters).
func (p Person) String() string {
	if name := strings.TrimFunc(p.Name, blank); name != "" {
		return name
	}
	return p.Email
}

// blank reports white space and control characters: what a name made
// only of shows nothing.
func blank(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }

// person returns p; every view type embedding Person gets it, so the
// template functions accept them all.
func (p Person) person() Person { return p }

// Helper is someone who answered a request.
type Helper struct {
	Person
	Excerpt      string    // what they wrote, quotes and signature stripped
	FirstReplyAt time.Time // when their first reply arrived
	Replies      int       // how many replies they sent
	Thanked      bool      // whether the owner has thanked them
}

// Request is a request for help as the templates see it.
type Request struct {
	ID         int64     // the number the CLI shows (gratitude show ID)
	Subject    string    // the ask's subject
	AskedAt    time.Time // when the ask was sent
	Asked      []Person  // who was asked
	Helpers    []Helper  // who answered
	ResolvedAt time.Time // when the owner resolved it; zero while unresolved
}

// Reminder is what every reminder view shares: its time and its place in a series.
type Reminder struct {
	Now       time.Time // when the reminder is written; dates in its year omit the year
	Seq       int       // this is reminder Seq…
	Of        int       // …of at most Of (e.g. 2 of 3)
	Late      bool      // it was due at DueAt but gratitude was not running
	DueAt     time.Time // when it was due
	ReplyHint string    // one line telling the owner how to act on it by replying
}
