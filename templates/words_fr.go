package templates

import (
	"strconv"
	"time"
)

// wordsFR are the word functions in French.
func wordsFR() map[string]any {
	return map[string]any{
		"duration":    durationFR,
		"afterAsking": afterAskingFR,
		"times":       timesFR,
		"number":      numberFR,
		"ordinal":     ordinalFR,
	}
}

// frUnits are the units of time in French.
var frUnits = map[timeUnit]unitWords{
	minuteUnit: {"une minute", "minute", "minutes", true},
	hourUnit:   {"une heure", "heure", "heures", true},
	dayUnit:    {"un jour", "jour", "jours", false},
	weekUnit:   {"une semaine", "semaine", "semaines", true},
	monthUnit:  {"un mois", "mois", "mois", false},
	yearUnit:   {"un an", "an", "ans", false},
}

// durationFR says d in French, rounded down: "5 heures", "1 jour".
func durationFR(d time.Duration) string {
	n, unit := splitDuration(d)
	u := frUnits[unit]
	switch {
	case unit == noUnit:
		return "moins d'une minute"
	case n == 1:
		return "1 " + u.single
	}
	return strconv.Itoa(n) + " " + u.plural
}

// afterAskingFR says how soon after the owner asked an answer came, as
// the end of a sentence: "à peine deux heures après mon message".
func afterAskingFR(d time.Duration) string {
	n, unit := splitDuration(d)
	u := frUnits[unit]
	said := u.one
	if n != 1 {
		said = cardinalFR(n, u.feminine) + " " + u.plural
	}
	switch {
	case unit == noUnit:
		return "moins d'une minute après mon message"
	case d < day:
		return "à peine " + said + " après mon message"
	}
	return said + " après mon message"
}

var (
	frCardinals = []string{"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix",
		"onze", "douze", "treize", "quatorze", "quinze", "seize"}
	frTens     = []string{"", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"}
	frOrdinals = []string{"zéroième", "première", "deuxième", "troisième", "quatrième", "cinquième", "sixième",
		"septième", "huitième", "neuvième", "dixième", "onzième", "douzième"}
)

// cardinalFR spells n in words up to quatre-vingt-dix-neuf, in digits
// beyond; feminine says "une" for the nouns that want it ("vingt et une
// minutes").
func cardinalFR(n int, feminine bool) string {
	switch {
	case n == 1 && feminine:
		return "une"
	case n >= 0 && n < len(frCardinals):
		return frCardinals[n]
	case n > 0 && n < 20:
		return "dix-" + frCardinals[n-10]
	case n >= 20 && n < 70 && n%10 == 0:
		return frTens[n/10]
	case n >= 20 && n < 70 && n%10 == 1:
		return frTens[n/10] + " et " + cardinalFR(1, feminine)
	case n >= 20 && n < 70:
		return frTens[n/10] + "-" + frCardinals[n%10]
	case n == 71:
		return "soixante et onze"
	case n >= 70 && n < 80:
		return "soixante-" + cardinalFR(n-60, feminine)
	case n == 80:
		return "quatre-vingts"
	case n > 80 && n < 100:
		return "quatre-vingt-" + cardinalFR(n-80, feminine)
	}
	return strconv.Itoa(n)
}

// numberFR spells n up to douze ("trois"), in digits beyond.
func numberFR(n int) string {
	if n >= 0 && n <= 12 {
		return frCardinals[n]
	}
	return strconv.Itoa(n)
}

// timesFR says how often: "une fois", "deux fois", "13 fois".
func timesFR(n int) string {
	if n >= 0 && n <= 12 {
		return cardinalFR(n, true) + " fois"
	}
	return strconv.Itoa(n) + " fois"
}

// ordinalFR is the ordinal as it goes before "fois" (feminine):
// "troisième", then "13e".
func ordinalFR(n int) string {
	if n >= 0 && n < len(frOrdinals) {
		return frOrdinals[n]
	}
	return strconv.Itoa(n) + "e"
}
