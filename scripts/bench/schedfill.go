package main

import (
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"gratitude"
)

// The shape of the decision-pass database: per 10,000 requests, 20 open,
// 20 answered and 5 resolved (each with a pending thank-you draft), all
// asked in the last few weeks; of the rest, a fifth cancelled and the
// others thanked, asked over historySpan. There is one person per 50
// requests; 70% of thanked requests were thanked through the program
// (a sent draft, its SMTP and Sent-copy outbox rows).
const (
	historySpan   = 10 * 365 * 24 * time.Hour
	activePer10k  = 45
	requestsPerID = 50 // requests per person
)

// fillCounts is what fillRequests wrote.
type fillCounts struct {
	States       map[gratitude.State]int
	People       int
	Participants int
	Threads      int
	Drafts       int
	Outbox       int
	Reminders    int
}

// dbFiller writes the rows of one request after another in one transaction.
type dbFiller struct {
	tx      *sql.Tx
	stmts   map[string]*sql.Stmt
	account int64
	now     time.Time
	rng     *rand.Rand
	people  int
	counts  fillCounts
}

// The inserts, with the columns the store reads (store/migrations).
var fillSQL = map[string]string{
	"person": `INSERT INTO people (id, account_id, email, name) VALUES (?, ?, ?, ?)`,
	"request": `INSERT INTO requests (id, account_id, state, subject, norm_subject, message_id, asked_at, resolved_at,
       thanked_at, cancelled_at, next_reminder_at, options, created_at, updated_at, due_at, no_remind, ask_text,
       version, schedule_dirty) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, 0, ?, ?, 0)`,
	"participant": `INSERT INTO request_participants (account_id, request_id, person_id, role, first_reply_at,
       last_reply_at, last_message_id, replies, excerpt, thanked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	"thread":   `INSERT INTO request_threads (account_id, request_id, message_id) VALUES (?, ?, ?)`,
	"reminder": `INSERT INTO reminders (account_id, request_id, kind, sent, last_at) VALUES (?, ?, ?, ?, ?)`,
	"draft": `INSERT INTO drafts (account_id, request_id, person_id, message_id, in_reply_to, refs, subject, body,
       delivered, state, created_at, decided_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)`,
	"outbox": `INSERT INTO outbox (account_id, request_id, kind, target, sender, recipients, subject, message_id,
       raw, state, attempts, next_attempt_at, created_at, sent_at) VALUES (?, ?, 'thank-you', ?, ?, ?, ?, ?, ?, 'sent', 1, ?, ?, ?)`,
}

// fillRequests writes n requests with their people, participants,
// threads, reminders, drafts and outbox history into the database of the
// account, in one transaction, in a steady state: nothing due, nothing to
// reschedule, nothing to draft.
func fillRequests(db *sql.DB, account int64, n int, now time.Time) (fillCounts, error) {
	tx, err := db.Begin()
	if err != nil {
		return fillCounts{}, err
	}
	defer tx.Rollback()
	f := &dbFiller{tx: tx, stmts: map[string]*sql.Stmt{}, account: account, now: now,
		rng: rand.New(rand.NewPCG(1, 2)), people: max(10, n/requestsPerID)}
	f.counts.States = map[gratitude.State]int{}
	for name, q := range fillSQL {
		if f.stmts[name], err = tx.Prepare(q); err != nil {
			return f.counts, fmt.Errorf("prepare %s insert: %w", name, err)
		}
	}
	if err := f.addPeople(); err != nil {
		return f.counts, err
	}
	active := max(3, n*activePer10k/10000)
	for id := 1; id <= n; id++ {
		if err := f.addRequest(id, n, active); err != nil {
			return f.counts, fmt.Errorf("request %d: %w", id, err)
		}
	}
	return f.counts, tx.Commit()
}

// exec runs the named prepared insert.
func (f *dbFiller) exec(name string, args ...any) error {
	_, err := f.stmts[name].Exec(args...)
	return err
}

// addPeople writes the people the requests are asked of.
func (f *dbFiller) addPeople() error {
	for p := 1; p <= f.people; p++ {
		if err := f.exec("person", p, f.account, fmt.Sprintf("person%d@example.net", p), fmt.Sprintf("Person %d", p)); err != nil {
			return fmt.Errorf("person %d: %w", p, err)
		}
	}
	f.counts.People = f.people
	return nil
}

// stateOf picks request id's state: every fourth of the last 4×active
// requests is active (open, answered, resolved in 4:4:1), the others are
// cancelled (one in five) or thanked.
func (f *dbFiller) stateOf(id, n, active int) gratitude.State {
	if back := n - id; back < 4*active && back%4 == 0 {
		switch j := back / 4 % 9; {
		case j < 4:
			return gratitude.StateOpen
		case j < 8:
			return gratitude.StateAnswered
		default:
			return gratitude.StateResolved
		}
	}
	if f.rng.IntN(5) == 0 {
		return gratitude.StateCancelled
	}
	return gratitude.StateThanked
}

// askedAt spreads requests evenly over historySpan, oldest first.
func (f *dbFiller) askedAt(id, n int) time.Time {
	return f.now.Add(-time.Duration(float64(historySpan) * float64(n-id+1) / float64(n)))
}

// millis is t as the store keeps it (Unix milliseconds), NULL when zero.
func millis(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMilli()
}

// Texts of realistic length for the columns that hold words.
var (
	askText   = strings.Repeat("Could you look at the budget and tell me what you think? ", 2)
	excerpt   = strings.Repeat("The travel line is counted twice, under Events too. ", 2)
	draftBody = strings.Repeat("Thank you so much for looking at it, that helped a lot. ", 4)
)
