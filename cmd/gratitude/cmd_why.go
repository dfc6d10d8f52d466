package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"gratitude"
	"gratitude/internal/owner"

	"github.com/spf13/cobra"
)

// placementView is one copy of a message in `why`'s JSON.
type placementView struct {
	Mailbox     string     `json:"mailbox"`
	UIDValidity uint32     `json:"uidvalidity"`
	UID         uint32     `json:"uid"`
	From        string     `json:"from"`
	Subject     string     `json:"subject"`
	Date        *time.Time `json:"date"`
	Class       string     `json:"class"`
	Reason      string     `json:"reason"`
	RequestID   int64      `json:"request_id,omitempty"`
	SeenAt      time.Time  `json:"seen_at"`
}

// decisionView is the message's fate as command mail or a held ask.
type decisionView struct {
	State     string    `json:"state"`
	Reason    string    `json:"reason"`
	RequestID int64     `json:"request_id,omitempty"`
	At        time.Time `json:"at"`
}

// whyView is `why --json`.
type whyView struct {
	MessageID string          `json:"message_id"`
	Copies    []placementView `json:"copies"`
	Commands  []decisionView  `json:"commands"`
}

func newWhyCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "why MESSAGE-ID [--json]",
		Short: "Say what became of a message and which rule decided: tracked, set aside or quarantined, and why",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return withQueries(cmd, g, func(ctx context.Context, a *app, q owner.Queries) error {
				copies, decisions, err := q.Why(ctx, args[0])
				if err != nil {
					return err
				}
				v := viewWhy(strings.Trim(strings.TrimSpace(args[0]), "<>"), copies, decisions)
				if asJSON {
					return printJSON(cmd.OutOrStdout(), v)
				}
				if len(copies)+len(decisions) == 0 {
					return &exitError{exitFailure, fmt.Errorf("no message <%s> was read: gratitude reads INBOX, Sent and the capture folder "+
						"from when it began (see `gratitude status`); check the Message-ID (without or with <>)", v.MessageID)}
				}
				printWhy(cmd.OutOrStdout(), v, a.cfg.Location())
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func viewWhy(id string, copies []gratitude.Placement, decisions []gratitude.Decision) whyView {
	v := whyView{MessageID: id, Copies: []placementView{}, Commands: []decisionView{}}
	for _, p := range copies {
		pv := placementView{Mailbox: p.Mailbox, UIDValidity: p.UIDValidity, UID: p.UID, From: p.From, Subject: p.Subject,
			Class: string(p.Class), Reason: p.Reason, RequestID: p.RequestID, SeenAt: p.SeenAt}
		if !p.Date.IsZero() {
			pv.Date = &p.Date
		}
		v.Copies = append(v.Copies, pv)
	}
	for _, d := range decisions {
		v.Commands = append(v.Commands, decisionView{State: d.State, Reason: d.Reason, RequestID: d.RequestID, At: d.At})
	}
	return v
}

func printWhy(w io.Writer, v whyView, loc *time.Location) {
	fmt.Fprintf(w, "<%s>\n", shownLine(v.MessageID))
	for _, p := range v.Copies {
		fmt.Fprintf(w, "in %s (uid %d), read %s: from %s, %q\n", shownLine(p.Mailbox), p.UID,
			p.SeenAt.In(loc).Format("Mon 2 Jan 2006 15:04"), shownLine(p.From), shownLine(p.Subject))
		fmt.Fprintf(w, "  %s%s\n", p.Class, aboutRequest(p.RequestID))
		if p.Reason != "" {
			fmt.Fprintf(w, "  why: %s\n", shownLine(p.Reason))
		}
	}
	for _, d := range v.Commands {
		fmt.Fprintf(w, "as commands or a held ask: %s%s\n", d.State, aboutRequest(d.RequestID))
		if d.Reason != "" {
			fmt.Fprintf(w, "  why: %s\n", shownLine(d.Reason))
		}
	}
}

func aboutRequest(id int64) string {
	if id == 0 {
		return ""
	}
	return fmt.Sprintf(", request #%d", id)
}
