package templates

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	texttemplate "text/template"
)

// override replaces the templates of s with those found in dir.
func (s *Set) override(dir string, p parser) error {
	entries, err := readTemplatesDir(dir)
	if err != nil {
		return err
	}
	found, err := knownFiles(dir, entries)
	errs := []error{err}
	for _, n := range Names() {
		errs = append(errs, s.overrideName(n, dir, found, p)...)
	}
	return errors.Join(errs...)
}

// overrideName parses the override files of n found in dir, if any.
func (s *Set) overrideName(n Name, dir string, found map[string]bool, p parser) []error {
	e := s.entries[n]
	var errs []error
	if found[n.textFile()] {
		t, err := overrideText(filepath.Join(dir, n.textFile()), e, p)
		if err != nil {
			errs = append(errs, err)
		} else {
			e.text = t
		}
	}
	if found[n.htmlFile()] {
		t, err := readAndParse(filepath.Join(dir, n.htmlFile()), p.html)
		if err != nil {
			errs = append(errs, err)
		} else {
			e.html = t
		}
	}
	s.entries[n] = e
	return errs
}

// overrideText parses the text override at path; without a subject of its
// own, it takes the subject of def.
func overrideText(path string, def entry, p parser) (*texttemplate.Template, error) {
	t, err := readAndParse(path, p.text)
	if err != nil || t.Lookup("subject") != nil {
		return t, err
	}
	if _, err := t.AddParseTree("subject", def.text.Lookup("subject").Tree); err != nil {
		return nil, fmt.Errorf("%s: adding the default subject: %w", path, err)
	}
	return t, nil
}

// readAndParse reads the file at path and parses it with parse.
func readAndParse[T any](path string, parse func(path, src string) (T, error)) (T, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		var zero T
		return zero, fmt.Errorf("templates_dir: %w", err)
	}
	t, err := parse(path, string(src))
	if err != nil {
		return t, fmt.Errorf("%w; fix %s or remove it to use the built-in default", err, filepath.Base(path))
	}
	return t, nil
}
