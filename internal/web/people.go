package web

import (
	"net/http"

	"gratitude"
)

type pagePeople struct {
	People []gratitude.Person
}

func (s *Server) people(w http.ResponseWriter, r *http.Request) {
	people, err := s.b.Queries.People(r.Context())
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.render(w, r, "people", pagePeople{People: people})
}
