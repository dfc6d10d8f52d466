package gratitude

import (
	"testing"
	"time"
)

// Months are the owner's: help at 23:30 UTC on the last day of a month is
// the next month's for an owner at UTC+1. The twelve months end with
// now's, empty ones are zeros, and help before or after them is left out.
func TestHelpByMonthBucketsInTheOwnersZone(t *testing.T) {
	plus1 := time.FixedZone("UTC+1", 3600)
	now := time.Date(2026, 3, 10, 12, 0, 0, 0, time.UTC)
	received := []time.Time{
		time.Date(2026, 1, 31, 23, 30, 0, 0, time.UTC), // 1 Feb 00:30 at UTC+1
		time.Date(2026, 1, 31, 22, 30, 0, 0, time.UTC), // 31 Jan 23:30 at UTC+1
		time.Date(2025, 3, 31, 23, 30, 0, 0, time.UTC), // 1 Apr 2025: the first month
		time.Date(2025, 3, 31, 22, 0, 0, 0, time.UTC),  // 31 Mar 2025: before the months
		time.Date(2026, 3, 31, 23, 30, 0, 0, time.UTC), // 1 Apr 2026: after them
	}
	given := []time.Time{time.Date(2026, 3, 1, 0, 0, 0, 0, plus1), time.Date(2026, 2, 28, 23, 59, 0, 0, plus1)}
	months := HelpByMonth(received, given, plus1, now, HelpMonths)
	if len(months) != 12 {
		t.Fatalf("%d months, want 12", len(months))
	}
	if first := months[0].Month; !first.Equal(time.Date(2025, 4, 1, 0, 0, 0, 0, plus1)) {
		t.Errorf("the first month begins %v, want 1 Apr 2025 at UTC+1", first)
	}
	want := map[time.Month][2]int{time.April: {1, 0}, time.January: {1, 0}, time.February: {1, 1}, time.March: {0, 1}}
	for _, m := range months {
		w := want[m.Month.Month()]
		if m.Received != w[0] || m.Given != w[1] {
			t.Errorf("%s: received %d, given %d; want %d, %d", m.Month.Format("Jan 2006"), m.Received, m.Given, w[0], w[1])
		}
	}
}
