package control

import (
	"time"

	"gratitude/internal/owner"
)

// ActionsRequest asks the daemon to carry out actions on one request.
type ActionsRequest struct {
	Request int64          `json:"request"` // 0: the request of the first action's draft
	Actions []owner.Action `json:"actions"`
}

// Reply is what a run of actions did, as the command line prints it.
type Reply struct {
	Request  int64          `json:"request"`
	Subject  string         `json:"subject"`
	Before   string         `json:"before"` // the request's state before
	After    string         `json:"after"`  // and after
	Drafted  int            `json:"drafted"`
	Outcomes []OutcomeReply `json:"outcomes"`
}

// OutcomeReply is one action's outcome.
type OutcomeReply struct {
	Line    string       `json:"line"`
	Problem string       `json:"problem,omitempty"`
	Drafts  []DraftReply `json:"drafts,omitempty"`
	// Already, for an approve with nothing left to send, is whose
	// thank-you had gone already.
	Already []ThankedReply `json:"already,omitempty"`
}

// ThankedReply is a helper whose thank-you went before an approve named it.
type ThankedReply struct {
	To   string    `json:"to"`
	Name string    `json:"name,omitempty"`
	At   time.Time `json:"at"` // when it went; zero: approved, about to be sent
}

// DraftReply is a draft an action approved, skipped or edited.
type DraftReply struct {
	ID    int64  `json:"id"`
	To    string `json:"to"`
	State string `json:"state"`
}

// errorReply is the body of a refused or failed call.
type errorReply struct {
	Error    string `json:"error"`
	NotFound bool   `json:"not_found,omitempty"`
}

// ReplyOf is the reply for a report of the owner's actions.
func ReplyOf(rep owner.Report) Reply {
	r := Reply{Request: rep.Request.ID, Subject: rep.Request.Subject, Before: string(rep.Before.State),
		After: string(rep.Request.State), Drafted: rep.Drafted}
	for _, o := range rep.Outcomes {
		or := OutcomeReply{Line: o.Action.Line, Problem: o.Problem}
		for _, d := range o.Drafts {
			or.Drafts = append(or.Drafts, DraftReply{ID: d.ID, To: d.To.Email, State: string(d.State)})
		}
		for _, t := range o.Already {
			or.Already = append(or.Already, ThankedReply{To: t.Who.Email, Name: t.Who.Name, At: t.At})
		}
		r.Outcomes = append(r.Outcomes, or)
	}
	return r
}

// Problems counts the outcomes that could not be done.
func (r Reply) Problems() int {
	n := 0
	for _, o := range r.Outcomes {
		if o.Problem != "" {
			n++
		}
	}
	return n
}

// Queued reports whether the actions may have queued mail: drafts to
// show, thank-yous approved, copies in Drafts to replace or remove.
func (r Reply) Queued() bool {
	if r.Drafted > 0 {
		return true
	}
	for _, o := range r.Outcomes {
		if len(o.Drafts) > 0 {
			return true
		}
	}
	return false
}
