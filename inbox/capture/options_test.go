package capture

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the tests must not depend on the host's zone files
)

// want is an expected Options; due is a wall clock time in the test's zone.
type want struct {
	window   time.Duration
	due      string // "2006-01-02 15:04" in the zone, "" for none
	noRemind bool
	gave     bool
	card     int64
	token    string
	notes    []string // one substring per expected Note, in order
}

type row struct {
	detail string
	want   want
}

const wall = "2006-01-02 15:04"

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func at(t testing.TB, loc *time.Location, s string) time.Time {
	t.Helper()
	tm, err := time.ParseInLocation(wall, s, loc)
	if err != nil {
		t.Fatal(err)
	}
	return tm
}

// check parses r.detail at now in loc and compares with r.want.
func check(t *testing.T, r row, now time.Time, loc *time.Location) Options {
	t.Helper()
	got := ParseOptions(r.detail, now, loc)
	w := r.want
	if got.Window != w.window {
		t.Errorf("%q: Window = %v, want %v", r.detail, got.Window, w.window)
	}
	switch {
	case w.due == "" && !got.Due.IsZero():
		t.Errorf("%q: Due = %v, want none", r.detail, got.Due)
	case w.due != "" && !got.Due.Equal(at(t, loc, w.due)):
		t.Errorf("%q: Due = %v, want %s %s", r.detail, got.Due.In(loc).Format(wall+" MST"), w.due, loc)
	case w.due != "" && got.Due.Location() != loc:
		t.Errorf("%q: Due in %v, want %v", r.detail, got.Due.Location(), loc)
	}
	if got.NoRemind != w.noRemind || got.Gave != w.gave {
		t.Errorf("%q: NoRemind, Gave = %v, %v, want %v, %v", r.detail, got.NoRemind, got.Gave, w.noRemind, w.gave)
	}
	if got.CardID != w.card || got.Token != w.token {
		t.Errorf("%q: CardID, Token = %d, %q, want %d, %q", r.detail, got.CardID, got.Token, w.card, w.token)
	}
	if len(got.Notes) != len(w.notes) {
		t.Errorf("%q: Notes = %q, want %d like %q", r.detail, got.Notes, len(w.notes), w.notes)
	} else {
		for i, n := range w.notes {
			if !strings.Contains(got.Notes[i], n) {
				t.Errorf("%q: Notes[%d] = %q, want it to contain %q", r.detail, i, got.Notes[i], n)
			}
		}
	}
	return got
}

var zones = []string{"Europe/Berlin", "America/New_York"}

