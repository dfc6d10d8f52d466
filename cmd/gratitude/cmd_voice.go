package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"gratitude"
	"gratitude/store"

	"github.com/spf13/cobra"
)

func newVoiceCmd(g *globals) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "voice [--json]",
		Short: "How you greet and sign off, as learned from your sent mail: what thank-yous will say",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, err := loadConfig(g)
			if err != nil {
				return err
			}
			return withStore(cmd, a, func(ctx context.Context, st *store.Store, acct int64) error {
				v, err := st.Voice(ctx, acct)
				if err != nil {
					return err
				}
				if asJSON {
					return printJSON(cmd.OutOrStdout(), v)
				}
				printVoice(cmd.OutOrStdout(), v, a.cfg.Owner.Signature != "")
				return nil
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

func printVoice(w io.Writer, v gratitude.Voice, signature bool) {
	if v.Learned == 0 {
		fmt.Fprintln(w, "nothing learned yet: `gratitude run` reads your most recent sent mail for how you greet and sign off")
		return
	}
	fmt.Fprintf(w, "learned from %d of your most recent sent messages ({name}: the person's first name)\n", v.Learned)
	if signature {
		fmt.Fprintln(w, "owner.signature is set: it stands in for the name under a learned closing")
	}
	fmt.Fprintln(w, "\nwith everyone:")
	if len(v.Greetings)+len(v.Closings) == 0 {
		fmt.Fprintln(w, "  nothing used in two messages or more yet: thank-yous use their own words")
	}
	printVoiceLines(w, "  ", v.Greetings, v.Closings)
	if len(v.People) == 0 {
		return
	}
	fmt.Fprintln(w, "\nwith each person:")
	emails := make([]string, 0, len(v.People))
	for e := range v.People {
		emails = append(emails, e)
	}
	slices.Sort(emails)
	for _, e := range emails {
		p := v.People[e]
		fmt.Fprintf(w, "  %s (%d %s)\n", shownLine(e), p.Messages, plural(p.Messages, "message", "messages"))
		printVoiceLines(w, "    ", p.Greetings, p.Closings)
	}
}

func printVoiceLines(w io.Writer, indent string, greetings, closings []gratitude.VoiceLine) {
	for _, l := range greetings {
		text := l.Text
		if l.Name != "" {
			text = strings.ReplaceAll(text, gratitude.VoiceNamePlaceholder, l.Name)
		}
		fmt.Fprintf(w, "%s%s greeting %s (%d)\n", indent, l.Language, shownVoice(text), l.Messages)
	}
	for _, l := range closings {
		fmt.Fprintf(w, "%s%s closing  %s (%d)\n", indent, l.Language, shownVoice(l.Text), l.Messages)
	}
}

// shownVoice shows a greeting or closing on one line, its line breaks as "\n".
func shownVoice(s string) string {
	return `"` + shownLine(strings.ReplaceAll(s, "\n", `\n`)) + `"`
}
