package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// cookieName is the session cookie's name; over HTTPS it takes the
// __Host- prefix, so no other site on the name can set it.
func (s *Server) cookieName() string {
	if s.https {
		return "__Host-gratitude"
	}
	return "gratitude"
}

// signedIn reports whether the request carries a valid session.
func (s *Server) signedIn(r *http.Request) bool {
	c, err := r.Cookie(s.cookieName())
	if err != nil || c.Value == "" {
		return false
	}
	ok, err := s.b.Tokens.ValidToken(r.Context(), s.account(), kindSession, c.Value, s.b.Clock.Now())
	if err != nil {
		s.log.Error("web: cannot check a session", "err", err)
	}
	return ok
}

// private serves next only to a signed-in browser; others are sent to
// sign in (a GET) or refused (anything else).
func (s *Server) private(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.signedIn(r) {
			next(w, r)
			return
		}
		if r.Method == http.MethodGet {
			http.Redirect(w, r, "/signin", http.StatusSeeOther)
			return
		}
		http.Error(w, "401 not signed in: run `gratitude open` for a sign-in link", http.StatusUnauthorized)
	}
}

// startSession signs the browser in: a new session and its cookie.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request) bool {
	tok, now := newToken(), s.b.Clock.Now()
	if err := s.b.Tokens.AddToken(r.Context(), s.account(), kindSession, tok, now, now.Add(SessionValid)); err != nil {
		s.fail(w, r, err)
		return false
	}
	http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: tok, Path: "/", MaxAge: int(SessionValid / time.Second),
		HttpOnly: true, Secure: s.https, SameSite: http.SameSiteStrictMode})
	return true
}

// signInPage offers the password form (when a password is set) and says
// how to get a link.
func (s *Server) signInPage(w http.ResponseWriter, r *http.Request) {
	if s.signedIn(r) {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	s.render(w, r, "signin", pageSignIn{Password: s.passwordHash != ""})
}

// linkPage shows the button that spends a sign-in link's token. The token
// is spent by the POST, never by the GET, so a link previewer or a
// prefetch cannot use it up.
func (s *Server) linkPage(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, "signin", pageSignIn{Token: r.PathValue("token"), Password: s.passwordHash != ""})
}

// spendLink signs in with a one-time link's token.
func (s *Server) spendLink(w http.ResponseWriter, r *http.Request) {
	ok, err := s.b.Tokens.SpendSignIn(r.Context(), s.account(), r.PathValue("token"), s.b.Clock.Now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if !ok {
		s.log.Warn("web: a sign-in link was used again, or too late", "remote", r.RemoteAddr)
		w.WriteHeader(http.StatusForbidden)
		s.render(w, r, "signin", pageSignIn{Spent: true, Password: s.passwordHash != ""})
		return
	}
	if s.startSession(w, r) {
		http.Redirect(w, r, "/", http.StatusSeeOther)
	}
}

// passwordSignIn signs in with the password of http.password_hash.
func (s *Server) passwordSignIn(w http.ResponseWriter, r *http.Request) {
	if s.passwordHash == "" {
		http.Error(w, "403 no password is set (http.password_hash): run `gratitude open` for a sign-in link", http.StatusForbidden)
		return
	}
	wait, err := s.limiter.enter(r.Context(), s.b.Clock)
	if err != nil {
		return // the browser went away while waiting its turn
	}
	if wait > 0 {
		s.tooSoon(w, r, wait)
		return
	}
	right := checkPassword(s.passwordHash, r.PostFormValue("password"))
	s.limiter.leave(s.b.Clock, right)
	if !right {
		s.log.Warn("web: wrong password", "remote", r.RemoteAddr)
		w.WriteHeader(http.StatusForbidden)
		s.render(w, r, "signin", pageSignIn{Password: true, Wrong: true})
		return
	}
	if s.startSession(w, r) {
		http.Redirect(w, r, "/", http.StatusSeeOther)
	}
}

// tooSoon refuses a password tried too soon after a wrong one, saying
// how long to wait.
func (s *Server) tooSoon(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	secs := int((wait + time.Second - 1) / time.Second)
	s.log.Warn("web: password tried too soon after a wrong one", "remote", r.RemoteAddr, "wait", wait)
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	w.WriteHeader(http.StatusTooManyRequests)
	s.render(w, r, "signin", pageSignIn{Password: true, Wait: secs})
}

// signOut ends the browser's session.
func (s *Server) signOut(w http.ResponseWriter, r *http.Request) {
	if c, err := r.Cookie(s.cookieName()); err == nil {
		if err := s.b.Tokens.DropToken(r.Context(), s.account(), c.Value); err != nil {
			s.fail(w, r, err)
			return
		}
	}
	http.SetCookie(w, &http.Cookie{Name: s.cookieName(), Value: "", Path: "/", MaxAge: -1, HttpOnly: true, Secure: s.https,
		SameSite: http.SameSiteStrictMode})
	http.Redirect(w, r, "/signin", http.StatusSeeOther)
}

// isHTMX reports whether htmx made the request (to answer with a fragment).
func isHTMX(r *http.Request) bool { return strings.EqualFold(r.Header.Get("HX-Request"), "true") }
