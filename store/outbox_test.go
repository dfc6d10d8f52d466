package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"gratitude"
)

func nudgeOut(id string, target gratitude.Target) gratitude.Outgoing {
	o := gratitude.Outgoing{Kind: "nudge", Target: target, Subject: "Nobody answered", MessageID: id,
		Raw: []byte("Message-ID: <" + id + ">\r\n\r\nhi\r\n"), Own: true}
	if target == gratitude.TargetSMTP {
		o.Sender, o.Recipients = "ada@example.org", []string{"ada@example.org"}
	}
	return o
}

var allTargets = []gratitude.Target{gratitude.TargetSMTP, gratitude.TargetInbox, gratitude.TargetDrafts, gratitude.TargetSent}

func TestOutboxClaimSendAndNeverAgain(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	if err := s.Enqueue(ctx, acct, []gratitude.Outgoing{nudgeOut("n1@example.org", gratitude.TargetSMTP)}, t0); err != nil {
		t.Fatal(err)
	}
	o, ok, err := s.ClaimOutgoing(ctx, acct, allTargets, t0, time.Minute)
	if err != nil || !ok || o.State != gratitude.OutSending || o.Attempts != 1 || o.Recipients[0] != "ada@example.org" {
		t.Fatalf("claim = %+v, %v, %v", o, ok, err)
	}
	if _, again, _ := s.ClaimOutgoing(ctx, acct, allTargets, t0, time.Minute); again {
		t.Fatal("a message being sent was claimed twice")
	}
	if err := s.MarkSent(ctx, o, t0.Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	if _, again, _ := s.ClaimOutgoing(ctx, acct, allTargets, t0.Add(24*time.Hour), time.Minute); again {
		t.Fatal("a sent message was claimed again")
	}
	if err := s.MarkSent(ctx, o, t0); err == nil {
		t.Error("marking a sent message sent again succeeded")
	}
	own, _ := s.OwnMessages(ctx, acct, []string{"n1@example.org"})
	if _, ok := own["n1@example.org"]; !ok {
		t.Error("the queued message's Message-ID is not recorded as own")
	}
}

func TestOutboxSendingLeftByACrashIsClaimedAgainWithTheSameMessageID(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	s.Enqueue(ctx, acct, []gratitude.Outgoing{nudgeOut("n1@example.org", gratitude.TargetInbox)}, t0)
	first, _, _ := s.ClaimOutgoing(ctx, acct, allTargets, t0, time.Minute)
	if _, ok, _ := s.ClaimOutgoing(ctx, acct, allTargets, t0.Add(59*time.Second), time.Minute); ok {
		t.Fatal("claimed again within the lease")
	}
	again, ok, err := s.ClaimOutgoing(ctx, acct, allTargets, t0.Add(time.Minute), time.Minute)
	if err != nil || !ok || again.ID != first.ID || again.MessageID != "n1@example.org" || again.Attempts != 2 {
		t.Fatalf("after the lease: %+v, %v, %v", again, ok, err)
	}
	if err := s.MarkSent(ctx, first, t0.Add(time.Minute)); !errors.Is(err, ErrLeaseLost) {
		t.Errorf("the first sender recorded its outcome after losing the lease: %v", err)
	}
	if err := s.MarkSent(ctx, again, t0.Add(time.Minute)); err != nil {
		t.Errorf("the sender holding the lease: %v", err)
	}
}

func TestOutboxRetryWaitsAndFailureIsReported(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	s.Enqueue(ctx, acct, []gratitude.Outgoing{nudgeOut("n1@example.org", gratitude.TargetSMTP)}, t0)
	o, _, _ := s.ClaimOutgoing(ctx, acct, allTargets, t0, time.Minute)
	if err := s.MarkRetry(ctx, o, t0.Add(10*time.Minute), "451 try later"); err != nil {
		t.Fatal(err)
	}
	if next, ok, _ := s.NextOutgoingAt(ctx, acct, allTargets); !ok || !next.Equal(t0.Add(10*time.Minute)) {
		t.Errorf("next outgoing = %v, %v", next, ok)
	}
	if _, ok, _ := s.ClaimOutgoing(ctx, acct, allTargets, t0.Add(9*time.Minute), time.Minute); ok {
		t.Fatal("claimed before its retry time")
	}
	o, ok, _ := s.ClaimOutgoing(ctx, acct, allTargets, t0.Add(10*time.Minute), time.Minute)
	if !ok || o.Attempts != 2 || o.LastError != "451 try later" {
		t.Fatalf("retry claim = %+v, %v", o, ok)
	}
	if err := s.MarkFailed(ctx, o, "550 no such user", t0.Add(11*time.Minute)); err != nil {
		t.Fatal(err)
	}
	counts, _ := s.OutboxCounts(ctx, acct)
	if counts[gratitude.OutFailed] != 1 || counts[gratitude.OutQueued] != 0 {
		t.Errorf("counts = %v", counts)
	}
	fs, err := s.Failures(ctx, acct, t0)
	if err != nil || len(fs) != 1 || fs[0].Error != "550 no such user" || fs[0].Kind != "nudge" || fs[0].To != "ada@example.org" {
		t.Errorf("failures = %+v, %v", fs, err)
	}
	if _, ok, _ := s.NextOutgoingAt(ctx, acct, allTargets); ok {
		t.Error("a failed message still counts as something to send")
	}
}

func TestOutboxClaimsOnlyTheAskedTargetsAndCountsRecentSends(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	s.Enqueue(ctx, acct, []gratitude.Outgoing{nudgeOut("n1@example.org", gratitude.TargetSMTP), nudgeOut("n2@example.org", gratitude.TargetDrafts)}, t0)
	o, ok, _ := s.ClaimOutgoing(ctx, acct, []gratitude.Target{gratitude.TargetInbox, gratitude.TargetDrafts}, t0, time.Minute)
	if !ok || o.Target != gratitude.TargetDrafts {
		t.Fatalf("claimed %+v, %v; want the draft only", o, ok)
	}
	o, _, _ = s.ClaimOutgoing(ctx, acct, []gratitude.Target{gratitude.TargetSMTP}, t0, time.Minute)
	s.MarkSent(ctx, o, t0.Add(time.Minute))
	n, oldest, err := s.SentSince(ctx, acct, gratitude.TargetSMTP, t0)
	if err != nil || n != 1 || !oldest.Equal(t0.Add(time.Minute)) {
		t.Errorf("SentSince = %d, %v, %v", n, oldest, err)
	}
	if n, _, _ := s.SentSince(ctx, acct, gratitude.TargetSMTP, t0.Add(time.Minute)); n != 0 {
		t.Errorf("SentSince after the send = %d", n)
	}
}

func TestEnqueueRefusesIncompleteMessagesAndKeepsDuplicatesOnce(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	bad := nudgeOut("n1@example.org", gratitude.TargetSMTP)
	bad.Recipients = nil
	if err := s.Enqueue(ctx, acct, []gratitude.Outgoing{nudgeOut("ok@example.org", gratitude.TargetInbox), bad}, t0); err == nil || !strings.Contains(err.Error(), "recipients") {
		t.Fatalf("enqueue without recipients: %v", err)
	}
	if out, _ := s.Outbox(ctx, acct); len(out) != 0 {
		t.Fatalf("a failed enqueue left %d rows", len(out))
	}
	for range 2 {
		if err := s.Enqueue(ctx, acct, []gratitude.Outgoing{nudgeOut("n1@example.org", gratitude.TargetInbox)}, t0); err != nil {
			t.Fatal(err)
		}
	}
	if out, _ := s.Outbox(ctx, acct); len(out) != 1 {
		t.Errorf("the same message queued twice: %d rows", len(out))
	}
}

func TestRemindRecordsOnceAndMarksTheRequestChanged(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	commit(t, s, acct, "Sent", 1, []gratitude.SeenMessage{askMsg(1)})
	vs, err := s.ChangedRequests(ctx, acct, 10)
	if err != nil || len(vs) != 1 {
		t.Fatalf("changed = %+v, %v", vs, err)
	}
	id, version := vs[0].ID, vs[0].Version
	if ok, err := s.SetNextReminder(ctx, acct, id, version, t0.Add(72*time.Hour)); !ok || err != nil {
		t.Fatalf("set next = %v, %v", ok, err)
	}
	if vs, _ := s.ChangedRequests(ctx, acct, 10); len(vs) != 0 {
		t.Fatalf("still changed after scheduling: %+v", vs)
	}
	due, _ := s.DueRequests(ctx, acct, t0.Add(72*time.Hour), 10)
	if len(due) != 1 {
		t.Fatalf("due = %d requests", len(due))
	}
	ev := gratitude.Reminded{Reminder: gratitude.ReminderNoReply, Seq: 1, At: t0.Add(72 * time.Hour), MessageID: "n1@example.org"}
	after, changes := gratitude.Apply(due[0].Request, ev, ev.At)
	a := gratitude.Applied{Event: ev, Request: after, Changes: changes}
	if err := s.Remind(ctx, acct, a, due[0], []gratitude.Outgoing{nudgeOut("n1@example.org", gratitude.TargetInbox)}, ev.At.Add(72*time.Hour), ev.At); err != nil {
		t.Fatal(err)
	}
	// A second scheduler that decided on the same read queues nothing.
	if err := s.Remind(ctx, acct, a, due[0], []gratitude.Outgoing{nudgeOut("n2@example.org", gratitude.TargetInbox)}, ev.At.Add(72*time.Hour), ev.At); !errors.Is(err, ErrChanged) {
		t.Fatalf("second Remind on a stale read: %v, want ErrChanged", err)
	}
	r, _ := s.Request(ctx, acct, id)
	if l := r.ReminderLog(gratitude.ReminderNoReply); l.Sent != 1 || !l.LastAt.Equal(ev.At) {
		t.Errorf("reminder log %+v", l)
	}
	if n := count(t, s.write, `SELECT COUNT(*) FROM request_events WHERE kind = 'reminded'`); n != 1 {
		t.Errorf("%d reminded events, want 1", n)
	}
	if due, _ := s.DueRequests(ctx, acct, ev.At, 10); len(due) != 0 {
		t.Error("still due after the reminder went out")
	}
	vs, _ = s.ChangedRequests(ctx, acct, 10)
	if len(vs) != 1 {
		t.Fatal("the reminder did not mark the request for rescheduling")
	}
	if ok, _ := s.SetNextReminder(ctx, acct, id, version, time.Time{}); ok {
		t.Error("a next-reminder time computed from a stale read was accepted")
	}
}

func TestTimeSettingsRoundTrip(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	if _, ok, err := s.TimeSetting(ctx, acct, "digest.last"); ok || err != nil {
		t.Fatalf("unset setting: %v, %v", ok, err)
	}
	if err := s.SetTimeSetting(ctx, acct, "digest.last", t0, t0); err != nil {
		t.Fatal(err)
	}
	if got, ok, err := s.TimeSetting(ctx, acct, "digest.last"); !ok || err != nil || !got.Equal(t0) {
		t.Errorf("digest.last = %v, %v, %v", got, ok, err)
	}
}

func TestASendIsRecordedBeforeItsDotConfirmedOrTakenBack(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	s.Enqueue(ctx, acct, []gratitude.Outgoing{nudgeOut("n1@example.org", gratitude.TargetSMTP), nudgeOut("n2@example.org", gratitude.TargetSMTP)}, t0)
	state := func(id string) gratitude.OutState {
		all, _ := s.Outbox(ctx, acct)
		for _, o := range all {
			if o.MessageID == id {
				return o.State
			}
		}
		return ""
	}
	unconfirmed := func() int {
		n, err := s.Unconfirmed(ctx, acct)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	o1, _, _ := s.ClaimOutgoing(ctx, acct, allTargets, t0, time.Minute)
	if err := s.SentBeforeDot(ctx, o1, t0); err != nil {
		t.Fatal(err)
	}
	if got := state(o1.MessageID); got != gratitude.OutSent || unconfirmed() != 1 {
		t.Errorf("before the dot: %s with %d unconfirmed, want sent and 1", got, unconfirmed())
	}
	if err := s.ConfirmSent(ctx, o1); err != nil || unconfirmed() != 0 {
		t.Errorf("confirmed: %v, %d unconfirmed", err, unconfirmed())
	}
	// A crash now would leave it sent: no claim takes it again.
	o2, _, _ := s.ClaimOutgoing(ctx, acct, allTargets, t0, time.Minute)
	if err := s.SentBeforeDot(ctx, o2, t0); err != nil {
		t.Fatal(err)
	}
	if again, ok, _ := s.ClaimOutgoing(ctx, acct, allTargets, t0.Add(time.Hour), time.Minute); ok {
		t.Errorf("a message recorded before its dot was claimed again: %s", again.MessageID)
	}
	// The server refused it: taken back, then retried as usual.
	if err := s.UndoSent(ctx, o2); err != nil {
		t.Fatal(err)
	}
	if got := state(o2.MessageID); got != gratitude.OutSending || unconfirmed() != 0 {
		t.Errorf("taken back: %s, %d unconfirmed; want sending, 0", got, unconfirmed())
	}
	if err := s.MarkRetry(ctx, o2, t0.Add(time.Minute), "451"); err != nil {
		t.Errorf("retry after the undo: %v", err)
	}
	// Another sender took it over after the lease: this attempt is not its.
	again, _, _ := s.ClaimOutgoing(ctx, acct, allTargets, t0.Add(2*time.Minute), time.Minute)
	if err := s.SentBeforeDot(ctx, o2, t0); !errors.Is(err, ErrLeaseLost) {
		t.Errorf("record of a lost attempt = %v, want ErrLeaseLost", err)
	}
	if err := s.MarkSent(ctx, again, t0); err != nil {
		t.Errorf("the new attempt: %v", err)
	}
}

// The next due time is read from the unsent rows by their index, never by
// walking the sent history to the same targets (outbox_sent), which took a
// second at a million rows in the benchmark.
func TestNextOutgoingAtReadsOnlyTheUnsentRows(t *testing.T) {
	s := openTest(t)
	q := fmt.Sprintf(qOutNext, "?, ?")
	rows, err := s.read.Query("EXPLAIN QUERY PLAN "+q, 1, "smtp", "imap:inbox")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	joined := strings.Join(plan, "; ")
	if !strings.Contains(joined, "outbox_due") || strings.Contains(joined, "outbox_sent") {
		t.Errorf("query plan %q: want the unsent rows read by outbox_due", joined)
	}
}
