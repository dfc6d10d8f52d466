package msgtext

import (
	"regexp"
	"strings"
)

// oooPhrase is the alternation of phrases that open a vacation
// auto-reply's subject or first lines.
const oooPhrase = `out of (the )?office|automatic reply|automatische antwort|auto[- ]?reply|auto[- ]?response|automated reply|automated response|abwesenheitsnotiz|abwesenheitsnachricht|r[ée]ponse automatique|absent du bureau|respuesta autom[áa]tica|fuera de la oficina|risposta automatica|fuori sede|fuori ufficio|automatisch antwoord|afwezigheidsmelding|resposta autom[áa]tica|fora do escrit[óo]rio|frånvaro|automatiskt svar|autosvar`

// oooSubjectRe matches a subject that starts with an auto-reply phrase
// followed by a separator or the end ("Automatic reply: …", "Out of
// Office - back Monday", "[Abwesenheitsnotiz] …").
var oooSubjectRe = regexp.MustCompile(`(?i)^[\[(]?\s*(` + oooPhrase + `)\s*([:\-–—\])|,]|$|\s+(until|till|through|from|bis|vom|ab|jusqu|du|hasta|desde|del|fino|dal|on|today|this|next|\d))`)

// oooLineRes match the first lines of a vacation auto-reply.
var oooLineRes = []*regexp.Regexp{
	oooSubjectRe,
	regexp.MustCompile(`(?i)\b(i am|i'm|i will be|i'll be|i shall be)\s+(currently\s+|now\s+|presently\s+)?(out of (the )?office)(\P{L}|$)`),
	regexp.MustCompile(`(?i)\bthis is an? (automatic|automated|auto-generated) (reply|response|message)(\P{L}|$)`),
	regexp.MustCompile(`(?i)\bich bin\b.{0,80}\b(nicht im büro|nicht im buero|außer haus|abwesend)(\P{L}|$)`),
	regexp.MustCompile(`(?i)\bje (suis|serai) (actuellement |absente? |en congés? )?(absente?|en congés?|hors du bureau)(\P{L}|$)`),
	regexp.MustCompile(`(?i)\b(estoy|estaré|me encuentro) (actualmente )?(fuera de la oficina)(\P{L}|$)`),
	regexp.MustCompile(`(?i)\b(sono|sarò) (attualmente )?(fuori (sede|ufficio))(\P{L}|$)`),
}

// OutOfOffice reports a vacation auto-reply by its subject prefix or its
// first two non-empty lines. It is a secondary signal behind the headers
// (Auto-Submitted, X-Autoreply…), so it stays strict: a phrase deeper in
// the body, or in the middle of a subject, does not count.
func OutOfOffice(subject, plain string) bool {
	s := strings.TrimSpace(decodeSubject(subject))
	if oooSubjectRe.MatchString(s) {
		return true
	}
	seen := 0
	for _, raw := range lines(truncate(plain, 16<<10)) {
		line := strings.ReplaceAll(plainLine(raw), "’", "'")
		if line == "" || isQuoted(raw) {
			continue
		}
		for _, re := range oooLineRes {
			if re.MatchString(line) {
				return true
			}
		}
		if seen++; seen == 2 {
			break
		}
	}
	return false
}
