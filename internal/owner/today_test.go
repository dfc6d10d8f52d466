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
