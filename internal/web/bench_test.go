package web_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/config"
	"gratitude/internal/daemon"
	"gratitude/internal/health"
	"gratitude/internal/owner"
	"gratitude/internal/web"
)

// The seeded mailbox: ten thousand requests over three years among a few
// thousand people. Most are history (read on the first sync); of the live
// ones some wait for an answer, some were answered, some have drafts
// waiting, some were thanked, some cancelled.
const (
	benchRequests  = 10_000
	benchPeople    = 3_000
	benchOpen      = 150
	benchAnswered  = 200
	benchDrafted   = 100
	benchThanked   = 200
	benchCancelled = 100
	benchGave      = 2_000 // times the owner helped someone
	benchLive      = benchOpen + benchAnswered + benchDrafted + benchThanked + benchCancelled
)

var topics = []string{"the flat in Kreuzberg", "the budget review", "a ride to the airport", "the conference talk",
	"my bike's gears", "the tax return", "a good dentist", "the garden party", "Python packaging", "the move"}

// benchPerson is the i-th person of the seeded mailbox.
func benchPerson(i int) gratitude.Address {
	i %= benchPeople
	return gratitude.Address{Name: fmt.Sprintf("Person %04d", i), Email: fmt.Sprintf("person%04d@example.net", i)}
}

// seedMany records benchRequests asks, through the store's write path as
// the sync does, and the replies, resolutions, approvals and thank-yous
// that make the live ones what they are. It returns a live request with
// drafts waiting.
func (w *world) seedMany(b *testing.B) int64 {
	b.Helper()
	now := w.clock.Now()
	past := benchRequests - benchLive
	var ids []int64
	for from := 0; from < benchRequests; {
		to := min(from+500, benchRequests)
		if from < past {
			to = min(to, past) // a batch is all history or all live
		}
		var asks []gratitude.Asked
		for i := from; i < to; i++ {
			at := now.Add(-time.Duration(benchRequests-i) * 3 * time.Hour) // the oldest three and a half years ago
			if i >= past {
				at = now.Add(-time.Duration(benchRequests-i) * 20 * time.Minute) // the live ones in the last ten days
			}
			asks = append(asks, gratitude.Asked{MessageID: fmt.Sprintf("ask-%d@example.org", i), At: at,
				Subject: fmt.Sprintf("Question %d about %s", i, topics[i%len(topics)]), NormSubject: fmt.Sprintf("question %d", i),
				Asked: []gratitude.Address{benchPerson(i * 7), benchPerson(i*7 + 1)}, AskText: strings.Repeat("Could you help me with this? ", 10)})
		}
		ids = append(ids, w.ask(b, asks, from < past)...)
		from = to
	}
	var replies []gratitude.SeenMessage
	for i, id := range ids {
		if i < past && i%10 >= 7 || i >= past && i < past+benchOpen {
			continue // never answered
		}
		ask := fmt.Sprintf("ask-%d@example.org", i)
		at := now.Add(-time.Duration(benchRequests-i)*20*time.Minute + time.Minute)
		if i < past {
			at = now.Add(-time.Duration(benchRequests-i)*3*time.Hour + time.Hour)
		}
		replies = append(replies, benchReply(id, ask, benchPerson(i*7), at))
		if i%3 == 0 {
			replies = append(replies, benchReply(id, ask, benchPerson(i*7+2), at))
		}
		if len(replies) >= 500 {
			w.reply(b, replies)
			replies = nil
		}
	}
	w.reply(b, replies)
	w.gave(b, now)
	live := ids[past+benchOpen+benchAnswered:]
	for _, id := range live[:benchDrafted] {
		w.do(b, id, owner.Resolve(""))
	}
	for _, id := range live[benchDrafted : benchDrafted+benchThanked] {
		w.do(b, id, owner.Resolve("it worked out"), approveWho(""))
	}
	w.sendQueued(b, now)
	for _, id := range live[benchDrafted+benchThanked:] {
		w.do(b, id, owner.Verb(gratitude.VerbCancel))
	}
	return live[0]
}