// Every form, against Friday 2026-06-05 10:00 local in each zone.
func TestParseOptionsUnderstandsEachForm(t *testing.T) {
	rows := []row{
		{"", want{}},
		{"...", want{}},
		// m/h: an exact window.
		{"36h", want{window: 36 * time.Hour}},
		{"90m", want{window: 90 * time.Minute}},
		{"90min", want{window: 90 * time.Minute}},
		{"45minutes", want{window: 45 * time.Minute}},
		{"2hours", want{window: 2 * time.Hour}},
		{"in_2_hours", want{window: 2 * time.Hour}},
		{"999m", want{window: 999 * time.Minute}},
		// d/w: the same local clock time, calendar days later.
		{"3d", want{due: "2026-06-08 10:00"}},
		{"3days", want{due: "2026-06-08 10:00"}},
		{"3-days", want{due: "2026-06-08 10:00"}},
		{"in-3-days", want{due: "2026-06-08 10:00"}},
		{"1day", want{due: "2026-06-06 10:00"}},
		{"2w", want{due: "2026-06-19 10:00"}},
		{"2weeks", want{due: "2026-06-19 10:00"}},
		{"in-a-week", want{due: "2026-06-12 10:00"}},
		{"0h", want{notes: []string{`"0h": the number must be 1 to 999`}}},
		{"1000d", want{notes: []string{`"1000d": the number must be 1 to 999`}}},
		// Weekdays: strictly after today, 09:00.
		{"friday", want{due: "2026-06-12 09:00"}},
		{"FRIDAY", want{due: "2026-06-12 09:00"}},
		{"fri", want{due: "2026-06-12 09:00"}},
		{"next-friday", want{due: "2026-06-12 09:00"}},
		{"saturday", want{due: "2026-06-06 09:00"}},
		{"sun", want{due: "2026-06-07 09:00"}},
		{"mon", want{due: "2026-06-08 09:00"}},
		{"tues", want{due: "2026-06-09 09:00"}},
		{"wed", want{due: "2026-06-10 09:00"}},
		{"thu", want{due: "2026-06-11 09:00"}},
		// Dates with a time.
		{"friday9am", want{due: "2026-06-12 09:00"}},
		{"Friday9PM", want{due: "2026-06-12 21:00"}},
		{"friday-14h", want{due: "2026-06-12 14:00"}},
		{"friday-14h30", want{due: "2026-06-12 14:30"}},
		{"fri_2:30pm", want{due: "2026-06-12 14:30"}},
		{"monday-at-930am", want{due: "2026-06-08 09:30"}},
		{"friday12am", want{due: "2026-06-12 00:00"}},
		{"friday.5pm", want{due: "2026-06-12 17:00"}},
		{"friday.14h", want{due: "2026-06-12 14:00"}},
		{"friday-25h", want{notes: []string{`"friday-25h": not understood`}}},
		// Relative days.
		{"tomorrow", want{due: "2026-06-06 09:00"}},
		{"tomorrow-8am", want{due: "2026-06-06 08:00"}},
		{"today-5pm", want{due: "2026-06-05 17:00"}},
		{"today.5pm", want{due: "2026-06-05 17:00"}},
		{"today", want{notes: []string{`"today": date is in the past`}}},
		{"nextweek", want{due: "2026-06-08 09:00"}},
		{"next-week", want{due: "2026-06-08 09:00"}},
		// Month-days: the first one still ahead.
		{"dec3", want{due: "2026-12-03 09:00"}},
		{"3dec", want{due: "2026-12-03 09:00"}},
		{"december3", want{due: "2026-12-03 09:00"}},
		{"Dec-3rd", want{due: "2026-12-03 09:00"}},
		{"dec3-17:00", want{due: "2026-12-03 17:00"}},
		{"dec3-5pm", want{due: "2026-12-03 17:00"}},
		{"3dec5pm", want{due: "2026-12-03 17:00"}},
		{"jun4", want{due: "2027-06-04 09:00"}},
		{"jun5", want{due: "2027-06-05 09:00"}},
		{"jun5-11am", want{due: "2026-06-05 11:00"}},
		{"dec12pm", want{notes: []string{`"dec12pm": not understood`}}}, // dec1 at 2pm, or dec12 at pm?
		{"feb30", want{notes: []string{`"feb30": no such date`}}},
		{"dec32", want{notes: []string{`"dec32": no such date`}}},
		// ISO dates.
		{"2026-12-01", want{due: "2026-12-01 09:00"}},
		{"2026-12-01-17h", want{due: "2026-12-01 17:00"}},
		{"2026-12-01_at_9:30am", want{due: "2026-12-01 09:30"}},
		{"2020-01-01", want{notes: []string{`"2020-01-01": date is in the past`}}},
		{"2026-06-05", want{notes: []string{`"2026-06-05": date is in the past`}}},
		{"2026-13-01", want{notes: []string{`"2026-13-01": no such date`}}},
		// A time alone: its next occurrence.
		{"5pm", want{due: "2026-06-05 17:00"}},
		{"9am", want{due: "2026-06-06 09:00"}},
		{"noon", want{due: "2026-06-05 12:00"}},
		{"17:30", want{due: "2026-06-05 17:30"}},
		{"8h30", want{due: "2026-06-06 08:30"}},
		// Natural language through olebedev/when.
		{"next-monday-9am", want{due: "2026-06-08 09:00"}},
		{"next_tuesday_noon", want{due: "2026-06-09 12:00"}},
		{"on-monday-at-5pm", want{due: "2026-06-08 17:00"}},
		{"3rd-of-march", want{due: "2027-03-03 09:00"}},
		{"tonight", want{due: "2026-06-05 23:00"}},
		{"tomorrow-evening", want{due: "2026-06-06 18:00"}},
		{"yesterday", want{notes: []string{`"yesterday": date is in the past`}}},
		{"friday-blah-9am", want{notes: []string{`"friday-blah-9am": not understood`}}},
		// Flags.
		{"noremind", want{noRemind: true}},
		{"NoRemind", want{noRemind: true}},
		{"no-remind", want{noRemind: true}},
		{"noreminder", want{noRemind: true}},
		{"quiet", want{noRemind: true}},
		{"gave", want{gave: true}},
		{"3d.noremind", want{due: "2026-06-08 10:00", noRemind: true}},
		{"gave.friday.quiet", want{due: "2026-06-12 09:00", gave: true, noRemind: true}},
		// Command tokens.
		{"c42.k7f3q9", want{card: 42, token: "k7f3q9"}},
		{"C42.K7F3Q9", want{card: 42, token: "k7f3q9"}},
		{"c42.friday", want{card: 42, token: "friday"}},
		{"c42.k7f3q9.noremind", want{card: 42, token: "k7f3q9", noRemind: true}},
		{"c42", want{notes: []string{`"c42": a command token needs its key`}}},
		{"c42.k7", want{notes: []string{`"c42": a command token needs its key`, `"k7": not understood`}}},
		{"c0.abcd", want{notes: []string{`"c0": not a card number`, `"abcd": not understood`}}},
		{"c99999999999999999999.abcd", want{notes: []string{`not a card number`, `"abcd": not understood`}}},
		{"c42.abcd.c43.efgh", want{card: 42, token: "abcd", notes: []string{`"c43.efgh": a second command token`}}},
		// The last option setting the due time wins, with a Note.
		{"3d.friday", want{due: "2026-06-12 09:00", notes: []string{`"friday": overrides "3d"`}}},
		{"friday.36h", want{window: 36 * time.Hour, notes: []string{`"36h": overrides "friday"`}}},
		{"36h.2w", want{due: "2026-06-19 10:00", notes: []string{`"2w": overrides "36h"`}}},
		{"friday.9am.dec3", want{due: "2026-12-03 09:00", notes: []string{`"dec3": overrides "friday.9am"`}}},
		{"2020-01-01.3d", want{due: "2026-06-08 10:00", notes: []string{`"2020-01-01": date is in the past`}}},
		// Anything else is a Note, verbatim.
		{"blah", want{notes: []string{`"blah": not understood (expected e.g. 3d, friday, dec3, 2026-12-01, noremind)`}}},
		{"BlAh", want{notes: []string{`"BlAh": not understood`}}},
		{"3d.blah.noremind", want{due: "2026-06-08 10:00", noRemind: true, notes: []string{`"blah"`}}},
		{"x..3d.", want{due: "2026-06-08 10:00", notes: []string{`"x": not understood`}}},
		{"3d+noremind", want{due: "2026-06-08 10:00", noRemind: true}},
		{strings.Repeat("a", 65), want{notes: []string{`": not understood (too long)`}}},
	}
	for _, zone := range zones {
		t.Run(zone, func(t *testing.T) {
			loc := mustZone(t, zone)
			now := at(t, loc, "2026-06-05 10:00") // a Friday
			for _, r := range rows {
				check(t, r, now, loc)
			}
		})
	}
}

