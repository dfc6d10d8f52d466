// Command bench measures the mailbox sync on a real Dovecot and writes the
// figures to docs/BENCHMARKS.md. Run it through scripts/bench.sh.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"time"

	"gratitude/internal/testmail"
)

const (
	owner    = "ada@example.org"
	password = "bench-password"
)

func main() {
	bin := flag.String("bin", "", "the gratitude binary to measure")
	out := flag.String("out", "docs/BENCHMARKS.md", "where to write the report")
	messages := flag.Int("messages", 10000, "messages in the INBOX")
	rounds := flag.Int("rounds", 3, "repetitions of each timed run (the median is reported)")
	idleSamples := flag.Int("idle-samples", 30, "deliveries timed for IDLE latency")
	flag.Parse()
	if *bin == "" {
		log.Fatal("bench: -bin is required; run scripts/bench.sh")
	}
	dir, err := os.MkdirTemp("", "gratitude-bench-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	// Dovecot's mail processes run unprivileged and must reach the maildir.
	if err := os.Chmod(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	dc, err := testmail.StartDovecot(filepath.Join(dir, "dovecot"), testmail.DovecotOptions{})
	if err != nil {
		log.Fatalf("bench: start dovecot: %v", err)
	}
	defer dc.Close()
	if err := dc.AddUser(owner, password); err != nil {
		log.Fatal(err)
	}
	b := &bench{bin: *bin, dir: dir, dc: dc}
	rep, err := b.run(*messages, *rounds, *idleSamples)
	if err != nil {
		log.Fatalf("bench: %v", err)
	}
	if err := os.WriteFile(*out, []byte(rep.markdown()), 0o644); err != nil {
		log.Fatal(err)
	}
	fmt.Print(rep.markdown())
}

// bench holds what every measurement shares.
type bench struct {
	bin string
	dir string
	dc  *testmail.Dovecot
}

func (b *bench) run(messages, rounds, idleSamples int) (*report, error) {
	rep := &report{Messages: messages, Rounds: rounds, Machine: describeMachine()}
	start := time.Now()
	if err := b.dc.PopulateMaildir(owner, "INBOX", messages, realisticMail); err != nil {
		return nil, err
	}
	rep.Populate = time.Since(start)
	// Dovecot indexes a new maildir on first access; pay that once, untimed,
	// so neither side of the comparison carries it.
	if _, err := rawHeaderFetch(b.dc.Addr()); err != nil {
		return nil, err
	}
	for r := 0; r < rounds; r++ {
		raw, err := rawHeaderFetch(b.dc.Addr())
		if err != nil {
			return nil, err
		}
		rep.Raw = append(rep.Raw, raw)
		initial, quiet, err := b.runOnceTwice(fmt.Sprintf("round%d", r))
		if err != nil {
			return nil, err
		}
		rep.Initial = append(rep.Initial, initial)
		rep.Quiet = append(rep.Quiet, quiet)
	}
	lat, err := b.idleLatency(idleSamples)
	if err != nil {
		return nil, err
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	rep.Idle = lat
	raw, err := b.rawIdleLatency(idleSamples)
	if err != nil {
		return nil, err
	}
	sort.Slice(raw, func(i, j int) bool { return raw[i] < raw[j] })
	rep.RawIdle = raw
	return rep, nil
}
