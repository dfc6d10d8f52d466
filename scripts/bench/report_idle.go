package main

import (
	"fmt"
	"io"
	"time"
)

// idleTarget is the p95 the IDLE latency must stay under.
const idleTarget = time.Second

// writeIdle writes the IDLE latency section, every size in one table.
func (r *report) writeIdle(w io.Writer) {
	first := r.Sizes[0].Idle
	fmt.Fprintf(w, "## IDLE latency\n\n")
	fmt.Fprintf(w, "At each INBOX size, `gratitude run` watches the mailbox (on the database synced by the initial runs) "+
		"with %d asks newly tracked (the owner's copies in Sent, with a Bcc to the capture address). For each sample a "+
		"helper's reply, threaded under their ask, is submitted by SMTP to a real Postfix, which delivers it over LMTP "+
		"into Dovecot (where Postfix cannot run, the path in the table says so: LMTP straight into Dovecot). The time "+
		"runs from the server's 250 to the end of DATA until the helper's row is in the database, "+
		"polled read-only every %s: that row is what `gratitude list --json` shows, so the request shows answered "+
		"there from that moment (after each run, `list --json` is asked, and shows every request answered by its "+
		"helper). A bare IDLE client on the same INBOX times the same deliveries to the server's EXISTS. Then %d "+
		"messages are APPENDed over IMAP, timed to their row in the database. The first delivery, which only proves "+
		"the daemon ready, is not counted.\n\n", first.Asks, pollEvery, len(first.Append))
	var rows [][]string
	for _, s := range r.Sizes {
		i := s.Idle
		row := func(name string, d []time.Duration) []string {
			return []string{fmt.Sprint(i.Messages), name, fmt.Sprint(len(d)), ms(percentile(d, .5)), ms(percentile(d, .95)), ms(percentile(d, 1))}
		}
		rows = append(rows,
			row("gratitude: "+i.Transport+" → request answered in `list --json`", i.SMTP),
			row("bare IDLE client: "+i.Transport+" → EXISTS", i.SMTPBare),
			row("gratitude: IMAP APPEND → message row in the database", i.Append),
			row("bare IDLE client: IMAP APPEND → EXISTS", i.AppendBare))
	}
	table(w, []string{"INBOX", "path", "samples", "p50", "p95", "max"}, rows...)
	fmt.Fprintf(w, "The bare client's figure is the server's own notification delay, the floor for any IDLE client; "+
		"the difference is what gratitude adds: its pass (SELECT of Sent and INBOX, SEARCH, FETCH of the header fields "+
		"and, for a reply, of the body, classification, commit).\n\n")
}

// p95 is the target figure: delivery of a reply to the request in list --json.
func (r *idleResult) p95() time.Duration { return percentile(r.SMTP, .95) }
