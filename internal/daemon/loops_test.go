package daemon

import (
	"testing"
	"time"

	"gratitude"
)

func TestRetryWaitGrowsFromTheFirstRetryToTheCeiling(t *testing.T) {
	prev := time.Duration(0)
	for n := 1; n <= 12; n++ {
		w := retryWait(n)
		if w < firstRetry || w > afterError || w < prev {
			t.Errorf("retryWait(%d) = %v after %v: want between %v and %v, never shorter", n, w, prev, firstRetry, afterError)
		}
		prev = w
	}
	if retryWait(1) != firstRetry || retryWait(12) != afterError {
		t.Errorf("retryWait: first %v, after 12 %v; want %v and %v", retryWait(1), retryWait(12), firstRetry, afterError)
	}
}

func TestTheLoopsSleepUntilWhatIsDueWithinBounds(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	d := &Daemon{clock: gratitude.FixedClock{T: now}}
	for _, c := range []struct {
		next time.Time
		want time.Duration
	}{
		{time.Time{}, maxSleep}, // nothing known
		{now.Add(10 * time.Minute), 10 * time.Minute},
		{now.Add(-time.Hour), minSleep},     // overdue: at once, but not spinning
		{now.Add(48 * time.Hour), maxSleep}, // far off: look again within the hour
	} {
		if got := d.wait(c.next); got != c.want {
			t.Errorf("wait(%v) = %v, want %v", c.next, got, c.want)
		}
	}
}
