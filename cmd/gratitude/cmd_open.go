package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"

	"gratitude/internal/control"
	"gratitude/internal/web"
	"gratitude/store"

	"github.com/spf13/cobra"
)

func newOpenCmd(g *globals) *cobra.Command {
	var noBrowser bool
	c := &cobra.Command{
		Use:   "open",
		Short: "Print a one-time sign-in link to the web page (and open it where there is a browser)",
		Long: "Print a one-time sign-in link to the web page, valid for 10 minutes and for one browser,\n" +
			"and open it where there is a desktop. The page is served by `gratitude run` at http.url.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			a, err := loadConfig(g)
			if err != nil {
				return err
			}
			if !a.cfg.HTTP.Enabled() {
				return &exitError{exitUsage, fmt.Errorf("the web page is off (http.listen: off in %s); set http.listen to 127.0.0.1:8765", a.cfg.Path)}
			}
			return withStore(cmd, a, func(ctx context.Context, st *store.Store, acct int64) error {
				link, err := web.SignInLink(ctx, st, acct, a.cfg.HTTP.URL, a.clock.Now())
				if err != nil {
					return err
				}
				out := cmd.OutOrStdout()
				fmt.Fprintln(out, link)
				if _, err := control.Dial(control.SocketPath(a.cfg.Database)); err != nil {
					fmt.Fprintln(cmd.ErrOrStderr(), "gratitude run is not running: start it, then open the link within 10 minutes.")
				}
				if !noBrowser {
					openBrowser(link)
				}
				return nil
			})
		},
	}
	c.Flags().BoolVar(&noBrowser, "no-browser", false, "only print the link, even on a desktop")
	return c
}

// openBrowser opens link in the desktop's browser, if there is a desktop;
// the link is printed either way.
func openBrowser(link string) {
	var cmd *exec.Cmd
	switch {
	case runtime.GOOS == "darwin":
		cmd = exec.Command("open", link)
	case os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "":
		cmd = exec.Command("xdg-open", link)
	default:
		return
	}
	if cmd.Start() == nil {
		go cmd.Wait()
	}
}
