package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"gratitude/internal/testmail"
)

// withWeb turns the world's web page on, on a free loopback port, and
// returns its address.
func (w *loopWorld) withWeb() string {
	w.t.Helper()
	port, err := testmail.FreePort()
	if err != nil {
		w.t.Fatal(err)
	}
	cfg := strings.Replace(readFile(w.t, w.config), `http: {listen: "off"}`, fmt.Sprintf(`http: {listen: "127.0.0.1:%d"}`, port), 1)
	writeFile(w.t, w.config, cfg)
	return fmt.Sprintf("http://127.0.0.1:%d", port)
}

// webClient is a browser without a browser: cookies, no redirects
// followed unless asked, the page's own Origin on every POST.
type webClient struct {
	t    *testing.T
	base string
	http *http.Client
}

func newWebClient(t *testing.T, base string) *webClient {
	jar, _ := cookiejar.New(nil)
	return &webClient{t: t, base: base, http: &http.Client{Jar: jar, Timeout: 20 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// do sends a request and returns the status and body.
func (c *webClient) do(method, path string, form url.Values, header map[string]string) (int, string) {
	c.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	target := path
	if strings.HasPrefix(path, "/") {
		target = c.base + path
	}
	req, err := http.NewRequest(method, target, body)
	if err != nil {
		c.t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if method == http.MethodPost {
		req.Header.Set("Origin", c.base)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	for k, v := range header {
		if k == "Host" {
			req.Host = v
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		c.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// signIn spends a link from `gratitude open`.
func (c *webClient) signIn(link string) {
	c.t.Helper()
	if code, body := c.do("GET", link, nil, nil); code != 200 || !strings.Contains(body, "Sign in") {
		c.t.Fatalf("GET the sign-in link: %d\n%s", code, body)
	}
	if code, body := c.do("POST", link, url.Values{}, nil); code != http.StatusSeeOther {
		c.t.Fatalf("POST the sign-in link: %d\n%s", code, body)
	}
}

// openLink runs `gratitude open --no-browser` and returns the link.
func (w *loopWorld) openLink() string {
	w.t.Helper()
	r := w.cli("open", "--no-browser")
	link := strings.TrimSpace(r.stdout)
	if r.code != 0 || !strings.Contains(link, "/signin/") {
		w.t.Fatalf("open: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	return link
}

// resolvedOnTheWeb is the budget ask answered by Alice and Carol,
// resolved (two pending drafts), with `gratitude run` serving the page.
func resolvedOnTheWeb(t *testing.T) (*loopWorld, string) {
	t.Helper()
	w := newLoopWorld(t)
	base := w.withWeb()
	twoHelpers(w)
	if r := w.cli("--now", w.at(5*time.Hour), "resolve", "1"); r.code != 0 {
		t.Fatalf("resolve: exit %d\n%s", r.code, r.stderr)
	}
	w.startDaemon(5*time.Hour + time.Minute)
	waitUntil(t, 30*time.Second, "the web page", func() bool {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil
	})
	return w, base
}

var draftIDRe = regexp.MustCompile(`action="/drafts/(\d+)/approve"`)

// The page over plain HTTP: sign in with the one-time link, see the
// request and its drafts, approve one: it leaves by SMTP, once, and the
// page says it was sent. The link works once; without the session, with a
// foreign Origin or a foreign Host nothing changes.
func TestTheWebPageSignsInShowsAndApproves(t *testing.T) {
	w, base := resolvedOnTheWeb(t)
	link := w.openLink()
	stranger := newWebClient(t, base)
	if code, _ := stranger.do("GET", "/", nil, nil); code != http.StatusSeeOther {
		t.Errorf("GET / without a session: %d, want a redirect to sign in", code)
	}
	if _, body := stranger.do("GET", "/signin", nil, nil); strings.Contains(body, "Ada Lovelace") {
		t.Errorf("the sign-in page names the owner to anyone:\n%s", body)
	}
	c := newWebClient(t, base)
	c.signIn(link)
	if code, body := c.do("POST", link, url.Values{}, nil); code != http.StatusForbidden || !strings.Contains(body, "used already") {
		t.Errorf("the link used twice: %d\n%s", code, body)
	}
	code, body := c.do("GET", "/", nil, nil)
	if code != 200 || !strings.Contains(body, "Budget review for Q1") || !strings.Contains(body, "To Alice Martin") {
		t.Fatalf("Today: %d\n%s", code, body)
	}
	for path, want := range map[string]string{
		"/requests":                "Budget review for Q1",
		"/requests?q=carol":        "Budget review for Q1",
		"/requests?state=open":     "No request matches.",
		"/requests/1":              "The travel line is counted twice",
		"/drafts":                  "Waiting for you",
		"/people":                  "carol@example.org",
		"/health":                  "/calendar/",
		"/requests/1?preview=1":    "Thank-you drafts",
		"/requests/99":             "no such request",
		"/requests/1/../../health": "",
	} {
		code, body := c.do("GET", path, nil, nil)
		if want == "" {
			continue
		}
		if (code != 200 && path != "/requests/99") || !strings.Contains(body, want) {
			t.Errorf("GET %s: %d, want %q in\n%s", path, code, want, body)
		}
	}
	m := draftIDRe.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("Today has no Approve button:\n%s", body)
	}
	approve := "/drafts/" + m[1] + "/approve"
	if code, _ := stranger.do("POST", approve, url.Values{}, nil); code != http.StatusUnauthorized {
		t.Errorf("approve without a session: %d, want 401", code)
	}
	if code, _ := c.do("POST", approve, url.Values{}, map[string]string{"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"}); code != http.StatusForbidden {
		t.Errorf("approve from a foreign origin: %d, want 403", code)
	}
	if code, _ := c.do("GET", "/", nil, map[string]string{"Host": "evil.example:80"}); code != http.StatusMisdirectedRequest {
		t.Errorf("a foreign Host: %d, want 421", code)
	}
	if n := len(w.smtp.Messages()); n != 0 {
		t.Fatalf("%d messages sent before the approve", n)
	}
	if code, body := c.do("POST", approve, url.Values{}, nil); code != http.StatusSeeOther {
		t.Fatalf("approve: %d\n%s", code, body)
	}
	waitUntil(t, 30*time.Second, "the thank-you by SMTP", func() bool { return len(w.smtp.Messages()) == 1 })
	waitUntil(t, 30*time.Second, "the page to say it was sent", func() bool {
		_, body := c.do("GET", "/drafts/"+m[1], nil, nil)
		return strings.Contains(body, "sent ")
	})
	if n := len(w.smtp.Messages()); n != 1 {
		t.Errorf("%d messages sent, want the one thank-you", n)
	}
}

// Editing in place, as htmx does it: the card opens as a form, the POST
// saves the new text and answers with the card, and skipping swaps the
// card to say so; the drafts' list agrees.
func TestTheWebPageEditsAndSkipsInPlace(t *testing.T) {
	w, base := resolvedOnTheWeb(t)
	c := newWebClient(t, base)
	c.signIn(w.openLink())
	htmx := map[string]string{"HX-Request": "true"}
	code, body := c.do("GET", "/drafts/1?part=edit", nil, htmx)
	if code != 200 || !strings.Contains(body, "<textarea") || strings.Contains(body, "<html") {
		t.Fatalf("the edit form: %d\n%s", code, body)
	}
	code, body = c.do("POST", "/drafts/1/edit", url.Values{"text": {"Dear Alice,\r\n\r\nThank you, truly.\r\n\r\nAda"}}, htmx)
	if code != 200 || !strings.Contains(body, "Thank you, truly.") || !strings.Contains(body, `id="draft-1"`) {
		t.Fatalf("the edit: %d\n%s", code, body)
	}
	code, body = c.do("POST", "/drafts/1/edit", url.Values{"text": {"  \r\n "}}, htmx)
	if code != http.StatusConflict || !strings.Contains(body, "the new text is empty") || !strings.Contains(body, "Thank you, truly.") {
		t.Errorf("an empty edit: %d, want 409 with the card saying why\n%s", code, body)
	}
	code, body = c.do("POST", "/drafts/2/skip", url.Values{}, htmx)
	if code != 200 || !strings.Contains(body, "skipped") {
		t.Fatalf("the skip: %d\n%s", code, body)
	}
	var drafts []draftView
	r := w.cli("drafts", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &drafts); err != nil || len(drafts) != 2 {
		t.Fatalf("drafts --json: %v\n%s", err, r.stdout)
	}
	for _, d := range drafts {
		switch {
		case d.To == "alice@example.net" && (d.State != "pending" || !strings.Contains(d.Body, "Thank you, truly.")):
			t.Errorf("Alice's draft after the edit: %+v", d)
		case d.To == "carol@example.org" && d.State != "skipped":
			t.Errorf("Carol's draft after the skip: %+v", d)
		}
	}
	if n := len(w.smtp.Messages()); n != 0 {
		t.Errorf("%d messages sent; an edit and a skip send nothing", n)
	}
}
