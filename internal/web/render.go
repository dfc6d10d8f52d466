package web

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"

	"gratitude"
)

//go:embed pages/*.html
var pageFiles embed.FS

// frame is what every page's layout reads: the page's own data in Page.
type frame struct {
	Title   string
	Nav     string // the menu entry to mark current
	Path    string // the page's own address, for its live parts to reload
	Owner   string
	Version int64 // for the live updates
	Now     time.Time
	Loc     *time.Location
	Page    any
}

// parsePages parses each page with the layout and the shared parts.
func parsePages(loc *time.Location) (map[string]*template.Template, error) {
	base, err := template.New("layout").Funcs(funcs(loc)).ParseFS(pageFiles, "pages/_*.html")
	if err != nil {
		return nil, fmt.Errorf("web: the layout: %w", err)
	}
	files, err := fs.Glob(pageFiles, "pages/[a-z]*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, f := range files {
		t, err := template.Must(base.Clone()).ParseFS(pageFiles, f)
		if err != nil {
			return nil, fmt.Errorf("web: page %s: %w", f, err)
		}
		pages[strings.TrimSuffix(path.Base(f), ".html")] = t
	}
	return pages, nil
}

// render writes a page in the layout; for htmx, only the part it asked
// for ("main" by default, or the template named in HX-Target's id).
func (s *Server) render(w http.ResponseWriter, r *http.Request, page string, data any) {
	s.renderAs(w, r, page, "layout", data)
}

// renderAs writes the named template of a page in its frame.
func (s *Server) renderAs(w http.ResponseWriter, r *http.Request, page, name string, data any) {
	s.execute(w, r, page, name, s.frame(r, page, data))
}

// renderPart writes one part of a page (a draft's card) for htmx to swap
// in: the part's own data, no frame.
func (s *Server) renderPart(w http.ResponseWriter, r *http.Request, name string, data any) {
	s.execute(w, r, "drafts", name, data)
}

// frame is what the layout reads around a page's data.
func (s *Server) frame(r *http.Request, page string, data any) frame {
	f := frame{Title: titles[page], Nav: page, Path: r.URL.RequestURI(), Owner: s.b.OwnerName, Now: s.b.Clock.Now(),
		Loc: s.b.Location, Page: data}
	if s.b.Version != nil {
		f.Version = s.b.Version()
	}
	return f
}

// execute runs one template of a page and writes it, or the error.
func (s *Server) execute(w http.ResponseWriter, r *http.Request, page, name string, data any) {
	t, ok := s.pages[page]
	if !ok {
		s.fail(w, r, fmt.Errorf("no page %q", page))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, name, data); err != nil {
		s.fail(w, r, fmt.Errorf("page %s: %w", page, err))
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

// titles are the pages' titles.
var titles = map[string]string{
	"today": "Today", "requests": "Requests", "request": "Request", "drafts": "Drafts",
	"draft": "Draft", "people": "People", "health": "Health", "signin": "Sign in",
}

// funcs are the helpers templates may call, formatting only; times are
// shown in loc, the owner's time zone.
func funcs(loc *time.Location) template.FuncMap {
	return template.FuncMap{
		"when": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(loc).Format("Mon 2 Jan 2006, 15:04")
		},
		"day": func(t time.Time) string {
			if t.IsZero() {
				return ""
			}
			return t.In(loc).Format("2 Jan 2006")
		},
		"iso": func(t time.Time) string { return t.UTC().Format(time.RFC3339) },
		"ago": ago,
		"who": func(a gratitude.Address) string {
			if a.Name != "" {
				return a.Name
			}
			return a.Email
		},
		"helperName": func(h gratitude.Helper) string {
			if h.Name != "" {
				return h.Name
			}
			return h.Email
		},
		"plural": func(n int, one, many string) string {
			if n == 1 {
				return fmt.Sprintf("%d %s", n, one)
			}
			return fmt.Sprintf("%d %s", n, many)
		},
		"words": func(k gratitude.ReminderKind) string { return k.Words() },
		"card":  func(d gratitude.Draft) pageDraft { return pageDraft{Draft: d} },
		"zone": func(now time.Time) string {
			if name := loc.String(); name != "Local" {
				return name
			}
			return now.In(loc).Format("MST")
		},
	}
}

// ago says how long before now t was, roughly, for people.
func ago(now, t time.Time) string {
	d := now.Sub(t)
	future := d < 0
	if future {
		d = -d
	}
	var s string
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		s = plural(int(d/time.Minute), "minute")
	case d < 48*time.Hour:
		s = plural(int(d/time.Hour), "hour")
	case d < 60*24*time.Hour:
		s = plural(int(d/(24*time.Hour)), "day")
	default:
		s = plural(int(d/(30*24*time.Hour)), "month")
	}
	if future {
		return "in " + s
	}
	return s + " ago"
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
