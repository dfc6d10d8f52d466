package demo

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"mime"
	"net/mail"
	"strings"
	"sync"
	"time"

	"gratitude"

	"gratitude/store"
)

// Clock is the demo's clock: it jumps from one moment of the story to
// the next, then, once the story is told, runs at real speed from there.
type Clock struct {
	mu   sync.Mutex
	t    time.Time
	live time.Time // real time when it went live; zero while the story runs
}

// NewClock is a clock that stands at t until the story moves it.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// StoryStart is the midnight the story starts after: four days before now,
// so the story ends before now and a mail client shows it in the past.
func StoryStart(now time.Time, loc *time.Location) time.Time {
	d := now.In(loc).AddDate(0, 0, -4)
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}

// Now returns the story's moment, or, live, that moment plus real time since.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.live.IsZero() {
		return c.t
	}
	return c.t.Add(time.Since(c.live))
}

func (c *Clock) set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = t
}

func (c *Clock) goLive() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.live = time.Now()
}

// World is the mail system the story's people write through.
type World interface {
	// Send submits m as the sender's mail client does, filing a copy in
	// their Sent when m.SentCopy.
	Send(ctx context.Context, m *Mail) error
	// Holds reports whether the person's INBOX holds the message.
	Holds(ctx context.Context, email, messageID string) (bool, error)
}

// Story tells the story: people write through a mail system, and at each
// moment the real daemon does one full pass (sync, decide, send) at the
// story's time.
type Story struct {
	world World
	run   func(ctx context.Context) error // one pass of the daemon at the clock's time
	st    *store.Store                    // the daemon's store, read back for the story
	acct  int64
	n     *narrator
	clock *Clock
	t0    time.Time
	// budget is the Message-ID of Ada's first ask.
	budget string
}

// NewStory is the story told through world from the clock's moment on, in
// its time zone: run does one pass of the daemon whose store st is, and the
// narration goes to out.
func NewStory(world World, run func(ctx context.Context) error, st *store.Store, acct int64, out io.Writer, clock *Clock) *Story {
	t0 := clock.Now()
	return &Story{world: world, run: run, st: st, acct: acct, n: newNarrator(out, st, acct, t0.Location()), clock: clock, t0: t0}
}

// at is a moment of the story: day d (0 = the first), hh:mm local time.
func (s *Story) at(day, hh, mm int) time.Time {
	d := s.t0.AddDate(0, 0, day)
	return time.Date(d.Year(), d.Month(), d.Day(), hh, mm, 0, 0, d.Location())
}

// write has someone send a message at a moment, narrating it.
func (s *Story) write(ctx context.Context, m *Mail, line string) error {
	s.clock.set(m.At)
	s.n.say(m.At, "%s", line)
	return s.world.Send(ctx, m)
}

// pass runs the daemon once at t and tells what it did.
func (s *Story) pass(ctx context.Context, t time.Time, line string) error {
	s.clock.set(t)
	if line != "" {
		s.n.say(t, "%s", line)
	}
	if err := s.run(ctx); err != nil {
		return fmt.Errorf("demo: the pass at %s failed: %w", t.Format(time.Kitchen), err)
	}
	return s.n.observe(ctx)
}

// Tell runs the whole story, narrating it.
func (s *Story) Tell(ctx context.Context) error {
	steps := []func(context.Context) error{s.watch, s.asks, s.answers, s.silence, s.resolve, s.approve}
	for _, step := range steps {
		if err := step(ctx); err != nil {
			return err
		}
	}
	return nil
}

// watch is the daemon's first pass, before Ada asks: what her mailbox
// held before is history, and everything after is live.
func (s *Story) watch(ctx context.Context) error { return s.pass(ctx, s.at(0, 8, 30), "") }

func (s *Story) asks(ctx context.Context) error {
	budget := &Mail{From: demoAda, To: []Person{demoAlice, demoBob}, Bcc: []string{"ada+thanks@example.org"},
		Subject: "Budget review for Q1", At: s.at(0, 9, 0), SentCopy: true,
		Body: "Hi Alice, hi Bob,\n\nCould you look at the Q1 budget before Friday? The travel line looks off to me.\n\nThanks,\nAda"}
	if err := s.write(ctx, budget, "Ada asks Alice and Bob to look at her budget, BCC ada+thanks@example.org"); err != nil {
		return err
	}
	s.budget = budget.MessageID
	berlin := &Mail{From: demoAda, To: []Person{demoDan}, Bcc: []string{"ada+thanks@example.org"},
		Subject: "Moving to Berlin: which neighbourhood?", At: s.at(0, 9, 5), SentCopy: true,
		Body: "Hi Dan,\n\nYou moved to Berlin last year: which neighbourhoods would you look at?\n\nAda"}
	if err := s.write(ctx, berlin, "Ada asks Dan about Berlin, BCC ada+thanks@example.org"); err != nil {
		return err
	}
	return s.pass(ctx, s.at(0, 9, 10), "")
}

