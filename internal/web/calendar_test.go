package web_test

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"gratitude"
	"gratitude/internal/owner"
	"gratitude/internal/web"
)

// icsEvent is one VEVENT's properties, unfolded, by name.
type icsEvent map[string]string

// readICS checks an ICS file's form (RFC 5545 3.1: CRLF line ends, lines
// of at most 75 octets, folded by CRLF and one space, never inside a
// UTF-8 sequence) and returns its calendar properties and its events.
func readICS(t *testing.T, body string) (map[string]string, []icsEvent) {
	t.Helper()
	if !strings.HasSuffix(body, "\r\n") {
		t.Fatalf("the feed does not end with CRLF: %q", body[max(0, len(body)-20):])
	}
	var lines []string
	for i, l := range strings.Split(strings.TrimSuffix(body, "\r\n"), "\r\n") {
		if strings.ContainsAny(l, "\r\n") {
			t.Errorf("line %d holds a bare CR or LF: %q", i+1, l)
		}
		if len(l) > 75 {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
		if rest, ok := strings.CutPrefix(l, " "); ok && len(lines) > 0 {
			lines[len(lines)-1] += rest
			continue
		}
		lines = append(lines, l)
	}
	if len(lines) < 2 || lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Fatalf("not one VCALENDAR:\n%s", body)
	}
	cal := map[string]string{}
	var events []icsEvent
	var ev icsEvent
	for _, l := range lines[1 : len(lines)-1] {
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			t.Fatalf("a line without a colon: %q", l)
		}
		switch {
		case l == "BEGIN:VEVENT":
			ev = icsEvent{}
		case l == "END:VEVENT":
			events, ev = append(events, ev), nil
		case ev != nil:
			ev[name] = value
		default:
			cal[name] = value
		}
	}
	return cal, events
}

// icsUnescape reads a TEXT value (RFC 5545 3.3.11).
func icsUnescape(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n", `\N`, "\n").Replace(s)
}

