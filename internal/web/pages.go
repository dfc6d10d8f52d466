package web

import (
	"net/http"
	"net/url"
	"strconv"

	"gratitude"
	"gratitude/internal/health"
	"gratitude/internal/owner"
)

// perPage is how many requests one page of the list shows.
const perPage = 50

// recentDrafts is how many drafts decided lately Drafts shows.
const recentDrafts = 20

type pageSignIn struct {
	Token    string // a one-time link's token, to spend by POST
	Password bool   // a password may be used
	Spent    bool   // the link was used already, or too late
	Wrong    bool   // the password was wrong
	Wait     int    // seconds to wait before trying a password again
}

type pageToday struct {
	Today    owner.Today
	Problems []health.ComponentStatus
	Health   string // ok, failing, stale or unknown
	Reason   string
}

type pageRequests struct {
	State    string
	Query    string
	States   []gratitude.State
	Requests []gratitude.Request
	Total    int
	Page     int
	Prev     string // the previous page's address, "" on the first
	Next     string // the next page's, "" on the last
}

type pageRequest struct {
	Request  gratitude.Request
	Timeline []owner.Entry
	Clocks   []owner.Clock
	Drafts   []gratitude.Draft
	// Preview is what each helper would receive if it were resolved now
	// (asked for with ?preview=1); saved nowhere.
	Preview   []gratitude.Draft
	Previewed bool
	Problems  []string // what the last action could not do
	Done      []string // what it did
}

type pageDrafts struct {
	Waiting []owner.RequestDrafts
	Recent  []gratitude.Draft // sent or skipped, newest first
}

type pageDraft struct {
	Draft   gratitude.Draft
	Request gratitude.Request
	Problem string
}

type pageHealth struct {
	Status   *health.Status
	Refused  []gratitude.CommandMail
	Warnings []LogLine
	Calendar string
}

