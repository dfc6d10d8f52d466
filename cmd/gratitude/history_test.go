package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/testmail"
)

// oldMail is a message of the mailbox's past: from, to, subject, how long
// before t0, its Message-ID and what it answers.
type oldMail struct {
	from, to, subject string
	ago               time.Duration
	id, inReplyTo     string
	extra             []string
	body              string
}

func (m oldMail) raw(t0 time.Time) []byte {
	h := []string{"From: " + m.from, "To: " + m.to, "Subject: " + m.subject,
		"Date: " + t0.Add(-m.ago).Format(time.RFC1123Z), "Message-ID: <" + m.id + ">",
		"Content-Type: text/plain; charset=utf-8"}
	if m.inReplyTo != "" {
		h = append(h, "In-Reply-To: <"+m.inReplyTo+">")
		if !slices.ContainsFunc(m.extra, func(f string) bool { return strings.HasPrefix(f, "References:") }) {
			h = append(h, "References: <"+m.inReplyTo+">")
		}
	}
	return mailAt(append(h, m.extra...), m.body)
}

const (
	day        = 24 * time.Hour
	adaAddr    = "Ada Lovelace <ada@example.org>"
	captureBcc = "Bcc: ada+thanks@example.org"
)

// fillThePast gives the mailbox four months of history: two asks answered
// and thanked (one BCC'd to the capture address, one tagged [help]), one
// answered and never thanked, one nobody answered, an out-of-office, and
// command mail that was carried out long ago.
func fillThePast(w *loopWorld) { fillThePastWith(w.t0, w.put) }

// fillThePastWith files fillThePast's mail with put, dated before t0.
func fillThePastWith(t0 time.Time, put func(folder string, raw []byte)) {
	sent := []oldMail{
		{adaAddr, "Alice Martin <alice@example.net>, Bob Chen <bob@example.com>", "The printer jams again", 120 * day,
			"old-ask-printer@example.org", "", []string{captureBcc}, "Does one of you know the trick with the tray?\n\nAda"},
		{adaAddr, "Alice Martin <alice@example.net>", "Re: The printer jams again", 118 * day,
			"old-thanks-alice@example.org", "old-r-alice@example.net",
			[]string{"References: <old-ask-printer@example.org> <old-r-alice@example.net>"}, "Thank you Alice, that did it!\n\nAda"},
		{adaAddr, "Bob Chen <bob@example.com>", "[help] Which bike lock?", 90 * day,
			"old-ask-lock@example.org", "", nil, "Mine was cut again. Which one do you use?\n\nAda"},
		{adaAddr, "Bob Chen <bob@example.com>", "Re: [help] Which bike lock?", 88 * day,
			"old-thanks-bob@example.org", "old-r-bob@example.com",
			[]string{"References: <old-ask-lock@example.org> <old-r-bob@example.com>"}, "Thanks Bob, ordered it.\n\nAda"},
		{adaAddr, "Carol Diaz <carol@example.org>", "Flat hunting in Lyon", 60 * day,
			"old-ask-flat@example.org", "", []string{captureBcc}, "Do you know a good agency?\n\nAda"},
		{adaAddr, "Dan Okafor <dan@example.net>", "Need a ladder", 30 * day,
			"old-ask-ladder@example.org", "", []string{captureBcc}, "Could I borrow your ladder on Saturday?\n\nAda"},
		{adaAddr, "ada+thanks@example.org", "#2 flat", 20 * day,
			"old-cmd-resolved@example.org", "", nil, "resolved\n\nAda"},
	}
	inbox := []oldMail{
		{"Alice Martin <alice@example.net>", adaAddr, "Re: The printer jams again", 119 * day,
			"old-r-alice@example.net", "old-ask-printer@example.org", nil, "Lift the green lever before you pull the paper.\n\nAlice"},
		{"Bob Chen <bob@example.com>", adaAddr, "Automatic reply: The printer jams again", 119 * day,
			"old-ooo-bob@example.com", "old-ask-printer@example.org", []string{"Auto-Submitted: auto-replied"}, "I am away until May."},
		{"Bob Chen <bob@example.com>", adaAddr, "Re: [help] Which bike lock?", 89 * day,
			"old-r-bob@example.com", "old-ask-lock@example.org", nil, "A folding one, the Abus Bordo.\n\nBob"},
		{"Carol Diaz <carol@example.org>", adaAddr, "Re: Flat hunting in Lyon", 59 * day,
			"old-r-carol@example.org", "old-ask-flat@example.org", nil, "Try Agence Rivière, they found mine.\n\nCarol"},
		{adaAddr, "ada+thanks@example.org", "#2 flat", 20 * day,
			"old-cmd-resolved@example.org", "", nil, "resolved\n\nAda"},
		{adaAddr, "ada+thanks@example.org", "what about #7?", 19 * day,
			"old-cmd-unknown@example.org", "", nil, "cancel\n\nAda"},
	}
	for _, m := range sent {
		put("Sent", m.raw(t0))
	}
	for _, m := range inbox {
		put("INBOX", m.raw(t0))
	}
}

