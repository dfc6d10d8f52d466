package main

import (
	"encoding/json"
	"time"

	"gratitude"
	"gratitude/internal/owner"
)

// requestView is a request as `list --json` and `show --json` print it;
// the field names are a stable interface.
type requestView struct {
	ID             int64        `json:"id"`
	Subject        string       `json:"subject"`
	State          string       `json:"state"`
	AskedAt        time.Time    `json:"asked_at"`
	Asked          []string     `json:"asked"`
	Helpers        []helperView `json:"helpers"`
	NextReminderAt *time.Time   `json:"next_reminder_at"`
	NextReminder   string       `json:"next_reminder,omitempty"` // its kind: nudge, unresolved, thanks-pending
	MessageID      string       `json:"message_id"`
	Notes          []string     `json:"notes,omitempty"`
	// Past: asked before gratitude began reading the mailbox (history).
	Past bool `json:"past"`
	// Outcome: what came of it, as the owner said when resolving.
	Outcome string `json:"outcome,omitempty"`
}

type helperView struct {
	Email        string    `json:"email"`
	Name         string    `json:"name"`
	FirstReplyAt time.Time `json:"first_reply_at"`
	Replies      int       `json:"replies"`
	Excerpt      string    `json:"excerpt"`
	Thanked      bool      `json:"thanked"`
}

// eventView is one line of a request's timeline in `show`.
type eventView struct {
	At   time.Time       `json:"at"`
	Kind string          `json:"kind"`
	Who  string          `json:"who"`  // you, gratitude, or a name and address
	What string          `json:"what"` // what happened, in words
	Data json.RawMessage `json:"data"`
}

func viewRequest(r gratitude.Request, p gratitude.ReminderPolicy) requestView {
	v := requestView{
		ID: r.ID, Subject: r.Subject, State: string(r.State), AskedAt: r.AskedAt,
		Asked: []string{}, Helpers: []helperView{}, MessageID: r.MessageID, Notes: r.Notes, Past: r.Past,
		Outcome: r.Outcome,
	}
	if next, ok := gratitude.NextReminder(r, p); ok {
		v.NextReminderAt, v.NextReminder = &next.DueAt, string(next.Kind)
	}
	for _, a := range r.Asked {
		v.Asked = append(v.Asked, a.Email)
	}
	for _, h := range r.Helpers {
		v.Helpers = append(v.Helpers, helperView{h.Email, h.Name, h.FirstReplyAt, h.Replies, h.Excerpt, h.Thanked()})
	}
	return v
}

func viewEvents(evs []owner.Entry) []eventView {
	out := make([]eventView, 0, len(evs))
	for _, e := range evs {
		out = append(out, eventView{At: e.At, Kind: e.Kind, Who: e.Who, What: e.What, Data: e.Data})
	}
	return out
}
