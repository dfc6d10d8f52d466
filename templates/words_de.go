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

// deUnits are the units of time in German.
var deUnits = map[timeUnit]unitWords{
	minuteUnit: {"eine Minute", "Minute", "Minuten", true},
	hourUnit:   {"eine Stunde", "Stunde", "Stunden", true},
	dayUnit:    {"einen Tag", "Tag", "Tage", false},
	weekUnit:   {"eine Woche", "Woche", "Wochen", true},
	monthUnit:  {"einen Monat", "Monat", "Monate", false},
	yearUnit:   {"ein Jahr", "Jahr", "Jahre", false},
}

// durationDE says d in German, rounded down: "5 Stunden", "1 Tag".
func durationDE(d time.Duration) string {
	n, unit := splitDuration(d)
	u := deUnits[unit]
	switch {
	case unit == noUnit:
		return "weniger als eine Minute"
	case n == 1:
		return "1 " + u.single
	}
	return strconv.Itoa(n) + " " + u.plural
}

// afterAskingDE says how soon after the owner asked an answer came, as
// the end of a sentence: "nur zwei Stunden nach meiner Frage".
func afterAskingDE(d time.Duration) string {
	n, unit := splitDuration(d)
	u := deUnits[unit]
	switch {
	case unit == noUnit:
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
