package main

import (
	"fmt"
	"io"
	"strings"

	"gratitude/internal/daemon"
	"gratitude/templates"

	"github.com/spf13/cobra"
)

func newTemplatesCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "Work with the message templates (check)",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "check",
		Short: "Check every template, overrides included, and list each one's variables and variants",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, err := loadConfig(g)
			if err != nil {
				return err
			}
			set, err := daemon.LoadTemplates(a.cfg)
			if err != nil {
				return &exitError{exitFailure, err}
			}
			printTemplates(cmd.OutOrStdout(), set, a.cfg.TemplatesDir)
			return nil
		},
	})
	return cmd
}

// printTemplates lists each template with its files, variants and the
// variables its view offers, then the functions all may call.
func printTemplates(w io.Writer, set *templates.Set, dir string) {
	from := "built-in"
	if dir != "" {
		from = "built-in, with overrides from " + dir
	}
	fmt.Fprintf(w, "templates: %s; each renders its sample (and each variant)\n", from)
	for _, n := range templates.Names() {
		text, html := n.Files()
		variants := ""
		if v := set.Variants(n); v > 1 {
			variants = fmt.Sprintf(", %d variants (variant-1 … variant-%d)", v, v)
		}
		fmt.Fprintf(w, "\n%s (%s, %s)%s\n", n, text, html, variants)
		var vars []string
		for _, v := range templates.Variables(n) {
			vars = append(vars, "."+v.Name+" "+v.Type)
		}
		fmt.Fprintf(w, "  %s\n", strings.Join(vars, "\n  "))
	}
	fmt.Fprintf(w, "\nfunctions: %s\n", strings.Join(templates.Functions(), ", "))
	fmt.Fprintf(w, "thank-you languages: %s (thanks.LANG.txt; English the fallback)\n", strings.Join(templates.ThanksLanguages(), ", "))
}
