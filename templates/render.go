package templates

import (
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io"
	"reflect"
	"strings"
	texttemplate "text/template"
)

// Rendered is one rendered message.
type Rendered struct {
	Subject string // one line, at most 200 characters
	Text    string // the plain text body, ending in one "\n"
	HTML    string // the HTML body; "" when the template has none
}

// Render executes the named template with data (the matching view type, or
// a pointer to it). Data is never parsed as a template, is escaped in HTML
// and loses its bidi controls and invisible format characters (see shown),
// so a name made only of them falls back to the address; the subject is
// collapsed to one line and the text is tidied. For Thanks it renders
// variant-(Variant % Variants + 1), and the subject is "Re: " and the
// request's, never a template's; it is written in the view's Language
// when there is a thanks.LANG for it, else in English.
func (s *Set) Render(name Name, data any) (Rendered, error) {
	if name == Thanks {
		name = ThanksIn(languageOf(data))
	}
	e, ok := s.entries[name]
	if !ok {
		return Rendered{}, unknownName(name)
	}
	view, err := viewOf(name, data)
	if err != nil {
		return Rendered{}, fmt.Errorf("render %s: %w", name, err)
	}
	r, errs := e.render(shown(view))
	if len(errs) > 0 {
		return Rendered{}, fmt.Errorf("render %s: %w", name, errors.Join(errs...))
	}
	return r, nil
}

// render executes every part of e with view, returning every error.
func (e entry) render(view any) (Rendered, []error) {
	var r Rendered
	var errs []error
	if v, ok := view.(replying); ok {
		r.Subject = cleanSubject(v.replySubject())
	} else {
		subject, err := execute(e.text.Lookup("subject"), view)
		errs = appendErr(errs, err)
		r.Subject = cleanSubject(subject)
	}
	text, html := e.bodies(view)
	body, err := execute(text, view)
	errs = appendErr(errs, err)
	r.Text = cleanText(body)
	if html != nil {
		body, err := execute(html, view)
		errs = appendErr(errs, err)
		r.HTML = cleanHTML(body)
	}
	return r, errs
}

// bodies returns the templates writing the text and the HTML (nil when
// there is none) for view: those of its variant when e has variants.
func (e entry) bodies(view any) (*texttemplate.Template, *htmltemplate.Template) {
	i, ok := e.variantOf(view)
	if !ok {
		return e.text, e.html
	}
	name := variantName(i)
	if e.html == nil {
		return e.text.Lookup(name), nil
	}
	return e.text.Lookup(name), e.html.Lookup(name)
}

// executor is a parsed text or HTML template.
type executor interface {
	Execute(w io.Writer, data any) error
}

// execute runs t with data and returns what it wrote.
func execute(t executor, data any) (string, error) {
	var b strings.Builder
	err := t.Execute(&b, data)
	return b.String(), err
}

// appendErr appends err to errs unless it is nil.
func appendErr(errs []error, err error) []error {
	if err != nil {
		return append(errs, err)
	}
	return errs
}

// viewOf returns data as the view type of name, dereferencing a pointer.
func viewOf(name Name, data any) (any, error) {
	want := reflect.TypeOf(Sample(name))
	v := reflect.ValueOf(data)
	if v.Kind() == reflect.Pointer && !v.IsNil() && v.Type().Elem() == want {
		return v.Elem().Interface(), nil
	}
	if v.IsValid() && v.Type() == want {
		return data, nil
	}
	return nil, fmt.Errorf("data is %T, want templates.%s", data, want.Name())
}

// unknownName says name is not a template and lists those that are.
func unknownName(name Name) error {
	valid := make([]string, 0, len(Names()))
	for _, n := range Names() {
		valid = append(valid, string(n))
	}
	return fmt.Errorf("no template named %q (valid names: %s)", name, strings.Join(valid, ", "))
}
