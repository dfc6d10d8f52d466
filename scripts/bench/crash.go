package main

import (
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"time"
)

// crashResult is the doubled-send measurement: cmd/gratitude's
// TestDoubledSendsPerHundredKills, run with a fixed seed and more kills
// than in CI.
type crashResult struct {
	Seed                          uint64
	Kills, Doubles, After, Before int
	Messages                      int
	Unconfirmed, Lost             int           // left unconfirmed by a kill; of those, never at the server
	PerMessage                    time.Duration // sending time per message between kills
	TestFailed                    bool          // above the test's own bound (the figure stands)
}

// crashLine is the test's one line for this benchmark.
var crashLine = regexp.MustCompile(`crash-rate kills=(\d+) doubles=(\d+) after=(\d+) before=(\d+) per_message_us=(\d+) messages=(\d+) unconfirmed=(\d+) lost=(\d+)`)

// crashRate runs the test from the repository (scripts/bench.sh runs the
// benchmark at its root) and reads its figures.
func (b *bench) crashRate() (*crashResult, error) {
	cmd := exec.Command("go", "test", "-count=1", "-timeout=30m", "-run", "^TestDoubledSendsPerHundredKills$", "-v", "./cmd/gratitude")
	cmd.Env = append(os.Environ(), fmt.Sprintf("GRATITUDE_CRASH_SEED=%d", b.o.crashSeed),
		fmt.Sprintf("GRATITUDE_CRASH_KILLS=%d", b.o.crashKills))
	out, err := cmd.CombinedOutput()
	m := crashLine.FindSubmatch(out)
	if m == nil {
		return nil, fmt.Errorf("go test printed no crash-rate line (%v):\n%s", err, out)
	}
	n := func(i int) int { v, _ := strconv.Atoi(string(m[i])); return v }
	return &crashResult{Seed: b.o.crashSeed, Kills: n(1), Doubles: n(2), After: n(3), Before: n(4),
		PerMessage: time.Duration(n(5)) * time.Microsecond, Messages: n(6), Unconfirmed: n(7), Lost: n(8),
		TestFailed: err != nil}, nil
}

// per100 is the doubled deliveries per 100 kills.
func (r *crashResult) per100() float64 { return 100 * float64(r.Doubles) / float64(r.Kills) }
