package main

import (
	"context"
	"errors"
	"fmt"
	"gratitude"
	"io"
	"strings"
	"time"

	"gratitude/internal/daemon"
	"gratitude/internal/owner"

	"github.com/spf13/cobra"
)

func newShowCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show ID [--json]",
		Short: "Show one request and its timeline",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			return withQueries(cmd, g, func(ctx context.Context, a *app, q owner.Queries) error {
				r, evs, err := q.Timeline(ctx, id, a.cfg.Location())
				if errors.Is(err, gratitude.ErrNoSuchRequest) {
					return &exitError{exitFailure, fmt.Errorf("there is no request #%d; `gratitude list` shows them", id)}
				} else if err != nil {
					return err
				}
				out := struct {
					requestView
					Timeline []eventView `json:"timeline"`
				}{viewRequest(r, daemon.Policy(a.cfg)), viewEvents(evs)}
				if asJSON {
					return printJSON(cmd.OutOrStdout(), out)
				}
				printShow(cmd.OutOrStdout(), out.requestView, out.Timeline, a.cfg.Location())
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func printShow(w io.Writer, v requestView, timeline []eventView, loc *time.Location) {
	fmt.Fprintf(w, "#%d %s\nstate: %s\nasked: %s on %s\n", v.ID, shownLine(v.Subject), v.State,
		shownLine(strings.Join(v.Asked, ", ")), v.AskedAt.In(loc).Format("Mon 2 Jan 2006 15:04"))
	if v.Past {
		fmt.Fprintln(w, "history: asked before gratitude began reading your mailbox, so never reminded (gratitude import tracks it)")
	}
	if v.NextReminderAt != nil {
		fmt.Fprintf(w, "next reminder: %s, %s\n", v.NextReminder, v.NextReminderAt.In(loc).Format("Mon 2 Jan 2006 15:04"))
	}
	if v.Outcome != "" {
		fmt.Fprintf(w, "outcome: %s\n", shownLine(v.Outcome))
	}
	for _, n := range v.Notes {
		fmt.Fprintf(w, "note: %s\n", shownLine(n))
	}
	for _, h := range v.Helpers {
		thanked := "not thanked yet"
		if h.Thanked {
			thanked = "thanked"
		}
		fmt.Fprintf(w, "helper: %s <%s>, %d repl%s, %s\n", shownLine(h.Name), shownLine(h.Email), h.Replies, plural(h.Replies, "y", "ies"), thanked)
		if h.Excerpt != "" {
			fmt.Fprintf(w, "  “%s”\n", strings.Join(shownLines(h.Excerpt), "\n"))
		}
	}
	fmt.Fprintln(w, "timeline:")
	for _, e := range timeline {
		fmt.Fprintf(w, "  %s  %-12s %s\n", e.At.In(loc).Format("2006-01-02 15:04"), e.Kind, shownLine(strings.TrimSpace(e.Who+" "+e.What)))
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
