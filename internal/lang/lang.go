// Package lang owns telling which language a helper wrote in, so that the
// thank-you can answer in it: trigram statistics (whatlanggo) limited to
// the languages the caller can write, and "" when the text is too short or
// too mixed to tell.
package lang

import (
	"slices"
	"unicode"

	"github.com/abadojack/whatlanggo"
)

// minLetters is the fewest letters a text needs for its language to be told.
const minLetters = 12

// minConfidence is how sure the detector must be, among the languages asked.
const minConfidence = 0.1

// Detect returns the ISO 639-1 code of the language text is written in,
// among those given (ISO 639-1 codes), or "" when it cannot tell.
func Detect(text string, among []string) string {
	if letters(text, minLetters) < minLetters || len(among) == 0 {
		return ""
	}
	// Told among every language of Europe's and East Asia's mail, then
	// kept only if asked for: a Swedish reply is not German because German
	// is the nearer of the languages asked.
	info := whatlanggo.DetectWithOptions(text, whatlanggo.Options{Whitelist: field})
	code := info.Lang.Iso6391()
	// A short reply in one of the languages words are known for is told
	// by its words when they are clear about it: trigrams of a few words
	// mistake Spanish for Italian, Italian for Croatian.
	byWords, lead := vote(text)
	_, voted := markerWords[code]
	if letters(text, shortText) < shortText && lead > 0 && (voted || lead >= 2 || info.Confidence < minConfidence) {
		return keep(byWords, among)
	}
	if info.Confidence < minConfidence {
		if lead >= 2 {
			return keep(byWords, among)
		}
		return ""
	}
	return keep(code, among)
}

// shortText is the letters under which a text is told by its words first.
const shortText = 60

// keep returns code when it is among those asked for, else "".
func keep(code string, among []string) string {
	if slices.Contains(among, code) {
		return code
	}
	return ""
}

// field is the languages Detect tells apart (iso6393, as whatlanggo's).
var field = func() map[whatlanggo.Lang]bool {
	m := map[whatlanggo.Lang]bool{}
	for _, code := range iso6393 {
		if l := whatlanggo.CodeToLang(code); l != -1 {
			m[l] = true
		}
	}
	return m
}()

// letters counts the letters of text, up to most.
func letters(text string, most int) int {
	n := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			if n++; n >= most {
				break
			}
		}
	}
	return n
}

// iso6393 maps the ISO 639-1 codes gratitude writes in to whatlanggo's
// ISO 639-3 codes.
var iso6393 = map[string]string{
	"en": "eng", "de": "deu", "fr": "fra", "es": "spa", "it": "ita", "pt": "por", "nl": "nld",
	"sv": "swe", "da": "dan", "no": "nob", "fi": "fin", "pl": "pol", "cs": "ces", "sk": "slk",
	"hu": "hun", "ro": "ron", "hr": "hrv", "tr": "tur", "ru": "rus", "uk": "ukr", "el": "ell",
	"ja": "jpn", "zh": "cmn", "ko": "kor", "vi": "vie",
}

// Codes lists every language Detect can tell (ISO 639-1), sorted.
func Codes() []string {
	out := make([]string, 0, len(iso6393))
	for code := range iso6393 {
		out = append(out, code)
	}
	slices.Sort(out)
	return out
}
