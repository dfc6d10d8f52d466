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
	p = p.forName(n)
	textPath := path.Join("default", n.textFile())
	src, err := defaultFS.ReadFile(textPath)
	if err != nil {
		return e, err
	}
	if e.text, err = p.text(textPath, string(src)); err != nil {
		return e, err
	}
	if (e.text.Lookup("subject") != nil) == n.inThread() {
		return e, fmt.Errorf("%s: a subject must be defined unless the mail is in a thread, and only then", textPath)
	}
	htmlPath := path.Join("default", n.htmlFile())
	src, err = defaultFS.ReadFile(htmlPath)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return e, err
	default:
		if e.html, err = p.html(htmlPath, string(src)); err != nil {
			return e, err
		}
	}
	if n.hasVariants() {
		return e, e.setVariants()
	}
	return e, nil
}

// builtinBroken wraps a problem with the embedded templates, which is a bug.
func builtinBroken(err error) error {
	return fmt.Errorf("built-in templates: %w (this is a bug in gratitude; please report it)", err)
}
