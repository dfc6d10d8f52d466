package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"gratitude/internal/config"

	"github.com/spf13/cobra"
)

func newInitCmd(g *globals) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Write a commented starter config (never overwrites)",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path := g.configPath
			if path == "" {
				var err error
				if path, err = config.DefaultPath(); err != nil {
					return &exitError{exitUsage, fmt.Errorf("init: %w; pass --config", err)}
				}
			}
			if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
				return fmt.Errorf("init: %w", err)
			}
			// O_EXCL: an existing config is never overwritten, even in a race.
			f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
			if errors.Is(err, fs.ErrExist) {
				return &exitError{exitFailure, fmt.Errorf("init: %s already exists; edit it, or pass --config with a new path", path)}
			}
			if err != nil {
				return fmt.Errorf("init: %w", err)
			}
			if _, err := f.Write(config.Starter()); err != nil {
				f.Close()
				return fmt.Errorf("init: write %s: %w", path, err)
			}
			if err := f.Close(); err != nil {
				return fmt.Errorf("init: write %s: %w", path, err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\nnext: fill in owner, imap and smtp, then run `gratitude --config %s check`\n", path, path)
			return nil
		},
	}
}
