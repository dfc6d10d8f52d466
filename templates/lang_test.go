package templates

import (
	"fmt"
	"html"
	"strings"
	"testing"
	"time"
)

// A thank-you is written in the helper's language when there is a
// thanks.LANG for it, with that language's words, and in English else.
func TestTheThankYouIsWrittenInTheHelpersLanguage(t *testing.T) {
	s := mustLoad(t, "")
	v := sampleThanksIn("de")
	v.HelpedBefore, v.TookFor = 0, 2*time.Hour+10*time.Minute
	for variant, wants := range map[int][]string{
		0: {"vielen Dank für deine Hilfe bei „Moving the family server to the new flat“. Du hast geschrieben:"},
		1: {"ganz herzlichen Dank! Deine Hilfe bei „Moving the family server to the new flat“ hat mir viel bedeutet, und sie kam nur zwei Stunden nach meiner Frage.",
			"„Ich kann um zehn da sein und bringe die Sackkarre mit.“ – das tat richtig gut zu lesen."},
		2: {"ich wollte mich noch mal richtig bei dir bedanken – für deine Hilfe bei „Moving the family server to the new flat“ und vor allem hierfür:",
			"Und du hast nur zwei Stunden nach meiner Frage geantwortet. Ich schulde dir was."},
	} {
		v.Variant = variant
		r := mustRender(t, s, Thanks, v)
		for _, want := range wants {
			if !strings.Contains(r.Text, want) {
				t.Errorf("variant %d in German lacks %q:\n%s", variant+1, want, r.Text)
			}
		}
		if !strings.Contains(r.HTML, `<html lang="de">`) || !strings.Contains(r.HTML, "Sackkarre") {
			t.Errorf("variant %d: the HTML is not the German one:\n%s", variant+1, r.HTML)
		}
	}
	v.HelpedBefore, v.Variant = 2, 4
	if r := mustRender(t, s, Thanks, v); !strings.Contains(r.Text, "Das ist schon das dritte Mal, dass du mir hilfst") {
		t.Errorf("German ordinal:\n%s", r.Text)
	}
	for _, lang := range []string{"", "en", "xx", "sv"} {
		v := sampleThanks()
		v.Language = lang
		if r := mustRender(t, s, Thanks, v); !strings.Contains(r.Text, "Thank you for your help") {
			t.Errorf("language %q: not the English thank-you:\n%s", lang, r.Text)
		}
	}
}

// Every language has as many variants as English, so two helpers of one
// request and one helper thanked twice get different words in any of them.
func TestEveryLanguageHasTheVariantsOfEnglish(t *testing.T) {
	s := mustLoad(t, "")
	if len(ThanksLanguages()) < 2 || ThanksLanguages()[0] != "en" {
		t.Fatalf("languages %v", ThanksLanguages())
	}
	for _, lang := range ThanksLanguages()[1:] {
		if got, want := s.Variants(ThanksIn(lang)), s.Variants(Thanks); got != want {
			t.Errorf("thanks.%s has %d variants, English %d", lang, got, want)
		}
	}
}

func TestGermanWords(t *testing.T) {
	for d, want := range map[time.Duration]string{
		30 * time.Second: "keine Minute nach meiner Frage", 20 * time.Minute: "nur zwanzig Minuten nach meiner Frage",
		time.Minute: "nur eine Minute nach meiner Frage", 70 * time.Minute: "nur eine Stunde nach meiner Frage",
		26 * time.Hour: "einen Tag nach meiner Frage", 3 * day: "drei Tage nach meiner Frage",
		3 * week: "drei Wochen nach meiner Frage", 400 * day: "ein Jahr nach meiner Frage",
	} {
		if got := afterAskingDE(d); got != want {
			t.Errorf("afterAskingDE(%v) = %q, want %q", d, got, want)
		}
	}
	if cardinalDE(21) != "einundzwanzig" || cardinalDE(37) != "siebenunddreißig" || cardinalDE(16) != "sechzehn" || cardinalDE(120) != "120" {
		t.Errorf("cardinalDE: %s %s %s %s", cardinalDE(21), cardinalDE(37), cardinalDE(16), cardinalDE(120))
	}
	if got := durationDE(3 * time.Hour); got != "3 Stunden" {
		t.Errorf("durationDE = %q", got)
	}
	if timesDE(1) != "einmal" || timesDE(3) != "dreimal" || timesDE(14) != "14-mal" || ordinalDE(3) != "dritte" || ordinalDE(13) != "13." {
		t.Errorf("times/ordinal: %s %s %s %s %s", timesDE(1), timesDE(3), timesDE(14), ordinalDE(3), ordinalDE(13))
	}
}

