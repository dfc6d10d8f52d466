package templates

import (
	"strings"
	"testing"
)

// thanksFacts sets each fact a thank-you can say of how its helper helped.
var thanksFacts = map[string]func(*ThanksView){
	"late":       func(v *ThanksView) { v.Late = true },
	"brought-in": func(v *ThanksView) { v.BroughtIn = true },
	"first":      func(v *ThanksView) { v.First = true },
	"twice":      func(v *ThanksView) { v.Replies = 2 },
}

// factWords are words of each fact's sentence, in every language of the
// thank-you.
var factWords = map[string]map[string]string{
	"en": {"late": "Things were already settled when your answer came", "brought-in": "I hadn't even asked you",
		"first": "Yours was the very first answer I got", "twice": "It was good of you to follow up as well"},
	"de": {"late": "Da war zwar schon alles erledigt", "brought-in": "Dabei hatte ich dich nicht einmal gefragt",
		"first": "Übrigens war deine Antwort die erste", "twice": "Schön, dass du noch einmal nachgehakt hast"},
	"fr": {"late": "tout s'était déjà arrangé", "brought-in": "Je ne t'avais même rien demandé",
		"first": "personne n'a répondu avant toi", "twice": "que tu prennes la peine de me réécrire"},
	"es": {"late": "ya se había solucionado todo", "brought-in": "Ni siquiera te lo había pedido",
		"first": "respondiste antes que nadie", "twice": "que volvieras a escribirme"},
	"it": {"late": "era già tutto risolto", "brought-in": "Non te l'avevo nemmeno chiesto",
		"first": "la tua è stata la prima risposta", "twice": "che tu mi abbia scritto di nuovo"},
	"pt": {"late": "o assunto já estava tratado", "brought-in": "Nem sequer te tinha pedido nada",
		"first": "a tua foi a primeira resposta", "twice": "voltares a escrever"},
	"nl": {"late": "was alles al opgelost", "brought-in": "Ik had het je niet eens gevraagd",
		"first": "Niemand was je trouwens voor", "twice": "Fijn dat je er nog eens op terugkwam"},
}

// Every variant, in every language, says what came of the request when the
// owner said it, after a lead of its own, and the one sentence that fits
// how this helper helped.
func TestEveryThankYouSaysTheOutcomeAndHowTheHelperHelped(t *testing.T) {
	s := mustLoad(t, "")
	if len(factWords) != len(ThanksLanguages()) {
		t.Errorf("fact words in %d languages, thank-yous in %v", len(factWords), ThanksLanguages())
	}
	const outcome = "we took the flat in Kreuzberg"
	for _, lang := range ThanksLanguages() {
		leads := map[string]int{} // the words before the outcome → the variant that says them
		for variant := range s.Variants(ThanksIn(lang)) {
			for fact, set := range thanksFacts {
				v := sampleThanksIn(lang)
				v.Language, v.Variant, v.Outcome = lang, variant, outcome
				set(&v)
				r := mustRender(t, s, Thanks, v)
				for part, body := range map[string]string{"text": r.Text, "html": r.HTML} {
					before, _, ok := strings.Cut(body, outcome+".")
					if !ok {
						t.Errorf("%s variant %d %s: no outcome:\n%s", lang, variant+1, part, body)
					} else if lead := before[strings.LastIndexAny(before, "\n>")+1:]; !strings.HasSuffix(strings.TrimSuffix(lead, " "), ":") {
						t.Errorf("%s variant %d %s: the outcome does not follow a lead and a colon: %q", lang, variant+1, part, lead)
					} else if j, ok := leads[lead]; ok && j != variant {
						t.Errorf("%s: variants %d and %d lead to the outcome with the same %q", lang, j+1, variant+1, lead)
					} else {
						leads[lead] = variant
					}
					if want := factWords[lang][fact]; !strings.Contains(body, want) {
						t.Errorf("%s variant %d %s, %s: lacks %q:\n%s", lang, variant+1, part, fact, want, body)
					}
				}
			}
		}
		// Nothing said, nothing written: no fact sentence.
		v := sampleThanksIn(lang)
		for variant := range s.Variants(ThanksIn(lang)) {
			v.Variant = variant
			r := mustRender(t, s, Thanks, v)
			for _, w := range factWords[lang] {
				if strings.Contains(r.Text, w) || strings.Contains(r.HTML, w) {
					t.Errorf("%s variant %d: without a fact the thank-you says %q:\n%s", lang, variant+1, w, r.Text)
				}
			}
		}
	}
	// Nothing said, nothing written: no outcome lead either.
	r := mustRender(t, s, Thanks, sampleThanks())
	if strings.Contains(r.Text, "it all worked out") {
		t.Errorf("without an outcome the thank-you says how it worked out:\n%s", r.Text)
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
