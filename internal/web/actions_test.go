package web_test

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/owner"
	"gratitude/internal/web"
)

// snapshot is everything an action could change in the store.
type snapshot struct {
	Requests []gratitude.Request
	Drafts   []gratitude.Draft
	Outbox   []gratitude.Outgoing
	Events   map[int64][]gratitude.LogEntry
	People   []gratitude.Person
}

func (w *world) snapshot(tb testing.TB) snapshot {
	tb.Helper()
	ctx := context.Background()
	var s snapshot
	var err error
	if s.Requests, err = w.st.Requests(ctx, w.acct, ""); err != nil {
		tb.Fatal(err)
	}
	if s.Drafts, err = w.st.Drafts(ctx, w.acct, 0); err != nil {
		tb.Fatal(err)
	}
	if s.Outbox, err = w.st.Outbox(ctx, w.acct); err != nil {
		tb.Fatal(err)
	}
	if s.People, err = w.st.People(ctx, w.acct); err != nil {
		tb.Fatal(err)
	}
	s.Events = map[int64][]gratitude.LogEntry{}
	for _, r := range s.Requests {
		if s.Events[r.ID], err = w.st.Events(ctx, r.ID); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

// dave helped with the flat, and his address is filed under Carol's.
var dave = gratitude.Address{Name: "Dave", Email: "dave@example.com"}

// targets are what the POST routes act on: an answered request, a
// resolved one with two pending drafts, and a past one; Dave's address
// linked to Carol.
type targets struct{ answered, drafted, past, draft int64 }

func (w *world) targets(tb testing.TB) targets {
	tb.Helper()
	var x targets
	x.answered = w.budget(tb)
	x.drafted = w.ask(tb, []gratitude.Asked{{MessageID: "flat@example.org", Subject: "Flat", NormSubject: "flat", At: t0,
		Asked: []gratitude.Address{alice}}}, false)[0]
	w.reply(tb, []gratitude.SeenMessage{replyTo(x.drafted, "flat@example.org", alice, t0.Add(time.Hour)),
		replyTo(x.drafted, "flat@example.org", carol, t0.Add(time.Hour)), replyTo(x.drafted, "flat@example.org", dave, t0.Add(time.Hour))})
	if _, err := (owner.Linker{Store: w.st, Account: w.acct}).Link(context.Background(), dave.Email, carol.Email); err != nil {
		tb.Fatal(err)
	}
	w.do(tb, x.drafted, owner.Resolve(""))
	x.draft = w.drafts(tb, x.drafted)[0].ID
	x.past = w.ask(tb, []gratitude.Asked{{MessageID: "old@example.org", Subject: "Old", NormSubject: "old", At: t0.Add(-60 * 24 * time.Hour),
		Asked: []gratitude.Address{carol}}}, true)[0]
	return x
}

// postRoute is one POST the page takes, with a form that does something.
type postRoute struct {
	name string
	path func(targets) string
	form url.Values
}

var postRoutes = []postRoute{
	{"resolve", func(x targets) string { return "/requests/" + itoa(x.answered) + "/resolve" }, url.Values{"outcome": {"done"}}},
	{"cancel", func(x targets) string { return "/requests/" + itoa(x.answered) + "/cancel" }, url.Values{}},
	{"snooze", func(x targets) string { return "/requests/" + itoa(x.answered) + "/snooze" }, url.Values{"for": {"3d"}}},
	{"helped", func(x targets) string { return "/requests/" + itoa(x.answered) + "/helped" }, url.Values{"who": {"bob@example.org"}}},
	{"approve all", func(x targets) string { return "/requests/" + itoa(x.drafted) + "/approve" }, url.Values{}},
	{"track", func(x targets) string { return "/requests/" + itoa(x.past) + "/track" }, url.Values{}},
	{"approve", func(x targets) string { return "/drafts/" + itoa(x.draft) + "/approve" }, url.Values{}},
	{"skip", func(x targets) string { return "/drafts/" + itoa(x.draft) + "/skip" }, url.Values{}},
	{"edit", func(x targets) string { return "/drafts/" + itoa(x.draft) + "/edit" }, url.Values{"text": {"Thanks a lot, Alice."}}},
	{"link", func(targets) string { return "/people/link" }, url.Values{"address": {alice.Email}, "into": {carol.Email}}},
	{"unlink", func(targets) string { return "/people/unlink" }, url.Values{"address": {dave.Email}}},
}

// crossOrigin are the ways a browser marks a POST another site made.
var crossOrigin = []map[string]string{
	{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
	{"Origin": "http://sub.127.0.0.1.example", "Sec-Fetch-Site": "same-site"},
	{"Origin": "https://evil.example", "Sec-Fetch-Site": ""}, // an older browser: the Origin alone
	{"Origin": "null", "Sec-Fetch-Site": ""},
}

// Every POST that acts is refused without a session (401), and, signed
// in, from another origin (403); either way the store is left as it was.
// The same POST from the page itself does change it, so the refusals are
// what kept it unchanged.
func TestEveryActionNeedsASessionAndTheSameOrigin(t *testing.T) {
	for _, r := range postRoutes {
		t.Run(r.name, func(t *testing.T) {
			s := newWorld(t).serve(t, siteOptions{})
			path := r.path(s.targets(t))
			before := s.snapshot(t)
			stranger := s.browser(t)
			if a := stranger.post(path, r.form); a.StatusCode != http.StatusUnauthorized || !strings.Contains(a.body, "gratitude open") {
				t.Errorf("without a session: %d %q, want 401", a.StatusCode, a.body)
			}
			stranger.http.Jar.SetCookies(mustURL(s.base), []*http.Cookie{{Name: "gratitude", Value: "forged", Path: "/"}})
			if a := stranger.post(path, r.form); a.StatusCode != http.StatusUnauthorized {
				t.Errorf("with a made-up session: %d, want 401", a.StatusCode)
			}
			b := s.browser(t)
			b.signIn()
			for _, h := range crossOrigin {
				if a := b.do(http.MethodPost, path, r.form, h); a.StatusCode != http.StatusForbidden {
					t.Errorf("signed in, from %v: %d, want 403", h, a.StatusCode)
				}
			}
			if after := s.snapshot(t); !reflect.DeepEqual(before, after) {
				t.Fatalf("a refused POST changed the store:\nbefore %+v\nafter  %+v", before, after)
			}
			if a := b.post(path, r.form); a.StatusCode != http.StatusSeeOther {
				t.Fatalf("from the page itself: %d\n%s", a.StatusCode, a.body)
			}
			if reflect.DeepEqual(before, s.snapshot(t)) {
				t.Error("the POST from the page itself changed nothing either: the refusals prove nothing")
			}
		})
	}
}

// Signing in and out are POSTs too: from another origin a link is not
// spent, a password not tried, and a session not ended.
func TestSignInAndOutRefuseOtherOrigins(t *testing.T) {
	const pw = "correct horse battery staple"
	s := newWorld(t).serve(t, withPassword(web.HashPassword(pw)))
	link := s.link(t)
	b := s.browser(t)
	for _, h := range crossOrigin {
		if a := b.do(http.MethodPost, link, url.Values{}, h); a.StatusCode != http.StatusForbidden || b.session() != nil {
			t.Errorf("the link from %v: %d", h, a.StatusCode)
		}
		if a := b.do(http.MethodPost, "/signin", url.Values{"password": {pw}}, h); a.StatusCode != http.StatusForbidden || b.session() != nil {
			t.Errorf("the password from %v: %d", h, a.StatusCode)
		}
	}
	if a := b.post(link, nil); a.StatusCode != http.StatusSeeOther || !b.signedIn() {
		t.Fatalf("the link, after the refusals: %d; it was spent by a refused POST", a.StatusCode)
	}
	for _, h := range crossOrigin {
		if a := b.do(http.MethodPost, "/signout", url.Values{}, h); a.StatusCode != http.StatusForbidden {
			t.Errorf("sign out from %v: %d", h, a.StatusCode)
		}
	}
	if !b.signedIn() {
		t.Error("a sign-out from another origin ended the session")
	}
}

// "Approve all" approves the drafts the page showed: a draft written
// since (a helper who answered late) waits to be seen, as on a card.
func TestApproveAllApprovesWhatThePageShowed(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	x := s.targets(t)
	b := s.browser(t)
	b.signIn()
	page := b.get("/drafts").body
	form := url.Values{}
	for _, m := range shownDraftRe.FindAllStringSubmatch(page, -1) {
		form.Add("draft", m[1])
	}
	if len(form["draft"]) != 3 {
		t.Fatalf("the page shows %d drafts in its approve-all form, want 3:\n%s", len(form["draft"]), page)
	}
	erin := gratitude.Address{Name: "Erin", Email: "erin@example.net"}
	s.reply(t, []gratitude.SeenMessage{replyTo(x.drafted, "flat@example.org", erin, t0.Add(90*time.Minute))})
	if err := s.st.AddDrafts(context.Background(), s.acct, []gratitude.Draft{{RequestID: x.drafted, To: erin,
		MessageID: "thanks-erin@gratitude.test", InReplyTo: "reply-" + itoa(x.drafted) + "-" + erin.Email, Subject: "Re: Flat",
		Text: "Thank you, Erin"}}, s.clock.Now()); err != nil {
		t.Fatal(err)
	}
	if a := b.post("/requests/"+itoa(x.drafted)+"/approve", form); a.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve all: %d\n%s", a.StatusCode, a.body)
	}
	for _, d := range s.drafts(t, x.drafted) {
		want := gratitude.DraftApproved
		if d.To.Email == erin.Email {
			want = gratitude.DraftPending
		}
		if d.State != want {
			t.Errorf("the draft to %s is %s, want %s", d.To.Email, d.State, want)
		}
	}
}

var shownDraftRe = regexp.MustCompile(`<input type="hidden" name="draft" value="(\d+)">`)

// After an action the page goes back where the form said, only ever to a
// path of its own: never to another site, however the address is dressed
// (a browser drops tabs and newlines in an address, and reads \ as /).
func TestActionsGoBackOnlyToThePagesOwnPaths(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	req := s.budget(t)
	b := s.browser(t)
	b.signIn()
	home := "/requests/" + itoa(req)
	for back, want := range map[string]string{
		"/drafts": "/drafts", "/requests?state=open": "/requests?state=open",
		"//evil.example": home, "https://evil.example/": home, "/\\evil.example": home, "/\t/evil.example": home,
		"/\n/evil.example": home, "/\r/evil.example": home, " //evil.example": home, "/%09/evil.example": "/%09/evil.example", "": home,
	} {
		// A round trip alone: the client would refuse to read some of
		// these Locations, which is the point.
		r, _ := http.NewRequest(http.MethodPost, s.base+home+"/snooze", strings.NewReader(url.Values{"for": {"3d"}, "back": {back}}.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.AddCookie(b.session())
		resp, err := b.http.Transport.RoundTrip(r)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if loc := resp.Header.Get("Location"); resp.StatusCode != http.StatusSeeOther || loc != want {
			t.Errorf("back %q: %d to %q, want %q", back, resp.StatusCode, loc, want)
		}
	}
}
