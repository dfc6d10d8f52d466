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
	"gratitude/internal/health"
	"gratitude/store"
)

// The status types live in internal/health, which the web page reads too.
type (
	// Status is `gratitude status --json`.
	Status = health.Status
	// FailureStatus is one outgoing message that failed.
	FailureStatus = health.FailureStatus
	// MailboxStatus is how far one mailbox is read.
	MailboxStatus = health.MailboxStatus
	// ComponentStatus is the health recorded for one component.
	ComponentStatus = health.ComponentStatus
)

// shownFailures is how many of the latest failures status lists.
const shownFailures = 10

// ReadStatus reads what a daemon recorded in the store; it needs neither a
// running daemon nor the mailbox's secrets.
func ReadStatus(ctx context.Context, cfg *config.Config, log *slog.Logger, clock gratitude.Clock) (*Status, error) {
	st, acct, err := OpenStore(ctx, cfg, log)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return statusOf(ctx, cfg, st, acct, clock.Now())
}

// Status is what the daemon recorded of its health, read from its store.
func (d *Daemon) Status(ctx context.Context) (*Status, error) {
	return statusOf(ctx, d.cfg, d.store, d.account, d.clock.Now())
}

// statusOf reads the status of account from st as of now.
func statusOf(ctx context.Context, cfg *config.Config, st *store.Store, acct int64, now time.Time) (*Status, error) {
	rep := &Status{Now: now}
	cursors, err := st.Cursors(ctx, acct)
	if err != nil {
		return nil, err
	}
	watched, err := readWatched(ctx, st, acct)
	if err != nil {
		return nil, err
	}
	for _, c := range cursors {
		rep.Mailboxes = append(rep.Mailboxes, MailboxStatus{Mailbox: c.Mailbox, UIDValidity: c.UIDValidity,
			LastUID: c.LastUID, LastSyncAt: c.LastSyncAt, Messages: c.Messages,
			Watched: watched == nil || slices.Contains(watched, c.Mailbox)})
	}
	if rep.Messages, err = st.ClassCounts(ctx, acct); err != nil {
		return nil, err
	}
	rows, err := st.Health(ctx, acct)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		rep.Components = append(rep.Components, ComponentStatus{Component: r.Component, OK: r.OK, LastError: r.LastError,
			LastOKAt: r.LastOKAt, UpdatedAt: r.UpdatedAt})
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
		rep.Failures = append(rep.Failures, FailureStatus{Kind: f.Kind, To: f.To, Subject: f.Subject, Error: f.Error, At: f.At})
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
