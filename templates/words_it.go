package templates

import (
	"strconv"
	"time"
)

// wordsIT are the word functions in Italian.
func wordsIT() map[string]any {
	return map[string]any{
		"duration":    durationIT,
		"afterAsking": afterAskingIT,
		"times":       timesIT,
		"number":      numberIT,
		"ordinal":     ordinalIT,
	}
}

// itUnits are the units of time in Italian.
var itUnits = map[timeUnit]unitWords{
	minuteUnit: {"un minuto", "minuto", "minuti", false},
	hourUnit:   {"un'ora", "ora", "ore", true},
	dayUnit:    {"un giorno", "giorno", "giorni", false},
	weekUnit:   {"una settimana", "settimana", "settimane", true},
	monthUnit:  {"un mese", "mese", "mesi", false},
	yearUnit:   {"un anno", "anno", "anni", false},
}

// durationIT says d in Italian, rounded down: "5 ore", "1 giorno".
func durationIT(d time.Duration) string {
	n, unit := splitDuration(d)
	u := itUnits[unit]
	switch {
	case unit == noUnit:
		return "meno di un minuto"
	case n == 1:
		return "1 " + u.single
	}
	return strconv.Itoa(n) + " " + u.plural
}

// afterAskingIT says how soon after the owner asked an answer came, as
// the end of a sentence: "ad appena due ore dal mio messaggio".
func afterAskingIT(d time.Duration) string {
	n, unit := splitDuration(d)
	u := itUnits[unit]
	said := u.one
	if n != 1 {
		said = cardinalIT(n) + " " + u.plural
	}
	switch {
	case unit == noUnit:
		return "a meno di un minuto dal mio messaggio"
	case d < day:
		return "ad appena " + said + " dal mio messaggio"
	}
	return said + " dopo il mio messaggio"
}

var (
	itCardinals = []string{"zero", "uno", "due", "tre", "quattro", "cinque", "sei", "sette", "otto", "nove", "dieci",
		"undici", "dodici", "tredici", "quattordici", "quindici", "sedici", "diciassette", "diciotto", "diciannove"}
	itTens     = []string{"", "", "venti", "trenta", "quaranta", "cinquanta", "sessanta", "settanta", "ottanta", "novanta"}
	itOrdinals = []string{"zero", "prima", "seconda", "terza", "quarta", "quinta", "sesta", "settima", "ottava", "nona",
		"decima", "undicesima", "dodicesima"}
)

// cardinalIT spells n in words up to novantanove, in digits beyond:
// "ventuno", "ventitré", "trentotto".
func cardinalIT(n int) string {
	switch {
	case n >= 0 && n < len(itCardinals):
		return itCardinals[n]
	case n < 100 && n%10 == 0:
		return itTens[n/10]
	case n > 0 && n < 100 && (n%10 == 1 || n%10 == 8):
		tens := itTens[n/10]
		return tens[:len(tens)-1] + itCardinals[n%10]
	case n > 0 && n < 100 && n%10 == 3:
		return itTens[n/10] + "tré"
	case n > 0 && n < 100:
		return itTens[n/10] + itCardinals[n%10]
	}
	return strconv.Itoa(n)
}

// numberIT spells n up to dodici ("tre"), in digits beyond.
func numberIT(n int) string {
	if n >= 0 && n <= 12 {
		return itCardinals[n]
	}
	return strconv.Itoa(n)
}

// timesIT says how often: "una volta", "due volte", "13 volte".
func timesIT(n int) string {
	switch {
	case n == 1:
		return "una volta"
	case n >= 0 && n <= 12:
		return itCardinals[n] + " volte"
	}
	return strconv.Itoa(n) + " volte"
}

// ordinalIT is the ordinal as it goes before "volta" (feminine):
// "terza", then "13ª".
func ordinalIT(n int) string {
	if n > 0 && n < len(itOrdinals) {
		return itOrdinals[n]
	}
	return strconv.Itoa(n) + "ª"
}
