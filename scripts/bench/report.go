package main

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"time"
)

// report is everything one benchmark run measured.
type report struct {
	Options options
	Machine string
	// LoadStart is the load average when the run started.
	LoadStart string
	Took      time.Duration
	Sizes     []*sizeResult
	Sched     *schedResult
	Outbox    *outboxResult
	Crash     *crashResult
}

// markdown is the report as docs/BENCHMARKS.md holds it.
func (r *report) markdown() string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Benchmarks\n\nWritten by `scripts/bench.sh` on %s in %s. Do not edit by hand: run the script",
		time.Now().UTC().Format("2006-01-02 15:04 MST"), r.Took.Round(time.Second))
	if r.Options.quick {
		fmt.Fprintf(&b, " (this is a `-quick` run: small sizes, not the published figures)")
	}
	fmt.Fprintf(&b, ".\n\n## Machine\n\n%s\n- load average (1, 5, 15 min) when the run started: %s; when it ended: %s\n\n",
		r.Machine, r.LoadStart, loadAverage())
	r.writeTargets(&b)
	for _, s := range r.Sizes {
		s.writeInitial(&b)
	}
	r.writeSteady(&b)
	r.writeIdle(&b)
	r.Sched.write(&b)
	r.Outbox.write(&b)
	r.Crash.write(&b)
	r.writeRounds(&b)
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// table writes a Markdown table: a header row, then rows.
func table(w io.Writer, header []string, rows ...[]string) {
	line := func(cells []string) {
		for _, c := range cells {
			fmt.Fprintf(w, "| %s ", c)
		}
		fmt.Fprintln(w, "|")
	}
	line(header)
	sep := make([]string, len(header))
	for i := range sep {
		sep[i] = "---"
	}
	line(sep)
	for _, r := range rows {
		line(r)
	}
	fmt.Fprintln(w)
}

// writeRounds lists every round of the initial sync runs, for the spread.
func (r *report) writeRounds(w io.Writer) {
	fmt.Fprintf(w, "## All rounds of the initial sync runs\n\n")
	var rows [][]string
	for _, s := range r.Sizes {
		for i := range s.Initial {
			ini, raw := s.Initial[i], s.Raw[i]
			rows = append(rows, []string{fmt.Sprint(s.Messages), fmt.Sprint(i + 1), ms(ini.Wall), ms(ini.CPU), size(ini.BytesRead),
				mb(ini.PeakRSSKiB * 1024), ms(raw.Wall), ms(raw.CPU), size(raw.BytesRead)})
		}
	}
	table(w, []string{"INBOX", "round", "gratitude wall", "gratitude CPU", "gratitude bytes", "gratitude peak RSS",
		"raw wall", "raw CPU", "raw bytes"}, rows...)
}
