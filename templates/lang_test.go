package templates

import (
	"strings"
	"testing"
	"time"
)

// A thank-you is written in the helper's language when there is a
// thanks.LANG for it, with that language's words, and in English else.
func TestTheThankYouIsWrittenInTheHelpersLanguage(t *testing.T) {
	s := mustLoad(t, "")
	v := sampleThanksIn("de")
	v.HelpedBefore, v.TookFor = 0, 2*time.Hour+10*time.Minute
	for variant, want := range map[int]string{
		0: "vielen Dank für deine Hilfe bei „Moving the family server to the new flat“. Du hast geschrieben:",
		1: "hat mir viel bedeutet, und sie kam nur zwei Stunden nach meiner Frage.",
		2: "Und du hast nur zwei Stunden nach meiner Frage geantwortet. Ich schulde dir was.",
	} {
		v.Variant = variant
		r := mustRender(t, s, Thanks, v)
		if !strings.Contains(r.Text, want) {
			t.Errorf("variant %d in German lacks %q:\n%s", variant+1, want, r.Text)
		}
		if !strings.Contains(r.HTML, `<html lang="de">`) || !strings.Contains(r.HTML, "Sackkarre") {
			t.Errorf("variant %d: the HTML is not the German one:\n%s", variant+1, r.HTML)
		}
	}
	v.HelpedBefore, v.Variant = 2, 4
	if r := mustRender(t, s, Thanks, v); !strings.Contains(r.Text, "Das ist schon das dritte Mal, dass du mir hilfst") {
		t.Errorf("German ordinal:\n%s", r.Text)
	}
	for _, lang := range []string{"", "en", "xx", "sv"} {
		v := sampleThanks()
		v.Language = lang
		if r := mustRender(t, s, Thanks, v); !strings.Contains(r.Text, "Thank you for your help") {
			t.Errorf("language %q: not the English thank-you:\n%s", lang, r.Text)
		}
	}
}

// Every language has as many variants as English, so two helpers of one
// request and one helper thanked twice get different words in any of them.
func TestEveryLanguageHasTheVariantsOfEnglish(t *testing.T) {
	s := mustLoad(t, "")
	if len(ThanksLanguages()) < 2 || ThanksLanguages()[0] != "en" {
		t.Fatalf("languages %v", ThanksLanguages())
	}
	for _, lang := range ThanksLanguages()[1:] {
		if got, want := s.Variants(ThanksIn(lang)), s.Variants(Thanks); got != want {
			t.Errorf("thanks.%s has %d variants, English %d", lang, got, want)
		}
	}
}

func TestGermanWords(t *testing.T) {
	for d, want := range map[time.Duration]string{
		30 * time.Second: "keine Minute nach meiner Frage", 20 * time.Minute: "nur zwanzig Minuten nach meiner Frage",
		time.Minute: "nur eine Minute nach meiner Frage", 70 * time.Minute: "nur eine Stunde nach meiner Frage",
		26 * time.Hour: "einen Tag nach meiner Frage", 3 * day: "drei Tage nach meiner Frage",
		3 * week: "drei Wochen nach meiner Frage", 400 * day: "ein Jahr nach meiner Frage",
	} {
		if got := afterAskingDE(d); got != want {
			t.Errorf("afterAskingDE(%v) = %q, want %q", d, got, want)
		}
	}
	if cardinalDE(21) != "einundzwanzig" || cardinalDE(37) != "siebenunddreißig" || cardinalDE(16) != "sechzehn" || cardinalDE(120) != "120" {
		t.Errorf("cardinalDE: %s %s %s %s", cardinalDE(21), cardinalDE(37), cardinalDE(16), cardinalDE(120))
	}
	if got := durationDE(3 * time.Hour); got != "3 Stunden" {
		t.Errorf("durationDE = %q", got)
	}
	if timesDE(1) != "einmal" || timesDE(3) != "dreimal" || timesDE(14) != "14-mal" || ordinalDE(3) != "dritte" || ordinalDE(13) != "13." {
		t.Errorf("times/ordinal: %s %s %s %s %s", timesDE(1), timesDE(3), timesDE(14), ordinalDE(3), ordinalDE(13))
	}
}
