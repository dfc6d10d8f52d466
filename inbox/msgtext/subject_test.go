package msgtext

import "testing"

func TestNormalizeSubject(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"PlainIsLowerCased", "Printer Broken", "printer broken"},
		{"StripsRe", "Re: Printer", "printer"},
		{"StripsStackedPrefixes", "RE: Fwd: FW: re: Printer", "printer"},
		{"StripsCounters", "Re[2]: Re(3): Printer", "printer"},
		{"StripsGermanPrefixes", "AW: WG: Drucker", "drucker"},
		{"StripsScandinavianPrefixes", "SV: VS: Skrivare", "skrivare"},
		{"StripsFrenchPrefixesWithSpaceBeforeColon", "TR : Réf. : RE : Imprimante", "imprimante"},
		{"StripsSpanishAndDutch", "RV: Antw: Impresora", "impresora"},
		{"StripsTagsAnywhereAtStart", "[help] Re: [ext] Printer", "printer"},
		{"CollapsesWhitespace", "  Re:   Printer \t  broken  ", "printer broken"},
		{"KeepsPrefixLikeWords", "Rebooting the server", "rebooting the server"},
		{"KeepsInnerRe", "Printer Re: broken", "printer re: broken"},
		{"DecodesEncodedWords", "=?UTF-8?Q?Re:_Dr=C3=BCcker?=", "drücker"},
		{"FullWidthColon", "回复：打印机", "打印机"},
		{"OnlyPrefix", "Re:", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := NormalizeSubject(tc.in); got != tc.want {
				t.Errorf("NormalizeSubject(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestIsReplySubject(t *testing.T) {
	for s, want := range map[string]bool{
		"Re: x": true, "AW: x": true, "[tag] RE: x": true, "SV: x": true,
		"Fwd: x": false, "WG: x": false, "RV: x": false, "TR: x": false, "x": false, "": false,
	} {
		if got := isReplySubject(s); got != want {
			t.Errorf("isReplySubject(%q) = %v", s, got)
		}
	}
}

func TestAskSubjectDropsReplyAndForwardPrefixesOnly(t *testing.T) {
	for in, want := range map[string]string{
		"Re: Dinner on the 5th?":         "Dinner on the 5th?",
		"RE: AW: Fwd:  Budget review":    "Budget review",
		"Re: [Project X] Need a hand":    "[Project X] Need a hand",
		"[URGENT] Re: the printer":       "[URGENT] Re: the printer",
		"Could you review my talk?":      "Could you review my talk?",
		"Regarding: the lease":           "Regarding: the lease",
		"=?utf-8?q?Re=3A_Caf=C3=A9_?= ?": "Café ?",
	} {
		if got := AskSubject(in); got != want {
			t.Errorf("AskSubject(%q) = %q, want %q", in, got, want)
		}
	}
}