// The thank-you in French, Spanish, Italian, Portuguese and Dutch: a
// first help answered in two hours and a third help are thanked in the
// helper's words, "again" only to one who helped before.
func TestTheThankYouInFiveMoreLanguages(t *testing.T) {
	const subject = "Moving the family server to the new flat"
	s := mustLoad(t, "")
	for _, tc := range []struct {
		lang    string
		quick   map[int]string // variant (0-based) → words, to a first helper who answered in 2h10m
		third   string         // variant 5, to a third-time helper
		again   string         // "once again", never said to a first-time helper
		excerpt string         // from the sample excerpt, quoted by variants 1 to 4 in the HTML too
	}{
		{"fr", map[int]string{
			0: "Un grand merci pour ton aide sur «\u00a0" + subject + "\u00a0». Tu m'as écrit\u00a0:",
			1: "a beaucoup compté pour moi, et elle est arrivée à peine deux heures après mon message.",
			2: "Et tu m'as répondu à peine deux heures après mon message. Je te dois une fière chandelle.",
		}, "C'est déjà la troisième fois que tu me rends service", "encore une fois", "le diable"},
		{"es", map[int]string{
			0: "Muchas gracias por tu ayuda con «" + subject + "». Me escribiste:",
			1: "ha significado mucho para mí, y llegó apenas dos horas después de mi mensaje.",
			3: "Y qué rapidez: me contestaste apenas dos horas después de mi mensaje.",
		}, "Ya es la tercera vez que me ayudas", "una vez más", "la carretilla"},
		{"it", map[int]string{
			0: "grazie mille per l'aiuto con «" + subject + "». Mi hai scritto:",
			1: "per me ha significato molto, ed è arrivato ad appena due ore dal mio messaggio.",
			2: "E mi hai pure risposto ad appena due ore dal mio messaggio. Ti devo un favore.",
		}, "È già la terza volta che mi aiuti", "ancora una volta", "il carrello"},
		{"pt", map[int]string{
			0: "Agradeço-te muito a ajuda com «" + subject + "». Escreveste:",
			1: "significou muito para mim, e chegou apenas duas horas depois da minha mensagem.",
			3: "E que rapidez: respondeste apenas duas horas depois da minha mensagem.",
		}, "Já é a terceira vez que me ajudas", "mais uma vez", "o carrinho de mão"},
		{"nl", map[int]string{
			0: "Bedankt voor je hulp bij “" + subject + "”. Je schreef:",
			1: "heeft veel voor me betekend, en die kwam al twee uur na mijn vraag.",
			2: "Je reageerde bovendien al twee uur na mijn vraag. Ik ben je er eentje schuldig.",
		}, "Het is al de derde keer dat je me helpt", "alweer", "de steekwagen"},
	} {
		v := sampleThanksIn(tc.lang)
		v.HelpedBefore, v.TookFor = 0, 2*time.Hour+10*time.Minute
		for variant := range s.Variants(Thanks) {
			v.Variant = variant
			r := mustRender(t, s, Thanks, v)
			if want, ok := tc.quick[variant]; ok && !strings.Contains(r.Text, want) {
				t.Errorf("%s: variant %d lacks %q:\n%s", tc.lang, variant+1, want, r.Text)
			}
			if !strings.Contains(r.HTML, `<html lang="`+tc.lang+`">`) {
				t.Errorf("%s: variant %d: the HTML is not in %s:\n%s", tc.lang, variant+1, tc.lang, r.HTML)
			}
			if quotes := variant < 4; quotes != strings.Contains(r.HTML, tc.excerpt) {
				t.Errorf("%s: variant %d quotes the excerpt: %v, want %v (as in English):\n%s", tc.lang, variant+1, !quotes, quotes, r.HTML)
			}
			if strings.Contains(r.Text, tc.again) {
				t.Errorf("%s: variant %d says %q to a first-time helper:\n%s", tc.lang, variant+1, tc.again, r.Text)
			}
		}
		v.HelpedBefore, v.Variant = 2, 4
		if r := mustRender(t, s, Thanks, v); !strings.Contains(r.Text, tc.third) || !strings.Contains(r.Text, tc.again) {
			t.Errorf("%s: to a third-time helper, want %q and %q:\n%s", tc.lang, tc.third, tc.again, r.Text)
		}
	}
}

