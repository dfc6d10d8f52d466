package templates

import (
	"reflect"
	"slices"
	"strings"
)

// Variable is one name a template may use on its view: a field, or a
// method that takes nothing ({{.Quick}}), with its Go type.
type Variable struct {
	Name string
	Type string
}

// Variables lists what the template name may use on its view, in the
// view's order (fields, then methods by name); nil for an unknown name.
func Variables(name Name) []Variable {
	s := Sample(name)
	if s == nil {
		return nil
	}
	t := reflect.TypeOf(s)
	var out []Variable
	for i := range t.NumField() {
		if f := t.Field(i); f.IsExported() {
			out = append(out, Variable{f.Name, typeName(f.Type)})
		}
	}
	for i := range t.NumMethod() {
		m := t.Method(i)
		if m.Type.NumIn() == 1 && m.Type.NumOut() == 1 {
			out = append(out, Variable{m.Name, typeName(m.Type.Out(0))})
		}
	}
	return out
}

// typeName is t as a template writer reads it: "string", "[]templates.Person".
func typeName(t reflect.Type) string {
	return strings.ReplaceAll(t.String(), "templates.", "")
}

// Functions lists the functions every template may call, by name.
func Functions() []string {
	names := make([]string, 0, len(funcs(nil)))
	for n := range funcs(nil) {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Files names the files of name in a templates directory: its text and
// its HTML.
func (n Name) Files() (text, html string) { return n.textFile(), n.htmlFile() }
