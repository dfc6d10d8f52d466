package msgtext

import (
	"strings"
	"testing"
)

// subjectSamples are the subjects a sync meets most: plain, replies,
// forwards, tags, encoded words.
var subjectSamples = []string{
	"Could you review the Q3 budget draft?",
	"Re: Could you review the Q3 budget draft?",
	"RE: AW: [team] Offsite planning",
	"Fwd: Invoice 2026-114",
	"=?UTF-8?Q?Caf=C3=A9_on_Friday=3F?=",
	"  Lunch   tomorrow ",
	"Réf. : dossier",
}

func BenchmarkNormalizeSubject(b *testing.B) {
	for b.Loop() {
		for _, s := range subjectSamples {
			NormalizeSubject(s)
		}
	}
}

// cleanSubjectReference is CleanSubject with no shortcut: every prefix
// found by the regular expression, spaces collapsed by splitting.
func cleanSubjectReference(s string) string {
	s = decodeSubject(s)
	for range 100 {
		loc := prefixRe.FindStringIndex(s)
		if loc == nil || loc[1] == 0 {
			break
		}
		s = s[loc[1]:]
	}
	return strings.Join(strings.FieldsFunc(s, isSpace), " ")
}

func FuzzCleanSubjectShortcuts(f *testing.F) {
	for _, s := range subjectSamples {
		f.Add(s)
	}
	for _, s := range []string{"", " ", "a\u00a0 b", "a\tb", "\u2007x", "Re:", "[x", "：", "a  b", "a b ", "x\u3000y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := CleanSubject(s), cleanSubjectReference(s); got != want {
			t.Errorf("CleanSubject(%q) = %q, want %q", s, got, want)
		}
	})
}