// Month ends, leap days and the turn of the year, in each zone.
func TestParseOptionsCrossesMonthAndYearEnds(t *testing.T) {
	cases := []struct {
		name, now string
		rows      []row
	}{
		{"from Saturday Jan 31", "2026-01-31 10:00", []row{
			{"1d", want{due: "2026-02-01 10:00"}},
			{"1w", want{due: "2026-02-07 10:00"}},
			{"4w", want{due: "2026-02-28 10:00"}},
			{"feb1", want{due: "2026-02-01 09:00"}},
			{"jan31", want{due: "2027-01-31 09:00"}},
			{"jan31-11am", want{due: "2026-01-31 11:00"}},
			{"monday", want{due: "2026-02-02 09:00"}},
		}},
		{"from Monday Feb 28 of leap year 2028", "2028-02-28 10:00", []row{
			{"1d", want{due: "2028-02-29 10:00"}},
			{"2d", want{due: "2028-03-01 10:00"}},
			{"1w", want{due: "2028-03-06 10:00"}},
			{"tomorrow", want{due: "2028-02-29 09:00"}},
			{"tuesday", want{due: "2028-02-29 09:00"}},
			{"feb29", want{due: "2028-02-29 09:00"}},
			{"2028-02-29", want{due: "2028-02-29 09:00"}},
			{"feb28", want{due: "2029-02-28 09:00"}},
			{"mar1", want{due: "2028-03-01 09:00"}},
		}},
		{"from Feb 29 2028", "2028-02-29 10:00", []row{
			{"1d", want{due: "2028-03-01 10:00"}},
			{"feb29", want{due: "2032-02-29 09:00"}},
		}},
		{"from a non-leap year", "2026-03-01 10:00", []row{
			{"feb29", want{due: "2028-02-29 09:00"}},
			{"2027-02-29", want{notes: []string{`"2027-02-29": no such date`}}},
			{"2028-02-29", want{due: "2028-02-29 09:00"}},
		}},
		{"from Thursday Dec 31", "2026-12-31 10:00", []row{
			{"1d", want{due: "2027-01-01 10:00"}},
			{"1w", want{due: "2027-01-07 10:00"}},
			{"tomorrow", want{due: "2027-01-01 09:00"}},
			{"friday", want{due: "2027-01-01 09:00"}},
			{"nextweek", want{due: "2027-01-04 09:00"}},
			{"dec31", want{due: "2027-12-31 09:00"}},
			{"dec31-11pm", want{due: "2026-12-31 23:00"}},
			{"jan1", want{due: "2027-01-01 09:00"}},
			{"1jan5pm", want{due: "2027-01-01 17:00"}},
			{"2027-01-01", want{due: "2027-01-01 09:00"}},
			{"2026-12-31", want{notes: []string{`"2026-12-31": date is in the past`}}},
			{"3rd-of-january", want{due: "2027-01-03 09:00"}},
			{"9am", want{due: "2027-01-01 09:00"}},
		}},
	}
	for _, zone := range zones {
		loc := mustZone(t, zone)
		for _, c := range cases {
			t.Run(zone+"/"+c.name, func(t *testing.T) {
				for _, r := range c.rows {
					check(t, r, at(t, loc, c.now), loc)
				}
			})
		}
	}
}

