package inbox

import (
	"context"
	"math/rand/v2"
	"time"
)

// Backoff is a capped exponential delay with full jitter for reconnects.
type Backoff struct {
	Min, Max time.Duration
}

// DefaultBackoff starts at one second and never waits more than five minutes.
var DefaultBackoff = Backoff{Min: time.Second, Max: 5 * time.Minute}

// Delay is the wait before reconnect attempt n (0-based): a random duration
// between Min and min(Max, Min·2ⁿ), so many clients do not reconnect in step.
func (b Backoff) Delay(n int) time.Duration {
	ceiling := b.Min
	for i := 0; i < n && ceiling < b.Max; i++ {
		ceiling *= 2
	}
	ceiling = min(ceiling, b.Max)
	if ceiling <= b.Min {
		return b.Min
	}
	return b.Min + rand.N(ceiling-b.Min)
}

// sleep waits d or until ctx is done; it reports whether the full wait passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
