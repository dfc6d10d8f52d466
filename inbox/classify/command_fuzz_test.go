package classify_test

import (
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/inbox/classify"
)

// commandSeeds are owner mails as clients write them.
var commandSeeds = []string{
	"",
	"resolved",
	"Done!\n\nThanks!\nAda\n",
	"Hi,\n\napprove\nskip Carol\n\n" + quotedCard,
	"approve Alice Martin\napprove bob@example.com.\nhelped carol@example.org\nnot helped dan@example.net\n",
	"edit alice\nDear Alice,\n\nthank you!\n--\napprove alice\n",
	"edit alice\nThanks!\nOn Mon, 30 Nov 2026 at 09:12, Gratitude <\nada+thanks@example.org> wrote:\n> approve bob\n",
	"snooze next monday 9am\nsnooze 3d\nsnooze dec3\nsnooze 2026-12-01\nsnooze 36h\n",
	"snooze until friday 5pm\nsnooze whenever\n",
	"approve\r\n\r\n-----Original Message-----\r\nFrom: Gratitude\r\nSent: Monday\r\n\r\napprove bob\r\n",
	"approve\n" + outlookQuote,
	"Sent from my iPhone\n\n" + quotedCard,
	"Can you wait?\napprove\n",
	"status\ncancel\n-- \nAda\n",
	"Am 30.11.2026 um 09:12 schrieb Gratitude <ada+thanks@example.org>:\n> approve\n",
	"skip\nedit\nhelped\nsnooze\n",
	"approve (((\nhelped \"a\\\"b\"@example.org\nskip <@>\n",
	"snooze 3d.quiet\nsnooze c42.abcd\n",
}

func FuzzParseCommands(f *testing.F) {
	for i, s := range commandSeeds {
		f.Add(s, uint32(i*7919))
	}
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		f.Fatal(err)
	}
	base := time.Date(2026, 1, 1, 0, 0, 0, 0, loc)
	f.Fuzz(func(t *testing.T, text string, minutes uint32) {
		now := base.Add(time.Duration(minutes%(5*365*24*60)) * time.Minute)
		cmds, unknown := classify.ParseCommands(text, now, loc)
		if len(cmds) > 50 || len(unknown) > 1 {
			t.Fatalf("%d commands, unknown %q", len(cmds), unknown)
		}
		for _, u := range unknown {
			if u == "" || u != strings.TrimSpace(u) {
				t.Errorf("unknown line %q", u)
			}
		}
		for _, c := range cmds {
			checkFuzzedCommand(t, c, now)
		}
	})
}

// checkFuzzedCommand asserts what every command returned must satisfy.
func checkFuzzedCommand(t *testing.T, c gratitude.Command, now time.Time) {
	t.Helper()
	if c.Line == "" || len(c.Line) > 500 || c.Line != strings.TrimSpace(c.Line) {
		t.Errorf("%+v: bad Line", c)
	}
	if (c.Verb == gratitude.VerbSnooze) != !c.Until.IsZero() || !c.Until.IsZero() && !c.Until.After(now) {
		t.Errorf("%+v: Until %v with now %v", c, c.Until, now)
	}
	if (c.Verb == gratitude.VerbEdit) != (c.Text != "") || c.Text != strings.TrimSpace(c.Text) {
		t.Errorf("%+v: bad Text", c)
	}
	switch c.Verb {
	case gratitude.VerbResolve, gratitude.VerbCancel, gratitude.VerbStatus, gratitude.VerbSnooze:
		if c.Who != "" {
			t.Errorf("%+v: Who with %s", c, c.Verb)
		}
	case gratitude.VerbSkip, gratitude.VerbEdit:
		if c.Who == "" || strings.EqualFold(c.Who, "all") {
			t.Errorf("%+v: no helper", c)
		}
	case gratitude.VerbHelped, gratitude.VerbNotHelped:
		if !strings.Contains(c.Who, "@") || c.Who != strings.ToLower(c.Who) {
			t.Errorf("%+v: not a lower-case address", c)
		}
	case gratitude.VerbApprove:
	default:
		t.Errorf("%+v: unknown verb", c)
	}
}
