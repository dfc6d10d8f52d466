package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"gratitude/inbox"
)

// medians of one size's runs, by wall time.
func (s *sizeResult) raw() rawFetch {
	return medianBy(s.Raw, func(r rawFetch) time.Duration { return r.Wall })
}
func (s *sizeResult) initial() run { return medianRun(s.Initial) }
func (s *sizeResult) quiet() run   { return medianRun(s.Quiet) }
func (s *sizeResult) oneNew() run  { return medianRun(s.OneNew) }

// wallRatio is the initial pass's wall time over the raw FETCH's.
func (s *sizeResult) wallRatio() float64 {
	return float64(s.initial().Wall) / float64(s.raw().Wall)
}

// syncWhy says where the initial pass's time beyond the raw FETCH goes.
func (s *sizeResult) syncWhy() string {
	ini, raw := s.initial(), s.raw()
	bound := "it waits on the server between batches (CPU well below wall time): each batch of 500 headers is " +
		"fetched, classified and committed before the next FETCH, where the raw client streams one FETCH"
	if ini.CPU*10 >= ini.Wall*8 {
		bound = "it is CPU-bound (CPU time close to wall time, on cores shared with Dovecot)"
	}
	return fmt.Sprintf("gratitude spends %s of CPU to the raw client's %s; the store's share alone (lookups and "+
		"commits) is %s, the rest is reading, parsing and classifying headers; %s", ms(ini.CPU), ms(raw.CPU), ms(s.Store), bound)
}

// writeInitial writes the initial sync section of one size.
func (s *sizeResult) writeInitial(w io.Writer) {
	ini, raw := s.initial(), s.raw()
	fmt.Fprintf(w, "## Initial sync of a %d-message Dovecot INBOX\n\n", s.Messages)
	fmt.Fprintf(w, "Median of %d rounds; each `gratitude run --once` starts from an empty database. "+
		"The raw FETCH is a separate process (this benchmark) that logs in and fetches the same %d header fields of every "+
		"message in one `UID FETCH 1:*`, discarding them, in the same run, after an untimed warm-up that lets Dovecot "+
		"index the new maildir files. Both are timed from process start to exit.\n\n", len(s.Initial), len(inbox.HeaderFields))
	table(w, []string{"measure", "gratitude `run --once`", "raw header FETCH", "ratio"},
		[]string{"wall time", ms(ini.Wall), ms(raw.Wall), ratio(float64(ini.Wall), float64(raw.Wall))},
		[]string{"CPU (user + system)", ms(ini.CPU), ms(raw.CPU), ratio(float64(ini.CPU), float64(raw.CPU))},
		[]string{"bytes read", size(ini.BytesRead), size(raw.BytesRead), ratio(float64(ini.BytesRead), float64(raw.BytesRead))},
		[]string{"messages", fmt.Sprintf("%d headers, %d bodies", ini.HeaderFetches, ini.BodyFetches), fmt.Sprint(raw.Messages), ""},
		[]string{"peak RSS", mb(ini.PeakRSSKiB * 1024), mb(raw.PeakRSSKiB * 1024), ""},
	)
	fmt.Fprintf(w, "gratitude's wall time includes opening SQLite, discovering folders, syncing Sent too, classifying each "+
		"message and committing each batch of %d with its cursor. The store's share alone — per batch, the three lookups "+
		"the classifier needs and the commit, run through `store` in this process on a fresh database — takes %s "+
		"(%.0f%% of gratitude's wall time). Writing the messages into the maildir took %s.\n\n",
		syncBatch, ms(s.Store), 100*float64(s.Store)/float64(ini.Wall), ms(s.Populate))
}

