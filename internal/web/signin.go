package web

import (
	"context"
	"crypto/rand"
	"fmt"
	"time"
)

// Token kinds, as the store names them.
const (
	kindSignIn  = "signin"
	kindSession = "session"
)

// Lifetimes of what signs the owner in.
const (
	// SignInValid is how long a one-time sign-in link works.
	SignInValid = 10 * time.Minute
	// SessionValid is how long a signed-in browser stays signed in.
	SessionValid = 30 * 24 * time.Hour
)

// calendarSetting names the calendar feed's secret in the settings.
const calendarSetting = "calendar_token"

// newToken returns 256 random bits, URL-safe.
func newToken() string { return rand.Text() + rand.Text() }

// SignInLink makes a one-time sign-in link under baseURL (http.url),
// valid for SignInValid from now.
func SignInLink(ctx context.Context, t Tokens, account int64, baseURL string, now time.Time) (string, error) {
	tok := newToken()
	if err := t.AddToken(ctx, account, kindSignIn, tok, now, now.Add(SignInValid)); err != nil {
		return "", fmt.Errorf("web: cannot make a sign-in link: %w", err)
	}
	return baseURL + "/signin/" + tok, nil
}

// CalendarLink returns the calendar feed's secret address under baseURL,
// making its secret the first time.
func CalendarLink(ctx context.Context, t Tokens, account int64, baseURL string, now time.Time) (string, error) {
	tok, err := calendarToken(ctx, t, account, now)
	if err != nil {
		return "", err
	}
	return baseURL + "/calendar/" + tok + ".ics", nil
}

// calendarToken returns the calendar feed's secret, making it the first time.
func calendarToken(ctx context.Context, t Tokens, account int64, now time.Time) (string, error) {
	v, err := t.InitSetting(ctx, account, calendarSetting, []byte(newToken()), now)
	if err != nil {
		return "", fmt.Errorf("web: cannot read the calendar's secret: %w", err)
	}
	return string(v), nil
}