// Days keep the local clock time across a DST change; hours are real hours.
func TestParseOptionsAcrossDST(t *testing.T) {
	cases := []struct {
		name, zone, now, detail string
		due                     string        // wall time of Options.DueAt(now, 0)
		real                    time.Duration // DueAt - now in real time
	}{
		{"EU spring: 3d keeps 10:00", "Europe/Berlin", "2026-03-27 10:00", "3d", "2026-03-30 10:00", 71 * time.Hour},
		{"EU spring: 2d lands on the change day", "Europe/Berlin", "2026-03-27 10:00", "2d", "2026-03-29 10:00", 47 * time.Hour},
		{"EU spring: sunday is 09:00 CEST", "Europe/Berlin", "2026-03-27 10:00", "sunday", "2026-03-29 09:00", 46 * time.Hour},
		{"EU spring: 24h is 24 real hours", "Europe/Berlin", "2026-03-28 10:00", "24h", "2026-03-29 11:00", 24 * time.Hour},
		{"EU autumn: 3d keeps 10:00", "Europe/Berlin", "2026-10-23 10:00", "3d", "2026-10-26 10:00", 73 * time.Hour},
		{"EU spring: next-monday from late Saturday", "Europe/Berlin", "2026-03-28 23:30", "next-monday", "2026-03-30 09:00", 32*time.Hour + 30*time.Minute},
		{"EU spring: in-2-days from late Saturday", "Europe/Berlin", "2026-03-28 23:30", "in-2-days", "2026-03-30 23:30", 47 * time.Hour},
		{"US spring: 3d keeps 09:00", "America/New_York", "2026-03-06 09:00", "3d", "2026-03-09 09:00", 71 * time.Hour},
		{"US spring: 24h is 24 real hours", "America/New_York", "2026-03-07 09:00", "24h", "2026-03-08 10:00", 24 * time.Hour},
		{"US spring: monday is 09:00 EDT", "America/New_York", "2026-03-06 09:00", "monday", "2026-03-09 09:00", 71 * time.Hour},
		{"US autumn: 3d keeps 10:00", "America/New_York", "2026-10-30 10:00", "3d", "2026-11-02 10:00", 73 * time.Hour},
		{"US autumn: 1w keeps 10:00", "America/New_York", "2026-10-30 10:00", "1w", "2026-11-06 10:00", 7*24*time.Hour + time.Hour},
		{"US autumn: 24h is 24 real hours", "America/New_York", "2026-10-31 10:00", "24h", "2026-11-01 09:00", 24 * time.Hour},
		{"US autumn: 36h is 36 real hours", "America/New_York", "2026-10-31 10:00", "36h", "2026-11-01 21:00", 36 * time.Hour},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			loc := mustZone(t, c.zone)
			now := at(t, loc, c.now)
			o := ParseOptions(c.detail, now, loc)
			if len(o.Notes) != 0 {
				t.Fatalf("%q: Notes = %q", c.detail, o.Notes)
			}
			got := o.DueAt(now, 0)
			if want := at(t, loc, c.due); !got.Equal(want) {
				t.Errorf("%q: DueAt = %v, want %v", c.detail, got.In(loc), want)
			}
			if d := got.Sub(now); d != c.real {
				t.Errorf("%q: DueAt - now = %v, want %v", c.detail, d, c.real)
			}
		})
	}
}

