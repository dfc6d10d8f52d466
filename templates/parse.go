package templates

import (
	htmltemplate "html/template"
	texttemplate "text/template"
)

// Paths of the embedded snippets shared by every template.
const (
	commonTextPath = "default/common.txt"
	commonHTMLPath = "default/common.html"
)

// parser parses template files with the shared functions and snippets.
type parser struct {
	funcs      map[string]any
	commonText string
	commonHTML string
}

// newParser reads the shared snippets and returns a parser using fm.
func newParser(fm map[string]any) (parser, error) {
	text, err := defaultFS.ReadFile(commonTextPath)
	if err != nil {
		return parser{}, builtinBroken(err)
	}
	html, err := defaultFS.ReadFile(commonHTMLPath)
	if err != nil {
		return parser{}, builtinBroken(err)
	}
	return parser{funcs: fm, commonText: string(text), commonHTML: string(html)}, nil
}

// text parses the text template src, read from path, over the snippets.
func (p parser) text(path, src string) (*texttemplate.Template, error) {
	t := texttemplate.New(path).Funcs(p.funcs)
	if _, err := t.New(commonTextPath).Parse(p.commonText); err != nil {
		return nil, builtinBroken(err)
	}
	return t.Parse(src)
}

// html parses the HTML template src, read from path, over the snippets.
func (p parser) html(path, src string) (*htmltemplate.Template, error) {
	t := htmltemplate.New(path).Funcs(p.funcs)
	if _, err := t.New(commonHTMLPath).Parse(p.commonHTML); err != nil {
		return nil, builtinBroken(err)
	}
	return t.Parse(src)
}
