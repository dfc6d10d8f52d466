package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// run is one measured `gratitude run --once`: the wall time and resources
// of the process, and what its "pass complete" log record says.
type run struct {
	usage
	pass
}

// pass is the daemon's "pass complete" log record.
type pass struct {
	Took          time.Duration `json:"took"` // slog writes durations in nanoseconds
	New           int64         `json:"new"`
	Commands      int64         `json:"commands"`
	Drafted       int64         `json:"drafted"`
	Reminders     int64         `json:"reminders"`
	Digest        bool          `json:"digest"`
	Sent          int64         `json:"sent"`
	Retrying      int64         `json:"retrying"`
	Failed        int64         `json:"failed"`
	HeaderFetches int64         `json:"header_fetches"`
	BodyFetches   int64         `json:"body_fetches"`
	BytesRead     int64         `json:"bytes_read"`
}

// runOnce runs `gratitude run --once` with the config and measures it.
func (b *bench) runOnce(cfg string) (run, error) {
	_, stderr, u, err := b.gratitude(cfg, "--log-format", "json", "run", "--once")
	if err != nil {
		return run{}, err
	}
	r := run{usage: u}
	found := false
	for _, line := range strings.Split(string(stderr), "\n") {
		var rec struct {
			Msg string `json:"msg"`
			pass
		}
		if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "pass complete" {
			r.pass, found = rec.pass, true
		}
	}
	if !found {
		return r, fmt.Errorf("run --once logged no \"pass complete\" record:\n%s", stderr)
	}
	return r, nil
}

// gratitude runs the binary with the config and args and returns its
// output and usage.
func (b *bench) gratitude(cfg string, args ...string) ([]byte, []byte, usage, error) {
	return b.runMeasured(b.o.bin, append([]string{"--config", cfg}, args...)...)
}
