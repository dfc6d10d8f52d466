package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
)

// gnuTime is GNU time, which measures the peak RSS of the processes the
// benchmark times. The kernel's own figure for a child of this program is
// no good: Go starts children with vfork semantics, and at exec the kernel
// charges the parent's peak RSS (here hundreds of MB after filling a
// database) to the child. GNU time forks, so its child's figure is its own.
const gnuTime = "/usr/bin/time"

// usage is what a measured process cost.
type usage struct {
	Wall       time.Duration
	CPU        time.Duration // user + system
	PeakRSSKiB int64
}

// timeFiles numbers the files GNU time writes its report to.
var timeFiles atomic.Int64

// runMeasured runs name with args under GNU time and returns its output
// and usage; a failure is an error quoting its stderr.
func (b *bench) runMeasured(name string, args ...string) ([]byte, []byte, usage, error) {
	out := filepath.Join(b.dir, fmt.Sprintf("time-%d.txt", timeFiles.Add(1)))
	defer os.Remove(out)
	cmd := exec.Command(gnuTime, append([]string{"-f", "%M", "-o", out, name}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	u := usage{Wall: time.Since(start)}
	if err != nil {
		return nil, nil, u, fmt.Errorf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, stderr.String())
	}
	// GNU time's own CPU is a few hundred microseconds; the rest is its child's.
	u.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	report, err := os.ReadFile(out)
	if err != nil {
		return nil, nil, u, fmt.Errorf("peak RSS of %s: %w", filepath.Base(name), err)
	}
	lines := strings.Fields(string(report))
	if len(lines) == 0 {
		return nil, nil, u, fmt.Errorf("peak RSS of %s: GNU time wrote nothing", filepath.Base(name))
	}
	if u.PeakRSSKiB, err = strconv.ParseInt(lines[len(lines)-1], 10, 64); err != nil {
		return nil, nil, u, fmt.Errorf("peak RSS of %s: GNU time wrote %q", filepath.Base(name), report)
	}
	return stdout.Bytes(), stderr.Bytes(), u, nil
}

// checkGNUTime fails early, with the fix, when GNU time is missing.
func checkGNUTime() error {
	if _, err := exec.LookPath(gnuTime); err != nil {
		return fmt.Errorf("%s is needed to measure peak RSS: install GNU time (Debian: apt-get install time)", gnuTime)
	}
	return nil
}
