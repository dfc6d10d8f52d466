package main

import (
	"database/sql"
	"fmt"
	"time"

	_ "github.com/mattn/go-sqlite3" // the database/sql driver "sqlite3"
)

// pollEvery is how often a waiting measurement looks at the database.
const pollEvery = 2 * time.Millisecond

// dbView reads a running daemon's database, read-only, as `gratitude list
// --json` would, but cheaply enough to ask every few milliseconds.
type dbView struct {
	db      *sql.DB
	account int64
}

// openView opens the database read-only and finds the user's account.
func openView(path, user string) (*dbView, error) {
	db, err := sql.Open("sqlite3", "file:"+path+"?mode=ro&_busy_timeout=5000")
	if err != nil {
		return nil, fmt.Errorf("open %s read-only: %w", path, err)
	}
	v := &dbView{db: db}
	if err := db.QueryRow(`SELECT id FROM accounts WHERE email = ?`, user).Scan(&v.account); err != nil {
		db.Close()
		return nil, fmt.Errorf("account %s in %s: %w", user, path, err)
	}
	return v, nil
}

// close closes the database.
func (v *dbView) close() { v.db.Close() }

// hasHelper reports whether the request has a helper recorded: what makes
// the reply show in `list --json`.
func (v *dbView) hasHelper(request int64) (bool, error) {
	var n int
	err := v.db.QueryRow(`SELECT COUNT(*) FROM request_participants WHERE request_id = ? AND role = 'helper'`, request).Scan(&n)
	return n > 0, err
}

// hasMessage reports whether the sync recorded the message.
func (v *dbView) hasMessage(messageID string) (bool, error) {
	var n int
	err := v.db.QueryRow(`SELECT COUNT(*) FROM messages WHERE account_id = ? AND message_id = ?`, v.account, messageID).Scan(&n)
	return n > 0, err
}

// waitUntil polls cond until it holds and returns when it first did.
func waitUntil(what string, timeout time.Duration, cond func() (bool, error)) (time.Time, error) {
	deadline := time.Now().Add(timeout)
	for {
		ok, err := cond()
		now := time.Now()
		if err != nil {
			return now, fmt.Errorf("%s: %w", what, err)
		}
		if ok {
			return now, nil
		}
		if now.After(deadline) {
			return now, fmt.Errorf("%s: not within %s", what, timeout)
		}
		time.Sleep(pollEvery)
	}
}
