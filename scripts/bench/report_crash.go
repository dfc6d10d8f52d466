package main

import (
	"fmt"
	"io"
	"time"
)

// crashTarget is issue 12's: at most this many doubled deliveries per 100
// SIGKILLs while sending.
const crashTarget = 1.0

// target is the summary line of the crash measurement.
func (r *crashResult) target() target {
	t := target{name: fmt.Sprintf("at most %.0f doubled delivery per 100 SIGKILLs while sending", crashTarget),
		figure: fmt.Sprintf("%.1f per 100 (%d in %d kills)", r.per100(), r.Doubles, r.Kills), met: verdict(r.per100() <= crashTarget)}
	if t.met != "yes" {
		t.why = fmt.Sprintf("%d of the %d doubles fell after the server had taken the message, %d while the final dot was out",
			r.After, r.Doubles, r.Before)
	}
	return t
}

// write writes the crash measurement's section.
func (r *crashResult) write(w io.Writer) {
	fmt.Fprintf(w, "## Doubled sends when killed while sending\n\n")
	fmt.Fprintf(w, "`TestDoubledSendsPerHundredKills` (cmd/gratitude) with `GRATITUDE_CRASH_SEED=%d GRATITUDE_CRASH_KILLS=%d`: "+
		"thank-yous are kept queued for a loopback go-smtp server; the daemon is started, and killed with SIGKILL at a "+
		"moment drawn uniformly from the 100 ms after its first MAIL FROM, so that every kill falls while messages are "+
		"being sent; then started again. A last pass sends the rest. A delivery counts by Message-ID at the server; "+
		"a double is put before or after the moment the server took the message. The record of a send is committed "+
		"just before its final dot, so a kill between that commit and the server's 250 leaves the message sent but "+
		"unconfirmed (`status` counts them), never sent again; \"lost\" counts those that never reached the server "+
		"(the kill fell between the commit and the write of the dot).\n\n", r.Seed, r.Kills)
	failed := ""
	if r.TestFailed {
		failed = " (above the test's own bound)"
	}
	table(w, []string{"kills", "thank-yous sent", "sending a message", "doubled deliveries", "per 100 kills",
		"unconfirmed", "of those lost"},
		[]string{fmt.Sprint(r.Kills), fmt.Sprint(r.Messages), us(r.PerMessage), fmt.Sprint(r.Doubles),
			fmt.Sprintf("%.1f%s", r.per100(), failed), fmt.Sprint(r.Unconfirmed), fmt.Sprint(r.Lost)})
}

// us is a duration in microseconds below a millisecond, else in
// milliseconds with two decimals.
func us(d time.Duration) string {
	if d < time.Millisecond {
		return fmt.Sprintf("%d µs", d.Microseconds())
	}
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}
