package outbox

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"gratitude"

	"gratitude/internal/testmail"

	"github.com/emersion/go-smtp"
)

// orderQueue notes when SentBeforeDot is called.
type orderQueue struct {
	Queue
	mu       sync.Mutex
	prepared []string
}

func (q *orderQueue) SentBeforeDot(ctx context.Context, o gratitude.Outgoing, now time.Time) error {
	q.mu.Lock()
	q.prepared = append(q.prepared, o.MessageID)
	q.mu.Unlock()
	return q.Queue.SentBeforeDot(ctx, o, now)
}

func (q *orderQueue) wasPrepared(id string) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return len(q.prepared) > 0 && q.prepared[len(q.prepared)-1] == id
}

// outState is the state of the outbox message id as other connections
// see it (committed writes only).
func (r *rig) outState(id string) gratitude.OutState {
	r.t.Helper()
	all, err := r.st.Outbox(r.ctx, r.acct)
	if err != nil {
		r.t.Fatal(err)
	}
	for _, o := range all {
		if o.MessageID == id {
			return o.State
		}
	}
	r.t.Fatalf("no outbox message %s", id)
	return ""
}

func TestTheRecordOfASendIsCommittedBeforeTheFinalDotAndConfirmedOnThe250(t *testing.T) {
	var r *rig
	q := &orderQueue{}
	atDot := make(chan gratitude.OutState, 1)
	r = newRig(t, func(stage, _ string) *smtp.SMTPError {
		if stage == testmail.SMTPData { // the server has the final dot, and has not answered yet
			atDot <- r.outState("n1@example.org")
			if !q.wasPrepared("n1@example.org") {
				t.Error("the server got the final dot before the send's record was written")
			}
		}
		return nil
	})
	q.Queue = recordingStore{r.st}
	r.s.Queue = q
	r.enqueue("n1@example.org", gratitude.TargetSMTP)
	if res := r.drain(); res.Sent != 1 {
		t.Fatalf("drain %+v", res)
	}
	// Committed, for every reader, before the server decides: a crash now
	// cannot make it leave twice.
	if got := <-atDot; got != gratitude.OutSent {
		t.Errorf("at the final dot the message was %s to others, want sent (committed)", got)
	}
	if n, err := r.st.Unconfirmed(r.ctx, r.acct); err != nil || n != 0 {
		t.Errorf("after the 250: %d unconfirmed (%v), want 0", n, err)
	}
}

func TestARefusalAfterTheFinalDotForgetsTheWrittenRecord(t *testing.T) {
	r := newRig(t, testmail.FailOnce(testmail.SMTPData, &smtp.SMTPError{Code: 451, Message: "try later"}))
	r.enqueue("n1@example.org", gratitude.TargetSMTP)
	if res := r.drain(); res.Retried != 1 {
		t.Fatalf("drain %+v, want a retry", res)
	}
	if got := r.outState("n1@example.org"); got != gratitude.OutQueued {
		t.Errorf("after a 451 to the final dot: %s, want queued for the retry", got)
	}
	r.clock.add(time.Hour)
	if res := r.drain(); res.Sent != 1 {
		t.Fatalf("retry: %+v", res)
	}
	if msgs := r.smtp.Messages(); len(msgs) != 1 || !strings.Contains(string(msgs[0].Data), "<n1@example.org>") {
		t.Errorf("the server kept %d messages, want the retried one", len(msgs))
	}
}
