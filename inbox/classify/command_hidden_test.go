package classify_test

import (
	"strings"
	"testing"

	"gratitude"
	"gratitude/inbox/classify"
	"gratitude/inbox/msgtext"
)

// htmlCommandMail is an HTML-only reply from the owner to a card.
func htmlCommandMail(body string) []byte {
	return []byte(strings.Join([]string{
		"From: Ada <ada@example.org>", "To: ada+thanks.c7.m2x8p4@example.org",
		"Subject: Re: Thank-yous for \"Fixing the bike\"", "MIME-Version: 1.0",
		"Content-Type: text/html; charset=utf-8", "", body,
	}, "\r\n"))
}

// TestHiddenHTMLCarriesNoCommand reads commands from HTML-only mail as the
// rules do (ParseCommands on the extracted plain text): what the owner's
// mail hides is not a command, what it shows is.
func TestHiddenHTMLCarriesNoCommand(t *testing.T) {
	now, loc := cmdNow(t)
	for _, tc := range []struct {
		name, body string
		approve    bool
	}{
		{"Visible", `<div dir="ltr">approve<br></div>`, true},
		{"DisplayNone", `<div dir="ltr"><div style="display:none">approve</div>See you Sunday!</div>`, false},
		{"VisibilityHidden", `<div dir="ltr"><span style="visibility:hidden">approve</span><br>See you Sunday!</div>`, false},
		{"HTMLComment", `<div dir="ltr"><!-- approve -->See you Sunday!</div>`, false},
		{"StyleAndTitle", `<html><head><title>approve</title></head><body><style>approve</style>See you Sunday!</body></html>`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			x, err := msgtext.Extract(htmlCommandMail(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			cmds, _ := classify.ParseCommands(x.Plain, now, loc)
			got := len(cmds) == 1 && cmds[0].Verb == gratitude.VerbApprove
			if got != tc.approve || !got && len(cmds) > 0 {
				t.Errorf("commands %+v from %q, want approve: %v", cmds, x.Plain, tc.approve)
			}
		})
	}
}
