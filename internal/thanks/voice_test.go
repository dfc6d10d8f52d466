package thanks

import (
	"testing"

	"gratitude"
	"gratitude/templates"
)

func TestOwnVoiceLetsTheSignatureStandForTheLearnedName(t *testing.T) {
	voice := gratitude.LearnVoice([]gratitude.VoiceSample{
		{To: "carol@example.org", Greeting: "Hi {name},", Name: "Carol", Closing: "Cheers,\nAda", Language: "en"},
		{To: "dan@example.org", Greeting: "Hi {name},", Name: "Dan", Closing: "Cheers,\nAda", Language: "en"},
	})
	alice := templates.Person{Name: "Alice Martin", Email: "alice@example.net"}
	for _, c := range []struct{ signature, language, greeting, closing string }{
		{"", "en", "Hi Alice,", "Cheers,\nAda"},
		{"Ada Lovelace\n+44 20 7946 0958\n", "en", "Hi Alice,", "Cheers,\nAda Lovelace\n+44 20 7946 0958"},
		{"Ada Lovelace", "de", "", ""}, // no German voice: the template's own words and signature
	} {
		r := &Runner{Signature: c.signature}
		if g, cl := r.ownVoice(voice, alice, c.language); g != c.greeting || cl != c.closing {
			t.Errorf("signature %q, %s: %q, %q; want %q, %q", c.signature, c.language, g, cl, c.greeting, c.closing)
		}
	}
}
