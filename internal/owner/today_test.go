package owner_test

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/owner"
	"gratitude/internal/record"
	"gratitude/store"
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
	// Drafts just decided stay, to show what became of them, but need
	// nothing; an hour on they are gone.
	if today, _ = q.Today(ctx, p, t0.Add(2*time.Hour+30*time.Minute)); !today.Empty() || len(today.Drafts) != 1 ||
		len(today.Drafts[0].Drafts) != 2 || today.Drafts[0].Drafts[0].State != gratitude.DraftSkipped {
		t.Errorf("all just skipped: today = %+v", today)
	}
	if today, _ = q.Today(ctx, p, t0.Add(3*time.Hour+time.Minute)); !today.Empty() || len(today.Drafts) != 0 {
		t.Errorf("all skipped an hour ago: today = %+v", today)
	}
}

func TestFindBySubjectOrPerson(t *testing.T) {
	w := newWorld(t)
	q := owner.Queries{Store: w.st, Account: w.svc.Account}
	for text, want := range map[string]int{"": 1, "budg": 1, "CAROL": 1, "alice@example.net": 1, "zebra": 0} {
		reqs, total, err := q.Find(context.Background(), "", text, 0, 10)
		if err != nil || len(reqs) != want || total != want {
			t.Errorf("Find(%q) = %d requests of %d, %v; want %d", text, len(reqs), total, err, want)
		}
	}
	if reqs, total, _ := q.Find(context.Background(), gratitude.StateOpen, "", 0, 10); len(reqs)+total != 0 {
		t.Errorf("open: %d requests of %d, want 0 (it was answered)", len(reqs), total)
	}
}

// Find pages through what matches, newest ask first, and returns each
// request whole; a name matches in any case, in any alphabet.
func TestFindPagesNewestFirst(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	var asks []gratitude.SeenMessage
	for i := range 7 {
		id := fmt.Sprintf("ask%d@example.org", i)
		asks = append(asks, gratitude.SeenMessage{MessageID: id, Mailbox: "Sent", UIDValidity: 1, UID: uint32(i + 2), From: "ada@example.org",
			Subject: "Flat", Class: gratitude.ClassAsk, SeenAt: t0, Event: gratitude.Asked{MessageID: id, Subject: fmt.Sprintf("Flat %d", i),
				NormSubject: "flat", At: t0.Add(time.Duration(i) * time.Hour), Asked: []gratitude.Address{{Name: "Иван Петров", Email: "ivan@example.ru"}}}})
	}
	cur := gratitude.MailboxCursor{Mailbox: "Sent", UIDValidity: 1, LastUID: 8}
	if err := record.CommitBatch[*store.Tx](ctx, w.st, w.svc.Account, cur, asks); err != nil {
		t.Fatal(err)
	}
	q := owner.Queries{Store: w.st, Account: w.svc.Account}
	var subjects []string
	for offset := 0; offset < 9; offset += 3 {
		reqs, total, err := q.Find(ctx, "", "иван", offset, 3)
		if err != nil || total != 7 {
			t.Fatalf("Find from %d: %d requests of %d, %v; want 7 in all", offset, len(reqs), total, err)
		}
		for _, r := range reqs {
			if len(r.Thread) == 0 || len(r.Asked) != 1 || r.MessageID == "" {
				t.Errorf("request %d is not read whole: %+v", r.ID, r)
			}
			subjects = append(subjects, r.Subject)
		}
	}
	want := []string{"Flat 6", "Flat 5", "Flat 4", "Flat 3", "Flat 2", "Flat 1", "Flat 0"}
	if !slices.Equal(subjects, want) {
		t.Errorf("pages of three: %v, want %v", subjects, want)
	}
	if reqs, total, _ := q.Find(ctx, "", "ИВАН", 100, 3); len(reqs) != 0 || total != 7 {
		t.Errorf("past the end: %d requests of %d", len(reqs), total)
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

// A draft still waiting brings its request to Today whatever the
// request's state: here both helpers were thanked by the owner's own
// mail (the request is thanked) before the drafts were dropped.
func TestTodayShowsDraftsWaitingOnAThankedRequest(t *testing.T) {
	w := newWorld(t)
	ctx := context.Background()
	w.do(t, act(gratitude.VerbResolve, ""))
	thanks := gratitude.SeenMessage{MessageID: "thanks@example.org", Mailbox: "Sent", UIDValidity: 1, UID: 2, From: "ada@example.org",
		Subject: "Re: Budget", Class: gratitude.ClassOwnerFollowup, SeenAt: t0.Add(3 * time.Hour), RequestID: w.req,
		Event: gratitude.OwnerWrote{MessageID: "thanks@example.org", At: t0.Add(3 * time.Hour), Thanks: true,
			To: []gratitude.Address{{Email: "alice@example.net"}, {Email: "carol@example.org"}}, Thread: []string{"r0@example.net", "r1@example.net"}}}
	cur := gratitude.MailboxCursor{Mailbox: "Sent", UIDValidity: 1, LastUID: 2}
	if err := record.CommitBatch[*store.Tx](ctx, w.st, w.svc.Account, cur, []gratitude.SeenMessage{thanks}); err != nil {
		t.Fatal(err)
	}
	if r, _ := w.st.Request(ctx, w.svc.Account, w.req); r.State != gratitude.StateThanked {
		t.Fatalf("the request is %s, want thanked", r.State)
	}
	q := owner.Queries{Store: w.st, Account: w.svc.Account}
	p := gratitude.ReminderPolicy{NoReplyAfter: 48 * time.Hour, UnresolvedAfter: 72 * time.Hour, ThanksPendingAfter: 72 * time.Hour}
	today, err := q.Today(ctx, p, t0.Add(4*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(today.Drafts) != 1 || today.Drafts[0].Request.ID != w.req || len(today.Drafts[0].Drafts) != 2 ||
		today.Drafts[0].Request.State != gratitude.StateThanked {
		t.Errorf("today = %+v; want the thanked request's two drafts", today)
	}
}