func (s *Server) today(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	t, err := s.b.Queries.Today(ctx, s.b.Policy, s.b.Clock.Now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := pageToday{Today: t}
	if s.b.Status != nil {
		st, err := s.b.Status(ctx)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		p.Health, p.Reason = st.Health, st.Reason
		for _, c := range st.Components {
			if !c.OK {
				p.Problems = append(p.Problems, c)
			}
		}
	}
	s.render(w, r, "today", p)
}

func (s *Server) requests(w http.ResponseWriter, r *http.Request) {
	state, query := r.FormValue("state"), r.FormValue("q")
	if !validState(state) {
		http.Error(w, "400 no such state: "+state, http.StatusBadRequest)
		return
	}
	page, _ := strconv.Atoi(r.FormValue("page"))
	page = max(1, page)
	reqs, total, err := s.b.Queries.Find(r.Context(), gratitude.State(state), query, (page-1)*perPage, perPage)
	if last := max(1, (total+perPage-1)/perPage); err == nil && page > last {
		page = last
		reqs, total, err = s.b.Queries.Find(r.Context(), gratitude.State(state), query, (page-1)*perPage, perPage)
	}
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := pageRequests{State: state, Query: query, States: states, Total: total, Page: page, Requests: reqs}
	p.Prev, p.Next = pageLinks("/requests", url.Values{"state": {state}, "q": {query}}, page, total, perPage)
	s.render(w, r, "requests", p)
}

// states are the states the list can be filtered by.
var states = []gratitude.State{gratitude.StateOpen, gratitude.StateAnswered, gratitude.StateResolved,
	gratitude.StateThanked, gratitude.StateCancelled}

func validState(s string) bool {
	for _, st := range states {
		if string(st) == s {
			return true
		}
	}
	return s == ""
}

func (s *Server) request(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	s.showRequest(w, r, id, owner.Report{})
}

// showRequest renders a request's page, with what an action just did.
func (s *Server) showRequest(w http.ResponseWriter, r *http.Request, id int64, rep owner.Report) {
	ctx := r.Context()
	req, timeline, err := s.b.Queries.Timeline(ctx, id, s.b.Location)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	drafts, err := s.b.Queries.Drafts(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := pageRequest{Request: req, Timeline: timeline, Clocks: owner.Clocks(req, s.b.Policy),
		Drafts: drafts, Problems: rep.Problems(), Done: rep.Done()}
	if r.Method == http.MethodGet && r.FormValue("preview") == "1" && s.b.Preview != nil {
		if p.Preview, err = s.b.Preview(ctx, id); err != nil {
			s.fail(w, r, err)
			return
		}
		p.Previewed = true
	}
	s.render(w, r, "request", p)
}

func (s *Server) drafts(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	t, err := s.b.Queries.Today(ctx, s.b.Policy, s.b.Clock.Now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	recent, err := s.b.Queries.DecidedDrafts(ctx, recentDrafts)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "drafts", pageDrafts{Waiting: t.Drafts, Recent: recent})
}

func (s *Server) draft(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	s.showDraft(w, r, id, "")
}

// showDraft renders a draft's page, or for htmx its card.
func (s *Server) showDraft(w http.ResponseWriter, r *http.Request, id int64, problem string) {
	ctx := r.Context()
	d, err := s.b.Queries.Draft(ctx, id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	req, err := s.b.Queries.Store.Request(ctx, s.account(), d.RequestID)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p := pageDraft{Draft: d, Request: req, Problem: problem}
	switch {
	case isHTMX(r) && r.FormValue("part") == "edit" && d.State == gratitude.DraftPending:
		s.renderPart(w, r, "draftedit", p)
		return
	case isHTMX(r) && (r.FormValue("part") == "card" || r.Method == http.MethodPost):
		s.renderPart(w, r, "draftcard", p)
		return
	}
	s.render(w, r, "draft", p)
}

// draftHTML serves a draft's HTML alone, for the sandboxed preview frame.
func (s *Server) draftHTML(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	d, err := s.b.Queries.Draft(r.Context(), id)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Security-Policy", previewCSP)
	h.Del("X-Frame-Options")
	h.Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(d.HTML))
}

func (s *Server) healthPage(w http.ResponseWriter, r *http.Request) {
	p := pageHealth{}
	if s.b.Status != nil {
		st, err := s.b.Status(r.Context())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		p.Status = st
	}
	if s.b.Warnings != nil {
		p.Warnings = s.b.Warnings()
	}
	refused, err := s.b.Queries.Refused(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Refused = refused
	cal, err := CalendarLink(r.Context(), s.b.Tokens, s.account(), s.baseURL, s.b.Clock.Now())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	p.Calendar = cal
	s.render(w, r, "health", p)
}

// live answers the page's poll: 204 while nothing changed; when something
// did, a new poller and the event that has the page's live parts reload.
func (s *Server) live(w http.ResponseWriter, r *http.Request) {
	v := int64(0)
	if s.b.Version != nil {
		v = s.b.Version()
	}
	if r.FormValue("v") == strconv.FormatInt(v, 10) {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	w.Header().Set("HX-Trigger", "gratitude-changed")
	s.renderAs(w, r, "today", "poller", nil)
}

// pageLinks are the addresses of the pages before and after page of a
// list of total items, size a page, at path with the query's non-empty
// values ("" where there is no such page).
func pageLinks(path string, query url.Values, page, total, size int) (prev, next string) {
	link := func(n int) string {
		v := url.Values{"page": {strconv.Itoa(n)}}
		for k, vs := range query {
			if len(vs) > 0 && vs[0] != "" {
				v.Set(k, vs[0])
			}
		}
		return path + "?" + v.Encode()
	}
	if page > 1 {
		prev = link(page - 1)
	}
	if page*size < total {
		next = link(page + 1)
	}
	return prev, next
}

// pathID reads the {id} in the path; a bad one is a 404.
func pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		http.NotFound(w, r)
		return 0, false
	}
	return id, true
}
