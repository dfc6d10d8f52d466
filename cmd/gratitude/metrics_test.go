package main

import (
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// scrape fetches the daemon's /metrics; "" when it does not answer 200.
func scrape(t *testing.T, addr string) string {
	t.Helper()
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return ""
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK {
		return ""
	}
	return string(b)
}

// sampleLine is one sample of the text format: a name, labels, a value.
var sampleLine = regexp.MustCompile(`^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*"(?:, ?[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\.)*")*\})? (\S+)$`)

// checkExposition checks the body is the Prometheus text format: every
// line a comment or a sample, one TYPE per family, no sample twice.
func checkExposition(t *testing.T, body string) {
	t.Helper()
	types, seen := map[string]bool{}, map[string]bool{}
	for _, line := range strings.Split(strings.TrimSuffix(body, "\n"), "\n") {
		if name, ok := strings.CutPrefix(line, "# TYPE "); ok {
			family, _, _ := strings.Cut(name, " ")
			if types[family] {
				t.Errorf("family %s typed twice", family)
			}
			types[family] = true
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		m := sampleLine.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("not a sample: %q", line)
			continue
		}
		if seen[m[1]+m[2]] {
			t.Errorf("sample %s%s written twice", m[1], m[2])
		}
		seen[m[1]+m[2]] = true
	}
}

func TestMetricsShowTheRequestsTheMailboxAndTheHealth(t *testing.T) {
	addr := fmt.Sprintf("127.0.0.1:%d", closedPort(t))
	m := newMailbox(t, "")
	writeFile(t, m.config, strings.Replace(readFile(t, m.config), `listen: "off"`, `listen: "`+addr+`"`, 1))
	m.watchingAt(t, askedAt.Add(-time.Hour)) // an hour before: no digest falls due by the daemon's time
	if err := m.dc.Deliver(testOwner, "Sent", budgetAsk()); err != nil {
		t.Fatal(err)
	}
	// The clock is pinned: on the real one the ask would be overdue and its
	// nudge, filed in INBOX, would count among the messages synced there.
	d := m.startDaemon(t, "--now", askedAt.Add(time.Hour).Format(time.RFC3339))
	var body string
	waitUntil(t, 30*time.Second, "/metrics never shows the open request", func() bool {
		body = scrape(t, addr)
		return strings.Contains(body, `gratitude_requests{state="open"} 1`+"\n")
	})
	checkExposition(t, body)
	for _, want := range []string{
		`gratitude_store_readable 1`, `gratitude_component_ok{component="imap"} 1`,
		`gratitude_synced_messages_total{folder="Sent"} 1`, `gratitude_messages{class="ask"} 1`,
		`gratitude_outbox_messages{state="failed"} 0`, `gratitude_requests{state="answered"} 0`,
		"process_resident_memory_bytes ", "go_goroutines ",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	if !regexp.MustCompile(`(?m)^gratitude_imap_read_bytes_total [1-9]`).MatchString(body) {
		t.Errorf("/metrics counts no IMAP bytes read")
	}
	// Alice answers: the request moves, and the counters follow.
	reply := mailAt([]string{"From: Alice Martin <alice@example.net>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Budget review for Q1", "Date: " + askedAt.Add(time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-alice@example.net>", "In-Reply-To: <ask-budget@example.org>"}, "The travel line double-counts March.")
	if err := m.dc.Deliver(testOwner, "INBOX", reply); err != nil {
		t.Fatal(err)
	}
	waitUntil(t, 30*time.Second, "/metrics never shows the answered request", func() bool {
		body = scrape(t, addr)
		return strings.Contains(body, `gratitude_requests{state="answered"} 1`+"\n") &&
			strings.Contains(body, `gratitude_requests{state="open"} 0`+"\n")
	})
	// The sync counts its messages once its batch is committed, a moment
	// after the request it changed shows.
	waitUntil(t, 30*time.Second, "/metrics never counts the reply in INBOX", func() bool {
		body = scrape(t, addr)
		return strings.Contains(body, `gratitude_synced_messages_total{folder="INBOX"} 1`)
	})
	d.stop(t)
}

func grepLines(body, prefix string) string {
	var out []string
	for _, l := range strings.Split(body, "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
