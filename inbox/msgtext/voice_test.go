package msgtext

import "testing"

func TestVoiceOfReadsGreetingsAndClosings(t *testing.T) {
	ada := Address{Name: "Ada Lovelace", Email: "ada@example.org"}
	alice := Address{Name: "Alice Martin", Email: "alice@example.org"}
	bob := Address{Name: "Bob Keller", Email: "bob@example.net"}
	smith := Address{Name: "Jane Smith", Email: "j.smith@uni.example.edu"}
	nameless := Address{Email: "robert.jones@example.com"}
	cases := []struct {
		name, text     string
		to, from       Address
		greeting, said string
		closing        string
	}{
		{"hi and cheers", "Hi Alice,\n\nThe keys are under the mat, help yourself.\n\nCheers,\nAda\n", alice, ada,
			"Hi {name},", "Alice", "Cheers,\nAda"},
		{"hey with exclamation", "Hey Alice!\n\nSee you at ten on Saturday then.\n\nBest, A.\n", alice, ada,
			"Hey {name}!", "Alice", "Best, A."},
		{"dear title", "Dear Dr. Smith,\n\nThank you for the draft chapter; my comments are attached.\n\nKind regards,\nAda Lovelace\nHead of Analysis\n+44 20 7946 0958\n",
			smith, ada, "Dear {name},", "Dr. Smith", "Kind regards,\nAda Lovelace"},
		{"german", "Hallo Bob,\n\nich bringe morgen die Bohrmaschine mit, passt dir zehn Uhr?\n\nViele Grüße\nAda\n", bob, ada,
			"Hallo {name},", "Bob", "Viele Grüße\nAda"},
		{"signature delimiter", "Hi Bob,\n\nsure, Thursday works for me.\n\nCheers,\nAda\n-- \nAda Lovelace\nAnalytical Engines Ltd\n", bob, ada,
			"Hi {name},", "Bob", "Cheers,\nAda"},
		{"reply above quote", "Hey Bob!\n\nGreat news, congratulations.\n\nCheers,\nAda\n\nOn Tue, 3 Mar 2026 at 09:12, Bob Keller <bob@example.net> wrote:\n> We got the flat!\n> Best, Bob\n",
			bob, ada, "Hey {name}!", "Bob", "Cheers,\nAda"},
		{"greeting to a group", "Hi all,\n\nThe meeting moves to Room 4.\n\nThanks,\nAda\n", alice, ada,
			"", "", "Thanks,\nAda"},
		{"greeting with text on its line", "Hi Alice, the keys are under the mat.\n\nAda\n", alice, ada, "", "", ""},
		{"bare greeting", "Hello,\n\nplease find the invoice attached.\n\nBest regards\nAda\n", alice, ada,
			"Hello,", "", "Best regards\nAda"},
		{"short form of name", "Hi Rob,\n\nthe ladder is in the shed.\n\nCheers\n", nameless, ada,
			"Hi {name},", "Rob", "Cheers"},
		{"no closing, name only", "Hi Alice,\n\nyes, that works.\n\nAda\n", alice, ada, "Hi {name},", "Alice", ""},
		{"closing alone is the message", "Thanks!\nAda\n", alice, ada, "", "", ""},
		{"someone else named", "Hi Carol,\n\nforwarding this to you.\n\nBest,\nAda\n", alice, ada, "", "", "Best,\nAda"},
		{"initials under closing", "Liebe Anna,\n\ndanke für den Tipp mit dem Handwerker!\n\nLiebe Grüße\nA.\n",
			Address{Name: "Anna Weber", Email: "anna@example.de"}, ada, "Liebe {name},", "Anna", "Liebe Grüße\nA."},
		{"sender name unknown", "Hey Alice!\n\nSee you there.\n\nCheers,\nAda\n", alice, Address{Email: "me@example.org"},
			"Hey {name}!", "Alice", "Cheers,\nAda"},
		{"mobile signature", "Hi Bob,\n\nOn my way.\n\nCheers,\nAda\n\nSent from my iPhone\n", bob, ada, "Hi {name},", "Bob", "Cheers,\nAda"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			v := VoiceOf(c.text, c.to, c.from)
			if v.Greeting != c.greeting || v.Name != c.said || v.Closing != c.closing {
				t.Errorf("VoiceOf = greeting %q name %q closing %q, want %q %q %q", v.Greeting, v.Name, v.Closing, c.greeting, c.said, c.closing)
			}
		})
	}
}

func TestVoiceOfKeepsTheTextBetween(t *testing.T) {
	v := VoiceOf("Hallo Bob,\n\nich bringe morgen die Bohrmaschine mit.\n\nViele Grüße\nAda\n",
		Address{Name: "Bob", Email: "bob@example.net"}, Address{Name: "Ada", Email: "ada@example.org"})
	if v.Text != "ich bringe morgen die Bohrmaschine mit." {
		t.Errorf("Text = %q", v.Text)
	}
}
