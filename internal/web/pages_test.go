package web_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/owner"
	"gratitude/internal/record"
	"gratitude/store"
)

// sendQueued does what the outbox does with each queued thank-you: it
// leaves by SMTP at at, then its draft is sent and its helper thanked.
func (w *world) sendQueued(tb testing.TB, at time.Time) {
	tb.Helper()
	ctx := context.Background()
	for {
		o, ok, err := w.st.ClaimOutgoing(ctx, w.acct, []gratitude.Target{gratitude.TargetSMTP}, at, time.Minute)
		if err != nil {
			tb.Fatal(err)
		}
		if !ok {
			return
		}
		if err := w.st.MarkSent(ctx, o, at); err != nil {
			tb.Fatal(err)
		}
		if err := record.FollowUp[*store.Tx](ctx, w.st, o, at); err != nil {
			tb.Fatal(err)
		}
	}
}

// everyState makes a request in each state a page can show, and drafts
// in each of theirs; it returns the requests by what they are.
func (w *world) everyState(tb testing.TB) map[string]int64 {
	tb.Helper()
	var asks []gratitude.Asked
	names := []string{"open", "answered", "drafted", "half-approved", "thanked", "cancelled", "snoozed"}
	for i, name := range names {
		asks = append(asks, gratitude.Asked{MessageID: name + "@example.org", Subject: "Ask " + name, NormSubject: "ask " + name,
			At: t0.Add(time.Duration(i) * time.Minute), Asked: []gratitude.Address{alice}})
	}
	ids := w.ask(tb, asks, false)
	reqs := map[string]int64{}
	var replies []gratitude.SeenMessage
	for i, name := range names {
		reqs[name] = ids[i]
		if name != "open" {
			replies = append(replies, replyTo(ids[i], name+"@example.org", alice, t0.Add(time.Hour)),
				replyTo(ids[i], name+"@example.org", carol, t0.Add(time.Hour)))
		}
	}
	w.reply(tb, replies)
	reqs["past"] = w.ask(tb, []gratitude.Asked{{MessageID: "past@example.org", Subject: "Ask past", NormSubject: "ask past",
		At: t0.Add(-30 * 24 * time.Hour), Asked: []gratitude.Address{carol}}}, true)[0]
	w.do(tb, reqs["drafted"], owner.Resolve("we found a flat"))
	w.do(tb, reqs["thanked"], owner.Resolve(""), approveWho(""))
	w.sendQueued(tb, w.clock.Now())
	w.do(tb, reqs["half-approved"], owner.Resolve(""), approveWho("alice"), skipWho("carol")) // alice's not sent yet
	w.do(tb, reqs["cancelled"], owner.Verb(gratitude.VerbCancel))
	w.do(tb, reqs["snoozed"], owner.Action{Command: gratitude.Command{Verb: gratitude.VerbSnooze, Until: t0.Add(7 * 24 * time.Hour), Line: "snooze 7d"}})
	return reqs
}

func approveWho(who string) owner.Action {
	return owner.Action{Command: gratitude.Command{Verb: gratitude.VerbApprove, Who: who, Line: "approve " + who}}
}

func skipWho(who string) owner.Action {
	return owner.Action{Command: gratitude.Command{Verb: gratitude.VerbSkip, Who: who, Line: "skip " + who}}
}