// Every language's thank-you reads whole, as the English one does: with
// and without the optional facts, the outcome and each sentence on how the
// helper helped, the HTML says the words of the text, no gap is left where
// a fact is missing, it is to Alice and signed by Ada, and no two variants
// share a line but the greeting and that sentence.
func TestEveryLanguageWritesAWholeThankYou(t *testing.T) {
	s := mustLoad(t, "")
	if langs := strings.Join(ThanksLanguages(), " "); langs != "en de es fr it nl pt" {
		t.Errorf("languages %s, want en de es fr it nl pt", langs)
	}
	for _, lang := range ThanksLanguages()[1:] {
		bare := bareThanks()
		bare.Language = lang
		quick := bare
		quick.TookFor = 20 * time.Minute
		views := []ThanksView{sampleThanksIn(lang), bare, quick}
		for _, set := range thanksFacts {
			for _, v := range []ThanksView{sampleThanksIn(lang), bare} {
				v.Outcome = "we took the flat in Kreuzberg"
				set(&v)
				views = append(views, v)
			}
		}
		for _, v := range views {
			seen := map[string]int{}
			for variant := range s.Variants(Thanks) {
				v.Variant = variant
				r := mustRender(t, s, Thanks, v)
				what := fmt.Sprintf("%s, variant %d", lang, variant+1)
				if got, want := htmlTextWords(r.HTML), textWords(r.Text); got != want {
					t.Errorf("%s: HTML and text differ:\nHTML: %s\ntext: %s", what, got, want)
				}
				for _, bad := range []string{"  ", " .", " ,", "\n\n\n", "<no value>", `"`} {
					if strings.Contains(r.Text, bad) {
						t.Errorf("%s has %q:\n%s", what, bad, r.Text)
					}
				}
				if !strings.Contains(r.Text, v.Outcome) {
					t.Errorf("%s does not say how it ended:\n%s", what, r.Text)
				}
				if _, body, _ := strings.Cut(r.Text, "\n"); v.Excerpt == "" && strings.Contains(body, ":\n") {
					t.Errorf("%s announces a quote it does not have:\n%s", what, r.Text)
				}
				if end := "\nAda\n"; v.Signature != "" {
					if end = "\nAda\n\n" + v.Signature + "\n"; !strings.HasSuffix(r.Text, end) {
						t.Errorf("%s does not end in the name and signature:\n%s", what, r.Text)
					}
				} else if !strings.HasSuffix(r.Text, end) || !strings.Contains(r.Text, "Alice") {
					t.Errorf("%s is not to Alice and signed Ada:\n%s", what, r.Text)
				}
				for i, line := range proseLines(r.Text, v) {
					if v.Fact() != "" && strings.Contains(line, factWords[lang][v.Fact()]) {
						continue // the one sentence every variant shares
					}
					if j, ok := seen[line]; ok && i > 0 {
						t.Errorf("%s: variants %d and %d share the line %q", lang, j+1, variant+1, line)
					}
					seen[line] = variant
				}
			}
		}
	}
}

// htmlTextWords returns the words of an HTML body, its quote marks kept.
func htmlTextWords(h string) string {
	return strings.Join(strings.Fields(html.UnescapeString(tag.ReplaceAllString(h, " "))), " ")
}

// A word function's cases: what it is called with and what it says.
type wordCases[T comparable] map[T]string

// check fails for each case f does not say.
func (c wordCases[T]) check(t *testing.T, name string, f func(T) string) {
	t.Helper()
	for in, want := range c {
		if got := f(in); got != want {
			t.Errorf("%s(%v) = %q, want %q", name, in, got, want)
		}
	}
}

