package templates

import (
	"strings"
	"testing"
)

// Every variant, in every language, says what came of the request when the
// owner said it, and the one sentence that fits how this helper helped.
func TestEveryThankYouSaysTheOutcomeAndHowTheHelperHelped(t *testing.T) {
	s := mustLoad(t, "")
	facts := map[string]func(*ThanksView){
		"late":       func(v *ThanksView) { v.Late = true },
		"brought-in": func(v *ThanksView) { v.BroughtIn = true },
		"first":      func(v *ThanksView) { v.First = true },
		"twice":      func(v *ThanksView) { v.Replies = 2 },
	}
	words := map[string]map[string]string{
		"en": {"late": "Things were already settled when your answer came", "brought-in": "I hadn't even asked you",
			"first": "You were the first to answer", "twice": "thank you for following up"},
		"de": {"late": "Da war zwar schon alles geklärt", "brought-in": "Dabei hatte ich dich nicht einmal gefragt",
			"first": "deine Antwort war auch noch die erste", "twice": "dass du noch einmal nachgehakt hast"},
	}
	for _, lang := range []string{"en", "de"} {
		for variant := range s.Variants(ThanksIn(lang)) {
			for fact, set := range facts {
				v := sampleThanksIn(lang)
				v.Language, v.Variant, v.Outcome = lang, variant, "we took the flat in Kreuzberg"
				set(&v)
				r := mustRender(t, s, Thanks, v)
				for part, body := range map[string]string{"text": r.Text, "html": r.HTML} {
					if !strings.Contains(body, "we took the flat in Kreuzberg.") {
						t.Errorf("%s variant %d %s: no outcome:\n%s", lang, variant+1, part, body)
					}
					if want := words[lang][fact]; !strings.Contains(body, want) {
						t.Errorf("%s variant %d %s, %s: lacks %q:\n%s", lang, variant+1, part, fact, want, body)
					}
				}
			}
		}
	}
	// Nothing said, nothing written: no outcome lead, no fact sentence.
	v := sampleThanks()
	r := mustRender(t, s, Thanks, v)
	for _, w := range []string{"It all worked out", "first to answer", "following up", "hadn't even asked"} {
		if strings.Contains(r.Text, w) {
			t.Errorf("without an outcome or a fact the thank-you says %q:\n%s", w, r.Text)
		}
	}
}

func TestSentenceEndsTheOwnersWords(t *testing.T) {
	for in, want := range map[string]string{
		"we took the flat": "we took the flat.", " it was the fuse!  ": "it was the fuse!", "done?": "done?",
		"two\nlines": "two lines.", "": "", "so…": "so…",
	} {
		if got := sentence(in); got != want {
			t.Errorf("sentence(%q) = %q, want %q", in, got, want)
		}
	}
}
