// Package retry owns how gratitude waits before trying again: one capped
// doubling backoff, with full jitter where many clients could retry in
// step. It imports only the standard library.
package retry

import (
	"math/rand/v2"
	"time"
)

// Backoff is a delay that starts at Min and doubles per failure up to Max.
type Backoff struct {
	Min, Max time.Duration
}

// Ceiling is the wait after the n-th failure in a row (n >= 1): Min
// doubled n-1 times, at most Max.
func (b Backoff) Ceiling(n int) time.Duration {
	d := b.Min
	for i := 1; i < n && d < b.Max; i++ {
		d *= 2
	}
	return min(d, b.Max)
}

// Jittered is a random wait between Min and Ceiling(n) (full jitter), so
// that many clients cut off at once do not come back in step.
func (b Backoff) Jittered(n int) time.Duration {
	ceiling := b.Ceiling(n)
	if ceiling <= b.Min {
		return b.Min
	}
	return b.Min + rand.N(ceiling-b.Min)
}
