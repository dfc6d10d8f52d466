package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"gratitude/internal/daemon"

	"github.com/spf13/cobra"
)

func newBackupCmd(g *globals) *cobra.Command {
	var force bool
	cmd := &cobra.Command{
		Use:   "backup FILE [--force]",
		Short: "Write a consistent copy of the database to FILE; safe while `gratitude run` runs",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			a, err := loadConfig(g)
			if err != nil {
				return err
			}
			if _, err := os.Stat(a.cfg.Database); errors.Is(err, fs.ErrNotExist) {
				return &exitError{exitFailure, fmt.Errorf("backup: there is no database at %s yet (database in %s): nothing to back up", a.cfg.Database, a.cfg.Path)}
			}
			ctx := contextOrBackground(cmd.Context())
			st, _, err := daemon.OpenStore(ctx, a.cfg, a.log)
			if err != nil {
				return err
			}
			defer st.Close()
			c, err := st.Backup(ctx, args[0], force)
			if err != nil {
				return &exitError{exitFailure, err}
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s: %s, %d request(s), a consistent copy of %s\n",
				shownLine(c.Path), byteSize(c.Size), c.Requests, shownLine(st.Path()))
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it exists")
	return cmd
}

// byteSize says a size in bytes as people read it: "812 KB", "3.4 MB".
func byteSize(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%d KB", n>>10)
	case n < 1<<30:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
}
