package lang

import "testing"

var seven = []string{"en", "de", "fr", "es", "it", "pt", "nl"}

// Replies as helpers write them, short ones included: each is told in its
// language among the seven the thank-you is written in.
func TestDetectTellsTheSevenLanguagesOfShortReplies(t *testing.T) {
	for _, tc := range []struct{ want, text string }{
		{"en", "The travel line is counted twice; I fixed it in the sheet."},
		{"en", "Sure, I can come by on Saturday morning."},
		{"de", "Die Reisekosten sind doppelt gezählt, ich habe es in der Tabelle korrigiert."},
		{"de", "Klar, ich komme am Samstag vorbei."},
		{"de", "Ich kann um zehn da sein und bringe die Sackkarre mit."},
		{"fr", "Je connais un très bon plombier à Lyon, je t'envoie son numéro."},
		{"fr", "Pas de souci, je passe samedi matin."},
		{"es", "Conozco a un abogado muy bueno en Madrid, te paso su teléfono."},
		{"es", "Claro, paso el sábado por la mañana."},
		{"it", "Ti mando il numero del mio idraulico, è bravissimo."},
		{"it", "Certo, passo sabato mattina."},
		{"pt", "Conheço um ótimo advogado em Lisboa, mando-te o contacto."},
		{"pt", "Claro, passo aí no sábado de manhã."},
		{"nl", "Ik ken een goede loodgieter in Utrecht, ik stuur je zijn nummer."},
		{"nl", "Tuurlijk, ik kom zaterdagochtend langs."},
		// The sample excerpts of the templates, and short answers as they come.
		{"fr", "Je peux être là à dix heures, j'apporte le diable."},
		{"fr", "Oui, c'est bon pour moi, je m'en occupe demain."},
		{"fr", "Je te l'envoie ce soir."},
		{"fr", "Aucun problème, je regarde ça ce week-end."},
		{"fr", "Merci, c'est réglé de mon côté."},
		{"es", "Puedo estar allí a las diez y llevo la carretilla."},
		{"es", "Sí, claro, mañana te lo mando."},
		{"it", "Posso esserci alle dieci, porto io il carrello."},
		{"it", "Sì, nessun problema, domani ci guardo."},
		{"it", "Fatto, fammi sapere se serve altro."},
		{"pt", "Posso estar aí às dez e levo o carrinho de mão."},
		{"pt", "Sim, sem problema, amanhã vejo isso."},
		{"pt", "Mando-te isso logo à noite."},
		{"pt", "Está resolvido, diz-me se precisares de mais alguma coisa."},
		{"pt", "Combinado, eu trato disso."},
		{"nl", "Ik kan er om tien uur zijn en neem de steekwagen mee."},
		{"nl", "Ja, geen probleem, ik kijk er morgen naar."},
		{"nl", "Ik stuur het je vanavond."},
		{"nl", "Is geregeld, laat maar weten als er nog iets is."},
		{"nl", "Prima, ik regel het wel."},
		{"de", "Ja, kein Problem, ich schaue es mir morgen an."},
		{"de", "Ich schicke es dir heute Abend."},
	} {
		if got := Detect(tc.text, seven); got != tc.want {
			t.Errorf("Detect(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// Too little to tell, or a language not asked for: "" (the caller falls
// back to English), never a guess among the others.
func TestDetectSaysNothingWhenItCannotTell(t *testing.T) {
	for _, text := range []string{"", "ok", "Danke!", "👍👍👍", "12:30 ok"} {
		if got := Detect(text, seven); got != "" {
			t.Errorf("Detect(%q) = %q, want \"\"", text, got)
		}
	}
	if got := Detect("Jag kan komma förbi på lördag morgon och hjälpa till med flytten.", []string{"en", "de"}); got != "" {
		t.Errorf("Swedish among en, de: %q, want \"\" (not the nearer of the two)", got)
	}
	if got := Detect("Die Reisekosten sind doppelt gezählt.", nil); got != "" {
		t.Errorf("no languages asked: %q", got)
	}
	if got := Detect("Jag kan komma förbi på lördag morgon och hjälpa till med flytten.", []string{"sv", "en"}); got != "sv" {
		t.Errorf("Swedish among sv, en: %q", got)
	}
}

// Short Spanish and Italian answers that trigrams alone got wrong: too
// unsure ("" and an English thank-you) or another language ("Ya está
// arreglado…" was told Italian, "Va bene…" Croatian); their words tell them.
func TestDetectShortSpanishAndItalian(t *testing.T) {
	for _, tc := range []struct{ want, text string }{
		{"es", "Sí, sin problema, mañana lo miro."},
		{"es", "Te lo mando esta tarde."},
		{"es", "Vale, yo me encargo."},
		{"es", "Ya está arreglado, avísame si falla algo."},
		{"es", "Vale, mañana te lo miro sin problema."},
		{"it", "Te lo mando stasera."},
		{"it", "Va bene, me ne occupo io."},
		{"de", "Mach ich gerne, bis morgen!"},
		{"fr", "Oui, je m'en occupe ce soir."},
		{"nl", "Tuurlijk, ik kom morgen even langs."},
		{"pt", "Sim, eu trato disso amanhã."},
		{"en", "Sure, I'll take care of it tonight."},
	} {
		if got := Detect(tc.text, seven); got != tc.want {
			t.Errorf("Detect(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}
