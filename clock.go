package gratitude

import "time"

// Clock tells the current time; the daemon's wiring owns the only real one.
type Clock interface {
	// Now returns the current instant.
	Now() time.Time
}

// SystemClock reads the machine's clock. Only cmd/gratitude should create it.
type SystemClock struct{}

// Now returns time.Now().
func (SystemClock) Now() time.Time { return time.Now() }

// FixedClock always answers the same instant; `--now` and tests use it.
type FixedClock struct{ T time.Time }

// Now returns the pinned instant.
func (c FixedClock) Now() time.Time { return c.T }

// OffsetClock runs at real speed from a pinned start: `--now` on `run`
// keeps time moving from the given instant.
type OffsetClock struct {
	Base  Clock
	Delta time.Duration
}

// Now returns the base clock shifted by Delta.
func (c OffsetClock) Now() time.Time { return c.Base.Now().Add(c.Delta) }
