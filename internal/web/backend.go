package web

import (
	"context"
	"time"

	"gratitude"
	"gratitude/internal/health"
	"gratitude/internal/owner"
)

// Backend is everything the page reads and does; the daemon provides it.
type Backend struct {
	Queries owner.Queries
	// Act carries out the owner's actions on one request, as the control
	// socket does (0: the request of the first action's draft).
	Act func(ctx context.Context, request int64, acts []owner.Action) (owner.Report, error)
	// Link files address a, and those linked with it, under b's person
	// (owner.Linker.Link), returning the person's addresses.
	Link func(ctx context.Context, a, b string) ([]string, error)
	// Unlink makes an address a person of its own again.
	Unlink func(ctx context.Context, a string) error
	// Preview renders the drafts a request would get if resolved now.
	Preview func(ctx context.Context, request int64) ([]gratitude.Draft, error)
	// Status is what the daemon knows of its health.
	Status func(ctx context.Context) (*health.Status, error)
	// Warnings are the log's latest warnings and errors, newest last.
	Warnings func() []LogLine
	// Version changes whenever something the pages show may have changed.
	Version func() int64
	Tokens  Tokens
	Policy  gratitude.ReminderPolicy
	Clock   gratitude.Clock
	// Location is the owner's time zone, for every time shown.
	Location *time.Location
	// OwnerName heads the page.
	OwnerName string
}

// LogLine is one warning or error the daemon logged.
type LogLine struct {
	At      time.Time
	Level   string
	Message string
	Attrs   string // its key=value pairs
}

// Tokens keeps the sign-in tokens, sessions and the calendar's secret
// (the store).
type Tokens interface {
	AddToken(ctx context.Context, account int64, kind, token string, now, expires time.Time) error
	SpendSignIn(ctx context.Context, account int64, token string, now time.Time) (bool, error)
	ValidToken(ctx context.Context, account int64, kind, token string, now time.Time) (bool, error)
	DropToken(ctx context.Context, account int64, token string) error
	InitSetting(ctx context.Context, account int64, name string, value []byte, now time.Time) ([]byte, error)
	Setting(ctx context.Context, account int64, name string) ([]byte, bool, error)
}
