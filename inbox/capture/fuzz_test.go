package capture

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

var fuzzZones = []string{"Europe/Berlin", "America/New_York", "UTC", "Asia/Kolkata", "Pacific/Chatham"}

// fuzzNow maps fuzz inputs to a time between about 1970 and 2070 in one of
// fuzzZones.
func fuzzNow(t *testing.T, sec int64, zone uint8) (time.Time, *time.Location) {
	loc := mustZone(t, fuzzZones[int(zone)%len(fuzzZones)])
	const span = 100 * 365 * 24 * 3600
	sec %= span
	if sec < 0 {
		sec += span
	}
	return time.Unix(sec, 0).In(loc), loc
}

// checkOptions asserts the invariants of ParseOptions(detail, now, loc) and
// that every non-empty option was understood or is quoted in a Note.
func checkOptions(t *testing.T, detail string, now time.Time, loc *time.Location) {
	o := ParseOptions(detail, now, loc)
	if o.Window < 0 {
		t.Errorf("%q: negative Window %v", detail, o.Window)
	}
	if o.Window != 0 && !o.Due.IsZero() {
		t.Errorf("%q: both Window %v and Due %v", detail, o.Window, o.Due)
	}
	if !o.Due.IsZero() && (!o.Due.After(now) || o.Due.Location() != loc) {
		t.Errorf("%q: Due %v not ahead of now %v in %v", detail, o.Due, now, loc)
	}
	if (o.CardID != 0) != (o.Token != "") || o.CardID < 0 {
		t.Errorf("%q: CardID %d with Token %q", detail, o.CardID, o.Token)
	}
	if o.Token != "" && !reToken.MatchString(o.Token) {
		t.Errorf("%q: Token %q", detail, o.Token)
	}
	opts := strings.FieldsFunc(detail, func(r rune) bool { return r == '.' || r == '+' })
	understood := func(s string) bool {
		a := ParseOptions(s, now, loc)
		return len(a.Notes) == 0 && (a.Window != 0 || !a.Due.IsZero() || a.NoRemind || a.Gave || a.CardID != 0)
	}
	for i, opt := range opts {
		if noted(o.Notes, opt) || understood(opt) {
			continue
		}
		// Options understood only with a neighbour: a command token's
		// parts, a date refined by the time after it ("today.5pm").
		if o.CardID != 0 {
			if m := reCommand.FindStringSubmatch(asciiLower(opt)); m != nil && m[1] != "" {
				if id, err := strconv.ParseInt(m[1], 10, 64); err == nil && id == o.CardID {
					continue
				}
			}
			if asciiLower(opt) == o.Token {
				continue
			}
		}
		if i+1 < len(opts) && understood(opt+"."+opts[i+1]) {
			continue
		}
		// A clock time after a day refines it ("fri.0h": Friday at 0:00),
		// though alone "0h" is no window.
		if i > 0 && understood(opts[i-1]+"."+opt) {
			continue
		}
		t.Errorf("%q: option %q neither understood nor in Notes %q", detail, opt, o.Notes)
	}
}

func noted(notes []string, opt string) bool {
	for _, n := range notes {
		if strings.Contains(n, opt) {
			return true
		}
	}
	return false
}

var optionSeeds = []string{
	"", "3d", "36h", "2w", "90m", "90min", "3days", "2weeks", "in-3-days", "friday", "fri9am",
	"friday-14h", "dec3", "3dec", "december3", "dec3-17:00", "2026-12-01", "2020-01-01",
	"noremind", "gave", "3d.noremind", "c42.k7f3q9", "c42", "c0.abcd", "next-monday-9am",
	"tomorrow", "nextweek", "today.5pm", "friday.9am", "feb29", "feb30", "blah", "3d.friday",
	"this-friday-afternoon", "3rd-of-march", "yesterday", "5pm", "noon", "x..3d.", "1000d",
	"c42.abcd.c43.efgh", "FRIDAY.NoRemind", "tonight", "march-3rd-at-7:30pm", "\xff.3d",
}

func FuzzParseOptions(f *testing.F) {
	for i, s := range optionSeeds {
		f.Add(s, int64(1780646400+i*86400), uint8(i))
	}
	f.Fuzz(func(t *testing.T, detail string, sec int64, zone uint8) {
		now, loc := fuzzNow(t, sec, zone)
		checkOptions(t, detail, now, loc)
	})
}

func FuzzMatch(f *testing.F) {
	for _, s := range []struct{ addr, capture string }{
		{"ada+thanks@example.org", "ada+thanks@example.org"},
		{"Ada+Thanks.3d@EXAMPLE.org", "ada+thanks@example.org"},
		{"ada+thanks.c42.k7f3q9@example.org", "ada+thanks@example.org"},
		{"ada+thanksgiving@example.org", "ada+thanks@example.org"},
		{"ada@example.org", "ada+thanks@example.org"},
		{"thanks+3d.friday@example.org", "thanks@example.org"},
		{"<ada+thanks.next-monday-9am@example.org>", "ada+thanks@example.org"},
		{"ada+thanks.x@y@example.org", "ada+thanks@example.org"},
		{"", ""},
	} {
		f.Add(s.addr, s.capture)
	}
	loc := mustZone(f, "Europe/Berlin")
	now := time.Date(2026, 6, 5, 10, 0, 0, 0, loc)
	f.Fuzz(func(t *testing.T, addr, capture string) {
		detail, ok := Match(addr, capture)
		if !ok {
			if detail != "" {
				t.Errorf("Match(%q, %q) = %q, false", addr, capture, detail)
			}
			return
		}
		local, _, valid := split(addr)
		cLocal, _, _ := split(capture)
		if !valid || !strings.HasSuffix(local, detail) || !asciiEqualFold(local[:len(cLocal)], cLocal) {
			t.Errorf("Match(%q, %q) = %q, true", addr, capture, detail)
		}
		if again, ok := Match(capture, capture); !ok || again != "" {
			t.Errorf("Match(%q, itself) = %q, %v", capture, again, ok)
		}
		checkOptions(t, detail, now, loc)
	})
}
