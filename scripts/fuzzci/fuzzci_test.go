package fuzzci

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"testing"
	"time"
)

// fuzzTimeEnv names the -fuzztime each target gets; unset, nothing is fuzzed.
const fuzzTimeEnv = "GRATITUDE_FUZZ_TIME"

// perTargetOverhead is what one run may cost beyond its -fuzztime:
// building the instrumented test binary, gathering baseline coverage of the
// seed corpus, stopping the workers. About 2 s with a warm build cache; a
// cold one on a 2-core CI machine takes longer.
const perTargetOverhead = 15 * time.Second

// hangAllowance is how long a run may overstay its fuzz time and overhead
// before it is killed as hung (sooner when the test's deadline is nearer).
const hangAllowance = 5 * time.Minute

// countValue is a -fuzztime count ("500x"); the other form is a duration.
var countValue = regexp.MustCompile(`^[1-9][0-9]*x$`)

func TestFuzzTargetsFindNothing(t *testing.T) {
	fuzzTime := os.Getenv(fuzzTimeEnv)
	if fuzzTime == "" {
		t.Skipf("%s is not set, so no fuzz target runs (CI sets it in .ci/run; try %s=10s)", fuzzTimeEnv, fuzzTimeEnv)
	}
	per, err := time.ParseDuration(fuzzTime)
	if err != nil && !countValue.MatchString(fuzzTime) {
		t.Fatalf("%s=%q is not a -fuzztime value (a duration like 20s, or a count like 500x)", fuzzTimeEnv, fuzzTime)
	}
	root, err := moduleRoot()
	if err != nil {
		t.Fatal(err)
	}
	l, err := listTargets(root)
	if err != nil {
		t.Fatalf("listing fuzz targets: %v", err)
	}
	for pkg, out := range l.failed {
		t.Errorf("%s failed to build or list; its fuzz targets, if any, are not run:\n%s", pkg, out)
	}
	if len(l.targets) == 0 {
		t.Fatal("no fuzz targets found")
	}
	t.Logf("%d fuzz targets × %s, one after another (+ up to %v each to build and start)",
		len(l.targets), fuzzTime, perTargetOverhead)
	for i, tg := range l.targets {
		run, runPer := fuzzTime, per
		if share, ok := fairShare(t, len(l.targets)-i); ok && per > 0 && share < per {
			// Every target runs: more targets than the deadline holds at
			// the full time share what is left.
			if share < minFuzzTime {
				left, _ := timeLeft(t)
				t.Errorf("only %v left before the test's deadline (go test -timeout): %d targets not run, from %s on",
					left.Round(time.Second), len(l.targets)-i, tg.Name)
				return
			}
			run, runPer = share.String(), share
		}
		runTarget(t, root, tg, run, runPer)
	}
}

// expectedOverhead is what one run usually costs beyond its -fuzztime
// (perTargetOverhead is the most it may).
const expectedOverhead = 4 * time.Second

// minFuzzTime is the least time a target is fuzzed for when the deadline
// makes the targets share what is left.
const minFuzzTime = 5 * time.Second

// fairShare is the fuzz time each of the remaining targets can have before
// the test's deadline, in whole seconds; false when there is no deadline.
func fairShare(t *testing.T, remaining int) (time.Duration, bool) {
	left, ok := timeLeft(t)
	if !ok {
		return 0, false
	}
	return (left/time.Duration(remaining) - expectedOverhead).Truncate(time.Second), true
}

// timeLeft is how long until the test binary's -timeout, minus a margin to
// report in.
func timeLeft(t *testing.T) (time.Duration, bool) {
	d, ok := t.Deadline()
	if !ok {
		return 0, false
	}
	return time.Until(d) - 20*time.Second, true
}

// runTarget fuzzes one target for fuzzTime and reports what it found.
func runTarget(t *testing.T, root string, tg target, fuzzTime string, per time.Duration) {
	t.Helper()
	limit := per + perTargetOverhead + hangAllowance
	if left, ok := timeLeft(t); ok {
		limit = min(limit, left)
	}
	ctx, cancel := context.WithTimeout(t.Context(), limit)
	defer cancel()
	r := fuzzOnce(ctx, root, tg, fuzzTime)
	switch {
	case r.killed:
		t.Errorf("%s (%s) killed after %v: hung, or no time left:\n%s", tg.Name, tg.Pkg, r.took, r.output)
	case r.result == passed:
		t.Logf("%-28s %-26s nothing found in %v", tg.Name, tg.Pkg, r.took)
	case r.result == raceEnd:
		t.Logf("%-28s %-26s nothing found in %v; the run ended on Go's fuzztime deadline race (go.dev/issue/75804), no input failed",
			tg.Name, tg.Pkg, r.took)
	case r.crasher != "":
		rel, _ := filepath.Rel(root, r.crasher)
		t.Errorf("%s (%s) found a failing input, saved in %s\nreplay: go test -run '^%s/%s$' %s\n%s",
			tg.Name, tg.Pkg, rel, tg.Name, filepath.Base(r.crasher), tg.Pkg, r.output)
	default:
		t.Errorf("%s (%s) failed:\n%s", tg.Name, tg.Pkg, r.output)
	}
}
