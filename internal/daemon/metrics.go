package daemon

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"maps"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"gratitude"
	"gratitude/inbox"
	"gratitude/internal/outbox"

	"github.com/VictoriaMetrics/metrics"
)

// metricsReadTimeout bounds the store reads of one scrape.
const metricsReadTimeout = 5 * time.Second

// counters are what the daemon counts as it runs, for /metrics; the rest
// is read when scraped.
type counters struct {
	mu       sync.Mutex
	attempts map[[2]string]uint64 // outbox deliveries by kind and result: sent, error
	synced   map[string]uint64    // messages recorded, by folder
	lastSync map[string]time.Time // the last pass that read the folder
}

func newCounters() *counters {
	return &counters{attempts: map[[2]string]uint64{}, synced: map[string]uint64{}, lastSync: map[string]time.Time{}}
}

// attempt counts one delivery of the outbox.
func (c *counters) attempt(kind string, err error) {
	result := "sent"
	if err != nil {
		result = "error"
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.attempts[[2]string{kind, result}]++
}

// passed counts a pass over folder that recorded n messages.
func (c *counters) passed(folder string, n int, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.synced[folder] += uint64(n)
	c.lastSync[folder] = now
}

// write adds the counters to e.
func (c *counters) write(e *exposition) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e.family("gratitude_outbox_attempts_total", "counter", "Deliveries from the outbox since start, by kind and result (sent, error).")
	for _, k := range slices.SortedFunc(maps.Keys(c.attempts), func(a, b [2]string) int {
		return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1])
	}) {
		e.sample("gratitude_outbox_attempts_total", float64(c.attempts[k]), "kind", k[0], "result", k[1])
	}
	e.family("gratitude_synced_messages_total", "counter", "Messages recorded since start, by folder.")
	for _, f := range slices.Sorted(maps.Keys(c.synced)) {
		e.sample("gratitude_synced_messages_total", float64(c.synced[f]), "folder", f)
	}
	e.family("gratitude_last_sync_timestamp_seconds", "gauge", "When a pass last read the folder (Unix time).")
	for _, f := range slices.Sorted(maps.Keys(c.lastSync)) {
		e.sample("gratitude_last_sync_timestamp_seconds", unix(c.lastSync[f]), "folder", f)
	}
}

// serveMetrics answers /metrics in the Prometheus text format: the
// components' health, requests, messages and the outbox from the store,
// the IMAP traffic, the counters, and the process's own figures.
func (d *Daemon) serveMetrics(w http.ResponseWriter, r *http.Request) {
	var buf bytes.Buffer
	e := &exposition{w: &buf}
	d.writeHealthMetrics(e)
	ctx, cancel := context.WithTimeout(r.Context(), metricsReadTimeout)
	defer cancel()
	d.writeStoreMetrics(ctx, e)
	d.writeIMAPMetrics(e)
	d.counts.write(e)
	metrics.WriteProcessMetrics(&buf)
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	w.Write(buf.Bytes())
}

// writeHealthMetrics writes each component's state.
func (d *Daemon) writeHealthMetrics(e *exposition) {
	items := d.health.snapshot()
	names := slices.Sorted(maps.Keys(items))
	e.family("gratitude_component_ok", "gauge", "1 when the component's last attempt succeeded, else 0.")
	for _, c := range names {
		e.sample("gratitude_component_ok", bool01(items[c].OK), "component", c)
	}
	e.family("gratitude_component_failing_since_timestamp_seconds", "gauge", "When the failing component began to fail (Unix time).")
	for _, c := range names {
		if it := items[c]; !it.OK && !it.FailingSince.IsZero() {
			e.sample("gratitude_component_failing_since_timestamp_seconds", unix(it.FailingSince), "component", c)
		}
	}
}

