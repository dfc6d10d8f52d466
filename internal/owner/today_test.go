package owner_test

import (
	"context"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/owner"
)

func TestTodayShowsDraftsAndWhatWaits(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	q := owner.Queries{Store: w.st, Account: w.svc.Account}
	p := gratitude.ReminderPolicy{NoReplyAfter: 48 * time.Hour, UnresolvedAfter: 72 * time.Hour, ThanksPendingAfter: 72 * time.Hour}
	today, err := q.Today(ctx, p, t0.Add(3*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(today.Answered) != 1 || len(today.Drafts)+len(today.Overdue)+len(today.Unthanked) != 0 {
		t.Fatalf("answered request: today = %+v", today)
	}
	w.do(t, act(gratitude.VerbResolve, ""))
	today, err = q.Today(ctx, p, t0.Add(3*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(today.Drafts) != 1 || len(today.Drafts[0].Drafts) != 2 || len(today.Answered)+len(today.Unthanked) != 0 {
		t.Fatalf("resolved request: today = %+v", today)
	}
	w.do(t, act(gratitude.VerbSkip, "alice"), act(gratitude.VerbSkip, "carol"))
	if today, _ = q.Today(ctx, p, t0.Add(3*time.Hour)); !today.Empty() {
		t.Errorf("all skipped: today = %+v", today)
	}
}

func TestFindBySubjectOrPerson(t *testing.T) {
	w := newWorld(t)
	q := owner.Queries{Store: w.st, Account: w.svc.Account}
	for text, want := range map[string]int{"": 1, "budg": 1, "CAROL": 1, "alice@example.net": 1, "zebra": 0} {
		reqs, err := q.Find(context.Background(), "", text)
		if err != nil || len(reqs) != want {
			t.Errorf("Find(%q) = %d requests, %v; want %d", text, len(reqs), err, want)
		}
	}
	if reqs, _ := q.Find(context.Background(), gratitude.StateOpen, ""); len(reqs) != 0 {
		t.Errorf("open: %d requests, want 0 (it was answered)", len(reqs))
	}
}

func TestTodayShowsAnAskPastItsNudgeDate(t *testing.T) {
	ctx := context.Background()
	st, acct, _ := askedOnly(t, "Flat", "dan@example.net")
	q := owner.Queries{Store: st, Account: acct}
	p := gratitude.ReminderPolicy{NoReplyAfter: 48 * time.Hour, UnresolvedAfter: 72 * time.Hour, ThanksPendingAfter: 72 * time.Hour}
	if today, _ := q.Today(ctx, p, t0.Add(47*time.Hour)); len(today.Overdue) != 0 {
		t.Errorf("before the nudge date: overdue %d", len(today.Overdue))
	}
	if today, _ := q.Today(ctx, p, t0.Add(49*time.Hour)); len(today.Overdue) != 1 {
		t.Errorf("past the nudge date: overdue %d, want 1", len(today.Overdue))
	}
	up, err := q.Upcoming(ctx, p)
	if err != nil || len(up) != 1 || up[0].Reminder.Kind != gratitude.ReminderNoReply || !up[0].Reminder.DueAt.Equal(t0.Add(48*time.Hour)) {
		t.Errorf("upcoming = %+v, %v; want the nudge at +48h", up, err)
	}
	clocks := owner.Clocks(up[0].Request, p)
	if len(clocks) != 3 || !clocks[0].Running || clocks[1].Running || !clocks[1].Started.IsZero() {
		t.Errorf("clocks = %+v", clocks)
	}
}
