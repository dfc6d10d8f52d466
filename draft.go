package gratitude

import (
	"strings"
	"time"
)

// DraftState is where a thank-you draft stands.
type DraftState string

// The draft states: pending → approved → sent, or skipped.
const (
	DraftPending  DraftState = "pending"  // written, waiting for the owner
	DraftApproved DraftState = "approved" // the owner said send it; in the outbox
	DraftSent     DraftState = "sent"     // it left
	DraftSkipped  DraftState = "skipped"  // not sent: skipped, or the owner thanked them another way
)

// Draft is a thank-you to one helper of one request.
type Draft struct {
	ID         int64
	RequestID  int64
	To         Address // the helper, and nobody else
	MessageID  string  // fixed when drafted: the Drafts copy, the sent message and its Sent copy share it
	InReplyTo  string  // the helper's last message in the thread
	References []string
	Subject    string
	Text, HTML string
	Variant    int    // which wording of the thanks template
	Language   string // the language it is written in (ISO 639-1), the helper's where the templates speak it
	Edited     bool   // the owner replaced the text
	State      DraftState
	Reason     string // why it was skipped
	CreatedAt  time.Time
	DecidedAt  time.Time
	SentAt     time.Time
}

// Sent is what the draft's thank-you leaving means for its request: the
// owner wrote thanks to the helper, in the thread.
func (d Draft) Sent(at time.Time) OwnerWrote {
	return OwnerWrote{MessageID: d.MessageID, At: at, To: []Address{d.To}, Thanks: true,
		Thread: append([]string{d.InReplyTo}, d.References...)}
}

// ThanksPlan is what a thank-you to one helper is built from.
type ThanksPlan struct {
	Helper       Helper
	InReplyTo    string
	References   []string
	Subject      string
	TookFor      time.Duration // from the ask to their first reply
	HelpedBefore int           // earlier requests they helped with
	Variant      int
}

// PlanThanks decides which helpers of a resolved request get a thank-you
// draft, and what it answers: every helper neither thanked nor skipped who
// wrote in the thread (someone who helped outside it, by phone say, gets
// none: there is nothing to answer, and a thank-you only ever goes to an
// address that took part in the thread). helpedBefore gives each helper's
// number of other requests helped with; lastVariant the wording each got
// last (absent: none), so nobody gets the same words twice in a row.
func PlanThanks(r Request, helpedBefore map[string]int, lastVariant map[string]int, variants int) (plans []ThanksPlan, noDraft []Helper) {
	if r.State != StateResolved {
		return nil, nil
	}
	for _, h := range r.Unthanked() {
		if h.LastMessageID == "" {
			noDraft = append(noDraft, h)
			continue
		}
		plans = append(plans, ThanksPlan{
			Helper: h, InReplyTo: h.LastMessageID, References: threadRefs(r, h.LastMessageID),
			Subject: ReplySubject(r.Subject), TookFor: h.FirstReplyAt.Sub(r.AskedAt),
			HelpedBefore: max(0, helpedBefore[h.Email]-1), Variant: nextVariant(lastVariant, h.Email, variants),
		})
	}
	return plans, noDraft
}

// nextVariant is the wording after the one last used for email.
func nextVariant(last map[string]int, email string, variants int) int {
	if variants < 2 {
		return 0
	}
	v, ok := last[email]
	if !ok {
		return len(email) % variants // spread first thank-yous over the wordings
	}
	return (v + 1) % variants
}

// threadRefs is References for an answer to id: the ask first, then id.
func threadRefs(r Request, id string) []string {
	refs := []string{}
	if r.MessageID != "" && r.MessageID != id {
		refs = append(refs, r.MessageID)
	}
	return append(refs, id)
}

// ReplySubject is "Re: subject", never "Re: Re: subject".
func ReplySubject(s string) string {
	t := strings.TrimSpace(s)
	if len(t) >= 3 && strings.EqualFold(t[:3], "re:") {
		return t
	}
	return "Re: " + t
}
