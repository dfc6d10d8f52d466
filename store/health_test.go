package store

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestHealthTracksFailureStreaksAndRecovery(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	t1, t2, t3, t4 := t0, t0.Add(time.Minute), t0.Add(2*time.Minute), t0.Add(3*time.Minute)

	steps := []struct {
		at   time.Time
		err  error
		want HealthRow
	}{
		{t1, nil, HealthRow{Component: "imap", OK: true, LastOKAt: t1, UpdatedAt: t1}},
		{t2, errors.New("dial tcp: i/o timeout"), HealthRow{Component: "imap", LastError: "dial tcp: i/o timeout", LastOKAt: t1, FailingSince: t2, UpdatedAt: t2}},
		{t3, errors.New("auth failed"), HealthRow{Component: "imap", LastError: "auth failed", LastOKAt: t1, FailingSince: t2, UpdatedAt: t3}},
		{t4, nil, HealthRow{Component: "imap", OK: true, LastError: "auth failed", LastOKAt: t4, UpdatedAt: t4}},
	}
	for i, st := range steps {
		if err := s.SetHealth(ctx, acct, "imap", st.err, st.at); err != nil {
			t.Fatal(err)
		}
		hs, err := s.Health(ctx, acct)
		if err != nil {
			t.Fatal(err)
		}
		if len(hs) != 1 || hs[0] != st.want {
			t.Errorf("step %d: Health = %+v\nwant %+v", i+1, hs, st.want)
		}
	}
}

func TestHealthIsVisibleToAnotherProcess(t *testing.T) {
	daemon := openTest(t)
	status := openAt(t, daemon.Path()) // `gratitude status` opens its own store
	ctx := context.Background()
	acct := account(t, daemon, "ada@example.org")
	if err := daemon.SetHealth(ctx, acct, "smtp", nil, t0); err != nil {
		t.Fatal(err)
	}
	if err := daemon.SetHealth(ctx, acct, "imap", errors.New("no route to host"), t0); err != nil {
		t.Fatal(err)
	}
	hs, err := status.Health(ctx, account(t, status, "ada@example.org"))
	if err != nil {
		t.Fatal(err)
	}
	if len(hs) != 2 || hs[0].Component != "imap" || hs[0].OK || hs[1].Component != "smtp" || !hs[1].OK {
		t.Errorf("Health from another store = %+v", hs)
	}
}
