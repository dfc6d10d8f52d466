package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"gratitude/internal/config"
	"gratitude/internal/web"

	"golang.org/x/crypto/bcrypt"
)

// A one-time link signs one browser in, once: the second use is refused
// and signs nobody in.
func TestSignInLinkWorksOnce(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	link := s.link(t)
	b := s.browser(t)
	if a := b.post(link, nil); a.StatusCode != http.StatusSeeOther || b.session() == nil {
		t.Fatalf("first use: %d, session %v", a.StatusCode, b.session())
	}
	if !b.signedIn() {
		t.Fatal("signed in by the link, but Today is refused")
	}
	other := s.browser(t)
	a := other.post(link, nil)
	if a.StatusCode != http.StatusForbidden || !strings.Contains(a.body, "used already") || setCookie(a, "gratitude") != "" {
		t.Errorf("second use: %d, Set-Cookie %q\n%s", a.StatusCode, a.Header.Values("Set-Cookie"), a.body)
	}
	if other.signedIn() {
		t.Error("the link used twice signed a second browser in")
	}
}

// A link works for ten minutes from when it was made, not a moment more.
func TestSignInLinkExpiresAfterTenMinutes(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	early, late := s.link(t), s.link(t)
	s.clock.Add(web.SignInValid - time.Second)
	if b := s.browser(t); b.post(early, nil).StatusCode != http.StatusSeeOther || !b.signedIn() {
		t.Fatal("a link a second before ten minutes was refused")
	}
	s.clock.Add(time.Second)
	b := s.browser(t)
	if a := b.post(late, nil); a.StatusCode != http.StatusForbidden || !strings.Contains(a.body, "more than 10 minutes old") {
		t.Errorf("a link ten minutes old: %d\n%s", a.StatusCode, a.body)
	}
	if b.signedIn() {
		t.Error("a link ten minutes old signed in")
	}
}

// Opening the link (GET, as a mail client's link preview or a prefetch
// does) shows a button and spends nothing: the token is not even in a
// cookie; only the POST spends it.
func TestGetNeverSpendsTheLink(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	link := s.link(t)
	b := s.browser(t)
	for range 3 {
		for _, method := range []string{http.MethodGet, http.MethodHead} {
			a := b.do(method, link, nil, nil)
			if a.StatusCode != http.StatusOK || len(a.Header.Values("Set-Cookie")) != 0 {
				t.Fatalf("%s the link: %d, Set-Cookie %q", method, a.StatusCode, a.Header.Values("Set-Cookie"))
			}
		}
	}
	if a := b.get(link); !strings.Contains(a.body, `method="post" action="`+link+`"`) {
		t.Errorf("the link's page has no form that spends it:\n%s", a.body)
	}
	if b.signedIn() {
		t.Fatal("a GET signed in")
	}
	if a := b.post(link, nil); a.StatusCode != http.StatusSeeOther || !b.signedIn() {
		t.Errorf("the link after three GETs and HEADs: %d", a.StatusCode)
	}
}

// withPassword sets http.password_hash.
func withPassword(hash string) siteOptions {
	return siteOptions{http: func(h *config.HTTP) { h.PasswordHash = hash }}
}

// The password signs in with an argon2id hash (`gratitude passwd`) and
// with a bcrypt one; a wrong password, or one differing only in case or a
// trailing character, does not.
func TestPasswordSignIn(t *testing.T) {
	const pw = "correct horse battery staple"
	bc, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.MinCost)
	if err != nil {
		t.Fatal(err)
	}
	for name, hash := range map[string]string{"argon2id": web.HashPassword(pw), "bcrypt": string(bc)} {
		t.Run(name, func(t *testing.T) {
			s := newWorld(t).serve(t, withPassword(hash))
			for _, wrong := range []string{"", "Correct horse battery staple", pw + " ", "correct horse battery stapl"} {
				b := s.browser(t)
				if a := b.post("/signin", url.Values{"password": {wrong}}); a.StatusCode != http.StatusForbidden ||
					!strings.Contains(a.body, "Wrong password") || b.session() != nil {
					t.Errorf("password %q: %d, session %v\n%s", wrong, a.StatusCode, b.session(), a.body)
				}
				s.clock.Add(time.Minute) // past the limiter's wait
			}
			b := s.browser(t)
			if a := b.post("/signin", url.Values{"password": {pw}}); a.StatusCode != http.StatusSeeOther || !b.signedIn() {
				t.Errorf("the right password: %d\n%s", a.StatusCode, a.body)
			}
		})
	}
}

