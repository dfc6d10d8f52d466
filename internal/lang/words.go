package lang

import (
	"strings"
	"unicode"
)

// A reply of a few words ("Vale, yo me encargo.") is too short for
// trigram statistics; its most common words tell it: each language's
// words below that no other listed language also uses.
var markerWords = map[string]string{
	"en": "the and you your with this that have will would just thanks thank sure tomorrow tonight morning what know " +
		"think good great please about there here from they them been was were could should i'll i've can't let it's i'm don't fixed",
	"de": "ich und nicht das die der ist dir dich mit auf für ein eine kann morgen heute abend danke gerne klar schon " +
		"noch mal bitte gut habe hab wir bin sind war wenn aber auch doch jetzt vorbei komme schicke mache erledigt",
	"fr": "je le la les et est pas une des avec pour ça c'est demain soir merci oui bien vais peux problème envoie suis " +
		"on mais très aussi quand qui il elle nous vous mon ton passe fais m'en j'ai j'en",
	"es": "el los las está estoy mañana tarde esta este vale yo ya sí sin problema avísame algo miro encargo por pero " +
		"muy también hola gracias bueno hoy noche cuando tengo puedo hago del al arreglado falla nada ahora luego eso esto aquí paso",
	"it": "di è non sono va bene ne io stasera domani sera ciao grazie sì certo occupo per anche molto ma tutto fatto " +
		"posso faccio ti mi ho hai gli della nel questo quello adesso dopo subito passo",
	"pt": "não sim é obrigado obrigada amanhã hoje noite você eu estou isso isto aqui agora depois já também muito bem " +
		"vou posso faço tenho ao do da das dos na no nos em um uma à às ótimo contacto manhã olá",
	"nl": "ik jij het een niet wel dat van voor met op naar vanavond avond dank bedankt graag hoor even maar ook nog kom " +
		"kan ga doe stuur langs tuurlijk zaterdag zaterdagochtend goed heb wil zal mijn jouw jullie morgenochtend",
}

// markers maps each marker word to its one language; a word listed for
// two languages tells neither and is left out.
var markers = func() map[string]string {
	seen := map[string]string{}
	for code, words := range markerWords {
		for _, w := range strings.Fields(words) {
			if other, ok := seen[w]; ok && other != code {
				seen[w] = ""
				continue
			}
			seen[w] = code
		}
	}
	for w, code := range seen {
		if code == "" {
			delete(seen, w)
		}
	}
	return seen
}()

// vote counts the marker words of text by language and returns the
// language with the most, and by how many it leads the next ("" when
// none, or a tie).
func vote(text string) (string, int) {
	counts := map[string]int{}
	words := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	for _, w := range words {
		if code, ok := markers[strings.ReplaceAll(w, "’", "'")]; ok {
			counts[code]++
		}
	}
	best, first, second := "", 0, 0
	for code, n := range counts {
		switch {
		case n > first:
			best, second, first = code, first, n
		case n > second:
			second = n
		}
	}
	if first == second {
		return "", 0
	}
	return best, first - second
}
