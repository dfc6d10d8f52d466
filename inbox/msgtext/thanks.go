package msgtext

import "strings"

// thanksPhrases are the word sequences that thank someone.
var thanksPhrases = [][]string{
	{"thanks"}, {"thank", "you"}, {"thank", "u"}, {"thank", "ya"}, {"thankyou"},
	{"thanx"}, {"thnx"}, {"thx"}, {"tx"}, {"ty"}, {"tyvm"}, {"thank", "y'all"},
	{"merci"}, {"danke"}, {"dankeschön"}, {"dankeschoen"}, {"vielen", "dank"},
	{"herzlichen", "dank"}, {"besten", "dank"}, {"tausend", "dank"}, {"dank", "dir"},
	{"dank", "euch"}, {"gracias"}, {"obrigado"}, {"obrigada"}, {"grazie"},
	{"dank", "je"}, {"dank", "u"}, {"dank", "jullie"}, {"bedankt"}, {"tack"},
	{"takk"}, {"tak"}, {"arigato"}, {"arigatou"}, {"arigatō"},
}

// negators before a thanks turn it into a refusal ("no thanks").
var negators = map[string]bool{"no": true, "nein": true, "non": true, "nee": true, "não": true, "nao": true, "not": true}

// refusals after a thanks, and thanks for what has not happened yet.
var thanksSuffixes = [][]string{
	{"but", "no"}, {"but", "no", "thanks"}, {"aber", "nein"}, {"mais", "non"}, {"pero", "no"},
	{"for", "nothing"}, {"in", "advance"}, {"im", "voraus"}, {"d'avance"}, {"d’avance"},
	{"par", "avance"}, {"de", "antemano"}, {"por", "adelantado"}, {"in", "anticipo"},
}

// ThanksInFirstLines reports whether one of the first three non-empty,
// non-quoted lines thanks someone, in English, German, French, Spanish,
// Portuguese, Italian, Dutch, Scandinavian languages or Japanese (whole
// words, any case). Refusals ("no thanks", "thanks but no") and thanks in
// advance do not count.
func ThanksInFirstLines(plain string) bool {
	ls := lines(truncate(plain, 64<<10))
	seen := 0
	for i, raw := range ls {
		line := plainLine(raw)
		if line == "" || isQuoted(raw) {
			continue
		}
		if isSignatureDelimiter(raw) || separatorAt(ls, i) {
			return false
		}
		if _, ok := attributionAt(ls, i); ok {
			return false
		}
		if lineThanks(line) {
			return true
		}
		if seen++; seen == 3 {
			return false
		}
	}
	return false
}

// lineThanks reports a line that thanks someone.
func lineThanks(line string) bool {
	if strings.Contains(line, "ありがとう") {
		return true
	}
	ws := words(strings.ReplaceAll(line, "’", "'"))
	for i := range ws {
		for _, p := range thanksPhrases {
			if !hasWords(ws[i:], p) {
				continue
			}
			if i > 0 && negators[ws[i-1]] {
				continue
			}
			if refused(ws[i+len(p):]) {
				continue
			}
			return true
		}
	}
	return false
}

func refused(after []string) bool {
	for _, s := range thanksSuffixes {
		if hasWords(after, s) {
			return true
		}
	}
	return false
}

// hasWords reports whether ws starts with the words p.
func hasWords(ws, p []string) bool {
	if len(ws) < len(p) {
		return false
	}
	for i, w := range p {
		if ws[i] != w {
			return false
		}
	}
	return true
}
