package remind

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/config"
	"gratitude/internal/record"
	"gratitude/store"
	"gratitude/templates"
)

// world is a runner over a real store, in Berlin, with the default
// templates, quiet hours 21:00-08:00 and a digest every Monday at 08:00.
type world struct {
	t      *testing.T
	ctx    context.Context
	st     *store.Store
	acct   int64
	loc    *time.Location
	quiet  config.QuietHours
	runner *Runner
	uid    uint32
}

const (
	ownerEmail = "ada@example.org"
	day        = 24 * time.Hour
)

func newWorld(t *testing.T) *world {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	acct, err := st.Account(ctx, ownerEmail)
	if err != nil {
		t.Fatal(err)
	}
	quiet, _ := config.ParseQuietHours("21:00-08:00", loc)
	digest, _ := config.ParseDigest("weekly mon 08:00", loc)
	tpl, err := templates.Load("", loc)
	if err != nil {
		t.Fatal(err)
	}
	w := &world{t: t, ctx: ctx, st: st, acct: acct, loc: loc, quiet: quiet}
	w.runner = &Runner{
		Store: st, Account: acct, NextDigest: digest.Next,
		Policy: gratitude.ReminderPolicy{NoReplyAfter: 3 * day, UnresolvedAfter: 7 * day, ThanksPendingAfter: 2 * day,
			Quiet: quiet.Until, Location: loc},
		Composer: &Composer{Owner: gratitude.Address{Name: "Ada Lovelace", Email: ownerEmail}, ReplyTo: "ada+thanks@example.org",
			Target: gratitude.TargetInbox, Drafts: true, Templates: tpl},
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	return w
}

// berlin is a wall-clock time in Berlin, October–November 2026.
func (w *world) berlin(month time.Month, d, h, m int) time.Time {
	return time.Date(2026, month, d, h, m, 0, 0, w.loc)
}

// commit records one message with its event, as the sync engine does.
func (w *world) commit(mailbox string, id string, ev gratitude.Event, at time.Time) {
	w.t.Helper()
	w.uid++
	m := gratitude.SeenMessage{MessageID: id, Mailbox: mailbox, UIDValidity: 1, UID: w.uid, From: "x@example.org",
		Class: gratitude.ClassReply, SeenAt: at, Event: ev}
	if _, ok := ev.(gratitude.Asked); ok {
		m.Class, m.From = gratitude.ClassAsk, ownerEmail
	}
	cur := gratitude.MailboxCursor{Mailbox: mailbox, UIDValidity: 1, LastUID: w.uid, LastSyncAt: at}
	if err := record.CommitBatch[*store.Tx](w.ctx, w.st, w.acct, cur, []gratitude.SeenMessage{m}); err != nil {
		w.t.Fatal(err)
	}
}

func (w *world) ask(id string, at time.Time, window time.Duration, noremind bool, to ...string) {
	var asked []gratitude.Address
	for _, a := range to {
		asked = append(asked, gratitude.Address{Email: a})
	}
	w.commit("Sent", id, gratitude.Asked{MessageID: id, Subject: "About " + id, NormSubject: "about " + id, At: at,
		Asked: asked, DueAt: at.Add(window), NoRemind: noremind, AskText: "Could you help with " + id + "?"}, at)
}

func (w *world) reply(ask, from string, at time.Time) {
	id := fmt.Sprintf("re-%s-%s", ask, from)
	w.commit("INBOX", id, gratitude.Replied{MessageID: id, At: at, From: gratitude.Address{Email: from},
		Excerpt: "Here is how.", Thread: []string{ask}}, at)
}

func (w *world) resolve(ask string, at time.Time) {
	w.t.Helper()
	for _, r := range w.requests() {
		if r.MessageID == ask {
			if _, err := w.st.Update(w.ctx, w.acct, r.ID, at, gratitude.Deciding(gratitude.Resolve{At: at}, at)); err != nil {
				w.t.Fatal(err)
			}
			return
		}
	}
	w.t.Fatalf("no request %s", ask)
}

func (w *world) requests() []gratitude.Request {
	w.t.Helper()
	rs, err := w.st.Requests(w.ctx, w.acct, "")
	if err != nil {
		w.t.Fatal(err)
	}
	return rs
}

// TestThirtyDaysMinuteByMinute steps the clock a minute at a time from
// 10 October to 9 November 2026 in Berlin (summer time ends on 25
// October), with the daemon down twice, and checks what went into the
// outbox: every reminder exactly once, none inside quiet hours, none for
// noremind, and the ones that fell due while it was down sent once at the
// restart, marked late.
func TestThirtyDaysMinuteByMinute(t *testing.T) {
	w := newWorld(t)
	start, end := w.berlin(10, 10, 0, 0), w.berlin(11, 9, 0, 0)
	downtimes := [][2]time.Time{
		{w.berlin(10, 21, 18, 0), w.berlin(10, 24, 12, 0)},
		{w.berlin(11, 1, 20, 0), w.berlin(11, 2, 12, 0)},
	}
	script := map[time.Time]func(){
		w.berlin(10, 10, 10, 0):  func() { w.ask("silent", w.berlin(10, 10, 10, 0), 3*day, false, "alice@example.net", "bob@example.com") },
		w.berlin(10, 10, 11, 0):  func() { w.ask("noremind", w.berlin(10, 10, 11, 0), 3*day, true, "carol@example.de") },
		w.berlin(10, 11, 22, 30): func() { w.ask("late-night", w.berlin(10, 11, 22, 30), 2*day, false, "dan@example.net") },
		w.berlin(10, 12, 9, 0):   func() { w.ask("answered", w.berlin(10, 12, 9, 0), 3*day, false, "erin@example.com") },
		w.berlin(10, 13, 15, 0):  func() { w.reply("answered", "erin@example.com", w.berlin(10, 13, 15, 0)) },
		w.berlin(10, 14, 9, 0):   func() { w.ask("resolved", w.berlin(10, 14, 9, 0), 3*day, false, "frank@example.de") },
		w.berlin(10, 14, 12, 0):  func() { w.reply("resolved", "frank@example.de", w.berlin(10, 14, 12, 0)) },
		w.berlin(10, 15, 10, 0):  func() { w.resolve("resolved", w.berlin(10, 15, 10, 0)) },
		w.berlin(10, 24, 21, 30): func() { w.ask("dst", w.berlin(10, 24, 21, 30), day, false, "grace@example.com") },
	}
	running := func(now time.Time) bool {
		for _, d := range downtimes {
			if !now.Before(d[0]) && now.Before(d[1]) {
				return false
			}
		}
		return true
	}
	for now := start; now.Before(end); now = now.Add(time.Minute) {
		if f, ok := script[now]; ok {
			f()
		}
		if !running(now) {
			continue
		}
		if _, err := w.runner.Pass(w.ctx, now); err != nil {
			t.Fatalf("pass at %v: %v", now, err)
		}
	}
	out, err := w.st.Outbox(w.ctx, w.acct)
	if err != nil {
		t.Fatal(err)
	}
	restart1, restart2 := downtimes[0][1], downtimes[1][1]
	b := w.berlin
	want := []sent{
		{"", "digest", b(10, 12, 8, 0), false},
		{"silent", "nudge", b(10, 13, 10, 0), false},
		{"late-night", "nudge", b(10, 14, 8, 0), false}, // due 22:30, in quiet hours
		{"late-night", "nudge", b(10, 16, 8, 0), false},
		{"silent", "nudge", b(10, 16, 10, 0), false},
		{"resolved", "thanks-pending", b(10, 17, 10, 0), false},
		{"", "digest", b(10, 19, 8, 0), false},
		{"resolved", "thanks-pending", b(10, 19, 10, 0), false},
		{"late-night", "nudge", b(10, 20, 8, 0), false},
		{"answered", "unresolved", b(10, 20, 15, 0), false},
		// Down 21 Oct 18:00 – 24 Oct 12:00: the nudge due on the 22nd and
		// the reminder due on the 23rd go out once each, late.
		{"silent", "nudge", restart1, true},
		{"resolved", "thanks-pending", restart1, true},
		// Summer time ended on the 25th: due 25 Oct 21:30, quiet until 08:00.
		{"dst", "nudge", b(10, 26, 8, 0), false},
		{"", "digest", b(10, 26, 8, 0), false}, // reminders first, then the digest that lists them
		{"dst", "nudge", b(10, 27, 8, 0), false},
		{"answered", "unresolved", b(10, 27, 15, 0), false}, // a week after 20 Oct 15:00 CEST
		{"dst", "nudge", b(10, 29, 8, 0), false},
		// Down 1 Nov 20:00 – 2 Nov 12:00: Monday's digest, late.
		{"", "digest", restart2, true},
	}
	checkOutbox(t, w, out, want)
}

// sent is one notification seen in the outbox.
type sent struct {
	request, kind string
	at            time.Time
	late          bool
}

func checkOutbox(t *testing.T, w *world, out []gratitude.Outgoing, want []sent) {
	t.Helper()
	byID := map[int64]string{}
	for _, r := range w.requests() {
		byID[r.ID] = r.MessageID
	}
	seen := map[string]int{}
	var got []sent
	drafts := 0
	for _, o := range out {
		if w.quiet.Contains(o.CreatedAt) {
			t.Errorf("%s %s queued at %v, inside quiet hours", o.Kind, o.MessageID, o.CreatedAt.In(w.loc))
		}
		if o.Late && !strings.Contains(string(o.Raw), "late") {
			t.Errorf("late %s does not say it is late", o.Kind)
		}
		seen[o.MessageID]++
		if o.Kind == "followup-draft" {
			drafts++
			continue
		}
		if !slices.Contains(QuietKinds(), o.Kind) {
			t.Errorf("quiet hours would not hold back %s %s after a crash: add its kind to QuietKinds", o.Kind, o.MessageID)
		}
		got = append(got, sent{byID[o.RequestID], o.Kind, o.CreatedAt, o.Late})
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("Message-ID %s queued %d times", id, n)
		}
	}
	if drafts != 9 {
		t.Errorf("%d follow-up drafts, want one per nudge (9)", drafts)
	}
	var gotLines, wantLines []string
	for _, g := range got {
		gotLines = append(gotLines, g.line(w.loc))
	}
	for _, s := range want {
		wantLines = append(wantLines, s.line(w.loc))
	}
	if strings.Join(gotLines, "\n") != strings.Join(wantLines, "\n") {
		t.Errorf("outbox:\n%s\nwant:\n%s", strings.Join(gotLines, "\n"), strings.Join(wantLines, "\n"))
	}
}

