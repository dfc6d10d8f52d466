package config

import (
	"errors"
	"fmt"
	"math"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the zones below, wherever the tests run
)

// fuzzZones are the time zones schedules are read in: one without daylight
// saving time, two with a one-hour shift at different dates, and one with a
// half-hour shift.
var fuzzZones = []string{"UTC", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe"}

func loadFuzzZones(f *testing.F) []*time.Location {
	var locs []*time.Location
	for _, name := range fuzzZones {
		loc, err := time.LoadLocation(name)
		if err != nil {
			f.Fatal(err)
		}
		locs = append(locs, loc)
	}
	return locs
}

// fuzzTimes are the instants schedules are asked about: ordinary ones, the
// seconds around each zone's clock changes in 2026, a leap day and a time
// with nanoseconds.
var fuzzTimes = []time.Time{
	time.Date(2026, 1, 15, 12, 0, 0, 0, time.UTC),
	time.Date(2026, 3, 29, 0, 59, 59, 0, time.UTC), // Berlin: 01:59:59 CET, then 03:00 CEST
	time.Date(2026, 3, 29, 1, 0, 0, 0, time.UTC),
	time.Date(2026, 10, 25, 0, 30, 0, 0, time.UTC), // Berlin: 02:30 CEST, the first time
	time.Date(2026, 10, 25, 1, 30, 0, 0, time.UTC), // Berlin: 02:30 CET, the second time
	time.Date(2026, 3, 8, 6, 59, 59, 0, time.UTC),  // New York: 01:59:59 EST, then 03:00 EDT
	time.Date(2026, 11, 1, 5, 30, 0, 0, time.UTC),  // New York: 01:30 EDT
	time.Date(2026, 11, 1, 6, 30, 0, 0, time.UTC),  // New York: 01:30 EST
	time.Date(2026, 4, 4, 14, 45, 0, 0, time.UTC),  // Lord Howe: 01:45 +11, then 01:30 +10:30
	time.Date(2026, 10, 3, 15, 29, 0, 0, time.UTC), // Lord Howe: 01:59 +10:30, then 02:30 +11
	time.Date(2026, 12, 31, 23, 59, 59, 999999999, time.UTC),
	time.Date(2028, 2, 29, 8, 0, 0, 0, time.UTC),
}

// checkErr asserts that a parser's error says something.
func checkErr(t *testing.T, what, in string, err error) {
	t.Helper()
	if strings.TrimSpace(err.Error()) == "" {
		t.Fatalf("%s(%q): empty error", what, in)
	}
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{
		"90m", "36h", "3d", "2w", "1w2d", "1h30m", "1d12h", "1.5h", "0.5d", ".5h", "5.h", "300ms", "1µs", "1μs", "2ns",
		"2h45m30.5s", "0", "-0", "+3d", " 3d ", "-2h", "0s", "", "3", "3 days", "d", "3x", "1mo", "h1", "1..5h", ".",
		"99999999999w", "15250w", "15250w1d23h47m16.854775807s", "9223372036854775807ns", "9223372036.854775807s",
		"2562047h47m16.854775807s", "0.000000001ns", "1e3h", "١h",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		var text Duration
		textErr := text.UnmarshalText([]byte(s))
		if (err == nil) != (textErr == nil) || time.Duration(text) != d {
			t.Fatalf("ParseDuration(%q) = %v, %v; UnmarshalText: %v, %v", s, d, err, text, textErr)
		}
		if err != nil {
			checkErr(t, "ParseDuration", s, err)
			if d != 0 {
				t.Errorf("ParseDuration(%q) = %v with an error", s, d)
			}
			return
		}
		if d < 0 && !strings.HasPrefix(strings.TrimSpace(s), "-") {
			t.Errorf("ParseDuration(%q) = %v, negative without a minus", s, d)
		}
		out := FormatDuration(d)
		back, err := ParseDuration(out)
		if err != nil || back != d {
			t.Fatalf("ParseDuration(%q) = %v, written %q, read back %v, %v", s, d, out, back, err)
		}
		if again := FormatDuration(back); again != out {
			t.Errorf("%v written %q, then %q", d, out, again)
		}
		if b, err := text.MarshalText(); err != nil || string(b) != out {
			t.Errorf("MarshalText(%v) = %q, %v; want %q", d, b, err, out)
		}
		// Go's own syntax is read as Go reads it (to the nanosecond a
		// fraction may round to, per number).
		if want, err := time.ParseDuration(s); err == nil {
			diff := d - want
			if diff < 0 {
				diff = -diff
			}
			if tol := time.Duration(strings.Count(s, ".")) + time.Duration(math.Abs(float64(want))/(1<<50)); diff > tol {
				t.Errorf("ParseDuration(%q) = %v, Go reads %v", s, d, want)
			}
		}
	})
}