// After a wrong password the next try is refused for a while, however
// right it is, and longer after each wrong one; when the wait is over the
// right password works and the count starts afresh.
func TestWrongPasswordSlowsTheNextTry(t *testing.T) {
	const pw = "correct horse battery staple"
	bc, _ := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.MinCost)
	s := newWorld(t).serve(t, withPassword(string(bc)))
	b := s.browser(t)
	try := func(p string) answer { return b.post("/signin", url.Values{"password": {p}}) }
	if a := try("guess 1"); a.StatusCode != http.StatusForbidden {
		t.Fatalf("a wrong password: %d", a.StatusCode)
	}
	a := try(pw)
	if a.StatusCode != http.StatusTooManyRequests || a.Header.Get("Retry-After") != "1" || b.session() != nil {
		t.Fatalf("the right password right after a wrong one: %d, Retry-After %q, session %v", a.StatusCode, a.Header.Get("Retry-After"), b.session())
	}
	if !strings.Contains(a.body, "try again in 1 second") {
		t.Errorf("the refusal does not say how long to wait:\n%s", a.body)
	}
	s.clock.Add(time.Second)
	if a := try("guess 2"); a.StatusCode != http.StatusForbidden {
		t.Fatalf("a wrong password after the wait: %d", a.StatusCode)
	}
	s.clock.Add(time.Second)
	if a := try(pw); a.StatusCode != http.StatusTooManyRequests || a.Header.Get("Retry-After") != "1" {
		t.Fatalf("a second after the second wrong password: %d, Retry-After %q", a.StatusCode, a.Header.Get("Retry-After"))
	}
	s.clock.Add(time.Second)
	if a := try(pw); a.StatusCode != http.StatusSeeOther || !b.signedIn() {
		t.Fatalf("the right password after the wait: %d\n%s", a.StatusCode, a.body)
	}
	// A right password starts afresh: the next wrong one waits a second again.
	try("guess 3")
	if a := try(pw); a.Header.Get("Retry-After") != "1" {
		t.Errorf("after a right password, a wrong one makes the next wait %q seconds, want 1", a.Header.Get("Retry-After"))
	}
}

// Many tries at once are checked one at a time: after a wrong one, those
// waiting their turn are refused rather than all tried in parallel.
func TestPasswordTriesAtOnceAreLimited(t *testing.T) {
	const pw = "correct horse battery staple"
	s := newWorld(t).serve(t, withPassword(web.HashPassword(pw)))
	const n = 8
	codes := make(chan int, n)
	for i := range n {
		go func() {
			b := s.browser(t)
			codes <- b.post("/signin", url.Values{"password": {"guess " + itoa(int64(i))}}).StatusCode
		}()
	}
	count := map[int]int{}
	for range n {
		count[<-codes]++
	}
	if count[http.StatusForbidden] != 1 || count[http.StatusTooManyRequests] != n-1 {
		t.Errorf("%d wrong passwords at once: %v; want one tried (403) and the others refused (429)", n, count)
	}
}

// Without http.password_hash there is no password form and a POST of a
// password is refused, whatever it is.
func TestNoPasswordConfiguredRefusesPasswords(t *testing.T) {
	s := newWorld(t).serve(t, siteOptions{})
	b := s.browser(t)
	if a := b.get("/signin"); a.StatusCode != http.StatusOK || strings.Contains(a.body, `name="password"`) {
		t.Errorf("the sign-in page without a password: %d\n%s", a.StatusCode, a.body)
	}
	for _, p := range []string{"", "anything at all"} {
		if a := b.post("/signin", url.Values{"password": {p}}); a.StatusCode != http.StatusForbidden || b.session() != nil {
			t.Errorf("password %q with none configured: %d", p, a.StatusCode)
		}
	}
	if b.signedIn() {
		t.Error("signed in without a password configured")
	}
}
