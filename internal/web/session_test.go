package web_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/web"
)

// The session cookie over plain HTTP on loopback: HttpOnly, SameSite
// Strict, the whole site, for as long as a session lasts; not Secure, as
// the browser would not send it back over HTTP.
func TestSessionCookieOverHTTP(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	b := s.browser(t)
	a := b.post(s.link(t), nil)
	line := setCookie(a, "gratitude")
	if a.StatusCode != http.StatusSeeOther || line == "" {
		t.Fatalf("sign in: %d, Set-Cookie %q", a.StatusCode, a.Header.Values("Set-Cookie"))
	}
	for _, want := range []string{"HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=2592000"} {
		if !strings.Contains(line, want) {
			t.Errorf("Set-Cookie %q lacks %s", line, want)
		}
	}
	if strings.Contains(line, "Secure") || strings.Contains(line, "Domain=") {
		t.Errorf("Set-Cookie %q: Secure or Domain over plain HTTP", line)
	}
}

// Over HTTPS the cookie is Secure and named __Host-, so no other site
// under the name (nor plain HTTP) can set it; the page asks browsers to
// keep to HTTPS.
func TestSessionCookieOverHTTPS(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{tls: true})
	b := s.browser(t)
	a := b.post(s.link(t), nil)
	line := setCookie(a, "__Host-gratitude")
	if a.StatusCode != http.StatusSeeOther || line == "" {
		t.Fatalf("sign in: %d, Set-Cookie %q", a.StatusCode, a.Header.Values("Set-Cookie"))
	}
	for _, want := range []string{"HttpOnly", "SameSite=Strict", "Path=/", "Secure"} {
		if !strings.Contains(line, want) {
			t.Errorf("Set-Cookie %q lacks %s", line, want)
		}
	}
	if strings.Contains(line, "Domain=") {
		t.Errorf("Set-Cookie %q: a __Host- cookie must not name a domain", line)
	}
	if !b.signedIn() {
		t.Error("the __Host- session does not sign the browser in")
	}
	if hsts := a.Header.Get("Strict-Transport-Security"); !strings.HasPrefix(hsts, "max-age=") {
		t.Errorf("Strict-Transport-Security %q over HTTPS", hsts)
	}
	// The plain name is not the session over HTTPS.
	c := s.browser(t)
	req, _ := http.NewRequest(http.MethodGet, s.base+"/", nil)
	req.AddCookie(&http.Cookie{Name: "gratitude", Value: b.session().Value})
	resp, err := c.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Errorf("the session under the cookie name without __Host-: %d, want a redirect to sign in", resp.StatusCode)
	}
}

// A session lasts SessionValid; after that the browser must sign in
// again, and its POSTs are refused.
func TestExpiredSessionIsRefused(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	req := s.budget(t)
	b := s.browser(t)
	b.signIn()
	s.clock.Add(web.SessionValid - time.Minute)
	if !b.signedIn() {
		t.Fatal("a session a minute before it ends was refused")
	}
	s.clock.Add(time.Minute)
	if b.signedIn() {
		t.Fatal("a session was taken at the instant it ended")
	}
	if a := b.post("/requests/"+itoa(req)+"/cancel", nil); a.StatusCode != http.StatusUnauthorized {
		t.Errorf("cancel with an expired session: %d, want 401", a.StatusCode)
	}
	if r, _ := s.st.Request(context.Background(), s.acct, req); r.State != gratitude.StateAnswered {
		t.Errorf("the request is %s after a POST with an expired session", r.State)
	}
}

// Signing out forgets the session in the database, not only in the
// browser: the old cookie, sent again, signs nobody in.
func TestSignOutDropsTheSessionServerSide(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	b := s.browser(t)
	b.signIn()
	old := b.session()
	if old == nil {
		t.Fatal("no session cookie after signing in")
	}
	a := b.post("/signout", nil)
	if a.StatusCode != http.StatusSeeOther || a.Header.Get("Location") != "/signin" {
		t.Fatalf("sign out: %d %s", a.StatusCode, a.Header.Get("Location"))
	}
	if line := setCookie(a, "gratitude"); !strings.Contains(line, "Max-Age=0") {
		t.Errorf("sign out: Set-Cookie %q does not clear the cookie", line)
	}
	ok, err := s.st.ValidToken(context.Background(), s.acct, "session", old.Value, s.clock.Now())
	if err != nil || ok {
		t.Errorf("the session is still valid in the store after signing out (%v)", err)
	}
	replay := s.browser(t)
	replay.http.Jar.SetCookies(mustURL(s.base), []*http.Cookie{{Name: old.Name, Value: old.Value, Path: "/"}})
	if replay.signedIn() {
		t.Error("the cookie of a session signed out still signs in")
	}
}
