package web_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"gratitude/internal/config"
	"gratitude/internal/owner"
	"gratitude/internal/web"
)

// wantHeaders are the security headers every answer carries.
var wantHeaders = map[string]string{
	"Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
		"connect-src 'self'; frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
	"X-Content-Type-Options": "nosniff",
	"Referrer-Policy":        "no-referrer",
	"X-Frame-Options":        "DENY",
	"Cache-Control":          "no-store",
}

// Every answer, signed in or not, a page, a fragment, a file, an error,
// a refusal, carries the CSP and the other security headers.
func TestSecurityHeadersOnEveryAnswer(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	req := s.budget(t)
	s.do(t, req, owner.Resolve(""))
	draft := s.drafts(t, req)[0].ID
	stranger, owner := s.browser(t), s.browser(t)
	owner.signIn()
	cases := []struct {
		b      *browser
		method string
		path   string
		header map[string]string
		code   int
	}{
		{stranger, "GET", "/signin", nil, 200},
		{stranger, "GET", s.link(t), nil, 200},
		{stranger, "GET", "/", nil, 303},
		{stranger, "GET", "/static/app.css", nil, 200},
		{stranger, "GET", "/static/htmx.min.js", nil, 200},
		{stranger, "GET", "/calendar/nothing.ics", nil, 404},
		{stranger, "POST", "/requests/" + itoa(req) + "/cancel", nil, 401},
		{stranger, "GET", "/", map[string]string{"Host": "evil.example"}, 421},
		{owner, "GET", "/", nil, 200},
		{owner, "GET", "/requests", nil, 200},
		{owner, "GET", "/requests?q=budget&state=resolved", nil, 200},
		{owner, "GET", "/requests/" + itoa(req), nil, 200},
		{owner, "GET", "/requests/999", nil, 404},
		{owner, "GET", "/drafts", nil, 200},
		{owner, "GET", "/drafts/" + itoa(draft), nil, 200},
		{owner, "GET", "/drafts/" + itoa(draft) + "?part=card", map[string]string{"HX-Request": "true"}, 200},
		{owner, "GET", "/people", nil, 200},
		{owner, "GET", "/health", nil, 200},
		{owner, "GET", "/live?v=1", nil, 200},
		{owner, "GET", "/nowhere", nil, 404},
		{owner, "POST", "/drafts/" + itoa(draft) + "/approve", map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}, 403},
	}
	for _, c := range cases {
		a := c.b.do(c.method, c.path, nil, c.header)
		if a.StatusCode != c.code {
			t.Errorf("%s %s: %d, want %d", c.method, c.path, a.StatusCode, c.code)
		}
		for name, want := range wantHeaders {
			if got := a.Header.Get(name); got != want {
				t.Errorf("%s %s (%d): %s = %q, want %q", c.method, c.path, a.StatusCode, name, got, want)
			}
		}
		if hsts := a.Header.Get("Strict-Transport-Security"); hsts != "" {
			t.Errorf("%s %s: Strict-Transport-Security %q over plain HTTP", c.method, c.path, hsts)
		}
	}
}

// A draft's HTML part is served alone under its own CSP: sandboxed (no
// script, its own origin), inline styles only, nothing fetched, framed by
// the page only; and only to the signed-in owner.
func TestDraftHTMLPreviewIsSandboxed(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	req := s.budget(t)
	s.do(t, req, owner.Resolve(""))
	d := s.drafts(t, req)[0]
	path := "/drafts/" + itoa(d.ID) + "/html"
	if a := s.browser(t).get(path); a.StatusCode != http.StatusSeeOther || strings.Contains(a.body, d.HTML) {
		t.Errorf("the preview without a session: %d\n%s", a.StatusCode, a.body)
	}
	b := s.browser(t)
	b.signIn()
	a := b.get(path)
	if a.StatusCode != http.StatusOK || a.body != d.HTML {
		t.Fatalf("the preview: %d %q, want the draft's HTML %q", a.StatusCode, a.body, d.HTML)
	}
	csp := a.Header.Get("Content-Security-Policy")
	for _, want := range []string{"sandbox", "default-src 'none'", "style-src 'unsafe-inline'", "img-src data:", "frame-ancestors 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("the preview's CSP %q lacks %q", csp, want)
		}
	}
	for _, never := range []string{"script-src", "allow-scripts", "allow-same-origin"} {
		if strings.Contains(csp, never) {
			t.Errorf("the preview's CSP %q allows %q", csp, never)
		}
	}
	if got := a.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
		t.Errorf("the preview's Content-Type %q", got)
	}
	if a.Header.Get("X-Frame-Options") != "" || a.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("the preview: X-Frame-Options %q (the page must frame it), X-Content-Type-Options %q",
			a.Header.Get("X-Frame-Options"), a.Header.Get("X-Content-Type-Options"))
	}
	if page := b.get("/drafts/" + itoa(d.ID)); !strings.Contains(page.body, `<iframe class="preview"`) ||
		!strings.Contains(page.body, `sandbox src="`+path+`"`) {
		t.Errorf("the draft's page does not frame the preview sandboxed:\n%s", page.body)
	}
}

// hostCase is a Host header and whether the page answers it.
type hostCase struct {
	host string
	ok   bool
}

