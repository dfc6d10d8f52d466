package templates

import (
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"text/template/parse"
)

// varied is a view whose template may come in variants: it says which one
// to render, and Check renders each.
type varied interface {
	variant() int
	withVariant(i int) any
}

// replying is a view of mail sent in a request's thread: its subject is
// not a template's.
type replying interface {
	replySubject() string
}

// variantPrefix starts the name of every variant: variant-1, variant-2, …
const variantPrefix = "variant-"

// variantName is the name of the template defining variant i (0-based).
func variantName(i int) string { return variantPrefix + strconv.Itoa(i+1) }

// Variants reports how many variants the named template has: for Thanks,
// how many its text defines (variant-1 … variant-N), or 1 when it defines
// none; 1 for every other name; 0 for an unknown name.
func (s *Set) Variants(name Name) int {
	e, ok := s.entries[name]
	if !ok {
		return 0
	}
	return max(e.variants, 1)
}

// variantOf returns the 0-based variant of e that view asks for, and
// whether e has variants for it to ask for.
func (e entry) variantOf(view any) (int, bool) {
	v, ok := view.(varied)
	if !ok || e.variants == 0 {
		return 0, false
	}
	return ((v.variant() % e.variants) + e.variants) % e.variants, true
}

// views returns the views Check renders e with: one per variant.
func (e entry) views(sample any) []any {
	v, ok := sample.(varied)
	if !ok || e.variants == 0 {
		return []any{sample}
	}
	views := make([]any, e.variants)
	for i := range views {
		views[i] = v.withVariant(i)
	}
	return views
}

// setVariants counts the variants of e's text and checks that its HTML,
// if any, defines the same ones and that neither writes anything outside
// them, which would never be used.
func (e *entry) setVariants() error {
	textPath := e.text.Name()
	nt, errText := countVariants(textPath, templateNames(e.text.Templates()), e.text.Tree)
	if e.html == nil {
		e.variants = nt
		return errText
	}
	htmlPath := e.html.Name()
	nh, errHTML := countVariants(htmlPath, templateNames(e.html.Templates()), e.html.Tree)
	errs := []error{errText, errHTML}
	if errText == nil && errHTML == nil {
		for i := nt; i < nh; i++ {
			errs = append(errs, missingVariant(textPath, htmlPath, i))
		}
		for i := nh; i < nt; i++ {
			errs = append(errs, missingVariant(htmlPath, textPath, i))
		}
	}
	e.variants = nt
	return errors.Join(errs...)
}

// missingVariant says the file at path lacks variant i, which other has.
func missingVariant(path, other string, i int) error {
	return fmt.Errorf("%s: no {{define %q}}, which %s has; give %s and %s the same variants",
		path, variantName(i), filepath.Base(other), filepath.Base(path), filepath.Base(other))
}

// countVariants returns N when names hold variant-1 … variant-N, and an
// error naming path for a gap, a badly numbered variant, or a body
// (main) written outside the variants.
func countVariants(path string, names []string, main *parse.Tree) (int, error) {
	numbers := make(map[int]bool)
	var errs []error
	for _, name := range names {
		digits, ok := strings.CutPrefix(name, variantPrefix)
		if !ok {
			continue
		}
		n, err := strconv.Atoi(digits)
		if err != nil || n < 1 || digits != strconv.Itoa(n) {
			errs = append(errs, fmt.Errorf("%s: {{define %q}} is not a variant name; number variants variant-1, variant-2 and so on", path, name))
			continue
		}
		numbers[n] = true
	}
	count := 0
	for numbers[count+1] {
		count++
	}
	if len(numbers) > count {
		errs = append(errs, fmt.Errorf("%s: variants must be numbered from variant-1 without gaps; %s is missing", path, variantName(count)))
	}
	if count > 0 && main != nil && !parse.IsEmptyTree(main.Root) {
		errs = append(errs, fmt.Errorf("%s: text outside the variants is never used; move it into {{define \"variant-…\"}} or remove it", path))
	}
	return count, errors.Join(errs...)
}

// templateNames lists the names of ts.
func templateNames[T interface{ Name() string }](ts []T) []string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name()
	}
	return names
}