// gratitudeMail is every message gratitude put in a folder.
func gratitudeMail(w *loopWorld, folder string) []string {
	var out []string
	for _, m := range w.folder(folder) {
		if k := m.header.Get("X-Gratitude-Kind"); k != "" {
			out = append(out, k+": "+m.header.Get("Subject"))
		}
	}
	return out
}

func listed(t *testing.T, w *loopWorld, args ...string) []requestView {
	t.Helper()
	var reqs []requestView
	r := w.cli(append([]string{"list", "--json"}, args...)...)
	if err := json.Unmarshal([]byte(r.stdout), &reqs); err != nil {
		t.Fatalf("list --json %v: %v\n%s%s", args, err, r.stdout, r.stderr)
	}
	return reqs
}

func peopleByEmail(t *testing.T, w *loopWorld) map[string]gratitude.Person {
	t.Helper()
	var people []gratitude.Person
	r := w.cli("people", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &people); err != nil {
		t.Fatalf("people --json: %v\n%s", err, r.stdout)
	}
	out := map[string]gratitude.Person{}
	for _, p := range people {
		out[p.Email] = p
	}
	return out
}

// assertQuiet fails when gratitude sent, drafted or filed anything.
func assertQuiet(t *testing.T, w *loopWorld, when string) {
	t.Helper()
	if n := len(w.smtp.Messages()); n != 0 {
		t.Errorf("%s: %d messages sent by SMTP, want none", when, n)
	}
	if d := w.folder("Drafts"); len(d) != 0 {
		t.Errorf("%s: %d drafts, want none", when, len(d))
	}
	if own := gratitudeMail(w, "INBOX"); len(own) != 0 {
		t.Errorf("%s: gratitude wrote to INBOX: %q", when, own)
	}
}

