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
		t.why = fmt.Sprintf("out of reach on a loopback server: a message takes %s, and %d of the %d doubles fell after the "+
			"server had taken the message, in about %s from its 250 to the record's commit (the 250's way into the "+
			"process, one SQLite commit); the other %d while the final dot was out, which no sender can know",
			us(r.PerMessage), r.After, r.Doubles, us(r.window()), r.Before)
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
		"a double is put before or after the moment the server took the message (its kill came after the final dot "+
		"had left, or after the server had it and before gratitude's record was committed).\n\n", r.Seed, r.Kills)
	failed := ""
	if r.TestFailed {
		failed = " (above the test's own bound)"
	}
	table(w, []string{"kills", "thank-yous sent", "sending a message", "doubled deliveries", "per 100 kills",
		"killed after the server took it", "before", "gratitude's part of the window"},
		[]string{fmt.Sprint(r.Kills), fmt.Sprint(r.Messages), us(r.PerMessage), fmt.Sprint(r.Doubles),
			fmt.Sprintf("%.1f%s", r.per100(), failed), fmt.Sprint(r.After), fmt.Sprint(r.Before), us(r.window())})
}

// us is a duration in microseconds below a millisecond, else in
// milliseconds with two decimals.
func us(d time.Duration) string {
	if d < time.Millisecond {
		return fmt.Sprintf("%d µs", d.Microseconds())
	}
	return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
}
