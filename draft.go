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
	Replies      int    // how many times they wrote in the thread
	First        bool   // they answered first, of several helpers
	BroughtIn    bool   // the owner did not ask them: someone brought them into the thread
	Late         bool   // they answered only after the request was resolved
	Outcome      string // what came of the request, in the owner's words
}

// PlanThanks decides which helpers of a resolved request get a thank-you
// draft, and what it answers: every helper neither thanked nor skipped who
// wrote in the thread (someone who helped outside it, by phone say, gets
// none: there is nothing to answer, and a thank-you only ever goes to an
// address that took part in the thread). helpedBefore gives each helper's
// number of other requests helped with; lastVariant the wording each got
// last (absent: none), so nobody gets the same words twice in a row, and
// two helpers of one request never get the same words while there are
// wordings enough.
func PlanThanks(r Request, helpedBefore map[string]int, lastVariant map[string]int, variants int) (plans []ThanksPlan, noDraft []Helper) {
	if r.State != StateResolved {
		return nil, nil
	}
	first := firstToAnswer(r)
	var emails []string
	for _, h := range r.Unthanked() {
		if h.LastMessageID == "" {
			noDraft = append(noDraft, h)
			continue
		}
		emails = append(emails, h.Email)
		plans = append(plans, ThanksPlan{
			Helper: h, InReplyTo: h.LastMessageID, References: threadRefs(r, h.LastMessageID),
			Subject: ReplySubject(r.Subject), TookFor: h.FirstReplyAt.Sub(r.AskedAt),
			HelpedBefore: max(0, helpedBefore[h.Email]-1),
			Replies:      h.Replies, First: h.Email == first, BroughtIn: !h.Manual && !r.WasAsked(h.Email),
			Late: !r.ResolvedAt.IsZero() && h.FirstReplyAt.After(r.ResolvedAt), Outcome: r.Outcome,
		})
	}
	for i, v := range assignVariants(emails, lastVariant, variants) {
		plans[i].Variant = v
	}
	return plans, noDraft
}

// assignVariants gives each helper a wording: all different from one
// another and from the one each got last time when that can be done;
// else all different (what the helpers of one request may compare); else,
// with more helpers than wordings, each in its rotation (nextVariant).
func assignVariants(emails []string, last map[string]int, variants int) []int {
	out := make([]int, len(emails))
	for i, e := range emails {
		out[i] = nextVariant(last, e, variants)
	}
	if variants < 2 || len(emails) < 2 || len(emails) > variants {
		return out
	}
	for _, avoidLast := range []bool{true, false} {
		if fillVariants(emails, last, variants, avoidLast, out, 0, map[int]bool{}) {
			return out
		}
	}
	return out
}

// fillVariants finds, by backtracking from helper i, distinct wordings
// (and, with avoidLast, none a helper got last time), trying each
// helper's own rotation first.
func fillVariants(emails []string, last map[string]int, variants int, avoidLast bool, out []int, i int, used map[int]bool) bool {
	if i == len(emails) {
		return true
	}
	start := nextVariant(last, emails[i], variants)
	prev, hadOne := last[emails[i]]
	for k := range variants {
		v := (start + k) % variants
		if used[v] || avoidLast && hadOne && v == prev {
			continue
		}
		used[v], out[i] = true, v
		if fillVariants(emails, last, variants, avoidLast, out, i+1, used) {
			return true
		}
		delete(used, v)
	}
	return false
}

// firstToAnswer is the helper who wrote first when several wrote in the
// thread; "" otherwise.
func firstToAnswer(r Request) string {
	first, n := "", 0
	var at time.Time
	for _, h := range r.Helpers {
		if h.Manual || h.FirstReplyAt.IsZero() {
			continue
		}
		n++
		if first == "" || h.FirstReplyAt.Before(at) {
			first, at = h.Email, h.FirstReplyAt
		}
	}
	if n < 2 {
		return ""
	}
	return first
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
