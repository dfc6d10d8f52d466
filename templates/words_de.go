package templates

import (
	"strconv"
	"time"
)

// wordsDE are the word functions in German.
func wordsDE() map[string]any {
	return map[string]any{
		"duration":    durationDE,
		"afterAsking": afterAskingDE,
		"times":       timesDE,
		"number":      numberDE,
		"ordinal":     ordinalDE,
	}
}

// germanUnit is a unit of time in German: the forms after "ein…" and the plural.
type germanUnit struct{ one, plural string }

var (
	deMinute = germanUnit{"eine Minute", "Minuten"}
	deHour   = germanUnit{"eine Stunde", "Stunden"}
	deDay    = germanUnit{"einen Tag", "Tage"}
	deWeek   = germanUnit{"eine Woche", "Wochen"}
	deMonth  = germanUnit{"einen Monat", "Monate"}
	deYear   = germanUnit{"ein Jahr", "Jahre"}
)

// durationDE says d in German, rounded down: "5 Stunden", "1 Tag".
func durationDE(d time.Duration) string {
	n, u := splitDuration(d)
	if u == (germanUnit{}) {
		return "weniger als eine Minute"
	}
	if n == 1 {
		return "1 " + map[germanUnit]string{deMinute: "Minute", deHour: "Stunde", deDay: "Tag", deWeek: "Woche",
			deMonth: "Monat", deYear: "Jahr"}[u]
	}
	return strconv.Itoa(n) + " " + u.plural
}

// afterAskingDE says how soon after the owner asked an answer came, as
// the end of a sentence: "nur zwei Stunden nach meiner Frage".
func afterAskingDE(d time.Duration) string {
	n, u := splitDuration(d)
	switch {
	case u == (germanUnit{}):
		return "keine Minute nach meiner Frage"
	case d < day && n == 1:
		return "nur " + u.one + " nach meiner Frage"
	case d < day:
		return "nur " + cardinalDE(n) + " " + u.plural + " nach meiner Frage"
	case n == 1:
		return u.one + " nach meiner Frage"
	}
	return cardinalDE(n) + " " + u.plural + " nach meiner Frage"
}

// splitDuration rounds d down to a count of its largest sensible unit, as
// duration does; the zero unit for under a minute.
func splitDuration(d time.Duration) (int, germanUnit) {
	switch {
	case d < time.Minute:
		return 0, germanUnit{}
	case d < time.Hour:
		return int(d / time.Minute), deMinute
	case d < day:
		return int(d / time.Hour), deHour
	case d < 2*week:
		return int(d / day), deDay
	case d < 9*week:
		return int(d / week), deWeek
	case d < year:
		return int(d / month), deMonth
	}
	return int(d / year), deYear
}

var (
	deCardinals = []string{"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf"}
	deOrdinals  = []string{"nullte", "erste", "zweite", "dritte", "vierte", "fünfte", "sechste", "siebte", "achte", "neunte",
		"zehnte", "elfte", "zwölfte"}
)

var (
	deTeens = []string{"dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn"}
	deTens  = []string{"", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"}
)

// cardinalDE spells n in words up to neunundneunzig, in digits beyond.
func cardinalDE(n int) string {
	switch {
	case n >= 0 && n < len(deCardinals):
		return deCardinals[n]
	case n > 0 && n < 20:
		return deTeens[n-len(deCardinals)]
	case n >= 20 && n < 100 && n%10 == 0:
		return deTens[n/10]
	case n > 20 && n < 100:
		unit := deCardinals[n%10]
		if n%10 == 1 {
			unit = "ein"
		}
		return unit + "und" + deTens[n/10]
	}
	return strconv.Itoa(n)
}

// numberDE spells n up to twelve ("drei"), in digits beyond.
func numberDE(n int) string {
	if n >= 0 && n < len(deCardinals) {
		return deCardinals[n]
	}
	return strconv.Itoa(n)
}

// timesDE says how often: "einmal", "zweimal", "13-mal".
func timesDE(n int) string {
	if n == 1 {
		return "einmal"
	}
	if n > 1 && n < len(deCardinals) {
		return deCardinals[n] + "mal"
	}
	return strconv.Itoa(n) + "-mal"
}

// ordinalDE is the ordinal as it follows "das" or "die": "dritte", then "13.".
func ordinalDE(n int) string {
	if n >= 0 && n < len(deOrdinals) {
		return deOrdinals[n]
	}
	return strconv.Itoa(n) + "."
}
