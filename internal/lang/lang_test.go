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
