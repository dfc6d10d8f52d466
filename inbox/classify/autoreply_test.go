package classify_test

import (
	"strings"
	"testing"

	"gratitude"
	"gratitude/inbox/classify"
)

// adaWrites is Ada's copy in Sent of a message to Carol in request 2's
// thread.
func adaWrites(id, subject, text string) string {
	return "From: Ada Lovelace <ada@example.org>\r\nTo: Carol <carol@beispiel.de>\r\nSubject: " + subject + "\r\n" +
		"Date: Mon, 23 Nov 2026 11:00:00 +0100\r\nMessage-ID: <" + id + ">\r\nIn-Reply-To: <c9@beispiel.de>\r\n" +
		"References: <ask-berlin@example.org> <c9@beispiel.de>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		text + "\r\n"
}

// TestTextAutoRepliesAreSetAsideByFamily: what the owner's client or a
// helper's machine sends without RFC 3834 headers is set aside under the
// code of its family, never taken for thanks or help.
func TestTextAutoRepliesAreSetAsideByFamily(t *testing.T) {
	rules := &classify.Rules{Owner: corpusOwner()}
	in := func(id, subject, text string) string {
		raw := carolWrites(id, "ask-berlin@example.org", "<ask-berlin@example.org>", text)
		return strings.Replace(raw, "Subject: Re: Thank-you ready", "Subject: "+subject, 1)
	}
	for _, tc := range []struct {
		name, mailbox, raw string
		class              gratitude.Class
		reason             string
	}{
		{"Ada's client sends a text read receipt", "Sent", adaWrites("a1@example.org", "Read: Re: Moving to Berlin, any advice?",
			"Your message\r\n\r\n  To: Ada Lovelace\r\n  Subject: Re: Moving to Berlin, any advice?\r\n\r\nwas read on Monday, November 23, 2026."),
			gratitude.ClassIgnored, classify.ReasonDeliveryReport},
		{"Ada's Outlook rule answers with her absence", "Sent", adaWrites("a2@example.org", "RE: Moving to Berlin, any advice?",
			"Thank you for your message.\r\nI am away from 23 November to 4 December inclusive and will respond to your email on my return."),
			gratitude.ClassIgnored, classify.ReasonOutOfOffice},
		{"Ada thanks Carol", "Sent", adaWrites("a3@example.org", "Re: Moving to Berlin, any advice?",
			"Thank you so much, Carol! The Bürgeramt tip saved me a week."), gratitude.ClassOwnerFollowup, ""},
		{"Carol's Outlook in German, read", "INBOX", in("c6@beispiel.de", "Gelesen: Moving to Berlin, any advice?", "Ihre Nachricht wurde gelesen."),
			gratitude.ClassIgnored, classify.ReasonDeliveryReport},
		{"Carol's company's ticket system", "INBOX", in("c7@beispiel.de", "AW: Moving to Berlin, any advice?",
			"Vielen Dank für Ihre Anfrage!\r\nIhr Ticket 2026-4711 wurde erstellt."), gratitude.ClassIgnored, classify.ReasonAutoReply},
		{"Carol mentions her holiday and answers", "INBOX", in("c8@beispiel.de", "Re: Moving to Berlin, any advice?",
			"Ich war im Urlaub, deshalb erst jetzt: Melde dich beim Bürgeramt an."), gratitude.ClassReply, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, v := classifyRaw(rules, tc.mailbox, tc.raw, corpusContext())
			if v.Class != tc.class || !strings.HasPrefix(v.Reason, tc.reason) {
				t.Errorf("%s (%s), want %s (%s…)", v.Class, v.Reason, tc.class, tc.reason)
			}
		})
	}
}
