package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"gratitude"
	"gratitude/inbox/classify"
	"gratitude/internal/control"
	"gratitude/internal/daemon"
	"gratitude/internal/owner"

	"github.com/spf13/cobra"
)

// The owner's actions on the command line: each builds the actions a mail
// command would, and hands them to the running daemon over its control
// socket, or, when none runs, carries them out on the database directly.

func newResolveCmd(g *globals) *cobra.Command {
	var outcome string
	c := actionCmd(g, "resolve ID [--outcome TEXT]", "Mark a request resolved and write its thank-you drafts", 1,
		func([]string, *app) (owner.Action, error) {
			return owner.Resolve(outcome), nil
		})
	c.Flags().StringVar(&outcome, "outcome", "", `what came of it, said in every thank-you ("we took the flat in Kreuzberg")`)
	return c
}

func newCancelCmd(g *globals) *cobra.Command {
	return actionCmd(g, "cancel ID", "Drop a request: no more nudges or reminders", 1, verbOnly(gratitude.VerbCancel))
}

func newHelpedCmd(g *globals) *cobra.Command {
	return actionCmd(g, "helped ID ADDRESS", "Record that someone helped, though no reply was seen (a call, a chat)", 2,
		func(args []string, _ *app) (owner.Action, error) {
			a, err := owner.Helped(args[0])
			if err != nil {
				return owner.Action{}, &exitError{exitUsage, err}
			}
			return a, nil
		})
}

func newSnoozeCmd(g *globals) *cobra.Command {
	return actionCmd(g, "snooze ID DURATION", "Hold a request's reminders back: for 3d, 2w, or until a day (\"until monday\")", 2,
		func(args []string, a *app) (owner.Action, error) {
			line := "snooze " + strings.Join(args, " ")
			cmds, _ := classify.ParseCommands(line, a.clock.Now(), a.cfg.Location())
			if len(cmds) != 1 || cmds[0].Verb != gratitude.VerbSnooze {
				return owner.Action{}, &exitError{exitUsage, fmt.Errorf("snooze: %q is not a duration or a day (try 3d, 2w, \"until monday\")", strings.Join(args, " "))}
			}
			return owner.Action{Command: cmds[0]}, nil
		})
}

// verbOnly is an action with no argument but the request.
func verbOnly(v gratitude.Verb) func([]string, *app) (owner.Action, error) {
	return func([]string, *app) (owner.Action, error) {
		return owner.Verb(v), nil
	}
}

// actionCmd builds a command that carries out one action on request ID.
func actionCmd(g *globals, use, short string, nargs int, action func(args []string, a *app) (owner.Action, error)) *cobra.Command {
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.ExactArgs(nargs),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := parseID(args[0])
			if err != nil {
				return err
			}
			a, err := loadConfig(g)
			if err != nil {
				return err
			}
			act, err := action(args[1:], a)
			if err != nil {
				return err
			}
			return act1(cmd, g, a, id, []owner.Action{act})
		},
	}
}

// act1 carries out actions on one request (0: the first action's draft's),
// in the running daemon when there is one, and prints what they did. With
// --now they are carried out here, on the database, at that time: the
// daemon keeps its own clock.
func act1(cmd *cobra.Command, g *globals, a *app, request int64, acts []owner.Action) error {
	ctx := contextOrBackground(cmd.Context())
	out := cmd.OutOrStdout()
	var c *control.Client
	err := control.ErrNoDaemon
	if g.now == "" {
		c, err = control.Dial(control.SocketPath(a.cfg.Database))
	}
	if err == nil {
		rep, err := c.Do(ctx, request, acts)
		if err != nil {
			return actionFailed(err)
		}
		printReply(out, rep, a.cfg.Location())
		if rep.Queued() {
			fmt.Fprintln(out, "The running daemon sends what this queued now.")
		}
		return problemsExit(rep)
	}
	if !errors.Is(err, control.ErrNoDaemon) {
		return err
	}
	// No daemon: this command delivers what it queues itself, and logs in.
	if err := a.needSecrets(); err != nil {
		return err
	}
	return withDaemonApp(cmd, a, func(ctx context.Context, a *app, d *daemon.Daemon) error {
		d.LookAtFolders(ctx)
		r, err := d.Actions().Do(ctx, request, acts, a.clock.Now())
		if err != nil {
			return actionFailed(err)
		}
		rep := control.ReplyOf(r)
		printReply(out, rep, a.cfg.Location())
		if rep.Queued() {
			if err := deliverNow(ctx, out, d); err != nil {
				return err
			}
		}
		return problemsExit(rep)
	})
}

// actionFailed makes an unknown request or draft a failure (exit 1).
func actionFailed(err error) error {
	if errors.Is(err, gratitude.ErrNoSuchRequest) || errors.Is(err, gratitude.ErrNoSuchDraft) {
		return &exitError{exitFailure, err}
	}
	return err
}

// problemsExit fails (exit 1) when no action could be done.
func problemsExit(rep control.Reply) error {
	if n := rep.Problems(); n > 0 && n == len(rep.Outcomes) {
		return &exitError{exitFailure, fmt.Errorf("nothing done on request #%d (see `gratitude show %d`)", rep.Request, rep.Request)}
	}
	return nil
}

// printReply prints the request's change of state, each draft an action
// decided, each thank-you that had gone already (times in loc), and each
// problem.
func printReply(w io.Writer, r control.Reply, loc *time.Location) {
	fmt.Fprintf(w, "#%d %s: %s → %s\n", r.Request, shownLine(r.Subject), r.Before, r.After)
	for _, o := range r.Outcomes {
		if o.Problem != "" {
			fmt.Fprintf(w, "not done: %s: %s\n", shownLine(o.Line), shownLine(o.Problem))
		}
		for _, d := range o.Drafts {
			fmt.Fprintf(w, "draft %d to %s: %s\n", d.ID, shownLine(d.To), d.State)
		}
		for _, t := range o.Already {
			fmt.Fprintf(w, "nothing to do: %s: %s\n", shownLine(o.Line), alreadyLine(t, loc))
		}
	}
	if r.Drafted > 0 {
		fmt.Fprintf(w, "%d thank-you draft(s) written: see `gratitude drafts --request %d`.\n", r.Drafted, r.Request)
	}
}

// alreadyLine says that a thank-you an approve named had gone already.
func alreadyLine(t control.ThankedReply, loc *time.Location) string {
	who := shownLine(t.To)
	if name := strings.TrimSpace(shownLine(t.Name)); name != "" {
		who = name + " <" + who + ">"
	}
	if t.At.IsZero() {
		return "the thank-you to " + who + " is already approved and about to be sent"
	}
	return "the thank-you to " + who + " was already sent on " + t.At.In(loc).Format("Mon 2 Jan 2006 15:04") + "; nothing was sent again"
}
