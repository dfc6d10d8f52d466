package daemon

import (
	"strings"
	"testing"
	"time"
)

// The scrape as a whole is checked against the text format by the
// command's black-box test (cmd/gratitude TestMetricsShowTheRequests…).

func TestMetricLabelsAreEscaped(t *testing.T) {
	var b strings.Builder
	e := &exposition{w: &b}
	e.family("x_total", "counter", "A test.")
	e.sample("x_total", 2, "folder", "Sent \"Items\"\\old\nnew", "kind", "nudge")
	want := "# HELP x_total A test.\n# TYPE x_total counter\n" + `x_total{folder="Sent \"Items\"\\old\nnew",kind="nudge"} 2` + "\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestCountersAreWrittenSortedWithTheirFamilies(t *testing.T) {
	c := newCounters()
	at := time.Unix(1700000000, 500_000_000)
	c.attempt("nudge", nil)
	c.attempt("card", errFake)
	c.attempt("nudge", nil)
	c.passed("Sent", 2, at)
	c.passed("INBOX", 1, at)
	var b strings.Builder
	c.write(&exposition{w: &b})
	want := []string{
		`gratitude_outbox_attempts_total{kind="card",result="error"} 1`,
		`gratitude_outbox_attempts_total{kind="nudge",result="sent"} 2`,
		`gratitude_synced_messages_total{folder="INBOX"} 1`,
		`gratitude_synced_messages_total{folder="Sent"} 2`,
		`gratitude_last_sync_timestamp_seconds{folder="INBOX"} 1.7000000005e+09`,
	}
	var samples []string
	for _, l := range strings.Split(b.String(), "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			samples = append(samples, l)
		}
	}
	for i, w := range want {
		if i >= len(samples) || samples[i] != w {
			t.Fatalf("samples:\n%s\nwant, in this order, starting with:\n%s", strings.Join(samples, "\n"), strings.Join(want, "\n"))
		}
	}
}
