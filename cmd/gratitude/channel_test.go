package main

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// channelState is what an owner's action leaves behind that a user can
// see: the request, its drafts, what went out by SMTP, and gratitude's
// messages in each folder by kind.
type channelState struct {
	Request requestView
	Drafts  []string // "to state subject"
	SMTP    []string // "recipients: subject"
	Folders map[string]map[string]int
}

func snapshot(t *testing.T, w *loopWorld) channelState {
	t.Helper()
	s := channelState{Request: w.state(t), Folders: map[string]map[string]int{}}
	if n := s.Request.NextReminderAt; n != nil {
		// --now shifts the real clock: milliseconds differ between runs.
		*n = n.Truncate(time.Minute)
	}
	for i := range s.Request.Helpers {
		s.Request.Helpers[i].FirstReplyAt = s.Request.Helpers[i].FirstReplyAt.Truncate(time.Minute)
	}
	var drafts []draftView
	if r := w.cli("drafts", "--json"); jsonOf(r.stdout, &drafts) != nil {
		t.Fatalf("drafts --json: %s %s", r.stdout, r.stderr)
	}
	for _, d := range drafts {
		s.Drafts = append(s.Drafts, fmt.Sprintf("%s %s %s", d.To, d.State, d.Subject))
	}
	for _, m := range w.smtp.Messages() {
		subject := headerValue(m.Data, "Subject")
		s.SMTP = append(s.SMTP, fmt.Sprintf("%v: %s", m.To, subject))
	}
	for _, f := range []string{"INBOX", "Drafts", "Sent"} {
		kinds := map[string]int{}
		for _, m := range w.folder(f) {
			if k := m.header.Get("X-Gratitude-Kind"); k != "" {
				kinds[k]++
			} else if f == "Drafts" {
				kinds["draft to "+m.header.Get("To")]++
			}
		}
		s.Folders[f] = kinds
	}
	return s
}

// draftTo returns the id of the pending draft to addr.
func draftTo(t *testing.T, w *loopWorld, addr string) string {
	t.Helper()
	var drafts []draftView
	jsonOf(w.cli("drafts", "--json").stdout, &drafts)
	for _, d := range drafts {
		if d.To == addr && d.State == "pending" {
			return fmt.Sprint(d.ID)
		}
	}
	t.Fatalf("no pending draft to %s in %v", addr, drafts)
	return ""
}

// withCarol adds Carol's answer to the request: two helpers to choose from.
func withCarol(w *loopWorld) {
	w.put("INBOX", mailAt([]string{"From: Carol Diaz <carol@example.org>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Budget review for Q1", "Date: " + w.t0.Add(3*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-carol@example.org>", "In-Reply-To: <ask-budget@example.org>",
		"Content-Type: text/plain; charset=utf-8"}, "The hotel line looks right to me.\n\nCarol"))
}

// channelCase is one owner's action (or a few in a row), given by mail
// and on the command line.
type channelCase struct {
	name     string
	resolved bool     // resolve first (by mail), so there are drafts and a card
	mail     []string // the command mails' texts, one per step
	toCard   bool     // mail them to the card's address, answering it
	// cli is the command line of each step.
	cli      func(w *loopWorld) [][]string
	smtpDown bool                               // SMTP answers 451 during the steps
	check    func(t *testing.T, s channelState) // what both must leave
}

// one is a step's command line.
func one(args ...string) func(*loopWorld) [][]string {
	return func(*loopWorld) [][]string { return [][]string{args} }
}

var channelCases = []channelCase{
	{name: "resolve", mail: []string{"resolved"}, cli: one("resolve", "1"),
		check: func(t *testing.T, s channelState) {
			if s.Request.State != "resolved" || len(s.Drafts) != 2 || s.Folders["INBOX"]["card"] != 1 || len(s.Folders["Drafts"]) != 2 {
				t.Errorf("resolve: %+v", s)
			}
		}},
	{name: "cancel", mail: []string{"cancel"}, cli: one("cancel", "1"),
		check: func(t *testing.T, s channelState) {
			if s.Request.State != "cancelled" {
				t.Errorf("cancel: %+v", s)
			}
		}},
	{name: "snooze", mail: []string{"snooze 3d"}, cli: one("snooze", "1", "3d"),
		check: func(t *testing.T, s channelState) {
			if s.Request.NextReminderAt == nil || s.Request.NextReminderAt.Before(time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)) {
				t.Errorf("snooze: next reminder %v, want three days on", s.Request.NextReminderAt)
			}
		}},
	{name: "helped", mail: []string{"helped dan@example.com"}, cli: one("helped", "1", "dan@example.com"),
		check: func(t *testing.T, s channelState) {
			if !slices.ContainsFunc(s.Request.Helpers, func(h helperView) bool { return h.Email == "dan@example.com" }) {
				t.Errorf("helped: %+v", s.Request.Helpers)
			}
		}},
	{name: "approve all", resolved: true, mail: []string{"approve"}, toCard: true, cli: one("approve", "--request", "1"),
		check: func(t *testing.T, s channelState) {
			if len(s.SMTP) != 2 || s.Request.State != "thanked" || len(s.Folders["Drafts"]) != 0 {
				t.Errorf("approve: %+v", s)
			}
		}},
	{name: "approve one", resolved: true, mail: []string{"approve carol"}, toCard: true,
		cli: func(w *loopWorld) [][]string { return [][]string{{"approve", draftTo(w.t, w, "carol@example.org")}} },
		check: func(t *testing.T, s channelState) {
			if len(s.SMTP) != 1 || !strings.Contains(s.SMTP[0], "carol@") {
				t.Errorf("approve carol: %+v", s)
			}
		}},
	{name: "skip", resolved: true, mail: []string{"skip alice"}, toCard: true,
		cli: func(w *loopWorld) [][]string { return [][]string{{"skip", draftTo(w.t, w, "alice@example.net")}} },
		check: func(t *testing.T, s channelState) {
			if len(s.SMTP) != 0 || !slices.Contains(s.Drafts, "alice@example.net skipped Re: Budget review for Q1") ||
				s.Folders["Drafts"]["draft to Alice Martin <alice@example.net>"] != 0 {
				t.Errorf("skip: %+v", s)
			}
		}},
	// A thank-you approved while the server refuses mail is skipped
	// before it could leave: it never goes (the mail channel's rule).
	{name: "skip an approved thank-you", resolved: true, smtpDown: true, mail: []string{"approve alice", "skip alice"}, toCard: true,
		cli: func(w *loopWorld) [][]string {
			id := draftTo(w.t, w, "alice@example.net")
			return [][]string{{"approve", id}, {"skip", id}}
		},
		check: func(t *testing.T, s channelState) {
			if len(s.SMTP) != 0 || !slices.Contains(s.Drafts, "alice@example.net skipped Re: Budget review for Q1") {
				t.Errorf("skip after approve: %+v", s)
			}
		}},
}

