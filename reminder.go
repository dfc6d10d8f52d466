package gratitude

import (
	"fmt"
	"time"
)

// ReminderKind names a reminder the owner can get about a request.
type ReminderKind string

// The reminders, one per clock that can stall.
const (
	ReminderNoReply    ReminderKind = "nudge"          // still open: nobody answered
	ReminderUnresolved ReminderKind = "unresolved"     // answered but not resolved
	ReminderThanks     ReminderKind = "thanks-pending" // resolved, a helper not yet thanked
)

// ReminderKinds lists every reminder kind, in the order of a request's
// life.
var ReminderKinds = []ReminderKind{ReminderNoReply, ReminderUnresolved, ReminderThanks}

// Words says what the reminder is, for the owner ("what comes next").
func (k ReminderKind) Words() string {
	switch k {
	case ReminderNoReply:
		return "a nudge: nobody has answered"
	case ReminderUnresolved:
		return `"is this done?"`
	case ReminderThanks:
		return "a reminder to thank your helpers"
	}
	return string(k)
}

// IsReminder reports whether an outgoing message's kind is a reminder's.
func IsReminder(kind string) bool {
	for _, k := range ReminderKinds {
		if string(k) == kind {
			return true
		}
	}
	return false
}

// MaxReminders is how many times each reminder is sent at most; after
// that the request only shows in the digest.
const MaxReminders = 3

// LateAfter is how long past its due time a reminder may go out before it
// is marked late (the daemon was not running when it fell due).
const LateAfter = time.Hour

// Fingerprint names the settings that decide when reminders fall due: a
// schedule worked out under another fingerprint is worked out again.
func (p ReminderPolicy) Fingerprint(quiet string) string {
	loc := "hours"
	if p.Location != nil {
		loc = p.Location.String()
	}
	return fmt.Sprintf("v1 %s %s %s %s %s", p.NoReplyAfter, p.UnresolvedAfter, p.ThanksPendingAfter, quiet, loc)
}

// ReminderPolicy says when reminders fall due.
type ReminderPolicy struct {
	NoReplyAfter       time.Duration // the default no-reply window
	UnresolvedAfter    time.Duration
	ThanksPendingAfter time.Duration
	// Quiet returns the first instant at or after t outside quiet hours;
	// nil means there are none.
	Quiet func(t time.Time) time.Time
	// Location is the owner's time zone: windows of whole days are
	// counted in its calendar days, so "3 days" keeps the time of day
	// across a daylight-saving change. Nil counts in hours.
	Location *time.Location
}

// ReminderLog is what was already sent of one reminder for one request.
type ReminderLog struct {
	Kind   ReminderKind
	Sent   int       // how many times
	LastAt time.Time // when the last one went out
}

// Reminder is a reminder that falls due.
type Reminder struct {
	Kind  ReminderKind
	Seq   int       // 1 for the first, up to MaxReminders
	DueAt time.Time // when it falls due, after quiet hours
	Late  bool      // sent more than LateAfter past DueAt
}

// OutsideQuiet returns t, or the end of the quiet hours t falls in.
func (p ReminderPolicy) OutsideQuiet(t time.Time) time.Time {
	if p.Quiet == nil {
		return t
	}
	return p.Quiet(t)
}

// after returns t plus d: whole days as calendar days in the owner's zone.
func (p ReminderPolicy) after(t time.Time, d time.Duration) time.Time {
	if p.Location == nil || d%(24*time.Hour) != 0 {
		return t.Add(d)
	}
	return t.In(p.Location).AddDate(0, 0, int(d/(24*time.Hour)))
}

// InQuietHours reports whether now falls inside the quiet hours.
func (p ReminderPolicy) InQuietHours(now time.Time) bool { return p.OutsideQuiet(now).After(now) }

// NextReminder returns the next reminder the request will get given what
// was already sent (r.Reminders), or false when none is coming: the request is closed,
// asked with noremind, history (Past), or its reminder was sent MaxReminders times. The
// first falls due a window after the clock started (asked, first
// answered, resolved); each repeat a doubled window after the one before.
func NextReminder(r Request, p ReminderPolicy) (Reminder, bool) {
	kind, start, window, ok := reminderClock(r, p)
	if !ok || r.NoRemind || r.Past {
		return Reminder{}, false
	}
	log := r.ReminderLog(kind)
	if log.Sent >= MaxReminders {
		return Reminder{}, false
	}
	due := p.after(start, window)
	if log.Sent > 0 {
		due = p.after(log.LastAt, window<<(log.Sent-1))
	}
	if due.Before(r.SnoozedUntil) {
		due = r.SnoozedUntil
	}
	return Reminder{Kind: kind, Seq: log.Sent + 1, DueAt: p.OutsideQuiet(due)}, true
}

// DueReminder returns the reminder to send at now, if there is one: due,
// and now outside quiet hours. However long the daemon was down, it is
// one reminder, marked late.
func DueReminder(r Request, p ReminderPolicy, now time.Time) (Reminder, bool) {
	next, ok := NextReminder(r, p)
	if !ok || now.Before(next.DueAt) || p.InQuietHours(now) {
		return Reminder{}, false
	}
	next.Late = now.Sub(next.DueAt) > LateAfter
	return next, true
}

// reminderClock says which reminder the request's state calls for, when
// its clock started and the window after which it falls due.
func reminderClock(r Request, p ReminderPolicy) (ReminderKind, time.Time, time.Duration, bool) {
	switch r.State {
	case StateOpen:
		window := p.NoReplyAfter
		if !r.DueAt.IsZero() && r.DueAt.After(r.AskedAt) {
			window = r.DueAt.Sub(r.AskedAt)
		}
		return ReminderNoReply, r.AskedAt, window, true
	case StateAnswered:
		return ReminderUnresolved, r.FirstAnswerAt(), p.UnresolvedAfter, true
	case StateResolved:
		if len(r.Unthanked()) == 0 {
			return "", time.Time{}, 0, false
		}
		return ReminderThanks, r.ResolvedAt, p.ThanksPendingAfter, true
	}
	return "", time.Time{}, 0, false
}

// ReminderLog returns what was sent of one reminder (zero Sent if none).
func (r *Request) ReminderLog(kind ReminderKind) ReminderLog {
	for _, l := range r.Reminders {
		if l.Kind == kind {
			return l
		}
	}
	return ReminderLog{Kind: kind}
}

// FirstAnswerAt is when the first helper answered (zero without helpers).
func (r *Request) FirstAnswerAt() time.Time {
	var first time.Time
	for _, h := range r.Helpers {
		if first.IsZero() || h.FirstReplyAt.Before(first) {
			first = h.FirstReplyAt
		}
	}
	return first
}

// Unthanked returns the helpers neither thanked nor skipped.
func (r *Request) Unthanked() []Helper {
	var out []Helper
	for _, h := range r.Helpers {
		if !h.Thanked() && !h.Skipped {
			out = append(out, h)
		}
	}
	return out
}

// NotAnswered returns the people asked who have not answered.
func (r *Request) NotAnswered() []Address {
	var out []Address
	for _, a := range r.Asked {
		if r.Helper(a.Email) == nil {
			out = append(out, a)
		}
	}
	return out
}
