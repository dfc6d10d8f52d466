package config

import (
	"strings"
	"testing"
	"time"
)

func TestDigestForms(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	// Wednesday 2025-01-15 10:00 in Paris.
	now := time.Date(2025, 1, 15, 10, 0, 0, 0, paris)
	tests := []struct {
		in, spec, desc string
		next           time.Time
	}{
		{"weekly mon 08:00", "weekly mon 08:00", "every Monday at 08:00", time.Date(2025, 1, 20, 8, 0, 0, 0, paris)},
		{"Weekly Friday 8:30", "weekly fri 08:30", "every Friday at 08:30", time.Date(2025, 1, 17, 8, 30, 0, 0, paris)},
		{"daily 18:00", "daily 18:00", "every day at 18:00", time.Date(2025, 1, 15, 18, 0, 0, 0, paris)},
		{"daily 07:00", "daily 07:00", "every day at 07:00", time.Date(2025, 1, 16, 7, 0, 0, 0, paris)},
		{"0 18 * * 5", "0 18 * * 5", `cron "0 18 * * 5"`, time.Date(2025, 1, 17, 18, 0, 0, 0, paris)},
		{"0 8 29 2 *", "0 8 29 2 *", `cron "0 8 29 2 *"`, time.Date(2028, 2, 29, 8, 0, 0, 0, paris)},
		{"off", "off", "off", time.Time{}},
	}
	for _, tt := range tests {
		d, err := ParseDigest(tt.in, paris)
		if err != nil {
			t.Errorf("ParseDigest(%q): %v", tt.in, err)
			continue
		}
		if d.Spec != tt.spec || d.String() != tt.desc || !d.Next(now.UTC()).Equal(tt.next) || d.Enabled() == tt.next.IsZero() {
			t.Errorf("ParseDigest(%q) = spec %q, %q, next %v; want %q, %q, %v", tt.in, d.Spec, d, d.Next(now.UTC()), tt.spec, tt.desc, tt.next)
		}
	}
	for _, bad := range []string{"", "weekly", "weekly xyz 08:00", "daily 24:00", "daily 8", "@daily", "0 8 * *", "61 8 * * *", "sometimes",
		"0 0 30 2 *", "0 8 31 4,6,9,11 *"} { // cron reads these, but they never fire
		if _, err := ParseDigest(bad, paris); err == nil {
			t.Errorf("ParseDigest(%q) accepted", bad)
		}
	}
}

