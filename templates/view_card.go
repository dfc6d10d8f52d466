package templates

import "time"

// CardView is the data of the Card template: the thank-yous drafted for a
// resolved request, shown to the owner for approval.
type CardView struct {
	OwnerName string      // the owner's display name, may be ""
	Request   Request     // the resolved request
	Drafts    []CardDraft // the drafted thank-yous, one per helper
	InDrafts  bool        // the drafts are also in the owner's Drafts folder
	NoDraft   []Person    // helpers who got no draft (they helped outside the thread)
	ReplyHint string      // one more line, e.g. "Or on the command line: gratitude approve --request 42"
	Now       time.Time   // when the card is written
}

// CardDraft is one drafted thank-you.
type CardDraft struct {
	ID     int64  // the draft's number (gratitude approve ID)
	Helper Person // who it thanks
	Text   string // its full text
	State  string // pending, approved, sent or skipped; "" counts as pending
}

// person returns the helper a draft thanks, so join, first and firsts take drafts.
func (d CardDraft) person() Person { return d.Helper }
