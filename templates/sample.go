package templates

import (
	"slices"
	"time"
)

// Sample returns realistic sample data for name (used by Check, tests and
// docs), or nil for an unknown name. Every call returns fresh values.
func Sample(name Name) any {
	switch name {
	case Nudge:
		return sampleNudge()
	case FollowUp:
		return sampleFollowUp()
	case Unresolved:
		return sampleUnresolved()
	case ThanksPending:
		return sampleThanksPending()
	case Digest:
		return sampleDigest()
	case Thanks:
		return sampleThanks()
	case Card:
		return sampleCard()
	case CommandsHelp:
		return sampleCommands()
	case Status:
		return sampleStatus()
	case Refused:
		return sampleRefused()
	case Alert:
		return sampleAlert()
	}
	if name.isThanks() && slices.Contains(thanksLanguages, name.language()) {
		return sampleThanksIn(name.language())
	}
	return nil
}

// The sample world: Ada asked Alice, Bob and Carol for help moving a server.
var (
	sampleNow     = time.Date(2026, time.November, 23, 9, 12, 0, 0, time.UTC)
	sampleAskedAt = time.Date(2026, time.November, 16, 17, 40, 0, 0, time.UTC)
)

const (
	sampleOwner   = "Ada Lovelace"
	sampleSubject = "Moving the family server to the new flat"
	sampleAsk     = "Hi all,\n\nI am moving the family server to the new flat on Saturday.\nCould one of you lend a hand with the rack for an hour or two?\n\nAda"
	sampleHint    = `Reply "resolved" when it is done, or "cancel" to drop it.`
)

// samplePeople returns Alice, Bob and Carol; Carol has no display name.
func samplePeople() []Person {
	return []Person{
		{Name: "Alice Martin", Email: "alice@example.org"},
		{Name: "Bob Okafor", Email: "bob@example.net"},
		{Email: "carol@example.com"},
	}
}

// sampleRequest returns the request with Alice and Bob as helpers.
func sampleRequest() Request {
	asked := samplePeople()
	return Request{
		ID:      42,
		Subject: sampleSubject,
		AskedAt: sampleAskedAt,
		Asked:   asked,
		Helpers: []Helper{
			{Person: asked[0], Excerpt: "I can come at ten, I'll bring the trolley.", FirstReplyAt: sampleAskedAt.Add(3 * time.Hour), Replies: 2, Thanked: true},
			{Person: asked[1], Excerpt: "The rails are in my garage, take them.\nThe screws are in the blue box.", FirstReplyAt: sampleAskedAt.Add(26 * time.Hour), Replies: 1},
		},
		ResolvedAt: sampleNow.Add(-4 * day),
	}
}

// sampleNudge is a late second reminder that nobody answered.
func sampleNudge() NudgeView {
	r := sampleRequest()
	r.Helpers, r.ResolvedAt = nil, time.Time{}
	return NudgeView{
		Reminder:         Reminder{Now: sampleNow, Seq: 2, Of: 3, Late: true, DueAt: sampleNow.Add(-14 * time.Hour), ReplyHint: `Reply "send" to send the follow-up, or "cancel" to drop the ask.`},
		OwnerName:        sampleOwner,
		Request:          r,
		Waiting:          r.Asked,
		Waited:           sampleNow.Sub(sampleAskedAt),
		AskText:          sampleAsk,
		FollowUpText:     "Hi Alice, Bob and carol@example.com,\n\nI wrote to you 6 days ago about \"" + sampleSubject + "\". I know inboxes get full, so here it is again at the top of yours.\n\nCould you have a look when you get a moment? A short answer helps, even if it is \"not now\" or \"not me\".\n\nThanks,\nAda\n",
		FollowUpInDrafts: true,
	}
}

// sampleFollowUp is the follow-up to all three people asked.
func sampleFollowUp() FollowUpView {
	return FollowUpView{
		OwnerName: sampleOwner,
		Subject:   sampleSubject,
		AskedAt:   sampleAskedAt,
		To:        samplePeople(),
		Waited:    sampleNow.Sub(sampleAskedAt),
	}
}

// sampleUnresolved is a first, on-time "is this done?".
func sampleUnresolved() UnresolvedView {
	r := sampleRequest()
	r.ResolvedAt = time.Time{}
	return UnresolvedView{
		Reminder:    Reminder{Now: sampleNow, Seq: 1, Of: 2, DueAt: sampleNow, ReplyHint: sampleHint},
		OwnerName:   sampleOwner,
		Request:     r,
		AnsweredFor: sampleNow.Sub(r.Helpers[0].FirstReplyAt),
	}
}

// sampleThanksPending is a third reminder that Bob is still unthanked.
func sampleThanksPending() ThanksPendingView {
	r := sampleRequest()
	return ThanksPendingView{
		Reminder:    Reminder{Now: sampleNow, Seq: 3, Of: 3, DueAt: sampleNow, ReplyHint: `Reply "approve" to send the drafted thank-you, or "skip bob" to let it go.`},
		OwnerName:   sampleOwner,
		Request:     r,
		Unthanked:   r.Helpers[1:],
		ResolvedFor: sampleNow.Sub(r.ResolvedAt),
	}
}