func TestParseOptionsNilLocationUsesNowsZone(t *testing.T) {
	loc := mustZone(t, "America/New_York")
	now := at(t, loc, "2026-06-05 10:00")
	if got, want := ParseOptions("friday", now, nil).Due, at(t, loc, "2026-06-12 09:00"); !got.Equal(want) {
		t.Errorf("Due = %v, want %v", got, want)
	}
}

func TestParseOptionsReadsNowInTheOwnersZone(t *testing.T) {
	berlin := mustZone(t, "Europe/Berlin")
	// Friday 23:30 in New York is already Saturday in Berlin.
	now := at(t, mustZone(t, "America/New_York"), "2026-06-05 23:30")
	if got, want := ParseOptions("tomorrow", now, berlin).Due, at(t, berlin, "2026-06-07 09:00"); !got.Equal(want) {
		t.Errorf("Due = %v, want %v", got, want)
	}
}

func TestDueAtPrefersDueThenWindowThenDefault(t *testing.T) {
	asked := time.Date(2026, 6, 5, 10, 0, 0, 0, time.UTC)
	due := time.Date(2026, 6, 12, 9, 0, 0, 0, time.UTC)
	def := 72 * time.Hour
	for _, c := range []struct {
		name string
		o    Options
		want time.Time
	}{
		{"due", Options{Due: due}, due},
		{"due over window", Options{Due: due, Window: time.Hour}, due},
		{"window", Options{Window: 90 * time.Minute}, asked.Add(90 * time.Minute)},
		{"default", Options{}, asked.Add(def)},
	} {
		if got := c.o.DueAt(asked, def); !got.Equal(c.want) {
			t.Errorf("%s: DueAt = %v, want %v", c.name, got, c.want)
		}
	}
}
