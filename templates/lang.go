package templates

import (
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
)

// The thank-you comes in the helper's language: thanks.txt is English,
// the fallback, and thanks.LANG.txt (with thanks.LANG.html) the language
// LANG (ISO 639-1), with the same variants and the same view. Its word
// functions (afterAsking, duration, times, number, ordinal) speak LANG.

// thanksLanguages are the languages other than English the built-in
// thank-you is written in, found among the embedded files.
var thanksLanguages = embeddedLanguages()

// embeddedLanguages lists LANG for each default/thanks.LANG.txt.
func embeddedLanguages() []string {
	files, _ := fs.Glob(defaultFS, "default/thanks.*.txt")
	var langs []string
	for _, f := range files {
		lang := strings.TrimSuffix(strings.TrimPrefix(path.Base(f), "thanks."), ".txt")
		if validLanguage(lang) {
			langs = append(langs, lang)
		}
	}
	slices.Sort(langs)
	return langs
}

// validLanguage reports a two-letter lower-case language code.
func validLanguage(lang string) bool {
	return len(lang) == 2 && lang[0] >= 'a' && lang[0] <= 'z' && lang[1] >= 'a' && lang[1] <= 'z'
}

// ThanksLanguages lists the languages a thank-you can be written in:
// "en" first, then the others the built-in templates speak.
func ThanksLanguages() []string { return append([]string{"en"}, thanksLanguages...) }

// ThanksIn is the thank-you template in lang; Thanks (English) for "",
// "en" or a language it is not written in.
func ThanksIn(lang string) Name {
	if slices.Contains(thanksLanguages, lang) {
		return Name(string(Thanks) + "." + lang)
	}
	return Thanks
}

// language is the language n is written in: LANG for thanks.LANG, "en"
// for every other name.
func (n Name) language() string {
	if lang, ok := strings.CutPrefix(string(n), string(Thanks)+"."); ok {
		return lang
	}
	return "en"
}

// isThanks reports whether n is the thank-you, in any language.
func (n Name) isThanks() bool { return n == Thanks || n.language() != "en" }

// forName returns p with the word functions of n's language.
func (p parser) forName(n Name) parser {
	words, ok := languageWords[n.language()]
	if !ok {
		return p
	}
	fm := maps.Clone(p.funcs)
	maps.Copy(fm, words)
	p.funcs = fm
	return p
}

// languageOf is the language a view asks for ("" for none).
func languageOf(view any) string {
	if v, ok := view.(ThanksView); ok {
		return v.Language
	}
	if v, ok := view.(*ThanksView); ok && v != nil {
		return v.Language
	}
	return ""
}