func TestFrenchWords(t *testing.T) {
	wordCases[time.Duration]{
		30 * time.Second: "moins d'une minute après mon message", time.Minute: "à peine une minute après mon message",
		21 * time.Minute: "à peine vingt et une minutes après mon message", 70 * time.Minute: "à peine une heure après mon message",
		2*time.Hour + 10*time.Minute: "à peine deux heures après mon message", 26 * time.Hour: "un jour après mon message",
		3 * day: "trois jours après mon message", 3 * week: "trois semaines après mon message",
		70 * day: "deux mois après mon message", 400 * day: "un an après mon message",
	}.check(t, "afterAskingFR", afterAskingFR)
	wordCases[time.Duration]{30 * time.Second: "moins d'une minute", 3 * time.Hour: "3 heures", 25 * time.Hour: "1 jour",
		40 * day: "5 semaines"}.check(t, "durationFR", durationFR)
	wordCases[int]{1: "une fois", 2: "deux fois", 12: "douze fois", 13: "13 fois"}.check(t, "timesFR", timesFR)
	wordCases[int]{2: "deuxième", 3: "troisième", 9: "neuvième", 12: "douzième", 13: "13e"}.check(t, "ordinalFR", ordinalFR)
	wordCases[int]{1: "un", 3: "trois", 12: "douze", 13: "13"}.check(t, "numberFR", numberFR)
	wordCases[int]{0: "zéro", 17: "dix-sept", 21: "vingt et un", 22: "vingt-deux", 61: "soixante et un", 70: "soixante-dix",
		71: "soixante et onze", 77: "soixante-dix-sept", 80: "quatre-vingts", 81: "quatre-vingt-un", 90: "quatre-vingt-dix",
		91: "quatre-vingt-onze", 99: "quatre-vingt-dix-neuf", 100: "100"}.check(t, "cardinalFR", func(n int) string { return cardinalFR(n, false) })
	wordCases[int]{1: "une", 21: "vingt et une", 41: "quarante et une", 81: "quatre-vingt-une", 2: "deux"}.check(t, "cardinalFR feminine",
		func(n int) string { return cardinalFR(n, true) })
}

func TestSpanishWords(t *testing.T) {
	wordCases[time.Duration]{
		30 * time.Second: "menos de un minuto después de mi mensaje", time.Minute: "apenas un minuto después de mi mensaje",
		21 * time.Minute: "apenas veintiún minutos después de mi mensaje", 70 * time.Minute: "apenas una hora después de mi mensaje",
		21 * time.Hour: "apenas veintiuna horas después de mi mensaje", 26 * time.Hour: "un día después de mi mensaje",
		3 * day: "tres días después de mi mensaje", 3 * week: "tres semanas después de mi mensaje",
		70 * day: "dos meses después de mi mensaje", 400 * day: "un año después de mi mensaje",
	}.check(t, "afterAskingES", afterAskingES)
	wordCases[time.Duration]{30 * time.Second: "menos de un minuto", 3 * time.Hour: "3 horas", 25 * time.Hour: "1 día",
		100 * day: "3 meses"}.check(t, "durationES", durationES)
	wordCases[int]{1: "una vez", 2: "dos veces", 12: "doce veces", 13: "13 veces"}.check(t, "timesES", timesES)
	wordCases[int]{2: "segunda", 3: "tercera", 7: "séptima", 12: "duodécima", 13: "13.ª"}.check(t, "ordinalES", ordinalES)
	wordCases[int]{1: "uno", 3: "tres", 12: "doce", 13: "13"}.check(t, "numberES", numberES)
	wordCases[int]{0: "cero", 16: "dieciséis", 21: "veintiuno", 22: "veintidós", 30: "treinta", 31: "treinta y uno",
		99: "noventa y nueve", 100: "100"}.check(t, "cardinalES", cardinalES)
	wordCases[int]{1: "un", 21: "veintiún", 31: "treinta y un", 11: "once"}.check(t, "cardinalBeforeES masculine",
		func(n int) string { return cardinalBeforeES(n, false) })
	wordCases[int]{1: "una", 21: "veintiuna", 51: "cincuenta y una", 2: "dos"}.check(t, "cardinalBeforeES feminine",
		func(n int) string { return cardinalBeforeES(n, true) })
}

func TestItalianWords(t *testing.T) {
	wordCases[time.Duration]{
		30 * time.Second: "a meno di un minuto dal mio messaggio", time.Minute: "ad appena un minuto dal mio messaggio",
		21 * time.Minute: "ad appena ventuno minuti dal mio messaggio", 70 * time.Minute: "ad appena un'ora dal mio messaggio",
		23 * time.Hour: "ad appena ventitré ore dal mio messaggio", 26 * time.Hour: "un giorno dopo il mio messaggio",
		3 * day: "tre giorni dopo il mio messaggio", 3 * week: "tre settimane dopo il mio messaggio",
		70 * day: "due mesi dopo il mio messaggio", 400 * day: "un anno dopo il mio messaggio",
	}.check(t, "afterAskingIT", afterAskingIT)
	wordCases[time.Duration]{30 * time.Second: "meno di un minuto", 3 * time.Hour: "3 ore", 25 * time.Hour: "1 giorno",
		70 * time.Minute: "1 ora"}.check(t, "durationIT", durationIT)
	wordCases[int]{1: "una volta", 2: "due volte", 12: "dodici volte", 13: "13 volte"}.check(t, "timesIT", timesIT)
	wordCases[int]{2: "seconda", 3: "terza", 11: "undicesima", 12: "dodicesima", 13: "13ª"}.check(t, "ordinalIT", ordinalIT)
	wordCases[int]{1: "uno", 3: "tre", 12: "dodici", 13: "13"}.check(t, "numberIT", numberIT)
	wordCases[int]{0: "zero", 17: "diciassette", 21: "ventuno", 23: "ventitré", 28: "ventotto", 38: "trentotto",
		40: "quaranta", 46: "quarantasei", 99: "novantanove", 100: "100"}.check(t, "cardinalIT", cardinalIT)
}