// The feed at its secret address is one VCALENDAR with an event per
// reminder to come, at the instant it falls due: the nudge of an open
// ask, "is this done?" of an answered one, the thanks reminder of a
// resolved one; nothing for history, a cancelled or a thanked request.
// Subjects are escaped, and long lines folded between characters.
func TestCalendarFeed(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	long := strings.Repeat("Überraschung für 日本の友達, ça va; a\\b — ", 4)
	ids := s.ask(t, []gratitude.Asked{
		{MessageID: "open@example.org", Subject: long, NormSubject: "long", At: t0, Asked: []gratitude.Address{alice}},
		{MessageID: "answered@example.org", Subject: "Answered", NormSubject: "answered", At: t0, Asked: []gratitude.Address{alice}},
		{MessageID: "resolved@example.org", Subject: "Resolved", NormSubject: "resolved", At: t0, Asked: []gratitude.Address{alice}},
		{MessageID: "cancelled@example.org", Subject: "Cancelled", NormSubject: "cancelled", At: t0, Asked: []gratitude.Address{alice}},
	}, false)
	s.ask(t, []gratitude.Asked{{MessageID: "past@example.org", Subject: "Past", NormSubject: "past", At: t0.Add(-90 * 24 * time.Hour),
		Asked: []gratitude.Address{alice}}}, true)
	s.reply(t, []gratitude.SeenMessage{replyTo(ids[1], "answered@example.org", alice, t0.Add(time.Hour)),
		replyTo(ids[2], "resolved@example.org", carol, t0.Add(time.Hour))})
	s.clock.Add(3 * time.Hour)
	s.do(t, ids[2], owner.Resolve(""))
	s.do(t, ids[3], owner.Verb(gratitude.VerbCancel))
	resolvedAt := s.clock.Now()

	feed, err := web.CalendarLink(context.Background(), s.st, s.acct, s.base, s.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	b := s.browser(t) // no session: the feed's address is its secret
	a := b.get(strings.TrimPrefix(feed, s.base))
	if a.StatusCode != http.StatusOK || a.Header.Get("Content-Type") != "text/calendar; charset=utf-8" {
		t.Fatalf("the feed: %d %q\n%s", a.StatusCode, a.Header.Get("Content-Type"), a.body)
	}
	cal, events := readICS(t, a.body)
	if cal["VERSION"] != "2.0" || cal["PRODID"] == "" {
		t.Errorf("calendar properties %v", cal)
	}
	want := map[int64]time.Time{
		ids[0]: t0.Add(48 * time.Hour),                // nobody answered: the nudge
		ids[1]: t0.Add(time.Hour).Add(72 * time.Hour), // answered: is this done?
		ids[2]: resolvedAt.Add(72 * time.Hour),        // resolved, Carol not thanked
	}
	if len(events) != len(want) {
		t.Fatalf("%d events, want %d:\n%s", len(events), len(want), a.body)
	}
	var uids []string
	for _, ev := range events {
		var id int64
		for req := range want {
			if ev["URL"] == s.base+"/requests/"+itoa(req) {
				id = req
			}
		}
		if id == 0 {
			t.Errorf("an event for no request expected: %v", ev)
			continue
		}
		if got := ev["DTSTART"]; got != want[id].UTC().Format("20060102T150405Z") {
			t.Errorf("request %d: DTSTART %s, want %s", id, got, want[id].UTC().Format("20060102T150405Z"))
		}
		if ev["DTSTAMP"] == "" || ev["UID"] == "" || ev["DURATION"] == "" {
			t.Errorf("request %d: an event without DTSTAMP, UID or DURATION: %v", id, ev)
		}
		uids = append(uids, ev["UID"])
		if id == ids[0] {
			summary := icsUnescape(ev["SUMMARY"])
			if !strings.HasSuffix(summary, ": "+long) {
				t.Errorf("the long subject came back as %q", summary)
			}
			if strings.Contains(ev["SUMMARY"], "a\\b") || !strings.Contains(ev["SUMMARY"], `\,`) || !strings.Contains(ev["SUMMARY"], `\;`) {
				t.Errorf("the subject's , ; and \\ are not escaped: %q", ev["SUMMARY"])
			}
			if strings.Contains(ev["DESCRIPTION"], "\n") || !strings.Contains(ev["DESCRIPTION"], `\n`) {
				t.Errorf("the description's line break is not escaped: %q", ev["DESCRIPTION"])
			}
		}
	}
	slices.Sort(uids)
	if len(slices.Compact(uids)) != len(want) {
		t.Errorf("UIDs not distinct: %v", uids)
	}
}

// Any other address under /calendar/ is a 404, the same as for a feed
// that does not exist: a wrong token, the token without .ics, another
// file.
func TestCalendarFeedWrongTokenIsNotFound(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	s.budget(t)
	feed, err := web.CalendarLink(context.Background(), s.st, s.acct, s.base, s.clock.Now())
	if err != nil {
		t.Fatal(err)
	}
	path := strings.TrimPrefix(feed, s.base)
	tok := strings.TrimSuffix(strings.TrimPrefix(path, "/calendar/"), ".ics")
	b := s.browser(t)
	for _, p := range []string{"/calendar/" + tok[:len(tok)-1] + "A.ics", "/calendar/" + tok, "/calendar/" + tok + ".ical",
		"/calendar/.ics", "/calendar/" + strings.ToLower(tok) + ".ics", "/calendar/" + tok + tok + ".ics"} {
		if a := b.get(p); a.StatusCode != http.StatusNotFound || strings.Contains(a.body, "VCALENDAR") {
			t.Errorf("GET %s: %d\n%s", p, a.StatusCode, a.body)
		}
	}
	if a := b.get(path); a.StatusCode != http.StatusOK {
		t.Errorf("the right address: %d", a.StatusCode)
	}
	again, _ := web.CalendarLink(context.Background(), s.st, s.acct, s.base, s.clock.Now())
	if again != feed {
		t.Errorf("the feed's address changed: %s, then %s", feed, again)
	}
}

// Folding never splits a character, wherever the 75th octet falls: a
// subject of two-, three- and four-octet characters at every offset.
func TestCalendarFoldsBetweenCharacters(t *testing.T) {
	for _, ch := range []string{"é", "日", "😀"} {
		for pad := range 4 {
			s := newWorld(t).serve(t, siteOptions{})
			subject := strings.Repeat("x", pad) + strings.Repeat(ch, 60)
			s.ask(t, []gratitude.Asked{{MessageID: "a@example.org", Subject: subject, NormSubject: "a", At: t0,
				Asked: []gratitude.Address{alice}}}, false)
			feed, _ := web.CalendarLink(context.Background(), s.st, s.acct, s.base, s.clock.Now())
			a := s.browser(t).get(strings.TrimPrefix(feed, s.base))
			_, events := readICS(t, a.body)
			if len(events) != 1 || !strings.HasSuffix(icsUnescape(events[0]["SUMMARY"]), ": "+subject) {
				t.Errorf("%q padded by %d: events %v", ch, pad, events)
			}
		}
	}
}

// Asking for a feed writes nothing: before the Health page made the
// feed's secret there is none to guess, and a guess does not make one.
func TestCalendarGuessWritesNothing(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	b := s.browser(t)
	for _, p := range []string{"/calendar/guess.ics", "/calendar/.ics"} {
		if a := b.get(p); a.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s before any feed: %d", p, a.StatusCode)
		}
	}
	if _, made, err := s.st.Setting(context.Background(), s.acct, "calendar_token"); made || err != nil {
		t.Errorf("a guess at the feed made its secret (%v)", err)
	}
	owner := s.browser(t)
	owner.signIn()
	if a := owner.get("/health"); !strings.Contains(a.body, s.base+"/calendar/") {
		t.Fatalf("Health shows no feed address:\n%s", a.body)
	}
	if _, made, _ := s.st.Setting(context.Background(), s.acct, "calendar_token"); !made {
		t.Error("Health showed an address without making its secret")
	}
}