func (s sent) line(loc *time.Location) string {
	late := ""
	if s.late {
		late = " LATE"
	}
	return fmt.Sprintf("%s %-14s %s%s", s.at.In(loc).Format("Mon 02 Jan 15:04 MST"), s.kind, s.request, late)
}

func TestTwoPassesDecidingTheSameDigestQueueOne(t *testing.T) {
	w := newWorld(t)
	now := w.berlin(11, 2, 9, 0)
	w.ask("open", now.Add(-time.Hour), 3*day, false, "alice@example.net")
	last := now.Add(-7 * day)
	if err := w.st.SetTimeSetting(w.ctx, w.acct, digestSetting, last, now); err != nil {
		t.Fatal(err)
	}
	for range 2 { // both read last before either wrote
		if _, err := w.runner.SendDigest(w.ctx, last, now, now); err != nil {
			t.Fatal(err)
		}
	}
	out, _ := w.st.Outbox(w.ctx, w.acct)
	if len(out) != 1 {
		t.Errorf("%d digests queued, want 1", len(out))
	}
}

func TestADigestDueInQuietHoursComesAtTheirEndNotLate(t *testing.T) {
	w := newWorld(t)
	daily, _ := config.ParseDigest("daily 07:00", w.loc)
	w.runner.NextDigest = daily.Next
	start := w.berlin(11, 2, 6, 0)
	w.ask("open", start.Add(-time.Hour), 3*day, false, "alice@example.net")
	for now := start; now.Before(start.Add(3 * time.Hour)); now = now.Add(time.Minute) {
		if _, err := w.runner.Pass(w.ctx, now); err != nil {
			t.Fatal(err)
		}
	}
	out, _ := w.st.Outbox(w.ctx, w.acct)
	if len(out) != 1 || out[0].Kind != "digest" || out[0].Late || !out[0].CreatedAt.Equal(w.berlin(11, 2, 8, 0)) {
		for _, o := range out {
			t.Logf("%s at %v late=%v", o.Kind, o.CreatedAt.In(w.loc), o.Late)
		}
		t.Errorf("want one digest at 08:00, the end of quiet hours, not late")
	}
}

func TestAnAddressMailCannotCarryCostsTheDraftNotTheNudge(t *testing.T) {
	w := newWorld(t)
	asked := w.berlin(11, 2, 9, 0)
	w.ask("odd", asked, 3*day, false, `"bob smith"@example.org`)
	w.ask("plain", asked.Add(time.Minute), 3*day, false, "alice@example.net")
	for now := asked.Add(3 * day); now.Before(asked.Add(3*day + 5*time.Minute)); now = now.Add(time.Minute) {
		if _, err := w.runner.Pass(w.ctx, now); err != nil {
			t.Fatalf("pass: %v", err)
		}
	}
	out, _ := w.st.Outbox(w.ctx, w.acct)
	kinds := map[string]int{}
	for _, o := range out {
		kinds[o.Kind]++
	}
	if kinds["nudge"] != 2 {
		t.Errorf("outbox %v; want both nudges", kinds)
	}
}
