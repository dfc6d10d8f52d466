package main

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"gratitude"
)

// schedTarget is the time one decision pass must stay under.
const schedTarget = 50 * time.Millisecond

// pass is the decision pass: the median, over pairs of passes, of the pass
// time on the filled database without its outbox history less the empty
// database's (IMAP login, two SELECTs, health writes: the same in both).
func (r *schedResult) pass() time.Duration { return medianDiff(r.Bare, r.EmptyBare) }

// withHistory is the same with the outbox history in place: the decision
// pass and an outbox drain that finds nothing due.
func (r *schedResult) withHistory() time.Duration { return medianDiff(r.Full, r.Empty) }

// medianDiff is the median of a[i].Took - b[i].Took.
func medianDiff(a, b []run) time.Duration {
	d := make([]time.Duration, len(a))
	for i := range a {
		d[i] = a[i].Took - b[i].Took
	}
	slices.Sort(d)
	return d[len(d)/2]
}

// write writes the decision pass section.
func (r *schedResult) write(w io.Writer) {
	c := r.Counts
	fmt.Fprintf(w, "## One decision pass over %d requests\n\n", r.Requests)
	fmt.Fprintf(w, "The database is created by `gratitude status` (migrations, account), then filled with SQL in one "+
		"transaction in %s (%s on disk): %d open, %d answered and %d resolved requests, asked in the last weeks; "+
		"%d thanked and %d cancelled, asked over ten years; %d people, %d participants, %d thread Message-IDs, %d drafts "+
		"(pending for every helper of a resolved request, sent for the thank-yous the program sent), %d outbox rows (each "+
		"sent thank-you and its copy in Sent), %d reminder counts; no message rows or request events, which a steady "+
		"pass does not read. It is steady: `schedule_dirty` is 0 everywhere, next reminders are unset or within the "+
		"coming week, every draft is presented; its first pass (untimed) drafted %d, queued %d reminders and sent %d. "+
		"No ANALYZE is run, as the daemon runs none. Reminders' quiet hours are off, so the pass is the same at any "+
		"hour.\n\n",
		r.Fill.Round(time.Second), size(r.DBBytes), c.States[gratitude.StateOpen], c.States[gratitude.StateAnswered],
		c.States[gratitude.StateResolved], c.States[gratitude.StateThanked], c.States[gratitude.StateCancelled], c.People,
		c.Participants, c.Threads, c.Drafts, c.Outbox, c.Reminders, r.Warm.Drafted, r.Warm.Reminders, r.Warm.Sent)
	fmt.Fprintf(w, "The mailbox is empty, so each `run --once` is IMAP login, two SELECTs, the decision pass — the "+
		"thanks pass (supersede, commands, drafts, cards, refusals) and the reminder pass (reschedule, due reminders, "+
		"digest, next) — and an outbox drain. The passes run in pairs, the empty database's just before the filled "+
		"one's, %d pairs per row; medians; \"pass\" is the daemon's own `took`.\n\n", len(r.Full))
	row := func(name string, rs []run) []string {
		m := medianRun(rs)
		lo, hi := tookRange(rs)
		return []string{name, ms(m.Wall), ms(medianTook(rs)), lo + " – " + hi, mb(maxRSS(rs)), fmt.Sprintf("%d B", m.BytesRead)}
	}
	table(w, []string{"database", "wall", "pass (took)", "took, min – max", "peak RSS", "bytes read"},
		row("empty", r.Empty),
		row(fmt.Sprintf("%d requests", r.Requests), r.Full),
		row("empty, second series", r.EmptyBare),
		row(fmt.Sprintf("%d requests, outbox history deleted", r.Requests), r.Bare),
		row(fmt.Sprintf("%d requests, outbox history deleted, one new message (in no thread) before each pass", r.Requests), r.OneNew),
	)
	fmt.Fprintf(w, "**One decision pass over %d requests: %s** (the median over pairs of the pass without outbox "+
		"history less the empty database's; target %s; a difference of whole processes' pass times, in whole "+
		"milliseconds, so it carries a few milliseconds of noise either way). Its store reads, timed alone below, add "+
		"up to %s. With the %d rows of outbox history in place the pass, drain included, takes %s more than on the "+
		"empty database.\n\n",
		r.Requests, ms(r.pass()), ms(schedTarget), ms(r.readsSum()), c.Outbox, ms(r.withHistory()))
	fmt.Fprintf(w, "The store reads of such a pass, each timed alone in this process on the filled database, outbox "+
		"history in place (median of %d after a warm-up call), and the sync's lookup of the request a reply without "+
		"threading headers answers:\n\n", r.StepRounds)
	var rows [][]string
	for _, s := range r.Steps {
		rows = append(rows, []string{s.Runner, s.Call, fmt.Sprint(s.Rows), ms(s.Took)})
	}
	table(w, []string{"runner", "store call", "rows", "time"}, rows...)
}

// readsSum adds up the timed reads of the decision pass (thanks and
// reminders; supersede runs twice).
func (r *schedResult) readsSum() time.Duration {
	var sum time.Duration
	for _, s := range r.Steps {
		switch {
		case s.Runner == "thanks" && strings.HasPrefix(s.Call, "ObsoleteDrafts"):
			sum += 2 * s.Took
		case s.Runner == "thanks" || s.Runner == "remind":
			sum += s.Took
		}
	}
	return sum
}

// tookRange is the lowest and highest pass time of the runs.
func tookRange(rs []run) (string, string) {
	lo, hi := rs[0].Took, rs[0].Took
	for _, r := range rs {
		lo, hi = min(lo, r.Took), max(hi, r.Took)
	}
	return ms(lo), ms(hi)
}

// slowest names the slowest step of the runners, and the next one if it
// takes a millisecond or more.
func (r *schedResult) slowest(runners ...string) string {
	var s []step
	for _, st := range r.Steps {
		if slices.Contains(runners, st.Runner) {
			s = append(s, st)
		}
	}
	slices.SortFunc(s, func(a, b step) int { return int(b.Took - a.Took) })
	var out []string
	for i, st := range s[:min(2, len(s))] {
		if i > 0 && st.Took < time.Millisecond {
			break
		}
		out = append(out, fmt.Sprintf("%s `%s` takes %s alone (%d rows)", st.Runner, st.Call, ms(st.Took), st.Rows))
	}
	return strings.Join(out, "; ")
}
