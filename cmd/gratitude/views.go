package main

import (
	"encoding/json"
	"time"

	"gratitude"
	"gratitude/store"
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
	MessageID      string       `json:"message_id"`
	Notes          []string     `json:"notes,omitempty"`
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
	Data json.RawMessage `json:"data"`
}

func viewRequest(r gratitude.Request) requestView {
	v := requestView{
		ID: r.ID, Subject: r.Subject, State: string(r.State), AskedAt: r.AskedAt,
		Asked: []string{}, Helpers: []helperView{}, MessageID: r.MessageID, Notes: r.Notes,
		NextReminderAt: nextReminder(r),
	}
	for _, a := range r.Asked {
		v.Asked = append(v.Asked, a.Email)
	}
	for _, h := range r.Helpers {
		v.Helpers = append(v.Helpers, helperView{h.Email, h.Name, h.FirstReplyAt, h.Replies, h.Excerpt, h.Thanked()})
	}
	return v
}

// nextReminder is when the next reminder about r falls due: for now the
// no-reply nudge of an open request (reminders for the other states come
// with the reminder rules).
func nextReminder(r gratitude.Request) *time.Time {
	if r.State != gratitude.StateOpen || r.NoRemind || r.DueAt.IsZero() {
		return nil
	}
	t := r.DueAt
	return &t
}

func viewEvents(evs []store.Event) []eventView {
	out := make([]eventView, 0, len(evs))
	for _, e := range evs {
		out = append(out, eventView{At: e.At, Kind: e.Kind, Data: e.Data})
	}
	return out
}
