package classify_test

import (
	"strings"
	"testing"

	"gratitude"
	"gratitude/inbox/classify"
)

// carolWrites is Carol (asked in request 2) writing text, answering refs.
func carolWrites(id, inReplyTo, refs, text string, extra ...string) string {
	h := "From: Carol <carol@beispiel.de>\r\nTo: Ada Lovelace <ada@example.org>\r\nSubject: Re: Thank-you ready\r\n" +
		"Date: Mon, 23 Nov 2026 11:00:00 +0100\r\nMessage-ID: <" + id + ">\r\nIn-Reply-To: <" + inReplyTo + ">\r\n" +
		"References: " + refs + "\r\n"
	for _, f := range extra {
		h += f + "\r\n"
	}
	return h + "\r\n" + text + "\r\n"
}

func TestSomeoneElsesCommandsAnsweringGratitudesMailAreSetAsideNotHelp(t *testing.T) {
	rules := &classify.Rules{Owner: corpusOwner()}
	const card = "<gratitude.card.2.k3@example.org>"
	for _, tc := range []struct {
		name, raw string
		class     gratitude.Class
		reason    string
	}{
		{"approve to a card Ada forwarded", carolWrites("c1@beispiel.de", "fwd-card@example.org", card+" <fwd-card@example.org>",
			"approve\r\n\r\n> Thank-you ready"), gratitude.ClassIgnored, classify.ReasonOthersCommand},
		{"approve answering the card itself", carolWrites("c2@beispiel.de", "gratitude.card.2.k3@example.org", card,
			"Approve.\r\n"), gratitude.ClassIgnored, classify.ReasonOthersCommand},
		{"words answering the card", carolWrites("c3@beispiel.de", "fwd-card@example.org", card+" <fwd-card@example.org>",
			"Oh, you asked about Kreuzberg: the flat on Oranienstrasse is still free."), gratitude.ClassReply, ""},
		{"approve in the ask's own thread", carolWrites("c4@beispiel.de", "ask-berlin@example.org", "<ask-berlin@example.org>",
			"approve"), gratitude.ClassReply, ""},
		{"an out-of-office in the thread", carolWrites("c5@beispiel.de", "ask-berlin@example.org", "<ask-berlin@example.org>",
			"I am away until Monday.", "Auto-Submitted: auto-replied"), gratitude.ClassIgnored, classify.ReasonAutoReply},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, v := classifyRaw(rules, "INBOX", tc.raw, corpusContext())
			if v.Class != tc.class || !strings.HasPrefix(v.Reason, tc.reason) {
				t.Errorf("%s (%s), want %s (%s…)", v.Class, v.Reason, tc.class, tc.reason)
			}
			if v.RequestID != 2 {
				t.Errorf("request %d, want 2: set aside or not, the request's history shows it", v.RequestID)
			}
			if _, replied := v.Event.(gratitude.Replied); replied != (tc.class == gratitude.ClassReply) {
				t.Errorf("event %T for a %s", v.Event, v.Class)
			}
		})
	}
}