// Every page renders, for a request in every state and a draft in every
// state: the page itself, and the card htmx swaps in.
func TestEveryPageRendersInEveryState(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	reqs := s.everyState(t)
	if r, _ := s.st.Request(context.Background(), s.acct, reqs["thanked"]); r.State != gratitude.StateThanked {
		t.Fatalf("the thanked request is %s", r.State)
	}
	b := s.browser(t)
	b.signIn()
	for _, path := range []string{"/", "/requests", "/requests?q=ask", "/requests?state=cancelled", "/drafts", "/people", "/health"} {
		if a := b.get(path); a.StatusCode != http.StatusOK || !strings.HasSuffix(a.body, "</html>") {
			t.Errorf("GET %s: %d\n%s", path, a.StatusCode, a.body)
		}
	}
	states := map[gratitude.DraftState]bool{}
	for name, id := range reqs {
		path := "/requests/" + itoa(id)
		if a := b.get(path); a.StatusCode != http.StatusOK || !strings.Contains(a.body, "Ask "+name) || !strings.HasSuffix(a.body, "</html>") {
			t.Errorf("GET %s (%s): %d\n%s", path, name, a.StatusCode, a.body)
		}
		for _, d := range s.drafts(t, id) {
			states[d.State] = true
			path := "/drafts/" + itoa(d.ID)
			if a := b.get(path); a.StatusCode != http.StatusOK || !strings.HasSuffix(a.body, "</html>") {
				t.Errorf("GET %s (%s, %s): %d\n%s", path, name, d.State, a.StatusCode, a.body)
			}
			card := b.do(http.MethodGet, path+"?part=card", nil, map[string]string{"HX-Request": "true"})
			if card.StatusCode != http.StatusOK || !strings.HasPrefix(card.body, fmt.Sprintf(`<article class="draft draft-%s" id="draft-%d"`, d.State, d.ID)) {
				t.Errorf("GET %s?part=card (%s, %s) by htmx: %d\n%s", path, name, d.State, card.StatusCode, card.body)
			}
		}
	}
	for _, st := range []gratitude.DraftState{gratitude.DraftPending, gratitude.DraftApproved, gratitude.DraftSent, gratitude.DraftSkipped} {
		if !states[st] {
			t.Errorf("no draft %s was shown", st)
		}
	}
}

// The list shows fifty requests a page, newest ask first, with links to
// the pages beside; a page past the last shows the last.
func TestRequestsListPages(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	var asks []gratitude.Asked
	for i := range 120 {
		asks = append(asks, gratitude.Asked{MessageID: fmt.Sprintf("ask-%d@example.org", i), Subject: fmt.Sprintf("Ask number %03d", i),
			NormSubject: fmt.Sprintf("ask %d", i), At: t0.Add(time.Duration(i) * time.Minute), Asked: []gratitude.Address{alice}})
	}
	s.ask(t, asks, false)
	b := s.browser(t)
	b.signIn()
	rows := func(body string) []string { return subjectRe.FindAllString(body, -1) }
	first := b.get("/requests")
	if got := rows(first.body); len(got) != 50 || got[0] != "Ask number 119" || got[49] != "Ask number 070" {
		t.Errorf("the first page: %d rows, %v", len(got), got)
	}
	if !strings.Contains(first.body, `href="/requests?page=2" rel="next"`) || strings.Contains(first.body, `rel="prev"`) {
		t.Errorf("the first page's links:\n%s", first.body)
	}
	for _, path := range []string{"/requests?page=3", "/requests?page=99"} {
		a := b.get(path)
		if got := rows(a.body); len(got) != 20 || got[0] != "Ask number 019" || got[19] != "Ask number 000" {
			t.Errorf("%s: %d rows, %v", path, len(got), got)
		}
		if !strings.Contains(a.body, `href="/requests?page=2" rel="prev"`) || strings.Contains(a.body, `rel="next"`) {
			t.Errorf("%s: the links:\n%s", path, a.body)
		}
	}
	if got := rows(b.get("/requests?q=number+11&page=1").body); len(got) != 10 || got[0] != "Ask number 119" {
		t.Errorf("a search: %v", got)
	}
}

var subjectRe = regexp.MustCompile(`Ask number \d{3}`)

// Drafts lists what waits, by request, and lately decided drafts, newest
// first: approved, sent or skipped, never one still waiting.
func TestDraftsPageListsDecidedNewestFirst(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	reqs := s.everyState(t)
	b := s.browser(t)
	b.signIn()
	body := b.get("/drafts").body
	_, lately, ok := strings.Cut(body, `id="h-recent"`)
	if !ok {
		t.Fatalf("no Lately section:\n%s", body)
	}
	var got []int64
	for _, m := range draftLinkRe.FindAllStringSubmatch(lately, -1) {
		id, _ := strconv.ParseInt(m[1], 10, 64)
		got = append(got, id)
	}
	var want []int64
	for _, name := range []string{"half-approved", "thanked"} {
		for _, d := range s.drafts(t, reqs[name]) {
			want = append(want, d.ID)
		}
	}
	slices.Sort(want)
	slices.Reverse(want)
	if !slices.Equal(got, want) {
		t.Errorf("Lately lists drafts %v, want %v", got, want)
	}
}

var draftLinkRe = regexp.MustCompile(`<td><a href="/drafts/(\d+)">`)
