package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"gratitude"
	"gratitude/internal/owner"
	"gratitude/store"

	"github.com/spf13/cobra"
)

func newPeopleCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "people [--json]",
		Short: "The ledger: who helped you, who was thanked, whom you helped",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withQueries(cmd, g, func(ctx context.Context, a *app, q owner.Queries) error {
				people, err := q.People(ctx)
				if err != nil {
					return err
				}
				if people == nil {
					people = []gratitude.Person{}
				}
				if asJSON {
					return printJSON(cmd.OutOrStdout(), people)
				}
				printPeople(cmd.OutOrStdout(), people, a.cfg.Location())
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.AddCommand(newPeopleLinkCmd(g), newPeopleUnlinkCmd(g))
	return cmd
}

func newPeopleLinkCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "link ADDRESS OTHER",
		Short: "File ADDRESS (and the addresses linked with it) under OTHER's person: the ledger counts them as one",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := addressArgs(args); err != nil {
				return err
			}
			return withLinker(cmd, g, func(ctx context.Context, l owner.Linker) error {
				all, err := l.Link(ctx, args[0], args[1])
				if err != nil {
					return linkFailed(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "one person: %s\n", strings.Join(all, ", "))
				return nil
			})
		},
	}
}

func newPeopleUnlinkCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "unlink ADDRESS",
		Short: "Make ADDRESS a person of its own again",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := addressArgs(args); err != nil {
				return err
			}
			return withLinker(cmd, g, func(ctx context.Context, l owner.Linker) error {
				if err := l.Unlink(ctx, args[0]); err != nil {
					return linkFailed(err)
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%s is a person of its own again\n", gratitude.NormalizeEmail(args[0]))
				return nil
			})
		},
	}
}

// withLinker runs fn with the owner's linker over the config's database.
func withLinker(cmd *cobra.Command, g *globals, fn func(ctx context.Context, l owner.Linker) error) error {
	a, err := loadConfig(g)
	if err != nil {
		return err
	}
	return withStore(cmd, a, func(ctx context.Context, st *store.Store, acct int64) error {
		return fn(ctx, owner.Linker{Store: st, Account: acct})
	})
}

// addressArgs refuses an argument that is not an address (exit 2).
func addressArgs(args []string) error {
	for _, a := range args {
		if !strings.Contains(a, "@") {
			return &exitError{exitUsage, fmt.Errorf("%q is not an email address; see `gratitude people` for the addresses known", a)}
		}
	}
	return nil
}

// linkFailed makes an unknown address or a refused link exit 1 with its
// reason.
func linkFailed(err error) error {
	if errors.Is(err, gratitude.ErrNoSuchPerson) || errors.Is(err, owner.ErrRefused) {
		return &exitError{exitFailure, err}
	}
	return err
}

func printPeople(w io.Writer, people []gratitude.Person, loc *time.Location) {
	if len(people) == 0 {
		fmt.Fprintln(w, "nobody yet")
		return
	}
	fmt.Fprintf(w, "%-32s %-22s %6s %7s %5s %8s  %s\n", "email", "name", "helped", "thanked", "asked", "i helped", "last help")
	for _, p := range people {
		last := ""
		if !p.LastHelpAt.IsZero() {
			last = p.LastHelpAt.In(loc).Format("2006-01-02")
		}
		fmt.Fprintf(w, "%-32s %-22s %6d %7d %5d %8d  %s\n", shownLine(p.Email), shownLine(p.Name), p.HelpedMe, p.Thanked, p.Asked, p.IHelped, last)
		for _, e := range p.Emails[min(1, len(p.Emails)):] {
			fmt.Fprintf(w, "  also %s\n", shownLine(e))
		}
	}
}
