package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"gratitude"
)

// Requests reads each request exactly as Request does (its people in
// order, its reminders, its thread, its notes), across more requests
// than one IN list holds, and only the account's.
func TestRequestsReadsEachAsRequestDoes(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	other := account(t, s, "eve@example.org")
	const n = 600
	var asks, replies []gratitude.SeenMessage
	for i := range n {
		m := msg("Sent", 1, uint32(i+1))
		m.MessageID, m.Class, m.From, m.Subject = fmt.Sprintf("ask-%d@example.org", i), gratitude.ClassAsk, "ada@example.org", fmt.Sprintf("Ask %d", i)
		m.Event = gratitude.Asked{MessageID: m.MessageID, Subject: m.Subject, NormSubject: m.Subject, At: t0.Add(time.Duration(i) * time.Minute),
			Asked: []gratitude.Address{bob, {Email: fmt.Sprintf("p%d@example.net", i%37)}, alice}[i%3:]}
		asks = append(asks, m)
	}
	commit(t, s, acct, "Sent", 1, asks)
	commit(t, s, other, "Sent", 1, asks[:3])
	all, err := s.Requests(ctx, acct, "")
	if err != nil || len(all) != n {
		t.Fatalf("Requests: %d, %v", len(all), err)
	}
	for i, r := range all {
		if i%4 == 0 {
			continue
		}
		for j, who := range []gratitude.Address{alice, {Name: "Dee", Email: fmt.Sprintf("d%d@example.net", i)}, bob}[:i%4] {
			rm := replyMsg(uint32(len(replies)+1), who, fmt.Sprintf("r-%d-%d@example.net", i, j), r.ID)
			rm.Event = gratitude.Replied{MessageID: rm.MessageID, At: t0.Add(time.Hour), From: who, Excerpt: fmt.Sprintf("reply %d", j),
				Thread: []string{r.MessageID}}
			replies = append(replies, rm)
		}
	}
	commit(t, s, acct, "INBOX", 7, replies)
	for _, r := range all[:50] {
		_, err := s.Update(ctx, acct, r.ID, t0, func(cur gratitude.Request) gratitude.Applied {
			cur.Reminders = []gratitude.ReminderLog{{Kind: gratitude.ReminderNoReply, Sent: 2, LastAt: t0.Add(time.Hour)},
				{Kind: gratitude.ReminderUnresolved, Sent: 1, LastAt: t0}}
			cur.Notes = []string{"a note"}
			return gratitude.Applied{Event: gratitude.Snooze{Until: t0}, Request: cur}
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, state := range []gratitude.State{"", gratitude.StateOpen, gratitude.StateAnswered} {
		got, err := s.Requests(ctx, acct, state)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range got {
			want, err := s.Request(ctx, acct, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(r, want) {
				t.Fatalf("Requests(%q) read request %d as\n%+v\nRequest reads it as\n%+v", state, r.ID, r, want)
			}
			if want.State != state && state != "" {
				t.Fatalf("Requests(%q) returned a request %s", state, want.State)
			}
		}
	}
	if mine, _ := s.Requests(ctx, other, ""); len(mine) != 3 {
		t.Errorf("the other account has %d requests, want 3", len(mine))
	}
}
