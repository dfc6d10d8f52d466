package templates

import (
	"strings"
	"testing"
)

func TestThanksSpeaksInTheOwnersVoice(t *testing.T) {
	s := mustLoad(t, "")
	for _, language := range ThanksLanguages() {
		v := sampleThanksIn(language)
		v.Greeting, v.Closing = "Hey Alice!", "Cheers,\nAda"
		for i, r := range thanksVariants(t, s, v) {
			if !strings.HasPrefix(r.Text, "Hey Alice!\n\n") || !strings.HasSuffix(r.Text, "\n\nCheers,\nAda\n") {
				t.Errorf("%s variant %d does not greet and sign off as the owner:\n%s", language, i+1, r.Text)
			}
			if strings.Count(r.Text, "Alice") != 1 || strings.Contains(r.Text, "Lovelace") {
				t.Errorf("%s variant %d names Alice twice or adds the signature after the owner's closing:\n%s", language, i+1, r.Text)
			}
			if !strings.Contains(r.HTML, "<p>Hey Alice!</p>") || !strings.Contains(r.HTML, ">Cheers,\nAda</p>") ||
				strings.Contains(r.HTML, "Lovelace") {
				t.Errorf("%s variant %d HTML does not greet and sign off as the owner:\n%s", language, i+1, r.HTML)
			}
		}
	}
}
