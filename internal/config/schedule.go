package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// Digest is when the digest is sent: daily, weekly, a cron spec, or off.
type Digest struct {
	// Spec is the setting as written (normalised), e.g. "weekly mon 08:00".
	Spec     string
	desc     string
	schedule cron.Schedule // nil when off
	loc      *time.Location
}

// Enabled reports whether a digest is sent at all.
func (d Digest) Enabled() bool { return d.schedule != nil }

// Next returns the first digest time strictly after t, in the configured
// time zone, or the zero time when the digest is off.
func (d Digest) Next(t time.Time) time.Time {
	if d.schedule == nil {
		return time.Time{}
	}
	if d.loc != nil {
		t = t.In(d.loc)
	}
	return d.schedule.Next(t)
}

// String describes the schedule for people, e.g. "every Monday at 08:00".
func (d Digest) String() string {
	if d.desc == "" {
		return "off"
	}
	return d.desc
}

var weekdays = map[string]time.Weekday{
	"sun": time.Sunday, "sunday": time.Sunday,
	"mon": time.Monday, "monday": time.Monday,
	"tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday,
	"wed": time.Wednesday, "wednesday": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "thursday": time.Thursday,
	"fri": time.Friday, "friday": time.Friday,
	"sat": time.Saturday, "saturday": time.Saturday,
}

// ParseDigest parses "daily HH:MM", "weekly DAY HH:MM", "off" or a 5-field
// cron spec ("0 8 * * 1"); loc is the time zone Next works in.
func ParseDigest(s string, loc *time.Location) (Digest, error) {
	fields := strings.Fields(strings.ToLower(s))
	const hint = `use "daily HH:MM", "weekly DAY HH:MM" (e.g. "weekly mon 08:00"), a 5-field cron spec like "0 8 * * 1", or "off"`
	d := Digest{loc: loc}
	switch {
	case len(fields) == 1 && fields[0] == "off":
		d.Spec = "off"
		return d, nil
	case len(fields) == 2 && fields[0] == "daily":
		m, err := parseClock(fields[1])
		if err != nil {
			return d, fmt.Errorf("%v; %s", err, hint)
		}
		d.Spec = "daily " + clock(m)
		d.desc = "every day at " + clock(m)
		d.schedule = clockSchedule{minute: m}
		return d, nil
	case len(fields) == 3 && fields[0] == "weekly":
		day, ok := weekdays[fields[1]]
		if !ok {
			return d, fmt.Errorf("unknown day %q (use mon, tue, wed, thu, fri, sat or sun)", fields[1])
		}
		m, err := parseClock(fields[2])
		if err != nil {
			return d, fmt.Errorf("%v; %s", err, hint)
		}
		d.Spec = "weekly " + strings.ToLower(day.String()[:3]) + " " + clock(m)
		d.desc = "every " + day.String() + " at " + clock(m)
		d.schedule = clockSchedule{minute: m, weekly: true, day: day}
		return d, nil
	case len(fields) == 5:
		spec := strings.Join(strings.Fields(s), " ")
		sched, err := cron.ParseStandard(spec)
		if err != nil {
			return d, fmt.Errorf("invalid cron spec %q: %v", spec, err)
		}
		// cron reads a spec naming only days that do not exist (30
		// February, 31 April) but never fires it, and Next's zero time
		// means "no digest": it would be on, and never come. Every spec
		// that fires at all does within the five years cron looks ahead
		// from 2000 (a leap year).
		zone := loc
		if zone == nil {
			zone = time.UTC
		}
		if sched.Next(time.Date(2000, 1, 1, 0, 0, 0, 0, zone)).IsZero() {
			return d, fmt.Errorf("cron spec %q never fires: no month has the day it names; %s", spec, hint)
		}
		d.Spec, d.desc, d.schedule = spec, "cron "+strconv.Quote(spec), sched
		return d, nil
	}
	return d, fmt.Errorf("cannot read %q; %s", s, hint)
}

// clockSchedule is a digest at a time of day, every day or on one weekday.
// cron's own schedules skip a day whose clocks change at that time (02:30
// as 02:00 becomes 03:00), and in a zone whose clocks change by half an
// hour (Australia/Lord_Howe) they skip the whole day of the change: a
// weekly digest would not come for two weeks. Here every day (or weekday)
// has its digest, once: time.Date reads a time the clocks skip as off by
// the change (later east of Greenwich, earlier west of it), and a time
// they show twice as one of its two passes.
type clockSchedule struct {
	minute int // after midnight
	weekly bool
	day    time.Weekday // when weekly
}

