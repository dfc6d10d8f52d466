package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"gratitude"
	"gratitude/internal/config"
	"gratitude/internal/control"
	"gratitude/internal/owner"
	"gratitude/store"

	"github.com/spf13/cobra"
)

func newImportCmd(g *globals) *cobra.Command {
	var since string
	var dryRun bool
	cmd := &cobra.Command{
		Use:   "import --since DATE [--dry-run]",
		Short: "Track asks from the mailbox's history, made since DATE, as live work (nudges, reminders, thanks)",
		Long: `Asks that were already in your mailbox when gratitude first read it are
history: they count in the ledger, but gratitude nudges and reminds nobody
about them. import brings the ones asked since DATE (2026-09-01, or a
duration back from now such as 30d) in as live work, as sync.track_from
would have at the first sync. Requests already thanked or cancelled stay
history. --dry-run lists what it would track and changes nothing.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if since == "" {
				return &exitError{exitUsage, errors.New("import: --since is required: the date (2026-09-01) or span (30d) of the asks to track")}
			}
			a, err := loadConfig(g)
			if err != nil {
				return err
			}
			from, err := parseSince(since, a.clock.Now(), a.cfg.Location())
			if err != nil {
				return err
			}
			return withStore(cmd, a, func(ctx context.Context, st *store.Store, acct int64) error {
				reqs, err := owner.Queries{Store: st, Account: acct}.Requests(ctx, "")
				if err != nil {
					return err
				}
				picked, out := pastSince(reqs, from), cmd.OutOrStdout()
				if len(picked) > 0 && !dryRun {
					if err := track(ctx, g, a, &owner.Service{Store: st, Account: acct}, picked); err != nil {
						return err
					}
				}
				printImport(out, picked, from, a.cfg.Location(), dryRun)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&since, "since", "", "track the asks made since this date (2026-09-01) or for this long (30d)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "list what would be tracked, change nothing")
	return cmd
}

// track makes each request live: in the running daemon when there is one
// (so that its loops look at them at once), else here.
func track(ctx context.Context, g *globals, a *app, svc *owner.Service, reqs []gratitude.Request) error {
	do := func(ctx context.Context, id int64, acts []owner.Action) error {
		_, err := svc.Do(ctx, id, acts, a.clock.Now())
		return err
	}
	if g.now == "" {
		if c, err := control.Dial(control.SocketPath(a.cfg.Database)); err == nil {
			do = func(ctx context.Context, id int64, acts []owner.Action) error {
				_, err := c.Do(ctx, id, acts)
				return err
			}
		} else if !errors.Is(err, control.ErrNoDaemon) {
			return err
		}
	}
	acts := []owner.Action{{Command: gratitude.Command{Verb: gratitude.VerbTrack, Line: "track"}}}
	for _, r := range reqs {
		if err := do(ctx, r.ID, acts); err != nil {
			return fmt.Errorf("import: request #%d: %w (the ones before it are tracked)", r.ID, err)
		}
	}
	return nil
}

// parseSince reads --since as sync.track_from is read, from now.
func parseSince(s string, now time.Time, loc *time.Location) (time.Time, error) {
	sy, err := config.ParseTrackFrom(s, loc)
	if err != nil {
		return time.Time{}, &exitError{exitUsage, fmt.Errorf("--since: %w; use e.g. 2026-09-01 or 30d", err)}
	}
	return gratitude.TrackFrom{Date: sy.TrackFrom, Back: sy.TrackBack}.Start(now), nil
}

// pastSince picks the history asked since from that still needs something.
func pastSince(reqs []gratitude.Request, from time.Time) []gratitude.Request {
	var out []gratitude.Request
	for _, r := range reqs {
		if r.Past && !r.Closed() && !r.AskedAt.Before(from) {
			out = append(out, r)
		}
	}
	return out
}

func printImport(w io.Writer, reqs []gratitude.Request, from time.Time, loc *time.Location, dryRun bool) {
	since := from.In(loc).Format("2006-01-02 15:04")
	switch {
	case len(reqs) == 0:
		fmt.Fprintf(w, "nothing to track: no request from the history asked since %s still needs anything\n", since)
		return
	case dryRun:
		fmt.Fprintf(w, "would track %d requests asked since %s (run again without --dry-run to do it):\n", len(reqs), since)
	default:
		fmt.Fprintf(w, "tracking %d requests asked since %s; reminders that are due come at the daemon's next pass:\n", len(reqs), since)
	}
	for _, r := range reqs {
		fmt.Fprintf(w, "#%-4d %-9s %s  %s\n", r.ID, r.State, r.AskedAt.In(loc).Format("2006-01-02"), shownLine(r.Subject))
	}
}
