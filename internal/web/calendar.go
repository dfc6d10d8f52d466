package web

import (
	"crypto/subtle"
	"fmt"
	"net/http"
	"strings"
	"time"

	"gratitude"
)

// calendar serves the ICS feed of upcoming reminders at its secret
// address; any other address is a 404, as if there were no feed. It only
// reads the secret: the Health page makes it, the first time it shows
// the address, and a stranger's guess writes nothing.
func (s *Server) calendar(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	tok, ok := strings.CutSuffix(r.PathValue("file"), ".ics")
	want, made, err := s.b.Tokens.Setting(ctx, s.account(), calendarSetting)
	if err != nil {
		s.fail(w, r, fmt.Errorf("cannot read the calendar's secret: %w", err))
		return
	}
	if !ok || !made || len(want) == 0 || subtle.ConstantTimeCompare([]byte(tok), want) != 1 {
		http.NotFound(w, r)
		return
	}
	up, err := s.b.Queries.Upcoming(ctx, s.b.Policy)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	var b strings.Builder
	stamp := icsTime(s.b.Clock.Now())
	b.WriteString("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//gratitude//reminders//EN\r\nCALSCALE:GREGORIAN\r\n")
	b.WriteString("X-WR-CALNAME:gratitude\r\n")
	for _, u := range up {
		b.WriteString("BEGIN:VEVENT\r\n")
		icsLine(&b, "UID", fmt.Sprintf("request-%d-%s-%d@gratitude", u.Request.ID, u.Reminder.Kind, u.Reminder.Seq))
		icsLine(&b, "DTSTAMP", stamp)
		icsLine(&b, "DTSTART", icsTime(u.Reminder.DueAt))
		icsLine(&b, "DURATION", "PT15M")
		icsLine(&b, "SUMMARY", icsText(reminderTitle(u.Reminder.Kind)+": "+u.Request.Subject))
		icsLine(&b, "DESCRIPTION", icsText(fmt.Sprintf("%s\n%s/requests/%d", u.Reminder.Kind.Words(), s.baseURL, u.Request.ID)))
		icsLine(&b, "URL", fmt.Sprintf("%s/requests/%d", s.baseURL, u.Request.ID))
		b.WriteString("END:VEVENT\r\n")
	}
	b.WriteString("END:VCALENDAR\r\n")
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Write([]byte(b.String()))
}

// reminderTitle names a reminder in a calendar entry.
func reminderTitle(k gratitude.ReminderKind) string {
	switch k {
	case gratitude.ReminderNoReply:
		return "Nudge"
	case gratitude.ReminderUnresolved:
		return "Is this done?"
	case gratitude.ReminderThanks:
		return "Thank your helpers"
	}
	return string(k)
}

// icsTime is an instant in UTC, as RFC 5545 writes it.
func icsTime(t time.Time) string { return t.UTC().Format("20060102T150405Z") }

// icsText escapes a TEXT value (RFC 5545 3.3.11).
func icsText(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// icsLine writes NAME:VALUE folded at 75 octets, never inside a UTF-8
// sequence (RFC 5545 3.1).
func icsLine(b *strings.Builder, name, value string) {
	line := name + ":" + value
	width := 75
	for len(line) > width {
		cut := width
		for cut > 0 && line[cut]&0xC0 == 0x80 {
			cut--
		}
		b.WriteString(line[:cut] + "\r\n ")
		line = line[cut:]
		width = 74 // the leading space counts
	}
	b.WriteString(line + "\r\n")
}
