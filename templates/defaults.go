package templates

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
)

// defaultFS holds the built-in templates.
//
//go:embed default
var defaultFS embed.FS

// loadDefaults parses the built-in templates of every name.
func loadDefaults(p parser) (*Set, error) {
	s := &Set{entries: make(map[Name]entry)}
	var errs []error
	for _, n := range Names() {
		e, err := loadDefault(p, n)
		if err != nil {
			errs = append(errs, err)
		}
		s.entries[n] = e
	}
	if err := errors.Join(errs...); err != nil {
		return nil, builtinBroken(err)
	}
	return s, nil
}

// loadDefault parses the built-in text and, when there is one, HTML of n.
func loadDefault(p parser, n Name) (entry, error) {
	var e entry
	textPath := path.Join("default", n.textFile())
	src, err := defaultFS.ReadFile(textPath)
	if err != nil {
		return e, err
	}
	if e.text, err = p.text(textPath, string(src)); err != nil {
		return e, err
	}
	if e.text.Lookup("subject") == nil {
		return e, fmt.Errorf("%s: no subject defined", textPath)
	}
	htmlPath := path.Join("default", n.htmlFile())
	src, err = defaultFS.ReadFile(htmlPath)
	if errors.Is(err, fs.ErrNotExist) {
		return e, nil
	}
	if err != nil {
		return e, err
	}
	e.html, err = p.html(htmlPath, string(src))
	return e, err
}

// builtinBroken wraps a problem with the embedded templates, which is a bug.
func builtinBroken(err error) error {
	return fmt.Errorf("built-in templates: %w (this is a bug in gratitude; please report it)", err)
}
