package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"gratitude"
	"gratitude/internal/daemon"
	"gratitude/internal/owner"
	"gratitude/store"

	"github.com/spf13/cobra"
)

// withQueries loads the config, opens the store and runs fn with the
// owner's queries over it.
func withQueries(cmd *cobra.Command, g *globals, fn func(ctx context.Context, a *app, q owner.Queries) error) error {
	a, err := loadConfig(g)
	if err != nil {
		return err
	}
	return withStore(cmd, a, func(ctx context.Context, st *store.Store, acct int64) error {
		return fn(ctx, a, owner.Queries{Store: st, Account: acct})
	})
}

// withStore opens the store of a's config and runs fn with it and the
// account, without logging in anywhere.
func withStore(cmd *cobra.Command, a *app, fn func(ctx context.Context, st *store.Store, acct int64) error) error {
	ctx := contextOrBackground(cmd.Context())
	st, acct, err := daemon.OpenStore(ctx, a.cfg, a.log)
	if err != nil {
		return err
	}
	defer st.Close()
	return fn(ctx, st, acct)
}

func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func parseID(s string) (int64, error) {
	id, err := strconv.ParseInt(strings.TrimPrefix(s, "#"), 10, 64)
	if err != nil || id <= 0 {
		return 0, &exitError{exitUsage, fmt.Errorf("%q is not a request id; see `gratitude list`", s)}
	}
	return id, nil
}

var validStates = []gratitude.State{gratitude.StateOpen, gratitude.StateAnswered, gratitude.StateResolved, gratitude.StateThanked, gratitude.StateCancelled}

func newListCmd(g *globals) *cobra.Command {
	var state string
	var asJSON, history bool
	cmd := &cobra.Command{
		Use:   "list [--state S] [--history] [--json]",
		Short: "List requests, oldest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if state != "" && !validState(state) {
				return &exitError{exitUsage, fmt.Errorf("--state: want one of %v, got %q", validStates, state)}
			}
			return withQueries(cmd, g, func(ctx context.Context, a *app, q owner.Queries) error {
				reqs, err := q.Requests(ctx, gratitude.State(state))
				if err != nil {
					return err
				}
				views, hidden := make([]requestView, 0, len(reqs)), 0
				for _, r := range reqs {
					if r.Past && !history {
						hidden++
						continue
					}
					views = append(views, viewRequest(r, daemon.Policy(a.cfg)))
				}
				if asJSON {
					return printJSON(cmd.OutOrStdout(), views)
				}
				printList(cmd.OutOrStdout(), views, a.cfg.Location(), hidden)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&state, "state", "", "only requests in this state: open, answered, resolved, thanked, cancelled")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&history, "history", false, "include the requests from before gratitude began reading the mailbox")
	return cmd
}

func validState(s string) bool {
	for _, v := range validStates {
		if string(v) == s {
			return true
		}
	}
	return false
}

// printList prints the requests; hidden counts the history left out.
func printList(w io.Writer, views []requestView, loc *time.Location, hidden int) {
	defer func() {
		if hidden > 0 {
			fmt.Fprintf(w, "(and %d from before gratitude began reading your mailbox: gratitude list --history)\n", hidden)
		}
	}()
	if len(views) == 0 && hidden > 0 {
		fmt.Fprintln(w, "no requests since gratitude began reading your mailbox")
		return
	}
	if len(views) == 0 {
		fmt.Fprintln(w, "no requests yet: BCC your capture address on an ask, or forward one to it")
		return
	}
	for _, v := range views {
		helpers := make([]string, 0, len(v.Helpers))
		for _, h := range v.Helpers {
			mark := ""
			if h.Thanked {
				mark = " ✓"
			}
			helpers = append(helpers, shownLine(h.Email)+mark)
		}
		past := ""
		if v.Past {
			past = "  (history)"
		}
		fmt.Fprintf(w, "#%-4d %-9s %s  %s%s\n", v.ID, v.State, v.AskedAt.In(loc).Format("2006-01-02"), shownLine(v.Subject), past)
		if len(helpers) > 0 {
			fmt.Fprintf(w, "      helped by %s\n", strings.Join(helpers, ", "))
		}
	}
}
