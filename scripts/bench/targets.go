package main

import (
	"fmt"
	"io"
)

// Targets of issue 7 beside schedTarget and idleTarget.
const (
	syncRatioTarget = 2.0
	rssTarget       = 150e6 // bytes, at the largest mailbox
)

// target is one line of the summary: a target, the figure, and why when
// it is missed.
type target struct {
	name, figure string
	met          string // yes, NO, or – when there is no target
	why          string
}

// verdict is the "met" column.
func verdict(ok bool) string {
	if ok {
		return "yes"
	}
	return "NO"
}

// targets checks every figure against its target, with the reason when
// one is missed.
func (r *report) targets() []target {
	var ts []target
	for _, s := range r.Sizes {
		ini, raw := s.initial(), s.raw()
		t := target{name: fmt.Sprintf("initial sync of %d messages within %.0f× the raw header FETCH", s.Messages, syncRatioTarget),
			figure: fmt.Sprintf("%.2f× (%s vs %s)", s.wallRatio(), ms(ini.Wall), ms(raw.Wall)), met: verdict(s.wallRatio() <= syncRatioTarget)}
		if t.met != "yes" {
			t.why = s.syncWhy()
		}
		ts = append(ts, t)
	}
	large := r.Sizes[len(r.Sizes)-1]
	rss := maxRSS(large.Initial)
	ts = append(ts, target{name: fmt.Sprintf("peak RSS under %s at %d messages", mb(rssTarget), large.Messages),
		figure: mb(rss) + " (highest of the initial rounds)", met: verdict(rss < rssTarget)})
	if len(r.Sizes) > 1 {
		bytesOK, timeOK, figures := r.steadyGrowth()
		t := target{name: "steady-state pass independent of mailbox size", figure: figures, met: verdict(bytesOK && timeOK)}
		if t.met != "yes" {
			t.why = r.steadyWhy(bytesOK, timeOK)
		}
		ts = append(ts, t)
	}
	for _, s := range r.Sizes {
		ts = append(ts, s.idleTarget())
	}
	pass := r.Sched.pass()
	t := target{name: fmt.Sprintf("decision pass (thanks, reminders) under %s at %d requests", ms(schedTarget), r.Sched.Requests),
		figure: fmt.Sprintf("%s (its store reads alone: %s)", ms(pass), ms(r.Sched.readsSum())), met: verdict(pass < schedTarget)}
	if t.met != "yes" {
		t.why = r.Sched.slowest("thanks", "remind")
	}
	ts = append(ts, t)
	hist := r.Sched.withHistory()
	t = target{name: fmt.Sprintf("the same with %d rows of outbox history: decision pass and a drain with nothing due", r.Sched.Counts.Outbox),
		figure: ms(hist), met: verdict(hist < schedTarget)}
	if t.met != "yes" {
		t.why = r.Sched.slowest("outbox")
	}
	ts = append(ts, t)
	ts = append(ts, target{name: "outbox throughput to a loopback SMTP server (no target)",
		figure: fmt.Sprintf("%.0f thank-yous/s (%.0f/s with the copy in Sent)", r.Outbox.rate(r.Outbox.SMTP), r.Outbox.rate(r.Outbox.WithCopy)), met: "–"})
	ts = append(ts, r.Crash.target())
	return ts
}

// writeTargets writes the summary table.
func (r *report) writeTargets(w io.Writer) {
	fmt.Fprintf(w, "## Targets\n\n")
	var rows [][]string
	for _, t := range r.targets() {
		rows = append(rows, []string{t.name, t.figure, t.met, t.why})
	}
	table(w, []string{"target", "measured", "met", "why not"}, rows...)
}

// idleTarget is the IDLE latency line at one size.
func (s *sizeResult) idleTarget() target {
	i := s.Idle
	t := target{name: fmt.Sprintf("IDLE latency p95 under %s, delivery of a reply → `list --json`, %d-message INBOX", ms(idleTarget), i.Messages),
		figure: fmt.Sprintf("p50 %s, p95 %s", ms(percentile(i.SMTP, .5)), ms(i.p95())), met: verdict(i.p95() < idleTarget)}
	if t.met != "yes" {
		bare := percentile(i.SMTPBare, .95)
		diff, side := i.p95()-bare, "above"
		if diff < 0 {
			diff, side = -diff, "below"
		}
		t.why = fmt.Sprintf("the server is slow to tell: a bare IDLE client's p95 for the same deliveries is %s, "+
			"Dovecot's own notification on a maildir of this size; gratitude's p95 is %s %s it", ms(bare), ms(diff), side)
	}
	return t
}
