package templates

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
)

// tooWords is each language's "too": two sentences in a row may not both
// say it.
var tooWords = map[string]string{
	"en": "too", "de": "auch", "fr": "aussi", "es": "también", "it": "anche", "pt": "também", "nl": "ook",
}

// lowerAfterComma is the languages whose letters go on in lower case after
// a greeting that ends in a comma ("Hallo Bob,\n\nvielen Dank").
var lowerAfterComma = map[string]bool{"de": true, "it": true}

// thanksVoices are the owner's greeting and closing a thank-you is rendered
// with: none, one ending in "!", one ending in a comma.
var thanksVoices = [][2]string{{"", ""}, {"Hey Alice!", "Cheers,\nAda"}, {"Hi Alice,", "Best,\nAda"}}

// sentenceEnd ends a sentence: . ! ? or …, a closing quote mark, then
// space; or a colon at the end of a line (before a quote).
var sentenceEnd = regexp.MustCompile(`[.!?…][»”"]?\s+|:\n`)

// Every thank-you, in every language, with every mix of what can be said,
// reads in order: no fact glued under a quote, no two sentences in a row
// that both say "too" or start with the same word, the outcome last before
// the closing, the right case after the greeting, and the HTML in the same
// words as the text.
func TestEveryThankYouFlows(t *testing.T) {
	s := mustLoad(t, "")
	const outcome = "the board approved the budget on Friday"
	facts := []string{"", "late", "brought-in", "first", "twice"}
	for _, lang := range ThanksLanguages() {
		for variant := range s.Variants(ThanksIn(lang)) {
			for _, excerpt := range []string{"", sampleThanksIn(lang).Excerpt} {
				for _, fact := range facts {
					for _, extra := range []string{"", "quick", "helped"} {
						for _, out := range []string{"", outcome} {
							for _, voice := range thanksVoices {
								v := sampleThanksIn(lang)
								v.Variant, v.Excerpt, v.Outcome = variant, excerpt, out
								v.HelpedBefore, v.TookFor, v.Replies = 0, 30*time.Hour, 1
								switch extra {
								case "quick":
									v.TookFor = 2 * time.Hour
								case "helped":
									v.HelpedBefore = 2
								}
								if fact != "" {
									thanksFacts[fact](&v)
								}
								v.Greeting, v.Closing = voice[0], voice[1]
								what := fmt.Sprintf("%s variant %d, excerpt %t, fact %q, %q, outcome %t, greeting %q",
									lang, variant+1, excerpt != "", fact, extra, out != "", voice[0])
								r := mustRender(t, s, Thanks, v)
								for _, msg := range thanksFlowFaults(lang, v, r.Text) {
									t.Errorf("%s: %s:\n%s", what, msg, r.Text)
								}
								words := htmlTextWords // other languages quote alike in text and HTML
								if lang == "en" {
									words = htmlWords // English: "straight" in text, “curly” in HTML
								}
								if got, want := words(r.HTML), textWords(r.Text); got != want {
									t.Errorf("%s: HTML and text differ:\nHTML: %s\ntext: %s", what, got, want)
								}
							}
						}
					}
				}
			}
		}
	}
}

// thanksFlowFaults returns what reads badly in the text of v, a thank-you
// in lang.
func thanksFlowFaults(lang string, v ThanksView, text string) []string {
	var faults []string
	if sig := strings.TrimSpace(v.Signature); sig != "" && v.Closing == "" {
		text = strings.TrimSuffix(text, "\n\n"+sig+"\n") + "\n"
	}
	paras := strings.Split(strings.TrimRight(text, "\n"), "\n\n")
	if len(paras) < 3 {
		return []string{"fewer than three paragraphs (greeting, body, closing)"}
	}
	if v.Outcome != "" {
		if last := paras[len(paras)-2]; !strings.HasSuffix(last, sentence(v.Outcome)) {
			faults = append(faults, "the outcome is not the last paragraph before the closing")
		}
	}
	lines := strings.Split(text, "\n")
	for i := 1; i < len(lines); i++ {
		if strings.HasPrefix(lines[i-1], ">") && lines[i] != "" && !strings.HasPrefix(lines[i], ">") {
			faults = append(faults, fmt.Sprintf("%q is glued under the quote", lines[i]))
		}
	}
	// The first letter after the greeting: a capital after "!", lower
	// case after a comma in languages that write so.
	if g := v.Greeting; g != "" && !strings.HasPrefix(paras[1], ">") {
		body := strings.TrimLeftFunc(paras[1], func(r rune) bool { return !unicode.IsLetter(r) })
		first := []rune(body + " ")[0]
		switch {
		case strings.HasSuffix(g, "!") && !unicode.IsUpper(first):
			faults = append(faults, fmt.Sprintf("lower case %q after %q", first, g))
		case strings.HasSuffix(g, ",") && lowerAfterComma[lang] && !unicode.IsLower(first):
			faults = append(faults, fmt.Sprintf("capital %q after %q", first, g))
		case strings.HasSuffix(g, ",") && !lowerAfterComma[lang] && !unicode.IsUpper(first):
			faults = append(faults, fmt.Sprintf("lower case %q after %q", first, g))
		}
	}
	// The sentences of the body, quotes and the excerpt left out.
	var prose []string
	for line := range strings.SplitSeq(strings.Join(paras[1:len(paras)-1], "\n"), "\n") {
		if !strings.HasPrefix(line, ">") {
			prose = append(prose, line)
		}
	}
	body := strings.Join(prose, "\n")
	if v.Excerpt != "" {
		clipped, _ := clip(160, v.Excerpt)
		body = strings.ReplaceAll(body, clipped, "X")
	}
	var prev []string
	for _, s := range sentenceEnd.Split(body+" ", -1) {
		words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) })
		if len(words) == 0 {
			continue
		}
		if len(prev) > 0 {
			if too := tooWords[lang]; hasWord(prev, too) && hasWord(words, too) {
				faults = append(faults, fmt.Sprintf("two sentences in a row say %q, the second %q", too, s))
			}
			if words[0] == prev[0] {
				faults = append(faults, fmt.Sprintf("two sentences in a row start with %q, the second %q", words[0], s))
			}
		}
		prev = words
	}
	return faults
}

// hasWord reports whether words has w.
func hasWord(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}
