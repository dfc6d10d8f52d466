package templates

import (
	"errors"
	"fmt"
)

// Check executes every template with sample data (Sample) and returns every
// problem found (all of them, each naming the file), or nil.
func (s *Set) Check() error {
	var errs []error
	for _, n := range Names() {
		errs = append(errs, s.entries[n].check(Sample(n))...)
	}
	return errors.Join(errs...)
}

// check renders e with view and returns every problem found.
func (e entry) check(view any) []error {
	r, errs := e.render(view)
	if len(errs) > 0 {
		return errs
	}
	if r.Subject == "" {
		subject := e.text.Lookup("subject").Tree.ParseName
		errs = append(errs, fmt.Errorf("%s: the subject is empty; define it with {{define \"subject\"}}…{{end}}", subject))
	}
	if r.Text == "" {
		errs = append(errs, fmt.Errorf("%s: the text is empty; write the message body after the subject", e.text.Name()))
	}
	return errs
}
