package inbox

import (
	"context"
	"time"

	"gratitude/internal/retry"
)

// DefaultBackoff is the wait before reconnecting after the n-th failure
// in a row (Jittered): from one second to five minutes at most.
var DefaultBackoff = retry.Backoff{Min: time.Second, Max: 5 * time.Minute}

// sleep waits d or until ctx is done; it reports whether the full wait passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
