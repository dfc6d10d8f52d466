package web

import (
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"gratitude"
	"gratitude/internal/owner"
)

// peoplePerPage is how many people one page of the ledger shows.
const peoplePerPage = 100

type pagePeople struct {
	People []gratitude.Person
	// Query is the search; Total how many people match it; Prev and Next
	// the neighbouring pages' addresses ("" where there is none).
	Query       string
	Total, Page int
	Prev, Next  string
	Months      []gratitude.MonthHelp
	Chart       template.HTML
	// Problem says why a link or unlink was refused; Address and Into
	// are what the form held, to fix and send again.
	Problem       string
	Address, Into string
}

// people shows the ledger, the chart of help by month and the form that
// links two addresses.
func (s *Server) people(w http.ResponseWriter, r *http.Request) {
	s.showPeople(w, r, pagePeople{})
}

// showPeople renders the People page with what a form left in p.
func (s *Server) showPeople(w http.ResponseWriter, r *http.Request, p pagePeople) {
	var err error
	p.Query = r.URL.Query().Get("q")
	p.Page, _ = strconv.Atoi(r.URL.Query().Get("page"))
	p.Page = max(1, p.Page)
	if p.People, p.Total, err = s.b.Queries.PeoplePage(r.Context(), p.Query, (p.Page-1)*peoplePerPage, peoplePerPage); err != nil {
		s.fail(w, r, err)
		return
	}
	p.Prev, p.Next = pageLinks("/people", url.Values{"q": {p.Query}}, p.Page, p.Total, peoplePerPage)
	if p.Months, err = s.b.Queries.HelpByMonth(r.Context(), s.b.Location, s.b.Clock.Now()); err != nil {
		s.fail(w, r, err)
		return
	}
	p.Chart = helpChart(p.Months)
	s.render(w, r, "people", p)
}

// linkPeople files the form's address under the other's person.
func (s *Server) linkPeople(w http.ResponseWriter, r *http.Request) {
	p := pagePeople{Address: strings.TrimSpace(r.PostFormValue("address")), Into: strings.TrimSpace(r.PostFormValue("into"))}
	if p.Address == "" || p.Into == "" {
		w.WriteHeader(http.StatusBadRequest)
		p.Problem = "link: give both addresses: the one to file, and one of the person it belongs to"
		s.showPeople(w, r, p)
		return
	}
	all, err := s.b.Link(r.Context(), p.Address, p.Into)
	if err != nil {
		s.peopleRefused(w, r, p, err)
		return
	}
	s.log.Info("owner's action from the web page", "linked", all)
	http.Redirect(w, r, "/people", http.StatusSeeOther)
}

// unlinkPeople makes the form's address a person of its own again.
func (s *Server) unlinkPeople(w http.ResponseWriter, r *http.Request) {
	a := strings.TrimSpace(r.PostFormValue("address"))
	if err := s.b.Unlink(r.Context(), a); err != nil {
		s.peopleRefused(w, r, pagePeople{}, err)
		return
	}
	s.log.Info("owner's action from the web page", "unlinked", a)
	http.Redirect(w, r, "/people", http.StatusSeeOther)
}

// peopleRefused shows the People page with why a link or unlink was not
// done: an unknown address is a 404, a refusal a 409; anything else is a
// failure.
func (s *Server) peopleRefused(w http.ResponseWriter, r *http.Request, p pagePeople, err error) {
	switch {
	case errors.Is(err, gratitude.ErrNoSuchPerson):
		w.WriteHeader(http.StatusNotFound)
	case errors.Is(err, owner.ErrRefused):
		w.WriteHeader(http.StatusConflict)
	default:
		s.fail(w, r, err)
		return
	}
	p.Problem = err.Error()
	s.showPeople(w, r, p)
}
