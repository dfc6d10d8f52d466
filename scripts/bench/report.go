package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strings"
	"time"
)

// report is everything one benchmark run measured.
type report struct {
	Messages int
	Rounds   int
	Machine  string
	Populate time.Duration
	Raw      []rawFetch
	Initial  []run
	Quiet    []run
	Idle     []time.Duration
	RawIdle  []time.Duration
}

func medianBy[T any](xs []T, key func(T) float64) T {
	s := append([]T(nil), xs...)
	sort.Slice(s, func(i, j int) bool { return key(s[i]) < key(s[j]) })
	return s[len(s)/2]
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	i := int(float64(len(sorted)-1) * p)
	return sorted[i]
}

func (r *report) markdown() string {
	raw := medianBy(r.Raw, func(x rawFetch) float64 { return float64(x.Wall) })
	ini := medianBy(r.Initial, func(x run) float64 { return float64(x.Wall) })
	quiet := medianBy(r.Quiet, func(x run) float64 { return float64(x.Wall) })
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Benchmarks\n\nWritten by `scripts/bench.sh` on %s. Do not edit by hand: run the script.\n\n", time.Now().UTC().Format("2006-01-02 15:04 MST"))
	fmt.Fprintf(&b, "## Machine\n\n%s\n\n", r.Machine)
	fmt.Fprintf(&b, "## Initial sync of a %d-message Dovecot INBOX\n\n", r.Messages)
	fmt.Fprintf(&b, "Median of %d rounds; each `gratitude run --once` starts from an empty database. ", r.Rounds)
	fmt.Fprintf(&b, "The raw FETCH is one go-imap client fetching the same %d header fields of every message and discarding them, in the same run, after an untimed warm-up that lets Dovecot build its index.\n\n", len(headerFieldsForReport()))
	fmt.Fprintf(&b, "| measure | gratitude `run --once` | raw header FETCH | ratio |\n|---|---|---|---|\n")
	fmt.Fprintf(&b, "| wall time | %s | %s | %.2f× |\n", ms(ini.Wall), ms(raw.Wall), float64(ini.Wall)/float64(raw.Wall))
	fmt.Fprintf(&b, "| bytes read | %s | %s | %.2f× |\n", mib(ini.BytesRead), mib(raw.BytesRead), float64(ini.BytesRead)/float64(raw.BytesRead))
	fmt.Fprintf(&b, "| messages | %d headers, %d bodies | %d | |\n", ini.HeaderFetches, ini.BodyFetches, raw.Messages)
	fmt.Fprintf(&b, "| peak RSS | %.1f MiB | | |\n\n", float64(ini.PeakRSSKiB)/1024)
	fmt.Fprintf(&b, "gratitude's wall time includes process start, opening SQLite, discovering folders, syncing Sent too, and committing every message with its cursor. Populating the maildir took %s.\n\n", ms(r.Populate))
	fmt.Fprintf(&b, "## Quiet pass (nothing new) on the same mailbox\n\n| wall time | bytes read | header fetches | body fetches |\n|---|---|---|---|\n")
	fmt.Fprintf(&b, "| %s | %d B | %d | %d |\n\n", ms(quiet.Wall), quiet.BytesRead, quiet.HeaderFetches, quiet.BodyFetches)
	fmt.Fprintf(&b, "## IDLE latency\n\n`gratitude run` on the same mailbox; time from the end of an IMAP APPEND by another client to the message's row in the database, over %d deliveries.\n\n", len(r.Idle))
	fmt.Fprintf(&b, "| | p50 | p95 | max |\n|---|---|---|---|\n")
	fmt.Fprintf(&b, "| gratitude: APPEND → row in the database | %s | %s | %s |\n", ms(percentile(r.Idle, .5)), ms(percentile(r.Idle, .95)), ms(percentile(r.Idle, 1)))
	fmt.Fprintf(&b, "| bare IDLE client: APPEND → EXISTS | %s | %s | %s |\n\n", ms(percentile(r.RawIdle, .5)), ms(percentile(r.RawIdle, .95)), ms(percentile(r.RawIdle, 1)))
	fmt.Fprintf(&b, "The bare client's figure is the server's own notification delay, the floor for any IDLE client; the difference is what gratitude adds (the NOOP, SELECT, SEARCH, FETCH and commit of a pass).\n\n")
	fmt.Fprintf(&b, "## All rounds\n\n| round | initial wall | initial bytes | peak RSS | raw wall | raw bytes | quiet wall |\n|---|---|---|---|---|---|---|\n")
	for i := range r.Initial {
		fmt.Fprintf(&b, "| %d | %s | %s | %.1f MiB | %s | %s | %s |\n", i+1, ms(r.Initial[i].Wall), mib(r.Initial[i].BytesRead),
			float64(r.Initial[i].PeakRSSKiB)/1024, ms(r.Raw[i].Wall), mib(r.Raw[i].BytesRead), ms(r.Quiet[i].Wall))
	}
	return b.String()
}

func ms(d time.Duration) string { return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond)) }
func mib(n int64) string        { return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20)) }

func describeMachine() string {
	cpu := "unknown CPU"
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "model name") {
				cpu = strings.TrimSpace(strings.SplitN(line, ":", 2)[1])
				break
			}
		}
	}
	mem := ""
	if b, err := os.ReadFile("/proc/meminfo"); err == nil {
		mem = strings.TrimSpace(strings.SplitN(string(b), "\n", 2)[0])
	}
	dv, _ := exec.Command("dovecot", "--version").Output()
	return fmt.Sprintf("- %d × %s (%s/%s), %s\n- %s; Dovecot %s; everything on 127.0.0.1",
		runtime.NumCPU(), cpu, runtime.GOOS, runtime.GOARCH, mem, runtime.Version(), strings.TrimSpace(string(dv)))
}
