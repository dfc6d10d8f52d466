package fuzzci

import (
	"path/filepath"
	"regexp"
	"strings"
)

// outcome is what one fuzzing run came to.
type outcome int

const (
	passed  outcome = iota
	found           // the fuzzer failed: a crasher, a seed that fails, a build error
	raceEnd         // the only failure is Go's own fuzztime deadline race
)

// crasherLine is how `go test -fuzz` names the input it saved.
var crasherLine = regexp.MustCompile(`Failing input written to (testdata/fuzz/\S+)`)

// deadlineRace is the whole failure message of go.dev/issue/75804: the
// fuzz coordinator of Go before 1.27 can report its own -fuzztime deadline
// as a failure when a worker is mid-input at that instant. It writes no
// crasher and says nothing else.
const deadlineRace = "context deadline exceeded"

// judge reads a fuzzing run's output and exit status. crasher is the
// saved failing input, relative to the module root via dir, when one was
// written.
func judge(output string, exitErr error, dir string) (outcome, string) {
	if m := crasherLine.FindStringSubmatch(output); m != nil {
		return found, filepath.Join(dir, filepath.FromSlash(m[1]))
	}
	if exitErr == nil {
		return passed, ""
	}
	if onlyDeadlineRace(output) {
		return raceEnd, ""
	}
	return found, ""
}

// onlyDeadlineRace reports whether every failure line of output is the
// coordinator's deadline message.
func onlyDeadlineRace(output string) bool {
	sawRace := false
	lines := strings.Split(output, "\n")
	for i, line := range lines {
		if strings.Contains(line, "panic:") {
			return false
		}
		if !strings.HasPrefix(line, "--- FAIL: Fuzz") {
			continue
		}
		if i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) != deadlineRace {
			return false
		}
		sawRace = true
	}
	return sawRace
}
