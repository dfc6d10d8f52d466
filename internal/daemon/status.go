package daemon

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"gratitude"
	"gratitude/internal/config"
	"gratitude/store"
)

// Status is `gratitude status --json`; field names are stable.
type Status struct {
	Health     string                     `json:"health"` // ok, failing, stale or unknown
	Reason     string                     `json:"reason,omitempty"`
	Now        time.Time                  `json:"now"`
	Mailboxes  []MailboxStatus            `json:"mailboxes"`
	Messages   map[gratitude.Class]int64  `json:"messages"`
	Components []ComponentStatus          `json:"components"`
	Outbox     map[gratitude.OutState]int `json:"outbox"` // messages by state: queued, sending, sent, failed
	// Unconfirmed counts sent messages whose server's 250 never came: a
	// crash fell between their final dot and the answer.
	Unconfirmed int             `json:"unconfirmed"`
	Commands    map[string]int  `json:"commands"`           // command mails by state: pending, done, refused
	Failures    []FailureStatus `json:"failures,omitempty"` // the latest messages that could not be sent
	// Info says what a server lacks that only degrades what gratitude
	// does (IMAP without IDLE polls): never a failure.
	Info []string `json:"info,omitempty"`
}

// FailureStatus is one outgoing message that failed.
type FailureStatus struct {
	Kind    string    `json:"kind"`
	To      string    `json:"to"`
	Subject string    `json:"subject"`
	Error   string    `json:"error"`
	At      time.Time `json:"at"`
}

// shownFailures is how many of the latest failures status lists.
const shownFailures = 10

// MailboxStatus is how far one mailbox is read.
type MailboxStatus struct {
	Mailbox     string    `json:"mailbox"`
	UIDValidity uint32    `json:"uidvalidity"`
	LastUID     uint32    `json:"last_uid"`
	LastSyncAt  time.Time `json:"last_sync_at,omitzero"`
	Messages    int64     `json:"messages"`
	// Watched is false for a mailbox read before but no longer (a capture
	// folder deleted or turned off): it never goes stale.
	Watched bool `json:"watched"`
}

// ComponentStatus is the health a daemon last recorded for one component.
type ComponentStatus struct {
	Component string    `json:"component"`
	OK        bool      `json:"ok"`
	LastError string    `json:"last_error,omitempty"`
	LastOKAt  time.Time `json:"last_ok_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at"`
}

// ReadStatus reads what a daemon recorded in the store; it needs neither a
// running daemon nor the mailbox's secrets.
func ReadStatus(ctx context.Context, cfg *config.Config, log *slog.Logger, clock gratitude.Clock) (*Status, error) {
	st, acct, err := OpenStore(ctx, cfg, log)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	rep := &Status{Now: clock.Now()}
	cursors, err := st.Cursors(ctx, acct)
	if err != nil {
		return nil, err
	}
	watched, err := readWatched(ctx, st, acct)
	if err != nil {
		return nil, err
	}
	for _, c := range cursors {
		rep.Mailboxes = append(rep.Mailboxes, MailboxStatus{c.Mailbox, c.UIDValidity, c.LastUID, c.LastSyncAt, c.Messages,
			watched == nil || slices.Contains(watched, c.Mailbox)})
	}
	if rep.Messages, err = st.ClassCounts(ctx, acct); err != nil {
		return nil, err
	}
	rows, err := st.Health(ctx, acct)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		rep.Components = append(rep.Components, ComponentStatus{r.Component, r.OK, r.LastError, r.LastOKAt, r.UpdatedAt})
	}
	if rep.Outbox, err = st.OutboxCounts(ctx, acct); err != nil {
		return nil, err
	}
	if rep.Unconfirmed, err = st.Unconfirmed(ctx, acct); err != nil {
		return nil, err
	}
	if rep.Commands, err = st.CommandCounts(ctx, acct); err != nil {
		return nil, err
	}
	fails, err := st.Failures(ctx, acct, time.Time{})
	if err != nil {
		return nil, err
	}
	for _, f := range fails[max(0, len(fails)-shownFailures):] {
		rep.Failures = append(rep.Failures, FailureStatus{f.Kind, f.To, f.Subject, f.Error, f.At})
	}
	if rep.Info, err = readInfo(ctx, st, acct); err != nil {
		return nil, err
	}
	rep.Health, rep.Reason = overallHealth(rep, staleAfter(cfg))
	return rep, nil
}

// readInfo reads the info lines the daemon recorded.
func readInfo(ctx context.Context, st *store.Store, acct int64) ([]string, error) {
	v, ok, err := st.Setting(ctx, acct, imapInfoSetting)
	if err != nil || !ok {
		return nil, err
	}
	var lines []string
	if err := json.Unmarshal(v, &lines); err != nil {
		return nil, fmt.Errorf("status: the recorded IMAP info %q cannot be read: %w", v, err)
	}
	return lines, nil
}

// staleAfter is how old the last sync may be before a running daemon is
// presumed stuck: three of its longest regular waits.
func staleAfter(cfg *config.Config) time.Duration {
	return 3 * max(cfg.IMAP.PollInterval, cfg.IMAP.IdleRefresh)
}

// overallHealth sums up: failing when a component reports an error, stale
// when a mailbox still read has not synced recently, unknown before the
// first sync.
func overallHealth(rep *Status, staleAfter time.Duration) (string, string) {
	for _, c := range rep.Components {
		if !c.OK {
			return "failing", c.Component + ": " + c.LastError
		}
	}
	if len(rep.Mailboxes) == 0 {
		return "unknown", "no mailbox synced yet; run `gratitude run`"
	}
	for _, m := range rep.Mailboxes {
		if !m.Watched {
			continue
		}
		if m.LastSyncAt.IsZero() || rep.Now.Sub(m.LastSyncAt) > staleAfter {
			return "stale", fmt.Sprintf("%s last synced %s ago; is `gratitude run` running?", m.Mailbox, rep.Now.Sub(m.LastSyncAt).Round(time.Second))
		}
	}
	return "ok", ""
}
