package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"gratitude"
	"gratitude/internal/daemon"
	"gratitude/internal/owner"

	"github.com/spf13/cobra"
)

// draftView is a draft as `drafts --json` prints it; the field names are a
// stable interface.
type draftView struct {
	ID        int64  `json:"id"`
	RequestID int64  `json:"request_id"`
	To        string `json:"to"`
	Subject   string `json:"subject"`
	Body      string `json:"body"`
	State     string `json:"state"`
	Language  string `json:"language"` // ISO 639-1: the helper's, where the templates speak it
}

func newDraftsCmd(g *globals) *cobra.Command {
	var asJSON bool
	var request, preview int64
	cmd := &cobra.Command{
		Use:   "drafts [--request ID] [--preview ID] [--json]",
		Short: "List the thank-you drafts: pending, approved, sent or skipped; or preview a request's",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if preview != 0 {
				return previewDrafts(cmd, g, preview, asJSON)
			}
			return withQueries(cmd, g, func(ctx context.Context, a *app, q owner.Queries) error {
				ds, err := q.Drafts(ctx, request)
				if err != nil {
					return err
				}
				views := make([]draftView, 0, len(ds))
				for _, d := range ds {
					views = append(views, draftView{d.ID, d.RequestID, d.To.Email, d.Subject, d.Text, string(d.State), d.Language})
				}
				if asJSON {
					return printJSON(cmd.OutOrStdout(), views)
				}
				printDrafts(cmd.OutOrStdout(), views)
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().Int64Var(&request, "request", 0, "only the drafts of this request")
	cmd.Flags().Int64Var(&preview, "preview", 0, "show what each helper of this request would receive if it were resolved now, saving nothing")
	return cmd
}

// previewDrafts prints the thank-yous a request would get, saving nothing.
func previewDrafts(cmd *cobra.Command, g *globals, id int64, asJSON bool) error {
	a, err := loadConfig(g)
	if err != nil {
		return err
	}
	return withDaemonApp(cmd, a, func(ctx context.Context, a *app, d *daemon.Daemon) error {
		ds, err := d.PreviewThanks(ctx, id)
		if errors.Is(err, gratitude.ErrNoSuchRequest) {
			return &exitError{exitFailure, fmt.Errorf("there is no request #%d; `gratitude list` shows them", id)}
		} else if err != nil {
			return err
		}
		views := make([]draftView, 0, len(ds))
		for _, d := range ds {
			views = append(views, draftView{0, d.RequestID, d.To.Email, d.Subject, d.Text, "preview", d.Language})
		}
		if asJSON {
			return printJSON(cmd.OutOrStdout(), views)
		}
		if len(views) == 0 {
			fmt.Fprintf(cmd.OutOrStdout(), "Request #%d has no helper left to thank who wrote in its thread.\n", id)
			return nil
		}
		for _, v := range views {
			fmt.Fprintf(cmd.OutOrStdout(), "to %s (%s): %s\n", shownLine(v.To), v.Language, shownLine(v.Subject))
			for _, l := range shownLines(v.Body) {
				fmt.Fprintf(cmd.OutOrStdout(), "  | %s\n", l)
			}
		}
		return nil
	})
}

func printDrafts(w io.Writer, ds []draftView) {
	if len(ds) == 0 {
		fmt.Fprintln(w, "No thank-you drafts. They are written when you resolve a request (gratitude resolve ID).")
		return
	}
	for _, d := range ds {
		fmt.Fprintf(w, "draft %d, request #%d, to %s: %s\n", d.ID, d.RequestID, shownLine(d.To), d.State)
		for _, l := range shownLines(d.Body) {
			fmt.Fprintf(w, "  | %s\n", l)
		}
	}
}

func newApproveCmd(g *globals) *cobra.Command {
	var request int64
	cmd := &cobra.Command{
		Use:   "approve DRAFT_ID | --request ID",
		Short: "Send a thank-you draft (or every pending draft of a request) from your address",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return draftAction(cmd, g, args, request, gratitude.VerbApprove)
		},
	}
	cmd.Flags().Int64Var(&request, "request", 0, "approve every pending draft of this request")
	return cmd
}

func newSkipCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "skip DRAFT_ID",
		Short: "Drop a thank-you draft: its helper needs no thank-you",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return draftAction(cmd, g, args, 0, gratitude.VerbSkip)
		},
	}
}

// draftAction approves or skips the draft named on the command line, or
// approves every pending draft of a request.
func draftAction(cmd *cobra.Command, g *globals, args []string, request int64, verb gratitude.Verb) error {
	if (len(args) == 1) == (request != 0) {
		return &exitError{exitUsage, fmt.Errorf("%s: give a draft id or --request ID (see `gratitude drafts`)", verb)}
	}
	act := owner.Action{Command: gratitude.Command{Verb: verb, Line: string(verb)}}
	if len(args) == 1 {
		id, err := parseID(args[0])
		if err != nil {
			return err
		}
		act.Draft, act.Line = id, fmt.Sprintf("%s draft %d", verb, id)
	}
	a, err := loadConfig(g)
	if err != nil {
		return err
	}
	return act1(cmd, g, a, request, []owner.Action{act})
}

// deliverNow sends what is queued, reaching the mailbox for its folders,
// and says how it went.
func deliverNow(ctx context.Context, w io.Writer, d *daemon.Daemon) error {
	res, err := d.DeliverNow(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%d message(s) delivered, %d to retry, %d failed.\n", res.Sent, res.Retried, res.Failed)
	return nil
}
