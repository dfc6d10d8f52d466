package outbox

import (
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/testmail"

	"github.com/emersion/go-smtp"
)

// A sender that knows no Drafts folder leaves drafts queued: they must not
// wake it (it would drain every second for nothing, forever).
func TestAMessageForAFolderTheSenderLacksDoesNotWakeIt(t *testing.T) {
	r := newRig(t, nil)
	delete(r.s.Folders, gratitude.TargetDrafts)
	r.enqueue("d1@example.org", gratitude.TargetDrafts)
	if res := r.drain(); res.Sent != 0 || !res.Next.IsZero() {
		t.Fatalf("drain %+v; want nothing sent and nothing to wake up for", res)
	}
	r.enqueue("n1@example.org", gratitude.TargetSMTP)
	r.clock.add(time.Minute)
	if res := r.drain(); res.Sent != 1 || !res.Next.IsZero() {
		t.Fatalf("drain %+v; want the SMTP message sent, the draft left without a wake-up", res)
	}
}

// watch is the rule the tests hold the rows to.
var watch = Watch{Grace: 15 * time.Minute, FailedFor: 24 * time.Hour}

func (r *rig) stuck(w Watch) []Stuck {
	r.t.Helper()
	pending, err := r.st.PendingOutbox(r.ctx, r.acct)
	if err != nil {
		r.t.Fatal(err)
	}
	failed, err := r.st.Failures(r.ctx, r.acct, r.clock.Now().Add(-w.FailedFor))
	if err != nil {
		r.t.Fatal(err)
	}
	return w.Stuck(pending, failed, r.clock.Now())
}

func TestAMessageForAMissingFolderIsStuckUntilTheFolderIsThere(t *testing.T) {
	r := newRig(t, nil)
	delete(r.s.Folders, gratitude.TargetDrafts)
	r.enqueue("d1@example.org", gratitude.TargetDrafts)
	r.enqueue("d2@example.org", gratitude.TargetDrafts)
	r.drain()
	w := watch
	w.Folders = r.s.Folders
	got := r.stuck(w)
	if len(got) != 1 || got[0].Cause != CauseNoFolder || got[0].Target != gratitude.TargetDrafts || got[0].Count != 2 ||
		!got[0].Since.Equal(t0) {
		t.Fatalf("stuck %+v; want the 2 drafts, for want of a folder, since %v", got, t0)
	}
	// A day on, they are still that, not "overdue": the cause stays named.
	r.clock.add(24 * time.Hour)
	if got := r.stuck(w); len(got) != 1 || got[0].Cause != CauseNoFolder {
		t.Fatalf("a day on: %+v", got)
	}
	// Before the folders are known, nothing is said about them.
	if got := r.stuck(watch); len(got) != 1 || got[0].Cause != CauseOverdue {
		t.Fatalf("folders unknown: %+v; want them only overdue", got)
	}
	r.s.Folders[gratitude.TargetDrafts] = "Drafts"
	if res := r.drain(); res.Sent != 2 {
		t.Fatalf("drain with the folder: %+v", res)
	}
	w.Folders = r.s.Folders
	if got := r.stuck(w); len(got) != 0 {
		t.Errorf("after filing: %+v; want nothing stuck", got)
	}
}

func TestWaitingForABackoffIsNotStuckButWaitingFarLongerIs(t *testing.T) {
	r := newRig(t, testmail.FailOnce(testmail.SMTPData, &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}))
	r.enqueue("n1@example.org", gratitude.TargetSMTP)
	if res := r.drain(); res.Retried != 1 {
		t.Fatalf("drain %+v", res)
	}
	w := watch
	w.Folders = r.s.Folders
	r.clock.add(DefaultMinBackoff + w.Grace) // due, and waiting no longer than the grace
	if got := r.stuck(w); len(got) != 0 {
		t.Fatalf("a message retried on schedule is stuck: %+v", got)
	}
	r.clock.add(time.Minute) // nobody drained: past the grace
	got := r.stuck(w)
	if len(got) != 1 || got[0].Cause != CauseOverdue || got[0].Target != gratitude.TargetSMTP || got[0].Attempted != 1 ||
		got[0].LastError == "" || !got[0].Since.Equal(t0.Add(DefaultMinBackoff)) {
		t.Fatalf("stuck %+v; want it overdue since its retry time, with the last error", got)
	}
	r.drain()
	if got := r.stuck(w); len(got) != 0 {
		t.Errorf("after it left: %+v", got)
	}
}

func TestTheRateLimitExtendsTheGraceOfDueSMTPMessages(t *testing.T) {
	r := newRig(t, nil)
	r.s.Limit, r.s.Per = 1, time.Hour
	for _, id := range []string{"a@x", "b@x", "c@x"} {
		r.enqueue(id, gratitude.TargetSMTP)
	}
	r.drain() // one leaves, two wait for the limit
	w := watch
	w.Folders, w.Limit, w.Per = r.s.Folders, r.s.Limit, r.s.Per
	r.clock.add(time.Hour + w.Grace)
	if got := r.stuck(w); len(got) != 0 {
		t.Fatalf("messages held by the rate limit are stuck: %+v", got)
	}
	r.clock.add(2 * time.Hour)
	if got := r.stuck(w); len(got) != 1 || got[0].Cause != CauseOverdue || got[0].Count != 2 {
		t.Fatalf("stuck %+v; want both overdue once the limit cannot explain the wait", got)
	}
}

func TestAMessageGivenUpOnIsStuckForADay(t *testing.T) {
	r := newRig(t, func(stage, _ string) *smtp.SMTPError {
		if stage == testmail.SMTPRcpt {
			return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
		}
		return nil
	})
	r.enqueueKind("thank-you", "t1@example.org", gratitude.TargetSMTP)
	if res := r.drain(); res.Failed != 1 {
		t.Fatalf("drain %+v", res)
	}
	got := r.stuck(watch)
	if len(got) != 1 || got[0].Cause != CauseFailed || got[0].Count != 1 || got[0].Latest.Kind != "thank-you" ||
		got[0].Latest.To != owner {
		t.Fatalf("stuck %+v; want the thank-you given up on", got)
	}
	r.clock.add(24*time.Hour + time.Second)
	if got := r.stuck(watch); len(got) != 0 {
		t.Errorf("a day later: %+v; want nothing", got)
	}
}
