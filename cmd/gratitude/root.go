package main

import (
	"fmt"
	"time"

	"github.com/spf13/cobra"
)

// globals are the flags every command takes.
type globals struct {
	configPath string
	now        string
	logFormat  string
	logLevel   string
}

func newRootCmd() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "gratitude",
		Short: "Follow up on what you asked for, and thank the people who helped",
		Long: "Follow up on what you asked for, and thank the people who helped.\n\n" +
			"Exit status: 0 ok; 1 the command failed (status: health is not ok); 2 a usage or configuration error.",
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if g.now != "" {
				if _, err := time.Parse(time.RFC3339, g.now); err != nil {
					return &exitError{exitUsage, fmt.Errorf("--now: want RFC 3339 like 2026-11-25T09:00:00Z: %v", err)}
				}
			}
			switch g.logFormat {
			case "text", "json":
			default:
				return &exitError{exitUsage, fmt.Errorf("--log-format: want text or json, got %q", g.logFormat)}
			}
			return nil
		},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &exitError{exitUsage, err} })
	f := root.PersistentFlags()
	f.StringVar(&g.configPath, "config", "", "config file (default: $GRATITUDE_CONFIG, ./gratitude.yaml, then ~/.config/gratitude/config.yaml)")
	f.StringVar(&g.now, "now", "", "pretend the time is this RFC 3339 instant (dry runs, tests)")
	f.StringVar(&g.logFormat, "log-format", "text", "log format: text or json")
	f.StringVar(&g.logLevel, "log-level", "", "log level: debug, info, warn or error (default: log.level from the config)")
	root.AddCommand(
		newInitCmd(g),
		newDemoCmd(g),
		newRunCmd(g),
		newCheckCmd(g),
		newStatusCmd(g),
		newListCmd(g),
		newShowCmd(g),
		newWhyCmd(g),
		newTemplatesCmd(g),
		newPeopleCmd(g),
		newVoiceCmd(g),
		newResolveCmd(g),
		newSnoozeCmd(g),
		newCancelCmd(g),
		newHelpedCmd(g),
		newDigestCmd(g),
		newDraftsCmd(g),
		newApproveCmd(g),
		newSkipCmd(g),
		newImportCmd(g),
		newBackupCmd(g),
		newOpenCmd(g),
		newPasswdCmd(),
		newVersionCmd(),
	)
	usageErrors(root)
	return root
}

// usageErrors makes every wrong number of arguments exit 2, as bad flags do.
func usageErrors(c *cobra.Command) {
	if args := c.Args; args != nil {
		c.Args = func(cmd *cobra.Command, a []string) error {
			if err := args(cmd, a); err != nil {
				return &exitError{exitUsage, fmt.Errorf("%s: %w (see gratitude %s --help)", cmd.Name(), err, cmd.Name())}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		usageErrors(sub)
	}
}