// writeStoreMetrics writes the counts kept in the database, or
// gratitude_store_readable 0 when it cannot be read.
func (d *Daemon) writeStoreMetrics(ctx context.Context, e *exposition) {
	reqs, err := d.store.RequestCounts(ctx, d.account)
	var classes map[gratitude.Class]int64
	if err == nil {
		classes, err = d.store.ClassCounts(ctx, d.account)
	}
	var backlog map[gratitude.OutState]int64
	if err == nil {
		backlog, err = d.store.OutboxBacklog(ctx, d.account)
	}
	e.family("gratitude_store_readable", "gauge", "1 when the database could be read for this scrape, else 0.")
	e.sample("gratitude_store_readable", bool01(err == nil))
	if err != nil {
		d.log.Warn("metrics: cannot read the database", "err", err)
		return
	}
	e.family("gratitude_requests", "gauge", "Requests by state.")
	for _, s := range []gratitude.State{gratitude.StateOpen, gratitude.StateAnswered, gratitude.StateResolved,
		gratitude.StateThanked, gratitude.StateCancelled} {
		e.sample("gratitude_requests", float64(reqs[s]), "state", string(s))
	}
	e.family("gratitude_messages", "gauge", "Messages recorded, by class.")
	for _, c := range slices.Sorted(maps.Keys(classes)) {
		e.sample("gratitude_messages", float64(classes[c]), "class", string(c))
	}
	e.family("gratitude_outbox_messages", "gauge", "Outbox messages not sent: queued, being sent, failed.")
	for _, s := range []gratitude.OutState{gratitude.OutQueued, gratitude.OutSending, gratitude.OutFailed} {
		e.sample("gratitude_outbox_messages", float64(backlog[s]), "state", string(s))
	}
	d.writeStuckMetrics(ctx, e)
}

// writeStuckMetrics writes how many outbox messages are stuck, by cause:
// no folder for them, overdue, given up in the last day.
func (d *Daemon) writeStuckMetrics(ctx context.Context, e *exposition) {
	stuck, err := d.stuckOutbox(ctx, d.clock.Now())
	if err != nil {
		d.log.Warn("metrics: cannot read the outbox", "err", err)
		return
	}
	by := map[outbox.Cause]int{}
	for _, s := range stuck {
		by[s.Cause] += s.Count
	}
	e.family("gratitude_outbox_stuck_messages", "gauge",
		"Outbox messages that are not leaving: no_folder (their folder does not exist), overdue (due long ago, not attempted), failed (given up in the last day).")
	for _, c := range []outbox.Cause{outbox.CauseNoFolder, outbox.CauseOverdue, outbox.CauseFailed} {
		e.sample("gratitude_outbox_stuck_messages", float64(by[c]), "cause", string(c))
	}
}

// writeIMAPMetrics writes what the IMAP connections cost since start.
func (d *Daemon) writeIMAPMetrics(e *exposition) {
	s := d.stats.Snapshot()
	for _, m := range []struct {
		name, help string
		v          int64
	}{
		{"gratitude_imap_read_bytes_total", "Bytes received on IMAP connections.", s.BytesRead},
		{"gratitude_imap_written_bytes_total", "Bytes sent on IMAP connections.", s.BytesWritten},
		{"gratitude_imap_header_fetches_total", "Messages whose header fields were fetched.", s.HeaderFetches},
		{"gratitude_imap_body_fetches_total", "Messages whose body was fetched.", s.BodyFetches},
		{"gratitude_imap_logins_total", "Successful IMAP logins.", s.Connects},
		{"gratitude_imap_appends_total", "Messages stored with IMAP APPEND.", s.Appends},
	} {
		e.family(m.name, "counter", m.help)
		e.sample(m.name, float64(m.v))
	}
	if caps := d.imapCapabilities(); caps != nil {
		e.family("gratitude_imap_capability", "gauge",
			"1 when the IMAP server offers a capability gratitude uses when it can, else 0 (see the info lines of `gratitude status`).")
		for _, c := range inbox.Used {
			e.sample("gratitude_imap_capability", bool01(caps[string(c)]), "capability", string(c))
		}
	}
}

// exposition writes metric families in the Prometheus text format: HELP
// and TYPE once per family, then its samples.
type exposition struct{ w io.Writer }

func (e *exposition) family(name, typ, help string) {
	fmt.Fprintf(e.w, "# HELP %s %s\n# TYPE %s %s\n", name, help, name, typ)
}

// sample writes one sample; labels are name, value pairs.
func (e *exposition) sample(name string, v float64, labels ...string) {
	var b strings.Builder
	b.WriteString(name)
	for i := 0; i+1 < len(labels); i += 2 {
		if i == 0 {
			b.WriteByte('{')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(labels[i] + `="` + labelEscaper.Replace(labels[i+1]) + `"`)
	}
	if len(labels) > 1 {
		b.WriteByte('}')
	}
	fmt.Fprintf(e.w, "%s %s\n", b.String(), strconv.FormatFloat(v, 'g', -1, 64))
}

// labelEscaper escapes a label value: backslash, double quote, newline.
var labelEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)

func bool01(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func unix(t time.Time) float64 { return float64(t.UnixMilli()) / 1000 }