func FuzzParseRateLimit(f *testing.F) {
	for _, s := range []string{
		"60/hour", "1/minute", "500/day", " 10 / Hour ", "OFF", "off", "+5/hour", "0/hour", "-1/day", "60/week",
		"60 per hour", "60/", "/hour", "", "9223372036854775807/minute", "9223372036854775808/minute", "60/1h",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		l, err := ParseRateLimit(s)
		if err != nil {
			checkErr(t, "ParseRateLimit", s, err)
			if l != (RateLimit{}) {
				t.Errorf("ParseRateLimit(%q) = %+v with an error", s, l)
			}
			return
		}
		off := strings.EqualFold(strings.TrimSpace(s), "off")
		switch {
		case off && (l != RateLimit{} || l.Enabled() || l.String() != "off"):
			t.Errorf("ParseRateLimit(%q) = %+v (%s), want off", s, l, l)
		case !off && (!l.Enabled() || l.N < 1 || l.Per != time.Minute && l.Per != time.Hour && l.Per != 24*time.Hour):
			t.Errorf("ParseRateLimit(%q) = %+v", s, l)
		}
		if back, err := ParseRateLimit(l.String()); err != nil || back != l {
			t.Errorf("ParseRateLimit(%q) = %+v, written %q, read back %+v, %v", s, l, l, back, err)
		}
	})
}

func FuzzParseQuietHours(f *testing.F) {
	for i, s := range []string{
		"21:00-08:00", "12:00-13:30", "22:00-01:30", "00:00-23:59", "23:59-00:00", "9:05-17:00", " 21:00 - 08:00 ",
		"off", "OFF", "21:00", "21:00-21:00", "9pm-8am", "21:00-24:00", "21:0-08:00", "-", "", "+1:00-02:00",
		"01:00-02:30", "03:00-02:30", "02:15-02:45", "02:00-03:00",
	} {
		f.Add(s, uint8(i), uint32(i*104729))
	}
	locs := loadFuzzZones(f)
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string, zone uint8, minutes uint32) {
		loc := locs[int(zone)%len(locs)]
		q, err := ParseQuietHours(s, loc)
		if err != nil {
			checkErr(t, "ParseQuietHours", s, err)
			if q.Enabled {
				t.Errorf("ParseQuietHours(%q) = %+v with an error", s, q)
			}
			return
		}
		if !q.Enabled {
			if !strings.EqualFold(strings.TrimSpace(s), "off") || q.String() != "off" {
				t.Errorf("ParseQuietHours(%q) = %+v, off", s, q)
			}
			return
		}
		if q.Start < 0 || q.Start >= 24*60 || q.End < 0 || q.End >= 24*60 || q.Start == q.End {
			t.Fatalf("ParseQuietHours(%q) = %+v", s, q)
		}
		back, err := ParseQuietHours(q.String(), loc)
		if err != nil || back.Start != q.Start || back.End != q.End || !back.Enabled {
			t.Errorf("ParseQuietHours(%q) = %+v, written %q, read back %+v, %v", s, q, q, back, err)
		}
		at := base.Add(time.Duration(minutes%(2*366*24*60)) * time.Minute)
		for _, now := range append(fuzzTimes, at) {
			checkQuiet(t, q, now)
		}
	})
}

