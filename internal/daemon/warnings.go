package daemon

import (
	"context"
	"log/slog"
	"strings"
	"sync"

	"gratitude/internal/web"
)

// keptWarnings is how many of the log's latest warnings the Health page shows.
const keptWarnings = 50

// warningLog keeps the log's latest warnings and errors for the web page,
// passing every record on to the handler it wraps.
type warningLog struct {
	slog.Handler
	ring *warningRing
}

// warningRing is the warnings kept, shared by every handler derived from
// one (WithAttrs, WithGroup).
type warningRing struct {
	mu    sync.Mutex
	lines []web.LogLine
}

// keepWarnings wraps log so that its warnings and errors are kept.
func keepWarnings(log *slog.Logger) (*slog.Logger, *warningRing) {
	ring := &warningRing{}
	return slog.New(warningLog{Handler: log.Handler(), ring: ring}), ring
}

// Handle keeps a warning or error and passes the record on.
func (h warningLog) Handle(ctx context.Context, r slog.Record) error {
	if r.Level >= slog.LevelWarn {
		var attrs strings.Builder
		r.Attrs(func(a slog.Attr) bool {
			if attrs.Len() > 0 {
				attrs.WriteByte(' ')
			}
			attrs.WriteString(a.String())
			return true
		})
		h.ring.add(web.LogLine{At: r.Time, Level: r.Level.String(), Message: r.Message, Attrs: attrs.String()})
	}
	return h.Handler.Handle(ctx, r)
}

// WithAttrs keeps the ring under the derived handler.
func (h warningLog) WithAttrs(attrs []slog.Attr) slog.Handler {
	return warningLog{Handler: h.Handler.WithAttrs(attrs), ring: h.ring}
}

// WithGroup keeps the ring under the derived handler.
func (h warningLog) WithGroup(name string) slog.Handler {
	return warningLog{Handler: h.Handler.WithGroup(name), ring: h.ring}
}

func (w *warningRing) add(l web.LogLine) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.lines = append(w.lines, l)
	if len(w.lines) > keptWarnings {
		w.lines = append(w.lines[:0], w.lines[len(w.lines)-keptWarnings:]...)
	}
}

// Lines returns the warnings kept, newest last.
func (w *warningRing) Lines() []web.LogLine {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]web.LogLine(nil), w.lines...)
}
