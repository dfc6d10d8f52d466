package templates

import "time"

// ThanksView is the data of the Thanks template: a thank-you from the owner
// to one helper, written in the owner's voice.
type ThanksView struct {
	OwnerName      string        // the owner's display name
	OwnerFirstName string        // signs the thank-you; "" uses the first name of OwnerName
	Signature      string        // the owner's signature block, printed after the name; may be ""
	Helper         Person        // who is thanked (first name via the first function)
	Subject        string        // the request's subject (the thank-you's is "Re: " and this)
	AskedAt        time.Time     // when the owner asked
	Excerpt        string        // what the helper wrote, quotes and signature stripped; may be ""
	TookFor        time.Duration // from the ask to the helper's first reply; 0 when unknown
	HelpedBefore   int           // how many earlier requests this helper helped with; 0 the first time
	Variant        int           // which wording, 0-based; Render uses variant-(Variant % Variants + 1)
	Language       string        // the helper's language (ISO 639-1): thanks.LANG when there is one, else English
	Replies        int           // how many times the helper wrote in the thread
	First          bool          // they answered first, of several helpers
	BroughtIn      bool          // the owner did not ask them: someone brought them into the thread
	Late           bool          // they answered only after the request was resolved
	Outcome        string        // what came of it, in the owner's words ("" when not said)
	Now            time.Time     // when the thank-you is written
}

// Fact is the one thing about how this helper helped that a sentence
// says, most telling first: "late" (after the request was resolved),
// "brought-in" (not asked), "first" (first of several), "twice" (wrote more
// than once), or "".
func (v ThanksView) Fact() string {
	switch {
	case v.Late:
		return "late"
	case v.BroughtIn:
		return "brought-in"
	case v.First:
		return "first"
	case v.Replies > 1:
		return "twice"
	}
	return ""
}

// Quick reports whether the helper answered within a day of the ask.
func (v ThanksView) Quick() bool { return v.TookFor > 0 && v.TookFor < day }

// HelpCount is how many requests the helper has helped with, this one included.
func (v ThanksView) HelpCount() int { return v.HelpedBefore + 1 }

// variant returns the wording asked for.
func (v ThanksView) variant() int { return v.Variant }

// withVariant returns v asking for variant i.
func (v ThanksView) withVariant(i int) any {
	v.Variant = i
	return v
}

// replySubject returns the thank-you's subject: a reply in the request's thread.
func (v ThanksView) replySubject() string { return re(v.Subject) }