// checkQuiet asserts that Until(now) is now outside the window and the
// window's end, a moment outside it, inside.
func checkQuiet(t *testing.T, q QuietHours, now time.Time) {
	t.Helper()
	until := q.Until(now)
	if !q.Contains(now) {
		if !until.Equal(now) {
			t.Errorf("%s: Until(%v) = %v, but it is not quiet then", q, now.In(q.loc), until.In(q.loc))
		}
		return
	}
	if !until.After(now) || until.Sub(now) > 25*time.Hour || q.Contains(until) {
		t.Errorf("%s: Until(%v) = %v (quiet then: %v)", q, now.In(q.loc), until.In(q.loc), q.Contains(until))
	}
}

func FuzzParseDigest(f *testing.F) {
	for i, s := range []string{
		"weekly mon 08:00", "Weekly Friday 8:30", "weekly sun 23:59", "daily 18:00", "daily 0:00", "daily 02:30",
		"0 18 * * 5", "*/15 * * * *", "30 2 * * *", "0 8 1 * *", "0 0 29 2 *", "0 0 31 * *", "0 9 * * MON-FRI",
		"0 0 30 2 *", "0 0 31 4,6,9,11 *", "0 0 30 2 1", "off", " OFF ", "", "weekly", "weekly xyz 08:00",
		"daily 24:00", "daily 8", "@daily", "@every 1h a b c d", "0 8 * *", "61 8 * * *", "sometimes", "TZ=UTC 0 8 * *",
	} {
		f.Add(s, uint8(i))
	}
	// Times the clocks skip or repeat, in each zone that changes them.
	for zone, s := range []string{"daily 00:00", "weekly sun 02:30", "daily 01:30", "weekly sun 00:00"} {
		f.Add(s, uint8(zone))
	}
	locs := loadFuzzZones(f)
	f.Fuzz(func(t *testing.T, s string, zone uint8) {
		loc := locs[int(zone)%len(locs)]
		d, err := ParseDigest(s, loc)
		if err != nil {
			checkErr(t, "ParseDigest", s, err)
			if d.Enabled() {
				t.Errorf("ParseDigest(%q) enabled with an error", s)
			}
			return
		}
		off := d.Spec == "off"
		if off == d.Enabled() || off != (d.String() == "off") || d.String() == "" {
			t.Fatalf("ParseDigest(%q) = spec %q, %q, enabled %v", s, d.Spec, d, d.Enabled())
		}
		back, err := ParseDigest(d.Spec, loc)
		if err != nil || back.Spec != d.Spec || back.String() != d.String() {
			t.Errorf("ParseDigest(%q) = %q, read back %q, %v", s, d.Spec, back.Spec, err)
		}
		for _, now := range fuzzTimes {
			next := d.Next(now)
			if off {
				if !next.IsZero() {
					t.Errorf("off: Next(%v) = %v", now, next)
				}
				continue
			}
			checkNext(t, d, now, next)
			if b := back.Next(now); !b.Equal(next) {
				t.Errorf("%q: Next(%v) = %v, read back: %v", d.Spec, now, next, b)
			}
		}
	})
}