// checkHosts sends GET /signin with each Host to a page set up by cfg.
func checkHosts(t *testing.T, cfg config.HTTP, cases []hostCase) {
	t.Helper()
	srv, err := web.New(newWorld(t).backend(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	h := srv.Handler()
	for _, c := range cases {
		r := httptest.NewRequest(http.MethodGet, "/signin", nil)
		r.Host = c.host
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		if ok := w.Code == http.StatusOK; ok != c.ok {
			t.Errorf("%s with Host %q: %d; want answered %v", cfg.URL, c.host, w.Code, c.ok)
		}
		if !c.ok && (w.Code != http.StatusMisdirectedRequest || !strings.Contains(w.Body.String(), "answers only for")) {
			t.Errorf("Host %q refused with %d %q; want 421 naming the hosts it answers", c.host, w.Code, w.Body.String())
		}
	}
}

// On loopback the page answers this machine's names for its port, in any
// case, and nothing else: not another port, not a name pointed at it.
func TestHostCheckOnLoopback(t *testing.T) {
	checkHosts(t, config.HTTP{Listen: "127.0.0.1:8765", URL: "http://127.0.0.1:8765"}, []hostCase{
		{"127.0.0.1:8765", true}, {"localhost:8765", true}, {"LocalHost:8765", true}, {"[::1]:8765", true},
		{"127.0.0.1", false}, {"localhost", false}, {"127.0.0.1:8766", false}, {"[::1]:80", false},
		{"evil.example:8765", false}, {"evil.example", false}, {"127.0.0.1.nip.io:8765", false}, {"", false},
	})
}

// Listening on [::1] answers the same names.
func TestHostCheckOnIPv6Loopback(t *testing.T) {
	checkHosts(t, config.HTTP{Listen: "[::1]:8765", URL: "http://[::1]:8765"}, []hostCase{
		{"[::1]:8765", true}, {"localhost:8765", true}, {"127.0.0.1:8765", true}, {"[::1]:8766", false}, {"::1", false},
	})
}

// The name in http.url is answered with and without its scheme's default
// port, whichever way http.url writes it; another port is not.
func TestHostCheckForTheURLsName(t *testing.T) {
	for _, u := range []string{"https://gratitude.example.org", "https://gratitude.example.org:443", "https://Gratitude.Example.org/"} {
		checkHosts(t, config.HTTP{Listen: "127.0.0.1:8765", URL: u}, []hostCase{
			{"gratitude.example.org", true}, {"gratitude.example.org:443", true}, {"GRATITUDE.example.org", true},
			{"127.0.0.1:8765", true}, {"gratitude.example.org:80", false}, {"gratitude.example.org:8443", false},
			{"gratitude.example.org.evil.example", false}, {"example.org", false},
		})
	}
	checkHosts(t, config.HTTP{Listen: "127.0.0.1:8080", URL: "http://gratitude.example.org"}, []hostCase{
		{"gratitude.example.org", true}, {"gratitude.example.org:80", true}, {"gratitude.example.org:443", false},
	})
	checkHosts(t, config.HTTP{Listen: "0.0.0.0:8443", URL: "https://gratitude.example.org:8443"}, []hostCase{
		{"gratitude.example.org:8443", true}, {"gratitude.example.org", false}, {"gratitude.example.org:443", false},
		{"127.0.0.1:8443", false}, {"localhost:8443", false},
	})
	for _, u := range []string{"https://[2001:db8::1]", "https://[2001:db8::1]:443"} {
		checkHosts(t, config.HTTP{Listen: "[2001:db8::1]:443", URL: u}, []hostCase{
			{"[2001:db8::1]", true}, {"[2001:db8::1]:443", true}, {"2001:db8::1", false}, {"[2001:db8::1]:8443", false},
		})
	}
}

// Behind a proxy, the page answers only the proxy's addresses and this
// machine; anyone else reaching the port directly is refused before
// anything else is looked at.
func TestBehindProxyAnswersOnlyTheProxy(t *testing.T) {
	for _, proxy := range []string{"10.0.0.2", "10.0.0.0/24"} {
		cfg := config.HTTP{Listen: "0.0.0.0:8765", URL: "https://gratitude.example.org", BehindProxy: true, ProxyAddress: proxy}
		srv, err := web.New(newWorld(t).backend(), cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
		if err != nil {
			t.Fatal(err)
		}
		h := srv.Handler()
		for remote, ok := range map[string]bool{
			"10.0.0.2:40000": true, "[::ffff:10.0.0.2]:40000": true, "127.0.0.1:40000": true, "[::1]:40000": true,
			"10.0.0.3:40000": proxy == "10.0.0.0/24", "10.0.1.2:40000": false, "192.0.2.7:40000": false,
			"[2001:db8::2]:40000": false, "garbage": false,
		} {
			r := httptest.NewRequest(http.MethodGet, "/signin", nil)
			r.Host, r.RemoteAddr = "gratitude.example.org", remote
			w := httptest.NewRecorder()
			h.ServeHTTP(w, r)
			if got := w.Code == http.StatusOK; got != ok {
				t.Errorf("proxy %s, peer %s: %d, want answered %v", proxy, remote, w.Code, ok)
			}
			if !ok && (w.Code != http.StatusForbidden || !strings.Contains(w.Body.String(), "http.proxy_address")) {
				t.Errorf("proxy %s, peer %s refused with %d %q", proxy, remote, w.Code, w.Body.String())
			}
			if w.Header().Get("Content-Security-Policy") == "" {
				t.Errorf("proxy %s, peer %s: no CSP", proxy, remote)
			}
		}
	}
}
