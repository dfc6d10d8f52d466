package owner

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"gratitude"
)

// Entry is one line of a request's timeline: when, what kind, who acted
// and what happened, in words.
type Entry struct {
	At   time.Time       // when it happened: a message's date, an action's time
	Kind string          // the log's kind (asked, replied, owner-wrote, resolve…), or "set-aside" or "refused"
	Who  string          // who acted: "you", "gratitude", or a name and address
	What string          // what happened, in words, with what it changed
	Data json.RawMessage // the log entry's data; for mail set aside, the mail
}

// Timeline returns a request and its timeline, oldest first: its history,
// and the mail about it that changed nothing (an auto-reply, someone
// else's commands, command mail refused), each with why. Times in the
// words are shown in loc.
func (q Queries) Timeline(ctx context.Context, id int64, loc *time.Location) (gratitude.Request, []Entry, error) {
	r, log, err := q.Request(ctx, id)
	if err != nil {
		return r, nil, err
	}
	asides, err := q.Store.Asides(ctx, q.Account, r.ID)
	if err != nil {
		return r, nil, err
	}
	out := make([]Entry, 0, len(log)+len(asides))
	for _, e := range dropRepeats(log) {
		out = append(out, describe(e, loc))
	}
	for _, a := range asides {
		out = append(out, describeAside(a))
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return a.At.Compare(b.At) })
	return r, out, nil
}

// dropRepeats leaves out a message of the owner's logged again when it
// changed nothing: a thank-you is logged when it leaves and again when its
// copy in Sent is read, and it is one thing the owner did.
func dropRepeats(log []gratitude.LogEntry) []gratitude.LogEntry {
	seen := map[string]int{} // Message-ID → entries logging it
	ids := make([]string, len(log))
	for i, e := range log {
		if ids[i] = ownerMessageID(e); ids[i] != "" {
			seen[ids[i]]++
		}
	}
	out := log[:0:0]
	for i, e := range log {
		var d logged
		if ids[i] != "" && seen[ids[i]] > 1 && json.Unmarshal(e.Data, &d) == nil && len(d.Changes) == 0 {
			seen[ids[i]]--
			continue
		}
		out = append(out, e)
	}
	return out
}

// ownerMessageID is the Message-ID of an owner-wrote entry ("" for others).
func ownerMessageID(e gratitude.LogEntry) string {
	if e.Kind != "owner-wrote" {
		return ""
	}
	var d struct {
		Event struct{ MessageID string } `json:"event"`
	}
	if json.Unmarshal(e.Data, &d) != nil {
		return ""
	}
	return d.Event.MessageID
}

// logged is a log entry's data: the event, and what it changed.
type logged struct {
	Event   json.RawMessage    `json:"event"`
	Changes []gratitude.Change `json:"changes"`
}

// describe says who did what in one entry of a request's log.
func describe(e gratitude.LogEntry, loc *time.Location) Entry {
	out := Entry{At: e.At, Kind: e.Kind, Data: e.Data}
	var d logged
	err := json.Unmarshal(e.Data, &d)
	if err == nil {
		out.Who, out.What, err = eventWords(e.Kind, d.Event, loc)
	}
	if err != nil {
		out.Who, out.What = "", "(an entry that cannot be read: "+err.Error()+")"
		return out
	}
	if ch := changeWords(d.Changes); ch != "" {
		out.What += " (" + ch + ")"
	}
	var when struct{ At time.Time }
	if json.Unmarshal(d.Event, &when) == nil && !when.At.IsZero() {
		out.At = when.At // when it happened (a message's date), not when it was recorded
	}
	return out
}

// eventWords says who did what in an event of kind, from its JSON.
func eventWords(kind string, raw json.RawMessage, loc *time.Location) (who, what string, err error) {
	switch kind {
	case "asked":
		return words(raw, func(ev gratitude.Asked) (string, string) {
			return "you", "asked " + people(ev.Asked) + ": “" + ev.Subject + "”"
		})
	case "replied":
		return words(raw, func(ev gratitude.Replied) (string, string) { return person(ev.From), "replied: " + quoted(ev.Excerpt) })
	case "owner-wrote":
		return words(raw, ownerWrote)
	case "helped", "not-helped", "skip":
		return words(raw, func(ev struct{ Who gratitude.Address }) (string, string) {
			return "you", fmt.Sprintf(aboutHelper[kind], person(ev.Who))
		})
	case "snooze":
		return words(raw, func(ev gratitude.Snooze) (string, string) {
			return "you", "snoozed its reminders until " + ev.Until.In(loc).Format("Mon 2 Jan 2006 15:04")
		})
	case "reminded":
		return words(raw, reminded)
	case "resolve":
		return "you", "resolved it", nil
	case "cancel":
		return "you", "cancelled it", nil
	}
	return "", kind, nil
}

// aboutHelper is what the owner said about a helper, by event kind.
var aboutHelper = map[string]string{
	"helped":     "said %s helped",
	"not-helped": "said %s did not help",
	"skip":       "said %s needs no thank-you",
}

// words decodes an event of type E and says who did what in it.
func words[E any](raw json.RawMessage, say func(E) (string, string)) (string, string, error) {
	var ev E
	if err := json.Unmarshal(raw, &ev); err != nil {
		return "", "", err
	}
	who, what := say(ev)
	return who, what, nil
}

func ownerWrote(ev gratitude.OwnerWrote) (string, string) {
	if ev.Thanks {
		return "you", "thanked " + people(ev.To)
	}
	return "you", "wrote to " + people(ev.To)
}

func reminded(ev gratitude.Reminded) (string, string) {
	what := fmt.Sprintf("reminded you: %s (reminder %d)", ev.Reminder.Words(), ev.Seq)
	if ev.Late {
		what += ", late"
	}
	return "gratitude", what
}

// describeAside says who sent mail that changed nothing, and why.
func describeAside(a gratitude.Aside) Entry {
	data, _ := json.Marshal(map[string]string{"message_id": a.MessageID, "from": a.From, "subject": a.Subject, "reason": a.Reason})
	e := Entry{At: a.At, Kind: "set-aside", Who: a.From, Data: data,
		What: "wrote “" + a.Subject + "”: set aside, " + a.Reason}
	if a.Refused {
		e.Kind, e.What = "refused", "sent commands, “"+a.Subject+"”: refused, "+a.Reason
	}
	return e
}

// changeWords joins what an event changed: "state: open → answered".
func changeWords(cs []gratitude.Change) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		parts = append(parts, c.Kind+": "+strings.TrimSpace(c.Detail))
	}
	return strings.Join(parts, "; ")
}

// person is a name and address, or the address alone.
func person(a gratitude.Address) string {
	if name := strings.TrimSpace(a.Name); name != "" {
		return name + " <" + a.Email + ">"
	}
	return a.Email
}

// people lists addresses as person shows each; "nobody" for none.
func people(as []gratitude.Address) string {
	if len(as) == 0 {
		return "nobody"
	}
	out := make([]string, 0, len(as))
	for _, a := range as {
		out = append(out, person(a))
	}
	return strings.Join(out, ", ")
}

// quoted is an excerpt in quotes, cut to a line's length.
func quoted(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 60 {
		s = string(r[:59]) + "…"
	}
	return "“" + s + "”"
}