// checkNext asserts that a digest after now comes after it: a daily one
// within a day and a weekly one within a week (give or take the hour a
// clock change adds or takes), a cron one within 400 days, unless it names
// only the 29th of February. Daily and weekly digests also come once a day
// or week, never twice within one (as in an hour the clocks repeat).
func checkNext(t *testing.T, d Digest, now, next time.Time) {
	t.Helper()
	period := time.Duration(0)
	switch {
	case strings.HasPrefix(d.Spec, "daily "):
		period = 24 * time.Hour
	case strings.HasPrefix(d.Spec, "weekly "):
		period = 7 * 24 * time.Hour
	}
	limit := period + time.Hour
	if period == 0 {
		limit = 400 * 24 * time.Hour
		if next.Month() == time.February && next.Day() == 29 {
			limit = 8 * 366 * 24 * time.Hour
		}
	}
	if !next.After(now) || next.Sub(now) > limit {
		t.Errorf("%q in %s: Next(%v) = %v", d.Spec, d.loc, now.In(d.loc), next.In(d.loc))
		return
	}
	if after := d.Next(next); period > 0 && (after.Sub(next) < period-time.Hour || after.Sub(next) > limit) {
		t.Errorf("%q in %s: Next(%v) = %v, then %v", d.Spec, d.loc, now.In(d.loc), next.In(d.loc), after.In(d.loc))
	}
}

// fuzzEnv is the environment configuration files are read with.
var fuzzEnv = env("GRATITUDE_IMAP_PASSWORD", "imap-secret", "GRATITUDE_SMTP_PASSWORD", "smtp-secret", "EMPTY", "")

func FuzzParse(f *testing.F) {
	f.Add(Starter())
	for _, s := range []string{
		minimal,
		"",
		"owner: ada@example.org\n",
		minimal + "timezone: Europe/Berlin\nreminders:\n  digest: 0 18 * * 5\n  quiet_hours: off\n  no_reply_after: 36h\n",
		minimal + "reminders:\n  digest: off\n  quiet_hours: 22:00-01:30\n  thanks_pending_after: 1w2d\nsmtp:\n  rate_limit: off\n",
		minimal + "smtp:\n  host: smtp.example.org\n  username: ada\n  password: ${GRATITUDE_SMTP_PASSWORD}\n  rate_limit: 10/minute\n",
		"owner:\n  email: ada@example.org\n  aliases: [ada@example.com]\nimap:\n  host: localhost\n  security: insecure\n  password_command: pass show imap\n  port: 1143\nsmtp:\n  host: 127.0.0.1\n  security: insecure\nhttp:\n  listen: off\n",
		"owner: &o\n  email: ada@example.org\nimap:\n  host: imap.example.org\n  password: ${EMPTY}\nsmtp: *o\n",
		minimal + "capture:\n  address: ada@example.org\n  subject_tags: [\"\", help]\n  keywords: [\"\\\\Seen\"]\n",
		minimal + "imap:\n  poll_interval: 1s\n  idle_refresh: 1h\n",
		minimal + "<<: {log: {level: debug}}\nlog:\n  level: loud\n",
		"- a\n- b\n",
		"owner: [\n",
		minimal + "http:\n  listen: 0.0.0.0:80\nnotify:\n  via: smtp\n  replies_per_hour: 0\nthanks:\n  delivery: approval\n",
		minimal + "database: ~/g.db\ntemplates_dir: ~nobody/t\nimap:\n  ca_file: /nonexistent/ca.pem\n",
		minimal + "imap:\n  password: $${NOT_ENV}\n  username: ${UNSET}\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse(data, fuzzEnv)
		if err != nil {
			if cfg != nil {
				t.Errorf("a config with an error: %v", err)
			}
			var errs *Errors
			if !errors.As(err, &errs) || len(*errs) == 0 {
				t.Fatalf("error %T without problems: %v", err, err)
			}
			for _, e := range *errs {
				if strings.TrimSpace(e.Problem) == "" {
					t.Errorf("problem without words for key %q", e.Key)
				}
			}
			return
		}
		checkAccepted(t, cfg)
	})
}

