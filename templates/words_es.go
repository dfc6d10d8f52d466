package templates

import (
	"strconv"
	"strings"
	"time"
)

// wordsES are the word functions in Spanish.
func wordsES() map[string]any {
	return map[string]any{
		"duration":    durationES,
		"afterAsking": afterAskingES,
		"times":       timesES,
		"number":      numberES,
		"ordinal":     ordinalES,
	}
}

// esUnits are the units of time in Spanish.
var esUnits = map[timeUnit]unitWords{
	minuteUnit: {"un minuto", "minuto", "minutos", false},
	hourUnit:   {"una hora", "hora", "horas", true},
	dayUnit:    {"un día", "día", "días", false},
	weekUnit:   {"una semana", "semana", "semanas", true},
	monthUnit:  {"un mes", "mes", "meses", false},
	yearUnit:   {"un año", "año", "años", false},
}

// durationES says d in Spanish, rounded down: "5 horas", "1 día".
func durationES(d time.Duration) string {
	n, unit := splitDuration(d)
	u := esUnits[unit]
	switch {
	case unit == noUnit:
		return "menos de un minuto"
	case n == 1:
		return "1 " + u.single
	}
	return strconv.Itoa(n) + " " + u.plural
}

// afterAskingES says how soon after the owner asked an answer came, as
// the end of a sentence: "apenas dos horas después de mi mensaje".
func afterAskingES(d time.Duration) string {
	n, unit := splitDuration(d)
	u := esUnits[unit]
	said := u.one
	if n != 1 {
		said = cardinalBeforeES(n, u.feminine) + " " + u.plural
	}
	switch {
	case unit == noUnit:
		return "menos de un minuto después de mi mensaje"
	case d < day:
		return "apenas " + said + " después de mi mensaje"
	}
	return said + " después de mi mensaje"
}

var (
	esCardinals = []string{"cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
		"once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte",
		"veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis", "veintisiete",
		"veintiocho", "veintinueve"}
	esTens     = []string{"", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"}
	esOrdinals = []string{"cero", "primera", "segunda", "tercera", "cuarta", "quinta", "sexta", "séptima", "octava",
		"novena", "décima", "undécima", "duodécima"}
)

// cardinalES spells n in words up to noventa y nueve, as it stands
// alone ("veintiuno"), in digits beyond.
func cardinalES(n int) string {
	switch {
	case n >= 0 && n < len(esCardinals):
		return esCardinals[n]
	case n < 100 && n%10 == 0:
		return esTens[n/10]
	case n > 0 && n < 100:
		return esTens[n/10] + " y " + esCardinals[n%10]
	}
	return strconv.Itoa(n)
}

// cardinalBeforeES is cardinalES before a noun, agreeing with it:
// "veintiún minutos", "veintiuna horas", "treinta y un días".
func cardinalBeforeES(n int, feminine bool) string {
	s := cardinalES(n)
	stem, ok := strings.CutSuffix(s, "uno")
	switch {
	case !ok || n == 0:
		return s
	case feminine:
		return stem + "una"
	case stem == "veinti":
		return "veintiún"
	}
	return stem + "un"
}

// numberES spells n up to doce ("tres"), in digits beyond.
func numberES(n int) string {
	if n >= 0 && n <= 12 {
		return esCardinals[n]
	}
	return strconv.Itoa(n)
}

// timesES says how often: "una vez", "dos veces", "13 veces".
func timesES(n int) string {
	switch {
	case n == 1:
		return "una vez"
	case n >= 0 && n <= 12:
		return esCardinals[n] + " veces"
	}
	return strconv.Itoa(n) + " veces"
}

// ordinalES is the ordinal as it goes before "vez" (feminine):
// "tercera", then "13.ª".
func ordinalES(n int) string {
	if n > 0 && n < len(esOrdinals) {
		return esOrdinals[n]
	}
	return strconv.Itoa(n) + ".ª"
}
