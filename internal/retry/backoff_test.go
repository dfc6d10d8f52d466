package retry

import (
	"testing"
	"time"
)

func TestCeilingDoublesFromMinUpToMax(t *testing.T) {
	b := Backoff{Min: time.Second, Max: 10 * time.Second}
	for n, want := range map[int]time.Duration{0: time.Second, 1: time.Second, 2: 2 * time.Second, 3: 4 * time.Second,
		4: 8 * time.Second, 5: 10 * time.Second, 60: 10 * time.Second} {
		if got := b.Ceiling(n); got != want {
			t.Errorf("Ceiling(%d) = %v, want %v", n, got, want)
		}
	}
}

func TestJitteredStaysBetweenMinAndTheCeiling(t *testing.T) {
	b := Backoff{Min: time.Second, Max: time.Minute}
	spread := map[time.Duration]bool{}
	for range 200 {
		d := b.Jittered(4)
		if d < b.Min || d > b.Ceiling(4) {
			t.Fatalf("Jittered(4) = %v, outside [%v, %v]", d, b.Min, b.Ceiling(4))
		}
		spread[d] = true
	}
	if len(spread) < 50 {
		t.Errorf("only %d distinct waits in 200: not jittered", len(spread))
	}
	if d := b.Jittered(1); d != time.Second {
		t.Errorf("Jittered(1) = %v, want Min", d)
	}
}