func TestPortugueseWords(t *testing.T) {
	wordCases[time.Duration]{
		30 * time.Second: "menos de um minuto depois da minha mensagem", time.Minute: "apenas um minuto depois da minha mensagem",
		21 * time.Minute: "apenas vinte e um minutos depois da minha mensagem", 70 * time.Minute: "apenas uma hora depois da minha mensagem",
		2*time.Hour + 10*time.Minute: "apenas duas horas depois da minha mensagem",
		22 * time.Hour:               "apenas vinte e duas horas depois da minha mensagem", 26 * time.Hour: "um dia depois da minha mensagem",
		3 * day: "três dias depois da minha mensagem", 2 * week: "duas semanas depois da minha mensagem",
		70 * day: "dois meses depois da minha mensagem", 400 * day: "um ano depois da minha mensagem",
	}.check(t, "afterAskingPT", afterAskingPT)
	wordCases[time.Duration]{30 * time.Second: "menos de um minuto", 3 * time.Hour: "3 horas", 25 * time.Hour: "1 dia",
		40 * day: "5 semanas"}.check(t, "durationPT", durationPT)
	wordCases[int]{1: "uma vez", 2: "duas vezes", 12: "doze vezes", 13: "13 vezes"}.check(t, "timesPT", timesPT)
	wordCases[int]{2: "segunda", 3: "terceira", 7: "sétima", 12: "décima segunda", 13: "13.ª"}.check(t, "ordinalPT", ordinalPT)
	wordCases[int]{1: "um", 2: "dois", 12: "doze", 13: "13"}.check(t, "numberPT", numberPT)
	wordCases[int]{0: "zero", 16: "dezasseis", 17: "dezassete", 19: "dezanove", 21: "vinte e um", 22: "vinte e dois",
		60: "sessenta", 99: "noventa e nove", 100: "100"}.check(t, "cardinalPT", func(n int) string { return cardinalPT(n, false) })
	wordCases[int]{1: "uma", 2: "duas", 22: "vinte e duas", 31: "trinta e uma", 3: "três"}.check(t, "cardinalPT feminine",
		func(n int) string { return cardinalPT(n, true) })
}

func TestDutchWords(t *testing.T) {
	wordCases[time.Duration]{
		30 * time.Second: "al binnen een minuut na mijn vraag", time.Minute: "al een minuut na mijn vraag",
		21 * time.Minute: "al eenentwintig minuten na mijn vraag", 70 * time.Minute: "al een uur na mijn vraag",
		22 * time.Hour: "al tweeëntwintig uur na mijn vraag", 26 * time.Hour: "een dag na mijn vraag",
		3 * day: "drie dagen na mijn vraag", 3 * week: "drie weken na mijn vraag",
		70 * day: "twee maanden na mijn vraag", 800 * day: "twee jaar na mijn vraag",
	}.check(t, "afterAskingNL", afterAskingNL)
	wordCases[time.Duration]{30 * time.Second: "minder dan een minuut", 3 * time.Hour: "3 uur", 25 * time.Hour: "1 dag",
		50 * day: "7 weken"}.check(t, "durationNL", durationNL)
	wordCases[int]{1: "een keer", 2: "twee keer", 12: "twaalf keer", 13: "13 keer"}.check(t, "timesNL", timesNL)
	wordCases[int]{2: "tweede", 3: "derde", 8: "achtste", 12: "twaalfde", 13: "13e"}.check(t, "ordinalNL", ordinalNL)
	wordCases[int]{1: "één", 3: "drie", 12: "twaalf", 13: "13"}.check(t, "numberNL", numberNL)
	wordCases[int]{0: "nul", 18: "achttien", 21: "eenentwintig", 22: "tweeëntwintig", 23: "drieëntwintig",
		24: "vierentwintig", 80: "tachtig", 99: "negenennegentig", 100: "100"}.check(t, "cardinalNL", cardinalNL)
}
