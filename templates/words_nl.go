package templates

import (
	"strconv"
	"strings"
	"time"
)

// wordsNL are the word functions in Dutch.
func wordsNL() map[string]any {
	return map[string]any{
		"duration":    durationNL,
		"afterAsking": afterAskingNL,
		"times":       timesNL,
		"number":      numberNL,
		"ordinal":     ordinalNL,
	}
}

// nlUnits are the units of time in Dutch; "uur" and "jaar" stay singular
// after a number ("drie uur").
var nlUnits = map[timeUnit]unitWords{
	minuteUnit: {"een minuut", "minuut", "minuten", false},
	hourUnit:   {"een uur", "uur", "uur", false},
	dayUnit:    {"een dag", "dag", "dagen", false},
	weekUnit:   {"een week", "week", "weken", false},
	monthUnit:  {"een maand", "maand", "maanden", false},
	yearUnit:   {"een jaar", "jaar", "jaar", false},
}

// durationNL says d in Dutch, rounded down: "5 uur", "2 dagen".
func durationNL(d time.Duration) string {
	n, unit := splitDuration(d)
	u := nlUnits[unit]
	switch {
	case unit == noUnit:
		return "minder dan een minuut"
	case n == 1:
		return "1 " + u.single
	}
	return strconv.Itoa(n) + " " + u.plural
}

// afterAskingNL says how soon after the owner asked an answer came, as
// the end of a sentence: "al twee uur na mijn vraag".
func afterAskingNL(d time.Duration) string {
	n, unit := splitDuration(d)
	u := nlUnits[unit]
	said := u.one
	if n != 1 {
		said = cardinalNL(n) + " " + u.plural
	}
	switch {
	case unit == noUnit:
		return "al binnen een minuut na mijn vraag"
	case d < day:
		return "al " + said + " na mijn vraag"
	}
	return said + " na mijn vraag"
}

var (
	nlCardinals = []string{"nul", "één", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien",
		"elf", "twaalf", "dertien", "veertien", "vijftien", "zestien", "zeventien", "achttien", "negentien"}
	nlTens     = []string{"", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"}
	nlOrdinals = []string{"nulde", "eerste", "tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste",
		"negende", "tiende", "elfde", "twaalfde"}
)

// cardinalNL spells n in words up to negenennegentig, in digits beyond:
// "eenentwintig", "tweeëntwintig".
func cardinalNL(n int) string {
	switch {
	case n >= 0 && n < len(nlCardinals):
		return nlCardinals[n]
	case n < 100 && n%10 == 0:
		return nlTens[n/10]
	case n > 0 && n < 100:
		unit := nlCardinals[n%10]
		if n%10 == 1 {
			unit = "een"
		}
		if strings.HasSuffix(unit, "e") {
			return unit + "ën" + nlTens[n/10]
		}
		return unit + "en" + nlTens[n/10]
	}
	return strconv.Itoa(n)
}

// numberNL spells n up to twaalf ("drie"), in digits beyond.
func numberNL(n int) string {
	if n >= 0 && n <= 12 {
		return nlCardinals[n]
	}
	return strconv.Itoa(n)
}

// timesNL says how often: "een keer", "twee keer", "13 keer".
func timesNL(n int) string {
	switch {
	case n == 1:
		return "een keer"
	case n >= 0 && n <= 12:
		return nlCardinals[n] + " keer"
	}
	return strconv.Itoa(n) + " keer"
}

// ordinalNL is the ordinal as it follows "de": "derde", then "13e".
func ordinalNL(n int) string {
	if n >= 0 && n < len(nlOrdinals) {
		return nlOrdinals[n]
	}
	return strconv.Itoa(n) + "e"
}
