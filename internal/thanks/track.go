package thanks

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"gratitude"
	"gratitude/internal/record"
	"gratitude/templates"
)

// splitTrack separates the track commands of a reply to the notice of
// refused mail from the others: those are about a request.
func (x *execution) splitTrack() (track, rest []gratitude.Command) {
	if x.card.Kind != string(templates.Refused) {
		return nil, x.mail.Commands
	}
	for _, c := range x.mail.Commands {
		if c.Verb == gratitude.VerbTrack {
			track = append(track, c)
		} else {
			rest = append(rest, c)
		}
	}
	return track, rest
}

// trackHeld carries out track in a reply to the notice of refused mail:
// each held ask it listed (all, or the items named), refused for want of
// proof (it reached the mailbox by Bcc with no trace of the capture
// address, or no copy in Sent shows it), becomes a request, made from the
// header fields it was held with. The reply is proven like any
// command (DESIGN.md "Trust"); the owner saw what the notice listed.
func (x *execution) trackHeld(ctx context.Context, cmds []gratitude.Command) error {
	listed, err := x.r.Store.ReportedIn(ctx, x.r.Account, x.card.MessageID)
	if err != nil {
		return err
	}
	items, problems := trackItems(cmds, listed)
	x.problems = append(x.problems, problems...)
	for _, n := range items {
		c := listed[n-1]
		r, tracked, err := record.TrackHeld(ctx, x.r.Store, x.r.Account, c, `tracked by your reply "track" to gratitude's notice`, x.now)
		switch {
		case err != nil:
			return err
		case tracked:
			x.done = append(x.done, fmt.Sprintf("track %d: “%s” is tracked as request #%d", n, c.Subject, r.ID))
			x.r.Log.Info("held ask tracked by the owner's reply to the notice", "message_id", c.MessageID, "request", r.ID)
		case r.ID != 0:
			x.problems = append(x.problems, fmt.Sprintf("track %d: “%s” was tracked already, as request #%d", n, c.Subject, r.ID))
		default:
			x.problems = append(x.problems, fmt.Sprintf("track %d: “%s” was tracked already", n, c.Subject))
		}
	}
	return nil
}

// trackItems returns the numbers (from 1) of the listed mail the track
// commands name, only held asks among them, and why any named could not
// be: a bare track names every held ask the notice listed.
func trackItems(cmds []gratitude.Command, listed []gratitude.CommandMail) (items []int, problems []string) {
	trackable := func(n int) bool { return listed[n-1].Ask != nil }
	seen := map[int]bool{}
	add := func(n int) {
		if !seen[n] {
			seen[n] = true
			items = append(items, n)
		}
	}
	for _, c := range cmds {
		if c.Who == "" {
			before := len(items)
			for n := 1; n <= len(listed); n++ {
				if trackable(n) {
					add(n)
				}
			}
			if len(items) == before && len(seen) == 0 {
				problems = append(problems, c.Line+": the notice lists no ask of yours; nothing to track")
			}
			continue
		}
		for _, f := range strings.Fields(c.Who) {
			n, _ := strconv.Atoi(f)
			switch {
			case n < 1 || n > len(listed):
				problems = append(problems, fmt.Sprintf("track %d: the notice lists %d %s", n, len(listed), plural(len(listed), "message", "messages")))
			case !trackable(n):
				problems = append(problems, fmt.Sprintf("track %d: “%s” is no ask; only asks can be tracked", n, listed[n-1].Subject))
			default:
				add(n)
			}
		}
	}
	return items, problems
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
