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
	Now            time.Time     // when the thank-you is written
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
