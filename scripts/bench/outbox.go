package main

import (
	"database/sql"
	"fmt"
	"time"
)

// outboxResult is the outbox throughput run.
type outboxResult struct {
	Messages int
	Empty    []run // passes with nothing queued
	SMTP     run   // a pass sending Messages thank-yous by SMTP
	WithCopy run   // a pass sending as many, each then filed in Sent by APPEND
	Received int   // messages the SMTP server accepted in both passes
}

// outboxThroughput queues thank-yous straight into the outbox of an
// account with an empty mailbox, as an approval would, and times the pass
// that sends them to the loopback SMTP server with no rate limit: once
// SMTP only, once with the copy in Sent that a thank-you gets when the
// SMTP server does not file one itself.
func (b *bench) outboxThroughput() (*outboxResult, error) {
	n := b.o.outbox
	res := &outboxResult{Messages: n}
	cfg, db, err := b.writeConfig("outbox", outboxOwner)
	if err != nil {
		return nil, err
	}
	if res.Empty, err = b.passes(cfg); err != nil {
		return nil, err
	}
	before := len(b.smtp.Messages())
	for i, then := range []string{"", "imap:sent"} {
		if err := queueThankYous(db, i*n, n, then); err != nil {
			return nil, err
		}
		r, err := b.runOnce(cfg)
		if err != nil {
			return nil, err
		}
		want := int64(n)
		if then != "" {
			want *= 2
		}
		if r.Sent != want || r.Failed+r.Retrying > 0 {
			return nil, fmt.Errorf("pass sent %d, retried %d, failed %d; want %d sent", r.Sent, r.Retrying, r.Failed, want)
		}
		if i == 0 {
			res.SMTP = r
		} else {
			res.WithCopy = r
		}
	}
	res.Received = len(b.smtp.Messages()) - before
	if res.Received != 2*n {
		return nil, fmt.Errorf("the SMTP server accepted %d messages, want %d", res.Received, 2*n)
	}
	return res, nil
}

// queueThankYous puts thank-yous first..first+n-1 in the outbox, due now,
// in one transaction (columns: store/migrations/0004_outbox_reminders.sql).
func queueThankYous(path string, first, n int, then string) error {
	db, err := sql.Open("sqlite3", "file:"+path+"?_busy_timeout=5000")
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer db.Close()
	var account int64
	if err := db.QueryRow(`SELECT id FROM accounts WHERE email = ?`, outboxOwner).Scan(&account); err != nil {
		return fmt.Errorf("account %s: %w", outboxOwner, err)
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ins, err := tx.Prepare(`INSERT INTO outbox (account_id, kind, target, sender, recipients, subject, message_id, raw,
       then_targets, state, next_attempt_at, created_at) VALUES (?, 'thank-you', 'smtp', ?, ?, ?, ?, ?, ?, 'queued', ?, ?)`)
	if err != nil {
		return fmt.Errorf("prepare outbox insert: %w", err)
	}
	now := time.Now().UnixMilli()
	for i := first; i < first+n; i++ {
		if _, err := ins.Exec(account, outboxOwner, helperAddr(i), fmt.Sprintf("Re: Could you look at part %d of the plan?", i),
			thankYouID(i), thankYouMail(i), then, now-1000, now); err != nil {
			return fmt.Errorf("queue thank-you %d: %w", i, err)
		}
	}
	return tx.Commit()
}
