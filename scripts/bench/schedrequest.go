package main

import (
	"fmt"
	"strings"
	"time"

	"gratitude"
)

// request is one filled request's times and people.
type request struct {
	id       int
	state    gratitude.State
	asked    time.Time
	replied  time.Time
	resolved time.Time
	closed   time.Time // thanked or cancelled
	next     time.Time // next_reminder_at; zero: none
	askedOf  []int     // person ids
	helpers  []int     // person ids, a prefix of askedOf
}

// day is a calendar day, near enough for the filled times.
const day = 24 * time.Hour

// requestSubject is request id's subject; lower-cased, it is normalised.
func requestSubject(id int) string { return fmt.Sprintf("Question %d about the plan", id) }

// addRequest writes request id with everything that hangs off it.
func (f *dbFiller) addRequest(id, n, active int) error {
	r := f.plan(id, n, active)
	f.counts.States[r.state]++
	updated := r.asked
	for _, t := range []time.Time{r.replied, r.resolved, r.closed} {
		if t.After(updated) {
			updated = t
		}
	}
	var thanked, cancelled time.Time
	if r.state == gratitude.StateThanked {
		thanked = r.closed
	} else if r.state == gratitude.StateCancelled {
		cancelled = r.closed
	}
	if err := f.exec("request", id, f.account, string(r.state), requestSubject(id), strings.ToLower(requestSubject(id)),
		fmt.Sprintf("req-%d@example.org", id), r.asked.UnixMilli(), millis(r.resolved), millis(thanked),
		millis(cancelled), millis(r.next), r.asked.UnixMilli(), updated.UnixMilli(), r.asked.Add(3*day).UnixMilli(),
		askText, 1+len(r.helpers)); err != nil {
		return err
	}
	if err := f.addThread(id, fmt.Sprintf("req-%d@example.org", id)); err != nil {
		return err
	}
	for _, p := range r.askedOf {
		if err := f.exec("participant", f.account, id, p, "asked", nil, nil, "", 0, "", nil); err != nil {
			return err
		}
		f.counts.Participants++
	}
	for j, p := range r.helpers {
		if err := f.addHelper(r, j, p); err != nil {
			return err
		}
	}
	return f.addReminders(r)
}

// plan works out request id's state, times and people.
func (f *dbFiller) plan(id, n, active int) request {
	r := request{id: id, state: f.stateOf(id, n, active), asked: f.askedAt(id, n)}
	for j := range 1 + id%3 {
		r.askedOf = append(r.askedOf, (id*7+j)%f.people+1)
	}
	at := func(d time.Duration) time.Time { return minTime(r.asked.Add(d), f.now) }
	if r.state != gratitude.StateOpen && r.state != gratitude.StateCancelled {
		r.helpers = r.askedOf[:min(1+id%2, len(r.askedOf))]
		r.replied = at(time.Duration(1+id%48) * time.Hour)
	}
	switch r.state {
	case gratitude.StateResolved:
		r.resolved = at(3 * day)
	case gratitude.StateThanked:
		r.resolved, r.closed = at(3*day), at(4*day)
	case gratitude.StateCancelled:
		r.closed = at(5 * day)
	}
	// Reminders still to come, some time in the coming week.
	chance := map[gratitude.State]int{gratitude.StateOpen: 60, gratitude.StateAnswered: 50, gratitude.StateResolved: 80}[r.state]
	if f.rng.IntN(100) < chance {
		r.next = f.now.Add(time.Hour + time.Duration(f.rng.Int64N(int64(7*day))))
	}
	return r
}

// minTime is the earlier of a and b.
func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// addHelper writes helper j of r, their reply in the thread and, by the
// request's state, their pending draft or their sent thank-you.
func (f *dbFiller) addHelper(r request, j, p int) error {
	reply := fmt.Sprintf("reply-%d-%d@example.net", r.id, j)
	var thanked time.Time
	if r.state == gratitude.StateThanked {
		thanked = r.closed
	}
	if err := f.exec("participant", f.account, r.id, p, "helper", r.replied.UnixMilli(), r.replied.UnixMilli(),
		reply, 1, excerpt, millis(thanked)); err != nil {
		return err
	}
	f.counts.Participants++
	if err := f.addThread(r.id, reply); err != nil {
		return err
	}
	thanks := fmt.Sprintf("thanks-%d-%d@example.org", r.id, j)
	switch {
	case r.state == gratitude.StateResolved:
		return f.addDraft(r, p, thanks, reply, gratitude.DraftPending, time.Time{})
	case r.state == gratitude.StateThanked && r.id%10 < 7: // sent by the program
		if err := f.addDraft(r, p, thanks, reply, gratitude.DraftSent, r.closed); err != nil {
			return err
		}
		if err := f.addThread(r.id, thanks); err != nil {
			return err
		}
		return f.addSent(r, p, thanks)
	case r.state == gratitude.StateThanked: // the owner wrote it
		return f.addThread(r.id, fmt.Sprintf("own-thanks-%d-%d@example.org", r.id, j))
	}
	return nil
}

// addThread puts a Message-ID in request id's thread.
func (f *dbFiller) addThread(id int, messageID string) error {
	f.counts.Threads++
	return f.exec("thread", f.account, id, messageID)
}

// addDraft writes a thank-you draft for helper p of r in the state.
func (f *dbFiller) addDraft(r request, p int, messageID, reply string, state gratitude.DraftState, sent time.Time) error {
	f.counts.Drafts++
	created := r.resolved
	return f.exec("draft", f.account, r.id, p, messageID, "<"+reply+">", "<"+reply+">",
		fmt.Sprintf("Re: Question %d about the plan", r.id), draftBody, string(state), created.UnixMilli(),
		millis(sent), millis(sent))
}

// addSent writes the outbox history of a thank-you the program sent: the
// SMTP delivery and the copy filed in Sent.
func (f *dbFiller) addSent(r request, p int, messageID string) error {
	to := fmt.Sprintf("person%d@example.net", p)
	raw := []byte(fmt.Sprintf("From: %s\r\nTo: %s\r\nMessage-ID: <%s>\r\nSubject: Re: Question %d\r\n\r\n%s\r\n",
		schedOwner, to, messageID, r.id, draftBody))
	for _, target := range []string{"smtp", "imap:sent"} {
		if err := f.exec("outbox", f.account, r.id, target, schedOwner, to, fmt.Sprintf("Re: Question %d about the plan", r.id),
			messageID, raw, r.closed.UnixMilli(), r.resolved.UnixMilli(), r.closed.UnixMilli()); err != nil {
			return err
		}
		f.counts.Outbox++
	}
	return nil
}

// addReminders records the nudges r got: open requests with no reminder
// to come have had all three; three in ten of the others had one.
func (f *dbFiller) addReminders(r request) error {
	sent := 0
	switch {
	case r.state == gratitude.StateOpen && r.next.IsZero():
		sent = 3
	case r.id%10 < 3:
		sent = 1
	}
	if sent == 0 {
		return nil
	}
	f.counts.Reminders++
	return f.exec("reminder", f.account, r.id, string(gratitude.ReminderNoReply), sent, r.asked.Add(3*day).UnixMilli())
}