// writeSteady compares the passes with nothing and one message new
// across the mailbox sizes.
func (r *report) writeSteady(w io.Writer) {
	fmt.Fprintf(w, "## Steady state: passes with nothing new and with one new message\n\n")
	fmt.Fprintf(w, "On the database the last initial round synced, %d rounds of: `run --once` with nothing new, then "+
		"one message APPENDed to INBOX, then `run --once`. Medians; \"pass\" is the daemon's own `took` (from IMAP login "+
		"to the end of the pass), the wall time adds process start and opening the database.\n\n", len(r.Sizes[0].Quiet))
	var rows [][]string
	for _, s := range r.Sizes {
		for _, p := range []struct {
			name string
			r    run
		}{{"nothing new", s.quiet()}, {"one new message", s.oneNew()}} {
			rows = append(rows, []string{fmt.Sprint(s.Messages), p.name, ms(p.r.Wall), ms(p.r.Took), fmt.Sprintf("%d B", p.r.BytesRead),
				fmt.Sprint(p.r.HeaderFetches), fmt.Sprint(p.r.BodyFetches), mb(p.r.PeakRSSKiB * 1024)})
		}
		rows = append(rows, []string{fmt.Sprint(s.Messages), "bare client after the quiet pass: log in, EXAMINE Sent and INBOX, log out",
			"", ms(median(s.RawSelect)), "", "", "", ""})
	}
	table(w, []string{"INBOX", "pass", "wall", "pass (took)", "bytes read", "header fetches", "body fetches", "peak RSS"}, rows...)
	if len(r.Sizes) > 1 {
		fmt.Fprintf(w, "%s\n\n", r.steadyVerdict())
	}
}

// steadyGrowth reports whether the steady passes on the largest mailbox
// cost the same as on the smallest, in bytes (within 10% + 16 B: the
// server's status lines, counts and UNSEEN, vary by tens of bytes) and
// fetches, and in wall time (within 25% + 10 ms).
func (r *report) steadyGrowth() (bytesOK, timeOK bool, figures string) {
	small, large := r.Sizes[0], r.Sizes[len(r.Sizes)-1]
	bytesOK, timeOK = true, true
	var parts []string
	for _, p := range []struct {
		name string
		a, b run
	}{{"nothing new", small.quiet(), large.quiet()}, {"one new", small.oneNew(), large.oneNew()}} {
		bytesOK = bytesOK && p.b.BytesRead <= p.a.BytesRead*110/100+16 &&
			p.b.HeaderFetches == p.a.HeaderFetches && p.b.BodyFetches == p.a.BodyFetches
		timeOK = timeOK && p.b.Wall <= p.a.Wall*5/4+10*time.Millisecond
		parts = append(parts, fmt.Sprintf("%s: %d → %d B, %s → %s", p.name, p.a.BytesRead, p.b.BytesRead, ms(p.a.Wall), ms(p.b.Wall)))
	}
	return bytesOK, timeOK, fmt.Sprintf("%d → %d messages: %s; %s", small.Messages, large.Messages, parts[0], parts[1])
}

// steadyWhy says what grows, and for time whether it is the server's
// EXAMINE, measured by a bare client, or gratitude's pass.
func (r *report) steadyWhy(bytesOK, timeOK bool) string {
	small, large := r.Sizes[0], r.Sizes[len(r.Sizes)-1]
	var why []string
	if !bytesOK {
		why = append(why, "bytes or fetches grow")
	} else {
		why = append(why, "bytes and fetches do not grow")
	}
	if !timeOK {
		selSmall, selLarge := median(small.RawSelect), median(large.RawSelect)
		whose := "gratitude's own, not the server's"
		if selLarge-selSmall >= (medianTook(large.Quiet)-medianTook(small.Quiet))/2 {
			whose = "mostly the server's: Dovecot's work on each SELECT of a larger maildir"
		}
		why = append(why, fmt.Sprintf("time does, %s: a bare client's login and EXAMINE of Sent and INBOX take %s at "+
			"%d messages and %s at %d, gratitude's quiet pass %s and %s", whose, ms(selSmall), small.Messages,
			ms(selLarge), large.Messages, ms(medianTook(small.Quiet)), ms(medianTook(large.Quiet))))
	}
	return strings.Join(why, "; ")
}

// steadyVerdict is the sentence under the steady-state table.
func (r *report) steadyVerdict() string {
	bytesOK, timeOK, figures := r.steadyGrowth()
	verdict := "the cost does not grow with the mailbox"
	if !bytesOK || !timeOK {
		verdict = "the cost GROWS with the mailbox: " + r.steadyWhy(bytesOK, timeOK)
	}
	return fmt.Sprintf("From %s: %s (rule: the same fetches, bytes within 10%% + 16 B, wall time within 25%% + 10 ms).", figures, verdict)
}