// The first run on a mailbox with months of asks, replies and thanks sends
// nothing, drafts nothing and nudges nobody about them, then or four days
// later; the people still count the past helps; an ask made after the
// first sync is tracked as usual.
func TestTheMailboxsPastIsHistoryNeverWork(t *testing.T) {
	w := newLoopWorld(t)
	fillThePast(w)
	w.runOnce(0)
	assertQuiet(t, w, "after the first run")
	w.runOnce(4 * day)
	assertQuiet(t, w, "four days later")

	if live := listed(t, w); len(live) != 0 {
		t.Errorf("list shows %d requests from the past as live work: %+v", len(live), live)
	}
	past := listed(t, w, "--history")
	if len(past) != 4 {
		t.Fatalf("list --history: %d requests, want the 4 old asks: %+v", len(past), past)
	}
	wantState := map[string]string{"The printer jams again": "thanked", "Which bike lock?": "thanked",
		"Flat hunting in Lyon": "answered", "Need a ladder": "open"}
	for _, r := range past {
		if !r.Past || r.NextReminderAt != nil || r.State != wantState[r.Subject] {
			t.Errorf("%q: past %v, state %s, next reminder %v; want history in state %s with no reminder",
				r.Subject, r.Past, r.State, r.NextReminderAt, wantState[r.Subject])
		}
	}
	people := peopleByEmail(t, w)
	for email, want := range map[string][2]int{"alice@example.net": {1, 1}, "carol@example.org": {1, 0}, "bob@example.com": {1, 1}} {
		if p := people[email]; p.HelpedMe != want[0] || p.Thanked != want[1] {
			t.Errorf("%s helped %d times, thanked %d; want %d and %d", email, p.HelpedMe, p.Thanked, want[0], want[1])
		}
	}
	if out := w.cli("list").stdout; !strings.Contains(out, "list --history") {
		t.Errorf("list does not say where the history is:\n%s", out)
	}
	if out := w.cli("show", "1").stdout; !strings.Contains(out, "history: asked before gratitude began reading your mailbox") {
		t.Errorf("show does not say the request is history:\n%s", out)
	}

	// Ada asks something new: that is live work, nudged after three days.
	asked := 4*day + time.Hour
	w.ownerSends(oldMail{adaAddr, "Frank Moreau <frank@example.net>", "Who has a van?", -asked,
		"new-ask-van@example.org", "", []string{captureBcc}, "I move on the 12th.\n\nAda"}.raw(w.t0), false)
	w.runOnce(asked + time.Hour)
	live := listed(t, w)
	if len(live) != 1 || live[0].Past || live[0].Subject != "Who has a van?" || live[0].NextReminderAt == nil {
		t.Fatalf("after a new ask, list: %+v; want it live with a reminder due", live)
	}
	w.runOnce(asked + 73*time.Hour)
	nudges := ofKind(w.folder("INBOX"), "nudge")
	if len(nudges) != 1 || nudges[0].header.Get("In-Reply-To") != "<new-ask-van@example.org>" {
		t.Errorf("nudges %v; want one, about the new ask only", gratitudeMail(w, "INBOX"))
	}
}

// After the whole loop has thanked Alice, a fresh database on the same
// mailbox (the old one lost) makes no new card, draft or thank-you, and
// knows from the mail that she was thanked.
func TestAFreshDatabaseOnAThankedMailboxRepeatsNothing(t *testing.T) {
	w := newLoopWorld(t)
	approvedAndSent(t, w)
	before := fmt.Sprint(gratitudeMail(w, "INBOX"), gratitudeMail(w, "Sent"), len(w.folder("Drafts")))

	removeDatabase(t, w)
	w.runOnce(8 * time.Hour)
	w.runOnce(8*time.Hour + 4*day)
	w.runOnce(8*time.Hour + 30*day)
	if n := len(w.smtp.Messages()); n != 1 {
		t.Errorf("with a fresh database %d messages were sent in all, want still the one thank-you", n)
	}
	if after := fmt.Sprint(gratitudeMail(w, "INBOX"), gratitudeMail(w, "Sent"), len(w.folder("Drafts"))); after != before {
		t.Errorf("with a fresh database the folders changed:\nbefore %s\nafter  %s", before, after)
	}
	reqs := listed(t, w, "--history")
	if len(reqs) != 1 || reqs[0].State != "thanked" || len(reqs[0].Helpers) != 1 || !reqs[0].Helpers[0].Thanked {
		t.Errorf("rebuilt from mail: %+v; want the request thanked, Alice thanked", reqs)
	}
}

