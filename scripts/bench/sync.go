package main

import (
	"fmt"
	"time"
)

// sizeResult is every sync measurement at one INBOX size.
type sizeResult struct {
	Messages int
	Populate time.Duration // writing the new messages into the maildir
	Raw      []rawFetch
	Initial  []run // run --once on an empty database, one per round
	Quiet    []run // run --once with nothing new
	OneNew   []run // run --once after one APPEND
	// RawSelect is a bare client's login and EXAMINE of Sent and INBOX
	// after each quiet pass: the server's share of it.
	RawSelect []time.Duration
	Store     time.Duration
	Idle      *idleResult
	config    string // the config of a database synced to this size, for later runs
	db        string
}

// syncSize grows the owner's INBOX to n messages, then measures, round by
// round, a raw header FETCH and gratitude's initial pass on a fresh
// database, then passes with nothing and with one message new.
func (b *bench) syncSize(n int) (*sizeResult, error) {
	res := &sizeResult{Messages: n}
	if err := b.growInbox(n, res); err != nil {
		return nil, err
	}
	// Dovecot indexes new maildir files on first access; pay that once,
	// untimed, so neither side of the comparison carries it.
	if _, err := b.rawHeaderFetch(owner); err != nil {
		return nil, err
	}
	for r := range b.o.rounds {
		raw, err := b.rawHeaderFetch(owner)
		if err != nil {
			return nil, err
		}
		if raw.Messages != b.inbox {
			return nil, fmt.Errorf("raw fetch saw %d messages, want %d", raw.Messages, b.inbox)
		}
		cfg, db, err := b.writeConfig(fmt.Sprintf("sync%d-%d", n, r), owner)
		if err != nil {
			return nil, err
		}
		ini, err := b.runOnce(cfg)
		if err != nil {
			return nil, err
		}
		if ini.HeaderFetches != int64(b.inbox) {
			return nil, fmt.Errorf("initial pass fetched %d headers, want %d", ini.HeaderFetches, b.inbox)
		}
		res.Raw, res.Initial, res.config, res.db = append(res.Raw, raw), append(res.Initial, ini), cfg, db
	}
	if err := b.steady(res); err != nil {
		return nil, err
	}
	var err error
	res.Store, err = b.storeShare(n)
	return res, err
}

// growInbox writes messages straight into the maildir until INBOX holds n.
func (b *bench) growInbox(n int, res *sizeResult) error {
	add, first := n-b.inbox, b.mailSeq
	start := time.Now()
	if err := b.dc.PopulateMaildir(owner, "INBOX", add, func(i int) []byte { return realisticMail(first + i) }); err != nil {
		return fmt.Errorf("populate INBOX: %w", err)
	}
	res.Populate = time.Since(start)
	b.inbox, b.mailSeq = n, b.mailSeq+add
	return nil
}

// steadyPasses is the least number of times a pass that costs tens of
// milliseconds is timed: on a loaded machine their spread is wide.
const steadyPasses = 9

// steady measures, on the database the last round synced, a pass with
// nothing new and one after a message arrived, steadyPasses times at least.
func (b *bench) steady(res *sizeResult) error {
	for range max(b.o.rounds, steadyPasses) {
		quiet, err := b.runOnce(res.config)
		if err != nil {
			return err
		}
		if quiet.HeaderFetches != 0 {
			return fmt.Errorf("quiet pass fetched %d headers", quiet.HeaderFetches)
		}
		sel, err := b.rawSelect(owner)
		if err != nil {
			return err
		}
		if err := b.appendOne(); err != nil {
			return err
		}
		one, err := b.runOnce(res.config)
		if err != nil {
			return err
		}
		if one.HeaderFetches != 1 {
			return fmt.Errorf("pass after one new message fetched %d headers", one.HeaderFetches)
		}
		res.Quiet, res.OneNew, res.RawSelect = append(res.Quiet, quiet), append(res.OneNew, one), append(res.RawSelect, sel)
	}
	return nil
}

// appendOne delivers one more message to the owner's INBOX by IMAP APPEND.
func (b *bench) appendOne() error {
	if err := b.dc.Deliver(owner, "INBOX", realisticMail(b.mailSeq)); err != nil {
		return fmt.Errorf("deliver: %w", err)
	}
	b.mailSeq++
	b.inbox++
	return nil
}