// gave records the times the owner helped someone, in Sent.
func (w *world) gave(b *testing.B, now time.Time) {
	cur, err := w.st.Cursor(context.Background(), w.acct, "Sent")
	if err != nil {
		b.Fatal(err)
	}
	var msgs []gratitude.SeenMessage
	for i := range benchGave {
		id := fmt.Sprintf("gave-%d@example.org", i)
		msgs = append(msgs, gratitude.SeenMessage{MessageID: id, Mailbox: "Sent", UIDValidity: 1, UID: cur.LastUID + uint32(i) + 1,
			From: "ada@example.org", Subject: "Re: your question", Class: gratitude.ClassGave, SeenAt: now,
			Event: gratitude.Gave{MessageID: id, At: now.Add(-time.Duration(i) * 13 * time.Hour), To: []gratitude.Address{benchPerson(i * 3)}}})
	}
	w.commit(b, "Sent", cur.LastUID, msgs)
}

// benchReply is a reply of a usual length.
func benchReply(req int64, ask string, who gratitude.Address, at time.Time) gratitude.SeenMessage {
	m := replyTo(req, ask, who, at)
	ev := m.Event.(gratitude.Replied)
	ev.Excerpt = strings.Repeat("Sure, here is what I know about it. ", 6)
	m.Event = ev
	return m
}

// benchStatus is the daemon's own Status over the seeded database, as the
// Health page and Today read it.
func benchStatus(b *testing.B, path string, clock gratitude.Clock) func(context.Context) (*health.Status, error) {
	b.Helper()
	cfg, err := config.Parse([]byte(`owner: {name: Ada Lovelace, email: ada@example.org}
database: `+path+`
timezone: UTC
imap: {host: 127.0.0.1, port: 1, security: insecure, password: unused}
smtp: {host: 127.0.0.1, port: 1, security: insecure}
http: {listen: "off"}
`), func(string) (string, bool) { return "", false })
	if err != nil {
		b.Fatal(err)
	}
	d, err := daemon.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)), clock)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(d.Close)
	return d.Status
}

// BenchmarkPages renders each page of the web page, as the signed-in
// owner's browser asks for it, over a store of 10,000 requests: the
// handler whole (session, Host check, queries, template), no network.
// Each page should take under 100 ms on a small machine.
func BenchmarkPages(b *testing.B) {
	w := newWorld(b)
	start := time.Now()
	req := w.seedMany(b)
	b.Logf("seeded %d requests in %s", benchRequests, time.Since(start).Round(time.Millisecond))
	backend := w.backend()
	backend.Status = benchStatus(b, w.st.Path(), w.clock)
	srv, err := web.New(backend, config.HTTP{Listen: "127.0.0.1:8765", URL: "http://127.0.0.1:8765"},
		slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		b.Fatal(err)
	}
	h := srv.Handler()
	link, err := web.SignInLink(context.Background(), w.st, w.acct, "", w.clock.Now())
	if err != nil {
		b.Fatal(err)
	}
	session := benchServe(b, h, http.MethodPost, link, http.StatusSeeOther, nil).Result().Cookies()
	for _, p := range []struct{ name, path, want string }{
		{"Today", "/", "Thank-yous to approve"},
		{"Requests", "/requests", "10000 requests"},
		{"RequestsSearchPerson", "/requests?q=person0042%40", "Person 0042"},
		{"RequestsSearchSubject", "/requests?q=airport&state=answered", "airport"},
		{"Request", "/requests/" + itoa(req), "Thank-you drafts"},
		{"Drafts", "/drafts", "Waiting for you"},
		{"People", "/people", "3000 people"},
		{"PeopleSearch", "/people?q=person2999", "person2999@example.net"},
		{"Health", "/health", "Folders"},
	} {
		b.Run(p.name, func(b *testing.B) {
			rec := benchServe(b, h, http.MethodGet, p.path, http.StatusOK, session)
			if !strings.Contains(rec.Body.String(), p.want) {
				b.Fatalf("GET %s does not say %q:\n%s", p.path, p.want, rec.Body.String())
			}
			for b.Loop() {
				benchServe(b, h, http.MethodGet, p.path, http.StatusOK, session)
			}
		})
	}
}

// benchServe serves one request to h and checks its status.
func benchServe(b *testing.B, h http.Handler, method, path string, want int, cookies []*http.Cookie) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, "http://127.0.0.1:8765"+path, nil)
	if method == http.MethodPost {
		r.Header.Set("Origin", "http://127.0.0.1:8765")
		r.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	for _, c := range cookies {
		r.AddCookie(c)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	if rec.Code != want {
		b.Fatalf("%s %s: %d, want %d\n%s", method, path, rec.Code, want, rec.Body.String())
	}
	return rec
}
