package main

import (
	"database/sql"
	"fmt"
	"log"
	"os"
	"strings"
	"time"
)

// schedResult is the decision pass over a large database.
type schedResult struct {
	Requests int
	Counts   fillCounts
	Fill     time.Duration
	DBBytes  int64
	Warm     run // the first pass on the filled database
	// Empty[i] ran just before Full[i], and EmptyBare[i] just before
	// Bare[i]: pairs under the same load on the machine.
	Empty, Full     []run // the empty database; the filled one
	EmptyBare, Bare []run // the same, once the outbox history is deleted
	OneNew          []run // the filled one without history, one new message before each pass
	Steps           []step
	// StepRounds is how many times each step was timed.
	StepRounds int
}

// scheduler measures `run --once` against an empty, synced mailbox with an
// empty database and with one holding o.requests requests, in pairs; the
// difference is the decision pass (thanks, reminders) and the outbox
// drain on that many requests. It times the store reads of such a pass one
// by one, then deletes the outbox history and measures again: what is
// left is the decision pass alone. Last come passes that find new mail.
func (b *bench) scheduler() (*schedResult, error) {
	res := &schedResult{Requests: b.o.requests, StepRounds: max(b.o.rounds, 5)}
	emptyCfg, _, err := b.writeConfig("sched-empty", schedOwner)
	if err != nil {
		return nil, err
	}
	if _, err := b.runOnce(emptyCfg); err != nil { // creates the database, starts the digest clock
		return nil, err
	}
	cfg, db, err := b.writeConfig("sched-full", schedOwner)
	if err != nil {
		return nil, err
	}
	if err := b.fillSched(cfg, db, res); err != nil {
		return nil, err
	}
	if res.Warm, err = b.runOnce(cfg); err != nil {
		return nil, err
	}
	if res.Warm.Drafted+res.Warm.Reminders+res.Warm.Sent+res.Warm.Commands > 0 || res.Warm.Digest {
		return nil, fmt.Errorf("the filled database is not steady: its first pass did %+v", res.Warm.pass)
	}
	if res.Empty, res.Full, err = b.pairs(emptyCfg, cfg); err != nil {
		return nil, err
	}
	if res.Steps, err = timeSteps(db, schedOwner, strings.ToLower(requestSubject(b.o.requests)), res.StepRounds); err != nil {
		return nil, err
	}
	if err := deleteOutbox(db); err != nil {
		return nil, err
	}
	if res.EmptyBare, res.Bare, err = b.pairs(emptyCfg, cfg); err != nil {
		return nil, err
	}
	res.OneNew, err = b.onePerPass(cfg, schedOwner)
	return res, err
}

// deleteOutbox deletes every outbox row of the database.
func deleteOutbox(path string) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	if _, err := db.Exec(`DELETE FROM outbox`); err != nil {
		return fmt.Errorf("delete the outbox history: %w", err)
	}
	return nil
}

// fillSched creates the database through the binary (migrations, the
// account) and fills it. Like the daemon, it never runs ANALYZE, so the
// query planner sees what it would see in use.
func (b *bench) fillSched(cfg, path string, res *schedResult) error {
	// list opens (and so creates) the database; status would exit 1 on a
	// mailbox never synced.
	if _, _, _, err := b.gratitude(cfg, "list", "--json"); err != nil {
		return err
	}
	db, err := sql.Open("sqlite3", "file:"+path+"?_journal_mode=WAL&_synchronous=OFF&_foreign_keys=off&_busy_timeout=5000&_cache_size=-262144")
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	var account int64
	if err := db.QueryRow(`SELECT id FROM accounts WHERE email = ?`, schedOwner).Scan(&account); err != nil {
		return fmt.Errorf("account %s: %w", schedOwner, err)
	}
	start := time.Now()
	if res.Counts, err = fillRequests(db, account, b.o.requests, time.Now()); err != nil {
		return fmt.Errorf("fill: %w", err)
	}
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	res.Fill = time.Since(start)
	if fi, err := os.Stat(path); err == nil {
		res.DBBytes = fi.Size()
	}
	log.Printf("bench: filled %d requests in %s (%.0f MiB)", b.o.requests, res.Fill.Round(time.Second), float64(res.DBBytes)/(1<<20))
	return nil
}
