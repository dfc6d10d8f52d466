package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// A helper who answered in German gets a German thank-you, one who
// answered in French a French one, and so for the seven languages the
// thank-you is written in; drafts --json says which.
func TestAThankYouIsWrittenInTheHelpersLanguage(t *testing.T) {
	helpers := []struct{ from, id, lang, text, quoted string }{
		{"Alice Martin <alice@example.net>", "r-alice@example.net", "en",
			"Hi Ada,\n\nThe travel line is counted twice; I fixed it in the sheet.\n\nAlice", `"Budget review for Q1"`},
		{"Bob Chen <bob@example.com>", "r-bob@example.com", "de",
			"Hallo Ada,\n\ndie Reisekosten im März sind doppelt gezählt, ich habe die Zeile in der Tabelle korrigiert.\n\nViele Grüße\nBob",
			"„Budget review for Q1“"},
		{"Chloé Dubois <chloe@example.fr>", "r-chloe@example.fr", "fr",
			"Bonjour Ada,\n\nJe te l'envoie ce soir, les frais de déplacement sont comptés deux fois.\n\nChloé", "«\u00a0Budget review for Q1\u00a0»"},
		{"José García <jose@ejemplo.es>", "r-jose@ejemplo.es", "es",
			"Hola Ada,\n\nLos gastos de viaje están contados dos veces; ya lo he corregido en la hoja.\n\nUn abrazo,\nJosé", "«Budget review for Q1»"},
		{"Giulia Rossi <giulia@esempio.it>", "r-giulia@esempio.it", "it",
			"Ciao Ada,\n\nle spese di viaggio sono contate due volte, le ho già corrette nel foglio.\n\nGiulia", "«Budget review for Q1»"},
		{"João Silva <joao@exemplo.pt>", "r-joao@exemplo.pt", "pt",
			"Olá Ada,\n\nas despesas de viagem estão contadas duas vezes; já corrigi isso na folha.\n\nAbraço,\nJoão", "«Budget review for Q1»"},
		{"Sanne de Vries <sanne@voorbeeld.nl>", "r-sanne@voorbeeld.nl", "nl",
			"Hoi Ada,\n\nde reiskosten zijn twee keer geteld; ik heb het in de sheet verbeterd.\n\nGroetjes,\nSanne", "“Budget review for Q1”"},
	}
	w := newLoopWorld(t)
	w.watching()
	w.ownerSends(loopAsk(w), false)
	for i, h := range helpers {
		w.put("INBOX", mailAt([]string{"From: " + h.from, "To: Ada Lovelace <ada@example.org>",
			"Subject: Re: Budget review for Q1", "Date: " + w.t0.Add(time.Duration(2+i)*time.Hour).Format(time.RFC1123Z),
			"Message-ID: <" + h.id + ">", "In-Reply-To: <ask-budget@example.org>", "Content-Type: text/plain; charset=utf-8"}, h.text))
	}
	w.runOnce(10 * time.Hour)
	w.ownerSends(command(w, "cmd-resolve@example.org", "ada+thanks@example.org", "#1 budget", "", "resolved\n\nAda", 11*time.Hour), true)
	w.runOnce(11*time.Hour + time.Minute)
	var drafts []draftView
	r := w.cli("drafts", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &drafts); err != nil || len(drafts) != len(helpers) {
		t.Fatalf("drafts --json: %v\n%s%s", err, r.stdout, r.stderr)
	}
	byTo := map[string]draftView{}
	for _, d := range drafts {
		byTo[d.To] = d
	}
	for _, h := range helpers {
		addr := h.id[strings.Index(h.id, "@")+1:]
		var d draftView
		for to, dv := range byTo {
			if strings.HasSuffix(to, "@"+addr) {
				d = dv
			}
		}
		english := strings.Contains(d.Body, " you") || strings.Contains(d.Body, "Thank")
		if d.Language != h.lang || english != (h.lang == "en") || strings.Contains(d.Body, "Budget review") && !strings.Contains(d.Body, h.quoted) {
			t.Errorf("the draft to %s: language %q, want %s, in its words (subject as %s)\n%s", h.from, d.Language, h.lang, h.quoted, d.Body)
		}
	}
}