// checkAccepted asserts that a config Parse accepted is complete and within
// the bounds the loader documents.
func checkAccepted(t *testing.T, c *Config) {
	t.Helper()
	var bad []string
	check := func(ok bool, what string, v any) {
		if !ok {
			bad = append(bad, fmt.Sprintf("%s: %+v", what, v))
		}
	}
	validPort := func(p int) bool { return p >= 1 && p <= 65535 }
	validSec := func(s Security) bool { return oneOf(string(s), "tls", "starttls", "insecure") }
	check(c.Owner.Email != "" && strings.Contains(c.Owner.Email, "@"), "owner.email", c.Owner.Email)
	check(c.Timezone != "" && c.Location() != nil, "timezone", c.Timezone)
	check(c.Database != "", "database", c.Database)
	check(oneOf(c.Log.Level, "debug", "info", "warn", "error"), "log.level", c.Log.Level)
	check(c.IMAP.Host != "" && validPort(c.IMAP.Port) && validSec(c.IMAP.Security), "imap", c.IMAP)
	check(c.IMAP.Username != "" && c.IMAP.Secret.IsSet() && c.IMAP.Mailboxes.Inbox != "", "imap credentials", c.IMAP)
	check(c.IMAP.PollInterval >= 10*time.Second && c.IMAP.CommandTimeout >= 5*time.Second &&
		c.IMAP.IdleRefresh >= 30*time.Second && c.IMAP.IdleRefresh <= 29*time.Minute, "imap durations", c.IMAP)
	check(c.SMTP.Host != "" && validPort(c.SMTP.Port) && validSec(c.SMTP.Security), "smtp", c.SMTP)
	check(c.SMTP.Username == "" || c.SMTP.Secret.IsSet(), "smtp credentials", c.SMTP)
	check(c.SMTP.RateLimit == RateLimit{} || c.SMTP.RateLimit.Enabled(), "smtp.rate_limit", c.SMTP.RateLimit)
	check(c.Notify.Via == NotifyIMAP || c.Notify.Via == NotifySMTP, "notify.via", c.Notify.Via)
	check(c.Notify.RepliesPerHour >= 1 && c.Notify.RepliesPerHour <= 1000, "notify.replies_per_hour", c.Notify.RepliesPerHour)
	check(oneOf(string(c.Thanks.Delivery), "drafts", "approval", "both"), "thanks.delivery", c.Thanks.Delivery)
	check(c.Capture.Address != "" && !strings.EqualFold(c.Capture.Address, c.Owner.Email), "capture.address", c.Capture.Address)
	for _, tag := range c.Capture.SubjectTags {
		check(strings.TrimSpace(tag) != "", "capture.subject_tags", c.Capture.SubjectTags)
	}
	for _, kw := range c.Capture.Keywords {
		check(validKeyword(kw), "capture.keywords", c.Capture.Keywords)
	}
	rm := c.Reminders
	check(rm.NoReplyAfter > 0 && rm.UnresolvedAfter > 0 && rm.ThanksPendingAfter > 0, "reminders durations", rm)
	check(rm.Digest.Spec != "" && rm.Digest.Enabled() == (rm.Digest.Spec != "off"), "reminders.digest", rm.Digest.Spec)
	q := rm.QuietHours
	check(!q.Enabled || q.Start >= 0 && q.Start < 24*60 && q.End >= 0 && q.End < 24*60 && q.Start != q.End, "reminders.quiet_hours", q)
	check(rm.FollowupMaxRecipients >= 1 && rm.FollowupMaxRecipients <= 1000, "reminders.followup_max_recipients", rm.FollowupMaxRecipients)
	check(c.Health.AlertAfter >= time.Second, "health.alert_after", c.Health.AlertAfter)
	if c.HTTP.Listen != "" {
		_, port, err := net.SplitHostPort(c.HTTP.Listen)
		n, perr := strconv.Atoi(port)
		check(err == nil && perr == nil && validPort(n), "http.listen", c.HTTP.Listen)
	}
	if len(bad) > 0 {
		t.Fatalf("accepted config out of bounds:\n%s", strings.Join(bad, "\n"))
	}
}
