package templates

import "time"

// NudgeView is the data of the Nudge template.
type NudgeView struct {
	Reminder
	OwnerName        string        // the owner's display name, may be ""
	Request          Request       // the unanswered ask
	Waiting          []Person      // who has not answered
	Waited           time.Duration // how long ago the ask was sent
	AskText          string        // what the owner wrote, quoted in the nudge
	FollowUpText     string        // the follow-up, rendered from the FollowUp template
	FollowUpInDrafts bool          // the follow-up also waits in the Drafts folder
}

// FollowUpView is the data of the FollowUp template, a draft from the owner.
type FollowUpView struct {
	OwnerName string        // the owner's display name, signs the draft
	Subject   string        // the ask's subject
	AskedAt   time.Time     // when the ask was sent
	To        []Person      // who the follow-up goes to
	Waited    time.Duration // how long ago the ask was sent
}

// UnresolvedView is the data of the Unresolved template.
type UnresolvedView struct {
	Reminder
	OwnerName   string        // the owner's display name, may be ""
	Request     Request       // the answered request
	AnsweredFor time.Duration // how long ago the first answer came
}

// ThanksPendingView is the data of the ThanksPending template.
type ThanksPendingView struct {
	Reminder
	OwnerName   string        // the owner's display name, may be ""
	Request     Request       // the resolved request
	Unthanked   []Helper      // helpers not thanked yet
	ResolvedFor time.Duration // how long ago it was resolved
}
