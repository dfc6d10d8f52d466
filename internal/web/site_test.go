package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/config"
	"gratitude/internal/owner"
	"gratitude/internal/record"
	"gratitude/internal/web"
	"gratitude/store"
)

// t0 is when the tests' world begins.
var t0 = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// policy is the reminders' windows the page is built with: nudge after
// two days, "is this done?" and the thanks reminder after three.
var policy = gratitude.ReminderPolicy{NoReplyAfter: 48 * time.Hour, UnresolvedAfter: 72 * time.Hour, ThanksPendingAfter: 72 * time.Hour}

// testClock is the page's clock, moved by the test.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// drafter keeps drafts in the real store as the thanks runner does, with
// a one-line text (and an HTML part) instead of a template.
type drafter struct {
	st   *store.Store
	acct int64
}

func (d *drafter) Draft(ctx context.Context, req gratitude.Request, now time.Time) (int, error) {
	var out []gratitude.Draft
	for _, h := range req.Helpers {
		if h.Thanked() || h.Skipped {
			continue
		}
		out = append(out, gratitude.Draft{RequestID: req.ID, To: gratitude.Address{Name: h.Name, Email: h.Email},
			MessageID: fmt.Sprintf("thanks-%d-%s@gratitude.test", req.ID, h.Email), InReplyTo: h.LastMessageID,
			Subject: "Re: " + req.Subject, Text: "Thank you, " + h.Name, HTML: "<p>Thank you, <b>" + h.Name + "</b></p>",
			State: gratitude.DraftPending})
	}
	return len(out), d.st.AddDrafts(ctx, d.acct, out, now)
}

func (d *drafter) Present(ctx context.Context, requestID int64, now time.Time) error {
	return d.st.DeliverDrafts(ctx, d.acct, requestID, nil, now)
}

func (d *drafter) Approve(ctx context.Context, dr gratitude.Draft, now time.Time) error {
	o := gratitude.Outgoing{RequestID: dr.RequestID, Kind: "thank-you", Target: gratitude.TargetSMTP, Sender: "ada@example.org",
		Recipients: []string{dr.To.Email}, Subject: dr.Subject, MessageID: dr.MessageID, Raw: []byte("Subject: thanks\r\n\r\nThanks\r\n")}
	return d.st.ApproveDraft(ctx, d.acct, dr, []gratitude.Outgoing{o}, now)
}

func (d *drafter) Edit(ctx context.Context, dr gratitude.Draft, text string, now time.Time) error {
	old := dr.MessageID
	dr.Text, dr.MessageID = text, old+".edited"
	return d.st.EditDraft(ctx, d.acct, dr, old, nil, now)
}

func (d *drafter) Drop(ctx context.Context, dr gratitude.Draft, reason string, now time.Time) error {
	return d.st.SkipDraft(ctx, d.acct, dr, reason, now)
}

// world is a real store and the owner's service over it.
type world struct {
	st    *store.Store
	acct  int64
	clock *testClock
	svc   *owner.Service
}

