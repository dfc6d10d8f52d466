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
	p = p.forName(n)
	var errs []error
	if found[n.textFile()] {
		t, err := overrideText(n, filepath.Join(dir, n.textFile()), e, p)
		if err != nil {
			errs = append(errs, err)
		} else {
			e.text = t
		}
		if n.inThread() && !found[n.htmlFile()] {
			e.html = nil // the default HTML would say other words than the override
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
	if len(errs) == 0 && n.hasVariants() && (found[n.textFile()] || found[n.htmlFile()]) {
		if err := e.setVariants(); err != nil {
			errs = append(errs, err)
		}
	}
	s.entries[n] = e
	return errs
}

// overrideText parses the text override of n at path. Without a subject of
// its own it takes the subject of def; mail in a thread must have none.
func overrideText(n Name, path string, def entry, p parser) (*texttemplate.Template, error) {
	t, err := readAndParse(path, p.text)
	if err != nil {
		return nil, err
	}
	hasSubject := t.Lookup("subject") != nil
	switch {
	case n.inThread() && hasSubject:
		return nil, fmt.Errorf("%s: remove {{define \"subject\"}}: the subject of a %s is always \"Re: \" and the request's subject, so that it stays in the thread", path, n)
	case n.inThread() || hasSubject:
		return t, nil
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
