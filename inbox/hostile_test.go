package inbox_test

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"gratitude"
)

// gratitudeClasses is every class a seen message may be recorded with.
var gratitudeClasses = map[gratitude.Class]bool{
	gratitude.ClassPending: true, gratitude.ClassAsk: true, gratitude.ClassReply: true,
	gratitude.ClassOwnerFollowup: true, gratitude.ClassCommand: true, gratitude.ClassOwn: true,
	gratitude.ClassDuplicate: true, gratitude.ClassGave: true, gratitude.ClassIgnored: true,
	gratitude.ClassQuarantined: true, gratitude.ClassHeld: true,
}

// hostileDeadline is how long one message may take before it counts as
// hung. It is a watchdog, not a speed target: the slowest message takes a
// fraction of a second (see the logged figures); benchmarks measure speed.
const hostileDeadline = 30 * time.Second

// Memory bounds. The engine holds at most inbox.FetchHeaderLimit header bytes
// and inbox.FetchBodyLimit body bytes of a message (its "input", logged per
// message), and every reader behind it (go-message, msgtext's MIME walk,
// charset conversion and HTML renderer) works in passes over that input,
// each making a copy or two: the decoded body, the converted text, the
// rendered text, the header block re-terminated. On the messages whose input
// is large enough to swamp fixed costs (64 KiB and up) the worst measured
// about 18 times its input (10,000 recipients, 10,000 MIME parts);
// allocPerInput allows 32, so a new copy still passes but a reader that
// allocates per part or per nesting level (quadratic in the input) fails.
// allocSlack covers the fixed cost of a small message (the Batch, maps,
// enmime and charset set-up: about 250 KiB measured). What stays reachable
// with the verdict is text taken from the input (excerpt, recipients,
// thread references): retainedPerInput one copy of it, plus retainedSlack.
const (
	allocPerInput    = 32
	allocSlack       = 4 << 20
	retainedPerInput = 1
	retainedSlack    = 1 << 20
	swampsFixedCost  = 64 << 10
)

func TestHostileMessagesAreClassifiedWithinBounds(t *testing.T) {
	var worst float64
	for _, hm := range loadHostile(t) {
		t.Run(hm.name, func(t *testing.T) {
			hdr, body := fetchedFields(hm.raw), fetchedBody(hm.raw)
			res, alloc, retained, took := measureClassify(t, hdr, body, int64(len(hm.raw)))
			v := res.verdict
			t.Logf("%-32s %-14s %-60.60q input %8d B, alloc %9d B (%.1f×), retained %+9d B, %v",
				hm.name, v.Class, v.Reason, res.input, alloc, ratio(alloc, res.input), retained, took.Round(time.Millisecond))
			if res.input >= swampsFixedCost {
				worst = max(worst, ratio(alloc, res.input))
			}
			checkHostileVerdict(t, res)
			if limit := uint64(allocPerInput*res.input + allocSlack); alloc > limit && !raceEnabled {
				t.Errorf("allocated %d bytes for %d bytes of input, want at most %d", alloc, res.input, limit)
			}
			if limit := int64(retainedPerInput*res.input + retainedSlack); retained > limit {
				t.Errorf("verdict keeps %d bytes reachable for %d bytes of input, want at most %d", retained, res.input, limit)
			}
		})
	}
	t.Logf("worst allocation among inputs of %d KiB and more: %.1f× the input (bound: %d× + %d MiB)",
		swampsFixedCost>>10, worst, allocPerInput, allocSlack>>20)
}

// checkHostileVerdict asserts what every message must get: no panic, a
// class of gratitude's, a reason, and no second request for the body.
func checkHostileVerdict(t *testing.T, res hostileResult) {
	t.Helper()
	v := res.verdict
	switch {
	case res.panicked != "":
		t.Fatalf("classifier panicked: %s", res.panicked)
	case v.NeedBody:
		t.Fatalf("classifier asked for the body again (the sync engine fails the batch): %+v", v)
	case !gratitudeClasses[v.Class]:
		t.Fatalf("class %q is not one of gratitude's (reason %q)", v.Class, v.Reason)
	case v.Reason == "":
		t.Fatalf("class %q without a reason", v.Class)
	}
}

// measureClassify classifies one message in a goroutine under
// hostileDeadline and measures the bytes allocated meanwhile (TotalAlloc)
// and the growth of the live heap with the verdict still held (HeapAlloc
// after a GC).
func measureClassify(t *testing.T, hdr, body []byte, size int64) (res hostileResult, alloc uint64, retained int64, took time.Duration) {
	t.Helper()
	var before, after runtime.MemStats
	fullGC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	done := make(chan hostileResult, 1)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- hostileResult{panicked: fmt.Sprintf("%v\n%s", r, debug.Stack())}
			}
		}()
		done <- classifyFetched(hdr, body, size)
	}()
	select {
	case res = <-done:
	case <-time.After(hostileDeadline):
		t.Fatalf("not classified within %v", hostileDeadline)
	}
	took = time.Since(start)
	runtime.ReadMemStats(&after)
	alloc = after.TotalAlloc - before.TotalAlloc
	fullGC()
	runtime.ReadMemStats(&after)
	retained = int64(after.HeapAlloc) - int64(before.HeapAlloc)
	runtime.KeepAlive(res)
	runtime.KeepAlive(hdr)
	runtime.KeepAlive(body)
	return res, alloc, retained, took
}

// fullGC collects twice: objects in a sync.Pool survive one collection.
func fullGC() {
	runtime.GC()
	runtime.GC()
}

func ratio(a uint64, b int) float64 { return float64(a) / float64(max(b, 1)) }
