package web

import (
	"context"
	"time"

	"gratitude"
)

// limiter slows password guessing. Passwords are checked one at a time
// (an argon2id check takes 64 MiB, and tries sent at once must not all
// be checked before the first wrong one counts); after a wrong password,
// every try is refused for a second longer than after the one before, up
// to a minute; a right one starts afresh. It reads the page's clock, so
// the waits follow what the owner and the tests set.
type limiter struct {
	turn  chan struct{} // holds one token: the right to check a password
	fails int           // wrong passwords in a row; kept by whoever has the turn
	until time.Time     // no try before this; kept by whoever has the turn
}

func newLimiter() *limiter { return &limiter{turn: make(chan struct{}, 1)} }

// enter waits for the turn to check a password. A wait above zero means
// the try came too soon after a wrong one and is refused (the turn is
// given back); an error, that the client went away first. Otherwise the
// caller has the turn and must leave.
func (l *limiter) enter(ctx context.Context, clock gratitude.Clock) (time.Duration, error) {
	select {
	case l.turn <- struct{}{}:
	case <-ctx.Done():
		return 0, ctx.Err()
	}
	if wait := l.until.Sub(clock.Now()); wait > 0 {
		<-l.turn
		return wait, nil
	}
	return 0, nil
}

// leave notes whether the password was right and gives the turn back.
func (l *limiter) leave(clock gratitude.Clock, right bool) {
	if right {
		l.fails, l.until = 0, time.Time{}
	} else {
		l.fails++
		l.until = clock.Now().Add(min(time.Duration(l.fails)*time.Second, time.Minute))
	}
	<-l.turn
}
