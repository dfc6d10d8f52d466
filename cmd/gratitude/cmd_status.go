package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"time"

	"gratitude"
	"gratitude/store"

	"github.com/spf13/cobra"
)

// statusReport is `gratitude status --json`; field names are stable.
type statusReport struct {
	Health     string                    `json:"health"` // ok, failing, stale or unknown
	Reason     string                    `json:"reason,omitempty"`
	Now        time.Time                 `json:"now"`
	Mailboxes  []mailboxStatus           `json:"mailboxes"`
	Messages   map[gratitude.Class]int64 `json:"messages"`
	Components []componentStatus         `json:"components"`
	Outbox     map[store.OutState]int    `json:"outbox"` // messages by state: queued, sending, sent, failed
	// Unconfirmed counts sent messages whose server's 250 never came: a
	// crash fell between their final dot and the answer.
	Unconfirmed int             `json:"unconfirmed"`
	Commands    map[string]int  `json:"commands"`           // command mails by state: pending, done, refused
	Failures    []failureStatus `json:"failures,omitempty"` // the latest messages that could not be sent
}

// failureStatus is one outgoing message that failed.
type failureStatus struct {
	Kind    string    `json:"kind"`
	To      string    `json:"to"`
	Subject string    `json:"subject"`
	Error   string    `json:"error"`
	At      time.Time `json:"at"`
}

// shownFailures is how many of the latest failures status lists.
const shownFailures = 10

type mailboxStatus struct {
	Mailbox     string    `json:"mailbox"`
	UIDValidity uint32    `json:"uidvalidity"`
	LastUID     uint32    `json:"last_uid"`
	LastSyncAt  time.Time `json:"last_sync_at,omitzero"`
	Messages    int64     `json:"messages"`
}

type componentStatus struct {
	Component string    `json:"component"`
	OK        bool      `json:"ok"`
	LastError string    `json:"last_error,omitempty"`
	LastOKAt  time.Time `json:"last_ok_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at"`
}

func newStatusCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status [--json]",
		Short: "Show per-mailbox sync state, message counts and overall health",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, err := loadApp(g)
			if err != nil {
				return err
			}
			rep, err := a.status(contextOrBackground(cmd.Context()))
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(rep)
			}
			printStatus(cmd.OutOrStdout(), rep)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func (a *app) status(ctx context.Context) (*statusReport, error) {
	st, acct, err := a.openStore(ctx)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	rep := &statusReport{Now: a.clock.Now()}
	cursors, err := st.Cursors(ctx, acct)
	if err != nil {
		return nil, err
	}
	for _, c := range cursors {
		rep.Mailboxes = append(rep.Mailboxes, mailboxStatus{c.Mailbox, c.UIDValidity, c.LastUID, c.LastSyncAt, c.Messages})
	}
	if rep.Messages, err = st.ClassCounts(ctx, acct); err != nil {
		return nil, err
	}
	rows, err := st.Health(ctx, acct)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		rep.Components = append(rep.Components, componentStatus{r.Component, r.OK, r.LastError, r.LastOKAt, r.UpdatedAt})
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
		rep.Failures = append(rep.Failures, failureStatus{f.Kind, f.To, f.Subject, f.Error, f.At})
	}
	rep.Health, rep.Reason = overallHealth(rep, a.staleAfter())
	return rep, nil
}

// staleAfter is how old the last sync may be before a running daemon is
// presumed stuck: three of its longest regular waits.
func (a *app) staleAfter() time.Duration {
	return 3 * max(a.cfg.IMAP.PollInterval, a.cfg.IMAP.IdleRefresh)
}

// overallHealth sums up: failing when a component reports an error, stale
// when no mailbox synced recently, unknown before the first sync.
func overallHealth(rep *statusReport, staleAfter time.Duration) (string, string) {
	for _, c := range rep.Components {
		if !c.OK {
			return "failing", c.Component + ": " + c.LastError
		}
	}
	if len(rep.Mailboxes) == 0 {
		return "unknown", "no mailbox synced yet; run `gratitude run`"
	}
	for _, m := range rep.Mailboxes {
		if m.LastSyncAt.IsZero() || rep.Now.Sub(m.LastSyncAt) > staleAfter {
			return "stale", fmt.Sprintf("%s last synced %s ago; is `gratitude run` running?", m.Mailbox, rep.Now.Sub(m.LastSyncAt).Round(time.Second))
		}
	}
	return "ok", ""
}

func printStatus(w io.Writer, rep *statusReport) {
	fmt.Fprintf(w, "health: %s", rep.Health)
	if rep.Reason != "" {
		fmt.Fprintf(w, " (%s)", rep.Reason)
	}
	fmt.Fprintln(w)
	for _, m := range rep.Mailboxes {
		last := "never"
		if !m.LastSyncAt.IsZero() {
			last = m.LastSyncAt.Format(time.RFC3339)
		}
		fmt.Fprintf(w, "mailbox %-20q uidvalidity %d, last uid %d, %d messages, last sync %s\n",
			m.Mailbox, m.UIDValidity, m.LastUID, m.Messages, last)
	}
	classes := make([]string, 0, len(rep.Messages))
	for c := range rep.Messages {
		classes = append(classes, string(c))
	}
	sort.Strings(classes)
	for _, c := range classes {
		fmt.Fprintf(w, "messages %-16s %d\n", c, rep.Messages[gratitude.Class(c)])
	}
	fmt.Fprintf(w, "outbox: %d queued, %d sending, %d sent, %d failed\n",
		rep.Outbox[store.OutQueued], rep.Outbox[store.OutSending], rep.Outbox[store.OutSent], rep.Outbox[store.OutFailed])
	if rep.Unconfirmed > 0 {
		fmt.Fprintf(w, "outbox: %d sent but unconfirmed: gratitude stopped between the final dot and the server's answer; "+
			"they have most likely left and are not sent again\n", rep.Unconfirmed)
	}
	fmt.Fprintf(w, "commands by email: %d carried out, %d refused (not proven to be yours), %d waiting\n",
		rep.Commands["done"], rep.Commands["refused"], rep.Commands["pending"])
	for _, f := range rep.Failures {
		fmt.Fprintf(w, "failed %s %s to %s %q: %s\n", f.At.Format(time.RFC3339), f.Kind, f.To, f.Subject, f.Error)
	}
	for _, c := range rep.Components {
		state := "ok"
		if !c.OK {
			state = "FAILING: " + c.LastError
		}
		fmt.Fprintf(w, "component %-18s %s (updated %s)\n", c.Component, state, c.UpdatedAt.Format(time.RFC3339))
	}
}
