package fuzzci

import (
	"context"
	"os/exec"
	"strings"
	"time"
)

// fuzzWorkers is -parallel for each run: CI runs the other packages' tests
// beside this one on its two cores, and one worker leaves them one.
const fuzzWorkers = "1"

// fuzzRun is what one `go test -fuzz` run came to.
type fuzzRun struct {
	result  outcome
	crasher string // the failing input it saved, when it saved one
	output  string // its output without the progress lines
	took    time.Duration
	killed  bool // ctx ended first
}

// fuzzOnce runs one target for fuzzTime from the module root, killing the
// go command and everything it started when ctx ends.
func fuzzOnce(ctx context.Context, root string, tg target, fuzzTime string) fuzzRun {
	cmd := exec.CommandContext(ctx, "go", "test", "-run", "^$", "-fuzz", "^"+tg.Name+"$",
		"-fuzztime", fuzzTime, "-parallel", fuzzWorkers, tg.Pkg)
	cmd.Dir = root
	ownGroup(cmd)
	cmd.WaitDelay = 10 * time.Second
	start := time.Now()
	out, err := cmd.CombinedOutput()
	r := fuzzRun{output: quiet(out), took: time.Since(start).Round(100 * time.Millisecond)}
	if ctx.Err() != nil {
		r.result, r.killed = found, true
		return r
	}
	r.result, r.crasher = judge(string(out), err, tg.Dir)
	return r
}

// quiet drops the fuzzer's progress lines from its output, but the last
// before each other line.
func quiet(out []byte) string {
	var kept []string
	last := ""
	for _, line := range strings.Split(strings.TrimRight(string(out), "\n"), "\n") {
		if strings.HasPrefix(line, "fuzz: elapsed:") {
			last = line
			continue
		}
		if last != "" {
			kept, last = append(kept, last), ""
		}
		kept = append(kept, line)
	}
	if last != "" {
		kept = append(kept, last)
	}
	return strings.Join(kept, "\n")
}
