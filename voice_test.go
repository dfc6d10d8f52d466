package gratitude

import (
	"testing"
	"time"
)

func TestLearnVoicePerPersonThenInGeneral(t *testing.T) {
	day := func(n int) time.Time { return time.Date(2026, 11, n, 10, 0, 0, 0, time.UTC) }
	samples := []VoiceSample{
		{To: "bob@example.net", Date: day(1), Greeting: "Hey {name}!", Name: "Bobby", Closing: "Cheers,\nAda", Language: "en"},
		{To: "bob@example.net", Date: day(2), Greeting: "Hey {name}!", Name: "Bobby", Closing: "Cheers,\nAda", Language: "en"},
		{To: "bob@example.net", Date: day(3), Greeting: "Hallo {name},", Name: "Bob", Closing: "Viele Grüße\nAda", Language: "de"},
		{To: "smith@uni.example.edu", Date: day(4), Greeting: "Dear {name},", Name: "Dr. Smith", Closing: "Kind regards,\nAda Lovelace", Language: "en"},
		{To: "carol@example.org", Date: day(5), Greeting: "Hi {name},", Name: "Carol", Closing: "Cheers,\nAda", Language: "en"},
		{To: "dan@example.org", Date: day(6), Greeting: "Hi {name},", Name: "Dan", Closing: "Best, A.", Language: "en"},
		{To: "erik@example.de", Date: day(7), Greeting: "Lieber {name},", Name: "Erik", Language: "de"},
		{To: "fritz@example.de", Date: day(8), Greeting: "Lieber {name},", Name: "Fritz", Language: "de"},
		{To: "zoe@example.org", Date: day(9), Greeting: "Yo {name}", Name: "Zoe", Closing: "xx", Language: ""},
	}
	v := LearnVoice(samples)
	if v.Learned != len(samples) {
		t.Errorf("Learned = %d", v.Learned)
	}
	check := func(email, language, first, wantG, wantC string) {
		t.Helper()
		if g, c := v.For(email, language, first); g != wantG || c != wantC {
			t.Errorf("For(%s, %s) = %q, %q; want %q, %q", email, language, g, c, wantG, wantC)
		}
	}
	check("Bob@Example.net", "en", "Bob", "Hey Bobby!", "Cheers,\nAda")     // their own, as she calls him
	check("bob@example.net", "de", "Bob", "Hallo Bob,", "Viele Grüße\nAda") // their own in German
	check("smith@uni.example.edu", "en", "Jane", "Dear Dr. Smith,", "Kind regards,\nAda Lovelace")
	check("new@example.org", "en", "Nina", "Hi Nina,", "Cheers,\nAda") // the general ones
	check("new@example.org", "de", "Nina", "", "")                     // "Lieber" is gendered; one German closing is not a habit
	check("new@example.org", "fr", "Nina", "", "")                     // nothing in French
	if p := v.People["bob@example.net"]; p.Messages != 3 || len(p.Greetings) != 2 {
		t.Errorf("Bob's voice = %+v", p)
	}
	if len(v.Closings) != 1 || v.Closings[0].Messages != 3 {
		t.Errorf("general closings = %+v, want Cheers from 3 messages", v.Closings)
	}
}
