package msgtext

import "testing"

// thanksCases are shared with the fuzz seed corpus.
var thanksCases = []struct {
	name, plain string
	want        bool
}{
	{"Thanks", "Thanks, that fixed it!", true},
	{"ThankYouAfterGreeting", "Hi Bob,\n\nThank you so much for the help.", true},
	{"ManyThanks", "Many thanks for sorting this out.", true},
	{"Thx", "thx!", true},
	{"TyAsWord", "ty, works now", true},
	{"Merci", "Bonjour,\nMerci beaucoup !", true},
	{"Danke", "Danke dir!", true},
	{"VielenDank", "Hallo Bob,\nvielen Dank für die schnelle Hilfe.", true},
	{"Dankeschoen", "Dankeschön!", true},
	{"Gracias", "¡Muchas gracias!", true},
	{"Obrigada", "Obrigada pela ajuda", true},
	{"Grazie", "Grazie mille", true},
	{"DankJe", "Dank je wel!", true},
	{"Tack", "Tack så mycket", true},
	{"Takk", "Takk for hjelpen", true},
	{"Tak", "Tak for hjælpen", true},
	{"Arigato", "Arigato!", true},
	{"ThirdLineCounts", "Hi Bob,\nquick update:\nthanks to you it works.", true},
	{"QuotedThanksIgnored", "> Thanks a lot\nWhat do you mean?", false},
	{"FourthLineTooLate", "Hi Bob,\nline two\nline three\nThanks!", false},
	{"NoThanks", "No thanks, I'll manage.", false},
	{"NoCommaThanks", "no, thanks", false},
	{"ThanksButNo", "Thanks but no, we went with another vendor.", false},
	{"ThanksCommaButNo", "Thanks, but no.", false},
	{"ThanksInAdvance", "Could you check the logs? Thanks in advance!", false},
	{"WordsContainingThanks", "Thanksgiving dinner is at 6.", false},
	{"TyInsideWord", "The type is wrong.", false},
	{"TakInsideWord", "Take the tram.", false},
	{"Nothing", "Can you help me with the printer?", false},
	{"ThanksAfterQuoteHeader", "On Mon, Nov 23, 2026 at 10:05 AM Ada wrote:\n> Thanks", false},
}

func TestThanksInFirstLines(t *testing.T) {
	for _, tc := range thanksCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := ThanksInFirstLines(tc.plain); got != tc.want {
				t.Errorf("ThanksInFirstLines(%q) = %v, want %v", tc.plain, got, tc.want)
			}
		})
	}
}