// TestEveryOwnersActionMeansTheSameByMailAndOnTheCommandLine runs each
// action through both channels on two equal mailboxes and compares what
// they leave: the request, the drafts, what was sent, what was filed.
func TestEveryOwnersActionMeansTheSameByMailAndOnTheCommandLine(t *testing.T) {
	for _, c := range channelCases {
		t.Run(c.name, func(t *testing.T) {
			var states [2]channelState
			for i, channel := range []string{"mail", "cli"} {
				w := newLoopWorld(t)
				w.watching()
				withCarol(w)
				answered(w)
				var card folderMessage
				if c.resolved {
					card = resolvedWithCard(t, w)
				}
				w.smtpDown.Store(c.smtpDown)
				at := 6 * time.Hour
				var lines [][]string
				if channel == "cli" {
					lines = c.cli(w)
				}
				for step := range c.mail {
					at += 10 * time.Minute
					if channel == "mail" {
						to, subject, inReplyTo := "ada+thanks@example.org", "#1 budget", ""
						if c.toCard {
							to, subject, inReplyTo = strings.Trim(card.header.Get("Reply-To"), "<>"), "Re: "+card.header.Get("Subject"), card.header.Get("Message-Id")
						}
						w.ownerSends(command(w, fmt.Sprintf("cmd-%d-%s@example.org", step, strings.ReplaceAll(c.name, " ", "-")), to, subject, inReplyTo,
							c.mail[step]+"\n\nAda", at), true)
					} else if r := w.cli(append([]string{"--now", w.at(at + time.Minute)}, lines[step]...)...); r.code != 0 {
						t.Fatalf("%v: exit %d\n%s\n%s", lines[step], r.code, r.stdout, r.stderr)
					}
					w.runOnce(at + time.Minute)
				}
				w.smtpDown.Store(false)
				w.runOnce(at + 2*time.Hour) // past any retry
				states[i] = snapshot(t, w)
				c.check(t, states[i])
			}
			if !reflect.DeepEqual(states[0], states[1]) {
				m, _ := json.MarshalIndent(states[0], "", " ")
				l, _ := json.MarshalIndent(states[1], "", " ")
				t.Errorf("mail and command line differ:\nmail: %s\ncli:  %s", m, l)
			}
		})
	}
}

// "snooze 3d" in reply to a nudge moves that request's next reminder.
func TestSnoozeInReplyToANudgeMovesTheNextReminder(t *testing.T) {
	w := newLoopWorld(t)
	w.watching()
	w.ownerSends(loopAsk(w), false)
	w.runOnce(time.Hour)
	w.runOnce(80 * time.Hour) // nobody answered: nudged
	nudges := ofKind(w.folder("INBOX"), "nudge")
	if len(nudges) != 1 {
		t.Fatalf("%d nudges, want 1", len(nudges))
	}
	before := w.state(t).NextReminderAt
	n := nudges[0]
	w.ownerSends(command(w, "cmd-snooze-nudge@example.org", strings.Trim(n.header.Get("Reply-To"), "<>"),
		"Re: "+n.header.Get("Subject"), n.header.Get("Message-Id"), "snooze 5d\n\nAda", 81*time.Hour), true)
	w.runOnce(81*time.Hour + time.Minute)
	after := w.state(t).NextReminderAt
	if before == nil || after == nil || after.Before(w.t0.Add(81*time.Hour+5*24*time.Hour-time.Minute)) {
		t.Fatalf("next reminder %v before the snooze, %v after; want five days from the reply", before, after)
	}
	w.runOnce(81*time.Hour + 4*24*time.Hour) // past the old time, inside the snooze
	if n := len(ofKind(w.folder("INBOX"), "nudge")); n != 1 {
		t.Errorf("%d nudges during the snooze, want still 1", n)
	}
}
