package main

import (
	"context"
	"fmt"
	"gratitude"
	"io"
	"time"

	"gratitude/internal/owner"

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
	return cmd
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
	}
}