func (s *Story) answers(ctx context.Context) error {
	budget := s.budget
	ooo := &Mail{From: demoBob, To: []Person{demoAda}, Subject: "Out of office: Budget review for Q1", At: s.at(0, 9, 30),
		InReplyTo: budget, Extra: []string{"Auto-Submitted: auto-replied"},
		Body: "I am out of the office until Monday and will read your message then."}
	alice := &Mail{From: demoAlice, To: []Person{demoAda}, Cc: []Person{demoCarol}, Subject: "Re: Budget review for Q1",
		At: s.at(0, 11, 0), InReplyTo: budget,
		Body: "Hi Ada,\n\nThe travel line is counted twice: once under Events and once under Travel. I fixed it in the sheet.\nCarol knows the grant rules, so I am copying her in.\n\nBest,\nAlice"}
	for _, m := range []*Mail{ooo, alice} {
		line := "Bob's out-of-office answers"
		if m == alice {
			line = "Alice answers, and copies Carol in"
		}
		if err := s.write(ctx, m, line); err != nil {
			return err
		}
	}
	carol := &Mail{From: demoCarol, To: []Person{demoAda}, Cc: []Person{demoAlice}, Subject: "Re: Budget review for Q1",
		At: s.at(0, 11, 40), InReplyTo: alice.MessageID, References: []string{budget},
		Body: "Hi Ada,\n\nThe grant allows 10% overhead, so you can move the printer lease there.\n\nCheers,\nCarol"}
	if err := s.write(ctx, carol, "Carol adds a tip about the grant"); err != nil {
		return err
	}
	return s.pass(ctx, s.at(0, 12, 0), "")
}

func (s *Story) silence(ctx context.Context) error {
	return s.pass(ctx, s.at(3, 9, 10), "Three days later, Dan has not answered")
}

func (s *Story) resolve(ctx context.Context) error {
	m := &Mail{From: demoAda, ToAddress: "ada+thanks@example.org", Subject: "#1 budget", At: s.at(3, 10, 0), SentCopy: true,
		Body: "resolved: the board approved the budget on Friday\n\nAda"}
	if err := s.write(ctx, m, `Ada writes "resolved: the board approved the budget on Friday" to ada+thanks@example.org, subject "#1"`); err != nil {
		return err
	}
	return s.pass(ctx, s.at(3, 10, 1), "")
}

func (s *Story) approve(ctx context.Context) error {
	replyTo, id, subject, err := s.card(ctx)
	if err != nil {
		return err
	}
	m := &Mail{From: demoAda, ToAddress: replyTo, Subject: "Re: " + subject, At: s.at(3, 10, 15), InReplyTo: id, SentCopy: true,
		Body: "approve\n\nOn " + s.at(3, 10, 1).Format("Mon, 2 Jan 2006") + ", gratitude wrote:\n> Thank-yous ready"}
	if err := s.write(ctx, m, `Ada replies "approve" to the card`); err != nil {
		return err
	}
	return s.pass(ctx, s.at(3, 10, 16), "")
}

// card reads the approval card gratitude put in Ada's INBOX: where to
// reply, its Message-ID and subject.
func (s *Story) card(ctx context.Context) (string, string, string, error) {
	out, err := s.st.Outbox(ctx, s.acct)
	if err != nil {
		return "", "", "", err
	}
	for i := len(out) - 1; i >= 0; i-- {
		if out[i].Kind != "card" || out[i].State != gratitude.OutSent {
			continue
		}
		msg, err := mail.ReadMessage(bytes.NewReader(out[i].Raw))
		if err != nil {
			return "", "", "", err
		}
		replyTo, _ := mail.ParseAddress(msg.Header.Get("Reply-To"))
		if replyTo == nil {
			break
		}
		subject, err := new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
		if err != nil {
			subject = msg.Header.Get("Subject")
		}
		return replyTo.Address, strings.Trim(msg.Header.Get("Message-ID"), "<>"), subject, nil
	}
	return "", "", "", fmt.Errorf("demo: no approval card was delivered; the story cannot go on")
}