func TestQuietHoursWrapMidnight(t *testing.T) {
	q, err := ParseQuietHours("21:00-08:00", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	at := func(h, m int) time.Time { return time.Date(2025, 3, 1, h, m, 0, 0, time.UTC) }
	for _, tt := range []struct {
		h, m  int
		quiet bool
		until time.Time
	}{
		{20, 59, false, at(20, 59)},
		{21, 0, true, time.Date(2025, 3, 2, 8, 0, 0, 0, time.UTC)},
		{23, 30, true, time.Date(2025, 3, 2, 8, 0, 0, 0, time.UTC)},
		{3, 0, true, at(8, 0)},
		{7, 59, true, at(8, 0)},
		{8, 0, false, at(8, 0)},
		{12, 0, false, at(12, 0)},
	} {
		if got := q.Contains(at(tt.h, tt.m)); got != tt.quiet {
			t.Errorf("Contains(%02d:%02d) = %v", tt.h, tt.m, got)
		}
		if got := q.Until(at(tt.h, tt.m)); !got.Equal(tt.until) {
			t.Errorf("Until(%02d:%02d) = %v, want %v", tt.h, tt.m, got, tt.until)
		}
	}
	if q.Start != 21*60 || q.End != 8*60 || q.String() != "21:00-08:00" {
		t.Errorf("q = %+v", q)
	}
}

func TestQuietHoursSameDayAndOff(t *testing.T) {
	q, err := ParseQuietHours("12:00-13:30", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	if !q.Contains(time.Date(2025, 1, 1, 13, 29, 0, 0, time.UTC)) || q.Contains(time.Date(2025, 1, 1, 13, 30, 0, 0, time.UTC)) {
		t.Error("12:00-13:30 window wrong")
	}
	off, err := ParseQuietHours("off", time.UTC)
	if err != nil || off.Enabled || off.Contains(time.Now()) {
		t.Errorf("off = %+v, %v", off, err)
	}
	for _, bad := range []string{"21:00", "21:00-21:00", "9pm-8am", "21:00-24:00", "21:0-08:00"} {
		if _, err := ParseQuietHours(bad, time.UTC); err == nil {
			t.Errorf("ParseQuietHours(%q) accepted", bad)
		} else if !strings.Contains(err.Error(), "HH:MM-HH:MM") {
			t.Errorf("ParseQuietHours(%q) error does not say the format: %v", bad, err)
		}
	}
}

func TestQuietHoursUseConfiguredTimezone(t *testing.T) {
	cfg := mustParse(t, minimal+"timezone: Asia/Tokyo\n", env())
	// 13:00 UTC is 22:00 in Tokyo: quiet.
	if !cfg.Reminders.QuietHours.Contains(time.Date(2025, 1, 1, 13, 0, 0, 0, time.UTC)) {
		t.Error("quiet hours ignore timezone")
	}
}

func TestQuietHoursEndingInTheRepeatedHourEndThatNight(t *testing.T) {
	loc, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	q, err := ParseQuietHours("22:00-01:30", loc)
	if err != nil {
		t.Fatal(err)
	}
	// 1 Nov 2026: clocks go back at 02:00 EDT to 01:00 EST. 01:15 EST is
	// in the second pass of the hour; the window ends at 01:30 EST.
	t0 := time.Date(2026, 11, 1, 6, 15, 0, 0, time.UTC) // 01:15 EST
	want := time.Date(2026, 11, 1, 6, 30, 0, 0, time.UTC)
	if got := q.Until(t0); !got.Equal(want) {
		t.Errorf("Until(01:15 EST) = %v, want %v", got.In(loc), want.In(loc))
	}
}

func TestQuietHoursWhoseOpenTimeFallsInTheSkippedHourLastAllDay(t *testing.T) {
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	q, err := ParseQuietHours("03:00-02:00", loc)
	if err != nil {
		t.Fatal(err)
	}
	// 29 Mar 2026: 02:00 CET becomes 03:00 CEST, so the hour between the
	// window's end and its start never comes; it next comes on 30 March.
	t0 := time.Date(2026, 3, 29, 0, 59, 0, 0, time.UTC) // 01:59 CET
	want := time.Date(2026, 3, 30, 2, 0, 0, 0, loc)
	if got := q.Until(t0); !got.Equal(want) || q.Contains(got) {
		t.Errorf("Until(01:59 CET) = %v, want %v", got.In(loc), want)
	}
}

func TestWeeklyDigestComesOnTheDayTheClocksChange(t *testing.T) {
	for _, tt := range []struct {
		zone, spec string
		from       time.Time
		want       [2]string // the next two, in the zone
	}{
		// 02:30 does not exist on 29 March: the digest comes an hour late.
		{"Europe/Berlin", "weekly sun 02:30", time.Date(2026, 3, 28, 12, 0, 0, 0, time.UTC),
			[2]string{"2026-03-29 03:30 +0200", "2026-04-05 02:30 +0200"}},
		// Lord Howe's clocks go back half an hour at 02:00 on 5 April.
		{"Australia/Lord_Howe", "weekly sun 00:00", time.Date(2026, 4, 4, 0, 0, 0, 0, time.UTC),
			[2]string{"2026-04-05 00:00 +1100", "2026-04-12 00:00 +1030"}},
		{"Australia/Lord_Howe", "weekly sun 15:00", time.Date(2026, 4, 4, 0, 0, 0, 0, time.UTC),
			[2]string{"2026-04-05 15:00 +1030", "2026-04-12 15:00 +1030"}},
		// New York's clocks go back at 02:00 on 1 November: 01:30 comes once.
		{"America/New_York", "weekly sun 01:30", time.Date(2026, 10, 31, 12, 0, 0, 0, time.UTC),
			[2]string{"2026-11-01 01:30 -0400", "2026-11-08 01:30 -0500"}},
	} {
		loc, err := time.LoadLocation(tt.zone)
		if err != nil {
			t.Skip("no tzdata:", err)
		}
		d, err := ParseDigest(tt.spec, loc)
		if err != nil {
			t.Fatal(err)
		}
		first := d.Next(tt.from)
		second := d.Next(first)
		const layout = "2006-01-02 15:04 -0700"
		if got := [2]string{first.In(loc).Format(layout), second.In(loc).Format(layout)}; got != tt.want {
			t.Errorf("%s in %s from %v: %q, want %q", tt.spec, tt.zone, tt.from, got, tt.want)
		}
	}
}
