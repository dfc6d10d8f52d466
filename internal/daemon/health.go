package daemon

import (
	"encoding/json"
	"maps"
	"net/http"
	"slices"
	"sync"
	"time"

	"gratitude"
)

// liveHealth is the daemon's own view of its components, for /healthz,
// and the info lines on what a server lacks that only degrades.
type liveHealth struct {
	mu    sync.Mutex
	items map[string]healthItem
	info  map[string][]string // by source: imap
}

type healthItem struct {
	OK           bool      `json:"ok"`
	Error        string    `json:"error,omitempty"`
	UpdatedAt    time.Time `json:"updated_at"`
	LastOKAt     time.Time `json:"last_ok_at,omitzero"`
	FailingSince time.Time `json:"failing_since,omitzero"`
}

func newLiveHealth() *liveHealth {
	return &liveHealth{items: map[string]healthItem{}, info: map[string][]string{}}
}

// setInfo replaces the info lines of a source.
func (h *liveHealth) setInfo(source string, lines []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.info[source] = lines
}

// infoLines returns every info line, by source in order.
func (h *liveHealth) infoLines() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	var out []string
	for _, src := range slices.Sorted(maps.Keys(h.info)) {
		out = append(out, h.info[src]...)
	}
	return out
}

func (h *liveHealth) set(component string, err error, now time.Time) {
	h.mu.Lock()
	defer h.mu.Unlock()
	it := h.items[component]
	it.OK, it.Error, it.UpdatedAt = err == nil, "", now
	if err != nil {
		it.Error = err.Error()
		if it.FailingSince.IsZero() {
			it.FailingSince = now
		}
	} else {
		it.LastOKAt, it.FailingSince = now, time.Time{}
	}
	h.items[component] = it
}

// failing returns how a component fails: since when and the last error;
// ok is false when it is healthy or unknown.
func (h *liveHealth) failing(component string) (since time.Time, last string, ok bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	it, found := h.items[component]
	if !found || it.OK {
		return time.Time{}, "", false
	}
	return it.FailingSince, it.Error, true
}

// snapshot copies every component's health.
func (h *liveHealth) snapshot() map[string]healthItem {
	h.mu.Lock()
	defer h.mu.Unlock()
	return maps.Clone(h.items)
}

// serveHTTP answers 200 when every component is healthy, else 503; the body
// lists the components and the info lines either way.
func (h *liveHealth) serveHTTP(clock gratitude.Clock) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		items := h.snapshot()
		ok := len(items) > 0
		for _, v := range items {
			ok = ok && v.OK
		}
		w.Header().Set("Content-Type", "application/json")
		if !ok {
			w.WriteHeader(http.StatusServiceUnavailable)
		}
		body := map[string]any{"ok": ok, "now": clock.Now(), "components": items}
		if info := h.infoLines(); len(info) > 0 {
			body["info"] = info
		}
		json.NewEncoder(w).Encode(body)
	}
}