func newWorld(tb testing.TB) *world {
	tb.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(tb.TempDir(), "g.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { st.Close() })
	acct, err := st.Account(ctx, "ada@example.org")
	if err != nil {
		tb.Fatal(err)
	}
	return &world{st: st, acct: acct, clock: &testClock{now: t0.Add(2 * time.Hour)},
		svc: &owner.Service{Store: st, Account: acct, Drafter: &drafter{st: st, acct: acct}}}
}

// ask records asks in Sent, each asking its people, and returns the
// requests they made in order.
func (w *world) ask(tb testing.TB, asks []gratitude.Asked, past bool) []int64 {
	tb.Helper()
	ctx := context.Background()
	cur, err := w.st.Cursor(ctx, w.acct, "Sent")
	if err != nil {
		tb.Fatal(err)
	}
	msgs := make([]gratitude.SeenMessage, 0, len(asks))
	for i, a := range asks {
		msgs = append(msgs, gratitude.SeenMessage{MessageID: a.MessageID, Mailbox: "Sent", UIDValidity: 1, UID: cur.LastUID + uint32(i) + 1,
			From: "ada@example.org", Subject: a.Subject, Class: gratitude.ClassAsk, SeenAt: a.At, Event: a, Past: past})
	}
	w.commit(tb, "Sent", cur.LastUID, msgs)
	ids := make([]string, len(asks))
	for i, a := range asks {
		ids[i] = a.MessageID
	}
	byID, err := w.st.ThreadRequests(ctx, w.acct, ids)
	if err != nil {
		tb.Fatal(err)
	}
	out := make([]int64, len(asks))
	for i, id := range ids {
		if out[i] = byID[id]; out[i] == 0 {
			tb.Fatalf("the ask %s made no request", id)
		}
	}
	return out
}

// reply records replies in INBOX, each to its request.
func (w *world) reply(tb testing.TB, replies []gratitude.SeenMessage) {
	tb.Helper()
	cur, err := w.st.Cursor(context.Background(), w.acct, "INBOX")
	if err != nil {
		tb.Fatal(err)
	}
	for i := range replies {
		r := &replies[i]
		r.Mailbox, r.UIDValidity, r.UID, r.Class = "INBOX", 1, cur.LastUID+uint32(i)+1, gratitude.ClassReply
		if r.SeenAt.IsZero() {
			r.SeenAt = r.Event.(gratitude.Replied).At
		}
	}
	w.commit(tb, "INBOX", cur.LastUID, replies)
}

func (w *world) commit(tb testing.TB, mailbox string, last uint32, msgs []gratitude.SeenMessage) {
	tb.Helper()
	cur := gratitude.MailboxCursor{Mailbox: mailbox, UIDValidity: 1, LastUID: last + uint32(len(msgs))}
	if err := record.CommitBatch[*store.Tx](context.Background(), w.st, w.acct, cur, msgs); err != nil {
		tb.Fatal(err)
	}
}

// replyTo is who's reply to a request's ask, at.
func replyTo(req int64, ask string, who gratitude.Address, at time.Time) gratitude.SeenMessage {
	id := fmt.Sprintf("reply-%d-%s", req, who.Email)
	return gratitude.SeenMessage{MessageID: id, From: who.Email, RequestID: req, Subject: "Re",
		Event: gratitude.Replied{MessageID: id, At: at, From: who, Excerpt: "Here you go.", Thread: []string{ask}}}
}

var (
	alice = gratitude.Address{Name: "Alice Martin", Email: "alice@example.net"}
	carol = gratitude.Address{Name: "Carol Diaz", Email: "carol@example.org"}
)

// budget records the ask "Budget review" to Alice at t0 that Alice and
// Carol answered an hour later, and returns its request.
func (w *world) budget(tb testing.TB) int64 {
	tb.Helper()
	req := w.ask(tb, []gratitude.Asked{{MessageID: "budget@example.org", Subject: "Budget review", NormSubject: "budget review",
		At: t0, Asked: []gratitude.Address{alice}}}, false)[0]
	w.reply(tb, []gratitude.SeenMessage{replyTo(req, "budget@example.org", alice, t0.Add(time.Hour)),
		replyTo(req, "budget@example.org", carol, t0.Add(time.Hour))})
	return req
}

// do carries out the owner's actions on a request as the page would.
func (w *world) do(tb testing.TB, req int64, acts ...owner.Action) owner.Report {
	tb.Helper()
	rep, err := w.svc.Do(context.Background(), req, acts, w.clock.Now())
	if err != nil {
		tb.Fatal(err)
	}
	return rep
}

// drafts returns a request's drafts.
func (w *world) drafts(tb testing.TB, req int64) []gratitude.Draft {
	tb.Helper()
	ds, err := w.st.Drafts(context.Background(), w.acct, req)
	if err != nil {
		tb.Fatal(err)
	}
	return ds
}

// backend is what the daemon gives the page, over the world.
func (w *world) backend() web.Backend {
	return web.Backend{
		Queries: owner.Queries{Store: w.st, Account: w.acct},
		Act: func(ctx context.Context, request int64, acts []owner.Action) (owner.Report, error) {
			return w.svc.Do(ctx, request, acts, w.clock.Now())
		},
		Link: func(ctx context.Context, a, b string) ([]string, error) {
			return owner.Linker{Store: w.st, Account: w.acct}.Link(ctx, a, b)
		},
		Unlink: func(ctx context.Context, a string) error {
			return owner.Linker{Store: w.st, Account: w.acct}.Unlink(ctx, a)
		},
		Tokens:    w.st,
		Policy:    policy,
		Clock:     w.clock,
		Location:  time.UTC,
		OwnerName: "Ada Lovelace",
	}
}

// site is the page served over the world.
type site struct {
	*world
	ts   *httptest.Server
	base string
}

// siteOptions change how the page is set up.
type siteOptions struct {
	tls  bool               // serve HTTPS (http.url https://…)
	http func(*config.HTTP) // change the http settings
}

// serve starts the page on a loopback port, as `gratitude run` does.
func (w *world) serve(tb testing.TB, o siteOptions) *site {
	tb.Helper()
	ts := httptest.NewUnstartedServer(nil)
	addr := ts.Listener.Addr().String()
	scheme := "http"
	if o.tls {
		scheme = "https"
	}
	cfg := config.HTTP{Listen: addr, URL: scheme + "://" + addr}
	if o.http != nil {
		o.http(&cfg)
	}
	srv, err := web.New(w.backend(), cfg, slog.New(slog.NewTextHandler(tb.Output(), nil)))
	if err != nil {
		tb.Fatal(err)
	}
	ts.Config.Handler = srv.Handler()
	if o.tls {
		ts.StartTLS()
	} else {
		ts.Start()
	}
	tb.Cleanup(ts.Close)
	return &site{world: w, ts: ts, base: scheme + "://" + addr}
}

// browser is a browser without a browser: cookies, no redirects
// followed, the page's own Origin on every POST.
type browser struct {
	tb   testing.TB
	s    *site
	http *http.Client
}

func (s *site) browser(tb testing.TB) *browser {
	jar, _ := cookiejar.New(nil)
	c := *s.ts.Client() // a client of its own: the server's is shared
	c.Jar = jar
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	c.Timeout = 20 * time.Second
	return &browser{tb: tb, s: s, http: &c}
}

// answer is a response with its body read.
type answer struct {
	*http.Response
	body string
}

// do sends a request; header may set Host, Origin and Sec-Fetch-Site
// ("" removes one).
func (b *browser) do(method, path string, form url.Values, header map[string]string) answer {
	b.tb.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	target := path
	if strings.HasPrefix(path, "/") {
		target = b.s.base + path
	}
	req, err := http.NewRequest(method, target, body)
	if err != nil {
		b.tb.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if method == http.MethodPost {
		req.Header.Set("Origin", b.s.base)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	for k, v := range header {
		switch {
		case k == "Host":
			req.Host = v
		case v == "":
			req.Header.Del(k)
		default:
			req.Header.Set(k, v)
		}
	}
	resp, err := b.http.Do(req)
	if err != nil {
		b.tb.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	all, err := io.ReadAll(resp.Body)
	if err != nil {
		b.tb.Fatalf("%s %s: reading the answer: %v", method, path, err)
	}
	return answer{Response: resp, body: string(all)}
}

func (b *browser) get(path string) answer { return b.do(http.MethodGet, path, nil, nil) }

func (b *browser) post(path string, form url.Values) answer {
	if form == nil {
		form = url.Values{}
	}
	return b.do(http.MethodPost, path, form, nil)
}

// link makes a one-time sign-in link as `gratitude open` does.
func (s *site) link(tb testing.TB) string {
	tb.Helper()
	l, err := web.SignInLink(context.Background(), s.st, s.acct, s.base, s.clock.Now())
	if err != nil {
		tb.Fatal(err)
	}
	return strings.TrimPrefix(l, s.base)
}

// signIn spends a new one-time link in the browser.
func (b *browser) signIn() {
	b.tb.Helper()
	if a := b.post(b.s.link(b.tb), nil); a.StatusCode != http.StatusSeeOther || a.Header.Get("Location") != "/" {
		b.tb.Fatalf("POST a fresh sign-in link: %d %s\n%s", a.StatusCode, a.Header.Get("Location"), a.body)
	}
}

// session is the browser's session cookie ("" for none).
func (b *browser) session() *http.Cookie {
	u, _ := url.Parse(b.s.base)
	for _, c := range b.http.Jar.Cookies(u) {
		if strings.HasSuffix(c.Name, "gratitude") {
			return c
		}
	}
	return nil
}

// signedIn reports whether the browser sees Today rather than a redirect
// to sign in.
func (b *browser) signedIn() bool {
	b.tb.Helper()
	a := b.get("/")
	switch {
	case a.StatusCode == http.StatusOK && strings.Contains(a.body, "<h1>Today</h1>"):
		return true
	case a.StatusCode == http.StatusSeeOther && a.Header.Get("Location") == "/signin":
		return false
	}
	b.tb.Fatalf("GET /: %d %s\n%s", a.StatusCode, a.Header.Get("Location"), a.body)
	return false
}

// setCookie returns the Set-Cookie line naming name.
func setCookie(a answer, name string) string {
	for _, line := range a.Header.Values("Set-Cookie") {
		if strings.HasPrefix(line, name+"=") {
			return line
		}
	}
	return ""
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func mustURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil {
		panic(err)
	}
	return u
}
