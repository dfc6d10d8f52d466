package web

import (
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"net/netip"
	"slices"
	"strings"
	"time"

	"gratitude"
	"gratitude/internal/config"
)

//go:embed static
var staticFiles embed.FS

// Server is the web page of one account.
type Server struct {
	b            Backend
	log          *slog.Logger
	pages        map[string]*template.Template
	hosts        map[string]bool
	hostList     string
	proxy        netip.Prefix // behind a proxy: its addresses
	https        bool         // the page is reached over HTTPS
	passwordHash string
	baseURL      string
	limiter      *limiter
}

// New builds the page from the backend and the http settings.
func New(b Backend, cfg config.HTTP, log *slog.Logger) (*Server, error) {
	if b.Location == nil {
		b.Location = time.Local
	}
	pages, err := parsePages(b.Location)
	if err != nil {
		return nil, err
	}
	s := &Server{b: b, log: log, pages: pages, hosts: allowedHosts(cfg.URL, cfg.Listen),
		https: strings.HasPrefix(cfg.URL, "https://"), passwordHash: cfg.PasswordHash, baseURL: cfg.URL, limiter: newLimiter()}
	names := make([]string, 0, len(s.hosts))
	for h := range s.hosts {
		names = append(names, h)
	}
	slices.Sort(names)
	s.hostList = strings.Join(names, ", ")
	if cfg.BehindProxy {
		if s.proxy, err = config.ProxyPrefix(cfg.ProxyAddress); err != nil {
			return nil, fmt.Errorf("web: http.proxy_address: %w", err)
		}
	}
	return s, nil
}

// account is the owner's account the page shows.
func (s *Server) account() int64 { return s.b.Queries.Account }

// Handler serves the page: every request passes the peer and Host checks
// and carries the security headers; every POST must come from the page
// itself (cross-origin protection); everything but signing in and the
// calendar needs a session.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	static, _ := fs.Sub(staticFiles, "static")
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(static)))
	mux.HandleFunc("GET /signin", s.signInPage)
	mux.HandleFunc("POST /signin", s.passwordSignIn)
	mux.HandleFunc("GET /signin/{token}", s.linkPage)
	mux.HandleFunc("POST /signin/{token}", s.spendLink)
	mux.HandleFunc("POST /signout", s.signOut)
	mux.HandleFunc("GET /calendar/{file}", s.calendar)

	mux.HandleFunc("GET /{$}", s.private(s.today))
	mux.HandleFunc("GET /requests", s.private(s.requests))
	mux.HandleFunc("GET /requests/{id}", s.private(s.request))
	mux.HandleFunc("POST /requests/{id}/{verb}", s.private(s.requestAction))
	mux.HandleFunc("GET /drafts", s.private(s.drafts))
	mux.HandleFunc("GET /drafts/{id}", s.private(s.draft))
	mux.HandleFunc("GET /drafts/{id}/html", s.private(s.draftHTML))
	mux.HandleFunc("POST /drafts/{id}/{verb}", s.private(s.draftAction))
	mux.HandleFunc("GET /people", s.private(s.people))
	mux.HandleFunc("POST /people/link", s.private(s.linkPeople))
	mux.HandleFunc("POST /people/unlink", s.private(s.unlinkPeople))
	mux.HandleFunc("GET /health", s.private(s.healthPage))
	mux.HandleFunc("GET /live", s.private(s.live))

	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.log.Warn("web: cross-origin request refused", "method", r.Method, "path", r.URL.Path,
			"origin", r.Header.Get("Origin"), "remote", r.RemoteAddr)
		http.Error(w, "403 cross-origin request refused", http.StatusForbidden)
	}))
	return s.secure(s.checkPeer(s.checkHost(cop.Handler(mux))))
}

// fail answers an error the owner cannot fix from the page: logged, and
// shown in words. A request or draft that does not exist is a 404.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, gratitude.ErrNoSuchRequest) || errors.Is(err, gratitude.ErrNoSuchDraft) {
		http.Error(w, "404 "+err.Error(), http.StatusNotFound)
		return
	}
	s.log.Error("web: "+r.Method+" "+r.URL.Path+" failed", "err", err)
	http.Error(w, "500 "+err.Error(), http.StatusInternalServerError)
}
