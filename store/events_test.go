package store

import (
	"context"
	"errors"
	"gratitude"
	"testing"
	"time"
)

func TestEventsComeBackInAppendOrderWithTheirData(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	req := newRequest(t, s, acct, "ask-1@example.org")

	type answered struct {
		By string `json:"by"`
	}
	appends := []struct {
		kind string
		data any
		at   time.Time
	}{
		{"asked", nil, t0},
		{"answered", answered{By: "alice@example.org"}, t0.Add(2 * time.Hour)},
		{"note", map[string]int{"n": 1}, t0.Add(time.Hour)}, // recorded later, dated earlier
	}
	for _, a := range appends {
		if err := s.AppendEvent(ctx, acct, req, a.kind, a.data, a.at); err != nil {
			t.Fatal(err)
		}
	}
	evs, err := s.Events(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{`null`, `{"by":"alice@example.org"}`, `{"n":1}`}
	if len(evs) != len(want) {
		t.Fatalf("Events = %+v", evs)
	}
	for i, e := range evs {
		if e.Kind != appends[i].kind || string(e.Data) != want[i] || !e.At.Equal(appends[i].at) ||
			e.RequestID != req || e.AccountID != acct || e.At.Location() != time.UTC {
			t.Errorf("event %d = %+v", i, e)
		}
	}
}

func TestAppendEventRefusesARequestOfAnotherAccount(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	ada := account(t, s, "ada@example.org")
	bob := account(t, s, "bob@example.org")
	req := newRequest(t, s, ada, "ask-1@example.org")
	if err := s.AppendEvent(ctx, bob, req, "asked", nil, t0); !errors.Is(err, gratitude.ErrNoSuchRequest) {
		t.Errorf("AppendEvent for another account = %v; want gratitude.ErrNoSuchRequest", err)
	}
	if err := s.AppendEvent(ctx, ada, req+100, "asked", nil, t0); !errors.Is(err, gratitude.ErrNoSuchRequest) {
		t.Errorf("AppendEvent for a missing request = %v; want gratitude.ErrNoSuchRequest", err)
	}
	if err := s.AppendEvent(ctx, ada, req, "bad", func() {}, t0); err == nil {
		t.Error("AppendEvent stored data JSON cannot encode")
	}
}

func TestEventLogRefusesEdits(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	req := newRequest(t, s, acct, "ask-1@example.org")
	if err := s.AppendEvent(ctx, acct, req, "asked", nil, t0); err != nil {
		t.Fatal(err)
	}
	if _, err := s.write.Exec(`UPDATE request_events SET kind = 'forged'`); err == nil {
		t.Error("an event was edited")
	}
	// Deleting the request still cascades to its history.
	if _, err := s.write.Exec(`DELETE FROM requests WHERE id = ?`, req); err != nil {
		t.Fatal(err)
	}
	if evs, err := s.Events(ctx, req); err != nil || len(evs) != 0 {
		t.Errorf("Events after deleting the request = %v, %v", evs, err)
	}
}
