package templates

import (
	"errors"
	"fmt"
)

// Check executes every template with sample data (Sample), each variant
// of Thanks once, and returns every problem found (all of them, each
// naming the file), or nil.
func (s *Set) Check() error {
	var errs []error
	for _, n := range Names() {
		e := s.entries[n]
		for _, view := range e.views(Sample(n)) {
			errs = append(errs, e.check(view)...)
		}
	}
	return errors.Join(errs...)
}

// check renders e with view and returns every problem found.
func (e entry) check(view any) []error {
	r, errs := e.render(view)
	if len(errs) > 0 {
		return errs
	}
	if _, ok := view.(replying); !ok && r.Subject == "" {
		subject := e.text.Lookup("subject").Tree.ParseName
		errs = append(errs, fmt.Errorf("%s: the subject is empty; define it with {{define \"subject\"}}…{{end}}", subject))
	}
	if r.Text == "" {
		where, hint := e.text.Name(), "write the message body after the subject"
		if i, ok := e.variantOf(view); ok {
			where, hint = where+": "+variantName(i), "write the message inside it"
		}
		errs = append(errs, fmt.Errorf("%s: the text is empty; %s", where, hint))
	}
	return errs
}
