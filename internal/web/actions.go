package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"gratitude"
	"gratitude/inbox/classify"
	"gratitude/internal/owner"
)

// requestAction carries out an action on a request: resolve (with an
// outcome), cancel, snooze, helped, approve (every pending draft).
func (s *Server) requestAction(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	a, err := s.requestVerb(r)
	if err != nil {
		http.Error(w, "400 "+err.Error(), http.StatusBadRequest)
		return
	}
	rep, err := s.b.Act(r.Context(), id, []owner.Action{a})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	if len(rep.Problems()) > 0 {
		w.WriteHeader(http.StatusConflict)
		s.showRequest(w, r, id, rep)
		return
	}
	http.Redirect(w, r, back(r, fmt.Sprintf("/requests/%d", id)), http.StatusSeeOther)
}

// requestVerb reads the action a request's form asks for.
func (s *Server) requestVerb(r *http.Request) (owner.Action, error) {
	verb := r.PathValue("verb")
	switch gratitude.Verb(verb) {
	case gratitude.VerbResolve:
		return owner.Resolve(r.PostFormValue("outcome")), nil
	case gratitude.VerbApprove:
		return shownApprove(r)
	case gratitude.VerbCancel, gratitude.VerbTrack:
		return owner.Verb(gratitude.Verb(verb)), nil
	case gratitude.VerbSnooze:
		line := "snooze " + strings.TrimSpace(r.PostFormValue("for"))
		cmds, _ := classify.ParseCommands(line, s.b.Clock.Now(), s.b.Location)
		if len(cmds) != 1 || cmds[0].Verb != gratitude.VerbSnooze {
			return owner.Action{}, fmt.Errorf("snooze: %q is not a duration or a day (try 3d, 2w, \"until monday\")", r.PostFormValue("for"))
		}
		return owner.Action{Command: cmds[0]}, nil
	case gratitude.VerbHelped:
		a, err := owner.Helped(r.PostFormValue("who"))
		if err != nil {
			return owner.Action{}, fmt.Errorf("helped: %w", err)
		}
		return a, nil
	}
	return owner.Action{}, fmt.Errorf("%q is not an action on a request (resolve, cancel, snooze, helped, approve)", verb)
}

// shownApprove is "approve all" of the drafts the form showed (its draft
// fields), as a card's approve is: a draft written since the page was
// shown waits to be seen. A form naming none approves every pending draft.
func shownApprove(r *http.Request) (owner.Action, error) {
	a := owner.Verb(gratitude.VerbApprove)
	if err := r.ParseForm(); err != nil {
		return a, fmt.Errorf("approve: %w", err)
	}
	for _, v := range r.PostForm["draft"] {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id <= 0 {
			return a, fmt.Errorf("approve: %q is not a draft's number", v)
		}
		a.Shown = append(a.Shown, id)
	}
	return a, nil
}

// draftAction approves, skips or edits one draft.
func (s *Server) draftAction(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	verb := gratitude.Verb(r.PathValue("verb"))
	a := owner.Action{Command: gratitude.Command{Verb: verb, Line: string(verb)}, Draft: id}
	switch verb {
	case gratitude.VerbApprove, gratitude.VerbSkip:
	case gratitude.VerbEdit:
		text := strings.ReplaceAll(r.PostFormValue("text"), "\r\n", "\n")
		if strings.TrimSpace(text) == "" {
			w.WriteHeader(http.StatusConflict)
			s.showDraft(w, r, id, "edit: the new text is empty; skip the draft instead")
			return
		}
		a.Text = text
	default:
		http.Error(w, fmt.Sprintf("400 %q is not an action on a draft (approve, skip, edit)", verb), http.StatusBadRequest)
		return
	}
	rep, err := s.b.Act(r.Context(), 0, []owner.Action{a})
	if err != nil {
		s.fail(w, r, err)
		return
	}
	problem := strings.Join(rep.Problems(), "; ")
	if isHTMX(r) || problem != "" {
		if problem != "" {
			w.WriteHeader(http.StatusConflict)
		}
		s.showDraft(w, r, id, problem)
		return
	}
	http.Redirect(w, r, back(r, fmt.Sprintf("/drafts/%d", id)), http.StatusSeeOther)
}

// back is where to go after an action: the form's "back" when it is a
// path on this page, else def. A browser drops tabs and line breaks in an
// address and reads \ as /, so "/\t/evil.example" would be another site:
// any control character or backslash makes it def.
func back(r *http.Request, def string) string {
	b := r.PostFormValue("back")
	if !strings.HasPrefix(b, "/") || strings.HasPrefix(b, "//") || strings.ContainsFunc(b, func(c rune) bool {
		return c < 0x20 || c == 0x7f || c == '\\'
	}) {
		return def
	}
	return b
}