// Next implements cron.Schedule: the first time after t, in t's zone.
func (c clockSchedule) Next(t time.Time) time.Time {
	for i := 0; i <= 8; i++ {
		date := time.Date(t.Year(), t.Month(), t.Day()+i, 12, 0, 0, 0, time.UTC)
		if c.weekly && date.Weekday() != c.day {
			continue
		}
		next := time.Date(date.Year(), date.Month(), date.Day(), c.minute/60, c.minute%60, 0, 0, t.Location())
		if next.After(t) {
			return next
		}
	}
	panic("config: no digest time in eight days") // some day within eight is the weekday, a day later
}

// QuietHours is a daily window in which no reminder is sent.
type QuietHours struct {
	Enabled bool
	Start   int // minutes after midnight, inclusive
	End     int // minutes after midnight, exclusive; may be < Start (wraps midnight)
	loc     *time.Location
}

// ParseQuietHours parses "HH:MM-HH:MM" (may wrap midnight) or "off"; loc is
// the time zone Contains and Until work in.
func ParseQuietHours(s string, loc *time.Location) (QuietHours, error) {
	q := QuietHours{loc: loc}
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "off" {
		return q, nil
	}
	const hint = `use "HH:MM-HH:MM" like "21:00-08:00", or "off"`
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return q, fmt.Errorf("cannot read %q; %s", s, hint)
	}
	start, err := parseClock(strings.TrimSpace(a))
	if err != nil {
		return q, fmt.Errorf("%v; %s", err, hint)
	}
	end, err := parseClock(strings.TrimSpace(b))
	if err != nil {
		return q, fmt.Errorf("%v; %s", err, hint)
	}
	if start == end {
		return q, fmt.Errorf("start and end are both %s, an empty window; %s", clock(start), hint)
	}
	q.Enabled, q.Start, q.End = true, start, end
	return q, nil
}

// Contains reports whether t falls in the quiet window (in the configured zone).
func (q QuietHours) Contains(t time.Time) bool {
	if !q.Enabled {
		return false
	}
	if q.loc != nil {
		t = t.In(q.loc)
	}
	m := t.Hour()*60 + t.Minute()
	if q.Start < q.End {
		return m >= q.Start && m < q.End
	}
	return m >= q.Start || m < q.End
}

// Until returns when a reminder due at t may go out: t itself outside the
// window, otherwise the end of the window.
func (q QuietHours) Until(t time.Time) time.Time {
	if !q.Contains(t) {
		return t
	}
	if q.loc != nil {
		t = t.In(q.loc)
	}
	end := time.Date(t.Year(), t.Month(), t.Day(), q.End/60, q.End%60, 0, 0, t.Location())
	if !end.After(t) {
		// When clocks go back, the wall time comes twice; time.Date gives
		// the first, and t may be in the repeated hour before the second.
		if again := end.Add(time.Hour); again.After(t) && sameClock(again, end) {
			return again
		}
		end = time.Date(t.Year(), t.Month(), t.Day()+1, q.End/60, q.End%60, 0, 0, t.Location())
	}
	if q.Contains(end) {
		// When clocks go forward past the whole time between End and
		// Start ("03:00-02:00" as 02:00 becomes 03:00), time.Date moves
		// End into the next window: that day is quiet throughout.
		end = time.Date(end.Year(), end.Month(), end.Day()+1, q.End/60, q.End%60, 0, 0, end.Location())
	}
	return end
}

// sameClock reports whether a and b show the same wall-clock time.
func sameClock(a, b time.Time) bool {
	return a.Hour() == b.Hour() && a.Minute() == b.Minute()
}

// String writes the window back as "HH:MM-HH:MM" or "off".
func (q QuietHours) String() string {
	if !q.Enabled {
		return "off"
	}
	return clock(q.Start) + "-" + clock(q.End)
}

// parseClock reads "H:MM" or "HH:MM" as minutes after midnight.
func parseClock(s string) (int, error) {
	h, m, ok := strings.Cut(s, ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || len(m) != 2 || len(h) < 1 || len(h) > 2 ||
		hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return 0, fmt.Errorf("%q is not a time of day HH:MM between 00:00 and 23:59", s)
	}
	return hh*60 + mm, nil
}

func clock(m int) string { return fmt.Sprintf("%02d:%02d", m/60, m%60) }