// removeDatabase deletes the database and its companions, as a lost disk
// or a careless rm would.
func removeDatabase(t *testing.T, w *loopWorld) {
	t.Helper()
	matches, err := filepath.Glob(filepath.Join(filepath.Dir(w.config), "g.db*"))
	if err != nil || len(matches) == 0 {
		t.Fatalf("no database to remove: %v", err)
	}
	for _, f := range matches {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
}

// import --since brings the history asked since then in as live work,
// after showing it with --dry-run; what was thanked stays history.
func TestImportTracksTheHistoryAskedSinceADate(t *testing.T) {
	w := newLoopWorld(t)
	fillThePast(w)
	w.runOnce(0)

	r := w.cli("--now", w.at(time.Hour), "import", "--since", "90d", "--dry-run")
	if r.code != 0 || !strings.Contains(r.stdout, "would track 2 requests") ||
		!strings.Contains(r.stdout, "Flat hunting in Lyon") || !strings.Contains(r.stdout, "Need a ladder") {
		t.Fatalf("import --dry-run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if live := listed(t, w); len(live) != 0 {
		t.Fatalf("--dry-run tracked %d requests", len(live))
	}
	if r := w.cli("--now", w.at(time.Hour), "import", "--since", w.t0.Add(-45*day).Format("2006-01-02")); r.code != 0 ||
		!strings.Contains(r.stdout, "tracking 1 requests") {
		t.Fatalf("import: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	live := listed(t, w)
	if len(live) != 1 || live[0].Subject != "Need a ladder" || live[0].NextReminder != "nudge" {
		t.Fatalf("after import, list: %+v; want the ladder, live and due a nudge", live)
	}
	w.runOnce(2 * time.Hour)
	if nudges := ofKind(w.folder("INBOX"), "nudge"); len(nudges) != 1 || nudges[0].header.Get("In-Reply-To") != "<old-ask-ladder@example.org>" {
		t.Errorf("nudges after import: %v; want one about the ladder", gratitudeMail(w, "INBOX"))
	}
	if r := w.cli("import"); r.code != 2 {
		t.Errorf("import without --since: exit %d, want 2", r.code)
	}
}

// The same past on a real Dovecot, as the issue met it: the first run and
// one four days later send, draft and nudge nothing.
func TestTheMailboxsPastIsHistoryOnDovecot(t *testing.T) {
	m := newMailbox(t, speakConfig)
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{})
	host, port := splitHostPort(t, srv.Addr())
	m.withSMTP(t, fmt.Sprintf("smtp:\n  host: %s\n  port: %s\n  security: insecure\n", host, port))
	t0 := time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)
	fillThePastWith(t0, func(folder string, raw []byte) {
		if err := m.dc.Deliver(testOwner, folder, raw); err != nil {
			t.Fatal(err)
		}
	})
	for _, at := range []time.Time{t0, t0.Add(4 * day)} {
		if r := m.run(t, "--now", at.Format(time.RFC3339), "run", "--once"); r.code != 0 {
			t.Fatalf("run --once at %s: exit %d\n%s", at, r.code, r.stderr)
		}
		if n := len(srv.Messages()); n != 0 {
			t.Errorf("at %s: %d messages sent by SMTP", at, n)
		}
		if d := readFolder(t, m, "Drafts"); len(d) != 0 {
			t.Errorf("at %s: %d drafts", at, len(d))
		}
		for _, msg := range readFolder(t, m, "INBOX") {
			if k := msg.header.Get("X-Gratitude-Kind"); k != "" {
				t.Errorf("at %s: gratitude filed a %s in INBOX: %s", at, k, msg.header.Get("Subject"))
			}
		}
	}
	var reqs []requestView
	if r := m.run(t, "list", "--json", "--history"); json.Unmarshal([]byte(r.stdout), &reqs) != nil || len(reqs) != 4 {
		t.Fatalf("list --history: %s%s; want the 4 old asks", r.stdout, r.stderr)
	}
	for _, r := range reqs {
		if !r.Past || r.NextReminderAt != nil {
			t.Errorf("%q: past %v, next reminder %v", r.Subject, r.Past, r.NextReminderAt)
		}
	}
}
