package main

import (
	"context"
	"fmt"
	"net/mail"

	"gratitude"
	"gratitude/store"

	"github.com/spf13/cobra"
)

// ownerCmd builds a command that applies one owner event to a request.
func ownerCmd(g *globals, use, short string, nargs int, event func(args []string, a *app) (gratitude.Event, error)) *cobra.Command {
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.ExactArgs(nargs),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			return withStore(cmd, g, func(ctx context.Context, a *app, st *store.Store, acct int64) error {
				ev, err := event(args[1:], a)
				if err != nil {
					return err
				}
				before, err := st.Request(ctx, acct, id)
				if err != nil {
					return &exitError{exitFailure, err}
				}
				r, err := st.Apply(ctx, acct, id, ev, a.clock.Now())
				if err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "#%d %s: %s → %s\n", r.ID, shownLine(r.Subject), before.State, r.State)
				return nil
			})
		},
	}
}

func newResolveCmd(g *globals) *cobra.Command {
	return ownerCmd(g, "resolve ID", "Mark a request resolved", 1, func(_ []string, a *app) (gratitude.Event, error) {
		return gratitude.Resolve{At: a.clock.Now()}, nil
	})
}

func newCancelCmd(g *globals) *cobra.Command {
	return ownerCmd(g, "cancel ID", "Drop a request: no more nudges or reminders", 1, func(_ []string, a *app) (gratitude.Event, error) {
		return gratitude.Cancel{At: a.clock.Now()}, nil
	})
}

func newHelpedCmd(g *globals) *cobra.Command {
	return ownerCmd(g, "helped ID ADDRESS", "Record that someone helped, though no reply was seen (a call, a chat)", 2,
		func(args []string, a *app) (gratitude.Event, error) {
			addr, err := mail.ParseAddress(args[0])
			if err != nil {
				return nil, &exitError{exitUsage, fmt.Errorf("%q is not an email address: %v", args[0], err)}
			}
			return gratitude.MarkHelped{Who: gratitude.Address{Name: addr.Name, Email: addr.Address}, At: a.clock.Now()}, nil
		})
}
