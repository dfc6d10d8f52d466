package main

import (
	"fmt"
	"io"
	"time"
)

// sending is the time a pass spent sending: its took less an empty pass's.
func (r *outboxResult) sending(p run) time.Duration { return p.Took - medianTook(r.Empty) }

// rate is messages per second for the pass.
func (r *outboxResult) rate(p run) float64 {
	return float64(r.Messages) / r.sending(p).Seconds()
}

// write writes the outbox throughput section.
func (r *outboxResult) write(w io.Writer) {
	fmt.Fprintf(w, "## Outbox throughput\n\n")
	fmt.Fprintf(w, "%d thank-yous (about 1.5 KB each) are queued straight into the outbox of an account with an empty "+
		"mailbox, due now, as approving them would; one `run --once` sends them to a loopback go-smtp server "+
		"(`internal/testmail`) with `smtp.rate_limit: off`. The second batch also files each in Sent by IMAP APPEND "+
		"after it left, as a thank-you is when the SMTP server does not (`smtp.files_sent`). Sending time is the "+
		"pass's `took` less that of a pass with nothing queued (%s); the SMTP server accepted %d messages in all.\n\n",
		r.Messages, ms(medianTook(r.Empty)), r.Received)
	row := func(name string, p run) []string {
		return []string{name, fmt.Sprint(p.Sent), ms(p.Wall), ms(r.sending(p)), fmt.Sprintf("%.0f", r.rate(p)), mb(p.PeakRSSKiB * 1024)}
	}
	table(w, []string{"pass", "deliveries", "wall", "sending", "thank-yous/s", "peak RSS"},
		row("SMTP only", r.SMTP), row("SMTP, then the copy in Sent", r.WithCopy))
}
