package store

import (
	"context"
	"testing"
	"time"
)

func TestSignInTokenIsSpentOnce(t *testing.T) {
	s := openTest(t)
	acct := account(t, s, "ada@example.org")
	ctx := context.Background()
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	if err := s.AddToken(ctx, acct, TokenSignIn, "tok-1", now, now.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.SpendSignIn(ctx, acct, "tok-2", now); ok || err != nil {
		t.Errorf("unknown token spent: %v %v", ok, err)
	}
	if ok, err := s.SpendSignIn(ctx, acct, "tok-1", now.Add(time.Minute)); !ok || err != nil {
		t.Fatalf("first use: %v %v", ok, err)
	}
	if ok, _ := s.SpendSignIn(ctx, acct, "tok-1", now.Add(2*time.Minute)); ok {
		t.Error("a sign-in token was spent twice")
	}
	if err := s.AddToken(ctx, acct, TokenSignIn, "tok-3", now, now.Add(10*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.SpendSignIn(ctx, acct, "tok-3", now.Add(11*time.Minute)); ok {
		t.Error("an expired sign-in token was spent")
	}
	if ok, _ := s.ValidToken(ctx, acct, TokenSession, "tok-1", now); ok {
		t.Error("a sign-in token passed as a session")
	}
}

func TestSessionValidUntilDropped(t *testing.T) {
	s := openTest(t)
	acct := account(t, s, "ada@example.org")
	ctx := context.Background()
	now := time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)
	if err := s.AddToken(ctx, acct, TokenSession, "sess", now, now.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.ValidToken(ctx, acct, TokenSession, "sess", now.Add(time.Minute)); !ok || err != nil {
		t.Fatalf("valid session refused: %v %v", ok, err)
	}
	if ok, _ := s.ValidToken(ctx, acct, TokenSession, "sess", now.Add(2*time.Hour)); ok {
		t.Error("an expired session passed")
	}
	if err := s.DropToken(ctx, acct, "sess"); err != nil {
		t.Fatal(err)
	}
	if ok, _ := s.ValidToken(ctx, acct, TokenSession, "sess", now.Add(time.Minute)); ok {
		t.Error("a dropped session passed")
	}
	v, err := s.InitSetting(ctx, acct, "calendar_token", []byte("a"), now)
	if err != nil || string(v) != "a" {
		t.Fatalf("init: %q %v", v, err)
	}
	if v, _ := s.InitSetting(ctx, acct, "calendar_token", []byte("b"), now); string(v) != "a" {
		t.Errorf("init replaced a value: %q", v)
	}
}
