package classify

import (
	netmail "net/mail"
	"strings"
	"testing"
	"time"
)

// FuzzParseDate checks the fast path against net/mail: wherever the single
// RFC 5322 layout reads a date, net/mail must read the same instant and zone.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		"Tue, 24 Nov 2026 18:05:00 +0100",
		"Tue, 4 Nov 2026 18:05:00 +0100",
		"Tue,  4 Nov 2026 18:05:00 +0100",
		"Tue, 004 Nov 2026 18:05:00 +0100",
		"Xyz, 4 Nov 2026 18:05:00 +0100",
		"Tue, 4 Nov 26 18:05:00 +0100",
		"24 Nov 2026 18:05:00 -0000",
		"Tue, 24 Nov 2026 18:05:00 +0100 (CET)",
		"Tue, 24 Nov 2026 18:05 +0100",
		"Tue, 24 Nov 2026 18:05:00 GMT",
		"  Sun, 01 Mar 2026 00:00:00 +1400  ",
		"Mon, 31 Feb 2026 10:00:00 +0000",
		"yesterday-ish",
		"",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := parseDate(s)
		want, err := netmail.ParseDate(strings.TrimSpace(s))
		if err != nil {
			want = time.Time{}
		}
		_, gotOff := got.Zone()
		_, wantOff := want.Zone()
		if !got.Equal(want) || gotOff != wantOff {
			t.Fatalf("parseDate(%q) = %v, net/mail reads %v", s, got, want)
		}
	})
}
