// Command bench measures gratitude on a real mail stack (Dovecot, Postfix,
// a loopback SMTP server) and writes the figures to docs/BENCHMARKS.md:
// initial and steady-state sync at two mailbox sizes against a raw header
// FETCH, IDLE latency, one decision pass over a database of a million
// requests, outbox throughput, and doubled sends when killed while
// sending. Run it through scripts/bench.sh.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"strconv"
	"strings"
	"time"
)

// options are the benchmark's flags.
type options struct {
	bin           string
	out           string
	sizes         []int // mailbox sizes for the sync runs, ascending
	rounds        int
	idleSamples   int
	appendSamples int
	requests      int
	outbox        int
	crashKills    int    // SIGKILLs of the doubled-send measurement
	crashSeed     uint64 // its seed, fixed so that runs compare
	quick         bool
	keep          bool // keep the scratch directory (databases, configs, maildirs)
}

func main() {
	if len(os.Args) > 1 && os.Args[1] == rawFetchMode {
		rawFetchMain(os.Args[2:])
		return
	}
	o, err := parseFlags()
	if err != nil {
		log.Fatalf("bench: %v", err)
	}
	start := time.Now()
	rep, err := runBench(o)
	if err != nil {
		log.Fatalf("bench: %v", err)
	}
	rep.Took = time.Since(start)
	md := rep.markdown()
	fmt.Print(md)
	if o.out == "" {
		return
	}
	if err := os.WriteFile(o.out, []byte(md), 0o644); err != nil {
		log.Fatalf("bench: write report: %v", err)
	}
	log.Printf("bench: wrote %s in %s", o.out, rep.Took.Round(time.Second))
}

// parseFlags reads and checks the flags; -quick shrinks what was not set.
func parseFlags() (options, error) {
	var o options
	var sizes string
	flag.StringVar(&o.bin, "bin", "", "the gratitude binary to measure (scripts/bench.sh builds it)")
	flag.StringVar(&o.out, "out", "docs/BENCHMARKS.md", "where to write the report (-quick: only with -out given)")
	flag.StringVar(&sizes, "sizes", "10000,100000", "INBOX sizes for the sync runs, ascending, comma-separated")
	flag.IntVar(&o.rounds, "rounds", 3, "repetitions of each timed run (the median is reported)")
	flag.IntVar(&o.idleSamples, "idle-samples", 100, "replies delivered through Postfix for IDLE latency")
	flag.IntVar(&o.appendSamples, "append-samples", 30, "IMAP APPENDs for IDLE latency")
	flag.IntVar(&o.requests, "requests", 1_000_000, "requests in the database of the decision pass")
	flag.IntVar(&o.outbox, "outbox", 1000, "messages queued for the outbox throughput run")
	flag.IntVar(&o.crashKills, "crash-kills", 300, "SIGKILLs while sending for the doubled-send measurement")
	flag.Uint64Var(&o.crashSeed, "crash-seed", 12, "seed of the moments of those kills")
	flag.BoolVar(&o.keep, "keep", false, "keep the scratch directory (databases, configs, mail) for a look afterwards")
	flag.BoolVar(&o.quick, "quick", false, "small sizes for a check in about a minute; writes no report unless -out is given")
	flag.Parse()
	if o.bin == "" {
		return o, fmt.Errorf("-bin is required; run scripts/bench.sh")
	}
	if _, err := os.Stat(o.bin); err != nil {
		return o, fmt.Errorf("-bin: %w", err)
	}
	set := map[string]bool{}
	flag.Visit(func(f *flag.Flag) { set[f.Name] = true })
	if o.quick {
		o.quickDefaults(set)
		if !set["sizes"] {
			sizes = "1000,5000"
		}
	}
	var err error
	if o.sizes, err = parseSizes(sizes); err != nil {
		return o, err
	}
	if o.rounds < 1 || o.idleSamples < 1 || o.appendSamples < 1 || o.requests < 1 || o.outbox < 1 || o.crashKills < 1 {
		return o, fmt.Errorf("-rounds, -idle-samples, -append-samples, -requests, -outbox and -crash-kills must be at least 1")
	}
	return o, nil
}

// quickDefaults shrinks every size the command line did not set.
func (o *options) quickDefaults(set map[string]bool) {
	small := []struct {
		flag string
		p    *int
		n    int
	}{
		{"rounds", &o.rounds, 1}, {"idle-samples", &o.idleSamples, 20}, {"append-samples", &o.appendSamples, 10},
		{"requests", &o.requests, 20_000}, {"outbox", &o.outbox, 100}, {"crash-kills", &o.crashKills, 30},
	}
	for _, s := range small {
		if !set[s.flag] {
			*s.p = s.n
		}
	}
	if !set["out"] {
		o.out = ""
	}
}

// parseSizes reads the -sizes list.
func parseSizes(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 || (len(out) > 0 && n <= out[len(out)-1]) {
			return nil, fmt.Errorf("-sizes %q: want ascending positive counts, like 10000,100000", s)
		}
		out = append(out, n)
	}
	return out, nil
}
