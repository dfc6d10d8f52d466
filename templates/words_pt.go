package templates

import (
	"strconv"
	"time"
)

// wordsPT are the word functions in (European) Portuguese.
func wordsPT() map[string]any {
	return map[string]any{
		"duration":    durationPT,
		"afterAsking": afterAskingPT,
		"times":       timesPT,
		"number":      numberPT,
		"ordinal":     ordinalPT,
	}
}

// ptUnits are the units of time in Portuguese.
var ptUnits = map[timeUnit]unitWords{
	minuteUnit: {"um minuto", "minuto", "minutos", false},
	hourUnit:   {"uma hora", "hora", "horas", true},
	dayUnit:    {"um dia", "dia", "dias", false},
	weekUnit:   {"uma semana", "semana", "semanas", true},
	monthUnit:  {"um mês", "mês", "meses", false},
	yearUnit:   {"um ano", "ano", "anos", false},
}

// durationPT says d in Portuguese, rounded down: "5 horas", "1 dia".
func durationPT(d time.Duration) string {
	n, unit := splitDuration(d)
	u := ptUnits[unit]
	switch {
	case unit == noUnit:
		return "menos de um minuto"
	case n == 1:
		return "1 " + u.single
	}
	return strconv.Itoa(n) + " " + u.plural
}

// afterAskingPT says how soon after the owner asked an answer came, as
// the end of a sentence: "apenas duas horas depois da minha mensagem".
func afterAskingPT(d time.Duration) string {
	n, unit := splitDuration(d)
	u := ptUnits[unit]
	said := u.one
	if n != 1 {
		said = cardinalPT(n, u.feminine) + " " + u.plural
	}
	switch {
	case unit == noUnit:
		return "menos de um minuto depois da minha mensagem"
	case d < day:
		return "apenas " + said + " depois da minha mensagem"
	}
	return said + " depois da minha mensagem"
}

var (
	ptCardinals = []string{"zero", "um", "dois", "três", "quatro", "cinco", "seis", "sete", "oito", "nove", "dez",
		"onze", "doze", "treze", "catorze", "quinze", "dezasseis", "dezassete", "dezoito", "dezanove"}
	ptTens     = []string{"", "", "vinte", "trinta", "quarenta", "cinquenta", "sessenta", "setenta", "oitenta", "noventa"}
	ptOrdinals = []string{"zero", "primeira", "segunda", "terceira", "quarta", "quinta", "sexta", "sétima", "oitava",
		"nona", "décima", "décima primeira", "décima segunda"}
)

// cardinalPT spells n in words up to noventa e nove (as in Portugal:
// "dezasseis"), in digits beyond; feminine agrees with the nouns that
// want it ("vinte e duas horas").
func cardinalPT(n int, feminine bool) string {
	switch {
	case feminine && n == 1:
		return "uma"
	case feminine && n == 2:
		return "duas"
	case n >= 0 && n < len(ptCardinals):
		return ptCardinals[n]
	case n < 100 && n%10 == 0:
		return ptTens[n/10]
	case n > 0 && n < 100:
		return ptTens[n/10] + " e " + cardinalPT(n%10, feminine)
	}
	return strconv.Itoa(n)
}

// numberPT spells n up to doze ("três"), in digits beyond.
func numberPT(n int) string {
	if n >= 0 && n <= 12 {
		return ptCardinals[n]
	}
	return strconv.Itoa(n)
}

// timesPT says how often: "uma vez", "duas vezes", "13 vezes".
func timesPT(n int) string {
	switch {
	case n == 1:
		return "uma vez"
	case n >= 0 && n <= 12:
		return cardinalPT(n, true) + " vezes"
	}
	return strconv.Itoa(n) + " vezes"
}

// ordinalPT is the ordinal as it goes before "vez" (feminine):
// "terceira", then "13.ª".
func ordinalPT(n int) string {
	if n > 0 && n < len(ptOrdinals) {
		return ptOrdinals[n]
	}
	return strconv.Itoa(n) + ".ª"
}
