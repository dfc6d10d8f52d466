package main

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"time"

	"gratitude"
	"gratitude/internal/daemon"

	"github.com/spf13/cobra"
)

func newStatusCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status [--json]",
		Short: "Show per-mailbox sync state, message counts and overall health; exits 1 when health is not ok",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, err := loadConfig(g)
			if err != nil {
				return err
			}
			rep, err := daemon.ReadStatus(contextOrBackground(cmd.Context()), a.cfg, a.log, a.clock)
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				if err := enc.Encode(rep); err != nil {
					return err
				}
			} else {
				printStatus(cmd.OutOrStdout(), rep)
			}
			if rep.Health != "ok" {
				// For cron and monitoring: what is wrong was just printed.
				return &exitError{exitFailure, errSilent}
			}
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func printStatus(w io.Writer, rep *daemon.Status) {
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
		fmt.Fprintf(w, "mailbox %-20q uidvalidity %d, last uid %d, %d messages, last sync %s%s\n",
			m.Mailbox, m.UIDValidity, m.LastUID, m.Messages, last, notWatched(m))
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
		rep.Outbox[gratitude.OutQueued], rep.Outbox[gratitude.OutSending], rep.Outbox[gratitude.OutSent], rep.Outbox[gratitude.OutFailed])
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
	for _, l := range rep.Info {
		fmt.Fprintf(w, "info: %s\n", l)
	}
}

// notWatched marks a mailbox read before but no longer.
func notWatched(m daemon.MailboxStatus) string {
	if m.Watched {
		return ""
	}
	return " (no longer read)"
}
