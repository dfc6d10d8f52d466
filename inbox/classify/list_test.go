package classify_test

import (
	"strings"
	"testing"

	"gratitude"
	"gratitude/inbox/classify"
)

// throughList is mail a list delivers to Ada: from, with the list's header
// fields, answering ref, saying text.
func throughList(id, from, ref, text string, extra ...string) string {
	h := "From: " + from + "\r\nTo: Neighbours of Lindenstrasse <neighbours@lists.example.net>\r\n" +
		"Subject: Re: Anyone have a ladder I could borrow?\r\nDate: Mon, 23 Nov 2026 11:00:00 +0100\r\n" +
		"Message-ID: <" + id + ">\r\nIn-Reply-To: <" + ref + ">\r\nReferences: <" + ref + ">\r\n" +
		"List-Id: Neighbours of Lindenstrasse <neighbours.lists.example.net>\r\n" +
		"List-Post: <mailto:neighbours@lists.example.net>\r\nList-Unsubscribe: <mailto:neighbours-leave@lists.example.net>\r\n" +
		"Precedence: list\r\n"
	for _, f := range extra {
		h += f + "\r\n"
	}
	return h + "\r\n" + text + "\r\n"
}

// Ada asked a list (request 1 here stands for it): members who answer
// through the list are helpers, by the author the list names; the list,
// the owner's own post come back, and list mail outside her threads never
// count.
func TestAnswersThroughAListTheOwnerAskedCountTheirAuthors(t *testing.T) {
	rules := &classify.Rules{Owner: corpusOwner()}
	const ladder = "I have a six-metre one in the shed; come by after five."
	for _, tc := range []struct {
		name, raw string
		class     gratitude.Class
		reason    string
		helper    string
	}{
		{"a member, From as written", throughList("l1@example.net", "Henrik Larsen <henrik@example.net>", "ask-budget@example.org", ladder),
			gratitude.ClassReply, "", "henrik@example.net"},
		{"From rewritten for DMARC, X-Original-From", throughList("l2@example.net",
			"Grace Hopper via Neighbours <neighbours@lists.example.net>", "ask-budget@example.org", ladder,
			"X-Original-From: Grace Hopper <grace@example.com>", "Reply-To: Neighbours <neighbours@lists.example.net>"),
			gratitude.ClassReply, "", "grace@example.com"},
		{"From rewritten, Reply-To the author", throughList("l3@example.net",
			"'Frank Weber' via Neighbours <neighbours@lists.example.net>", "ask-budget@example.org", ladder,
			"Reply-To: Frank Weber <frank@beispiel.de>"),
			gratitude.ClassReply, "", "frank@beispiel.de"},
		{"the list in its own name", throughList("l4@example.net", "Neighbours <neighbours@lists.example.net>",
			"ask-budget@example.org", "Reminder: the list rules are on the wiki."),
			gratitude.ClassIgnored, classify.ReasonMailingList, ""},
		{"Ada's own post back through the list", throughList("l5@example.net",
			"Ada Lovelace via Neighbours <neighbours@lists.example.net>", "ask-budget@example.org", "Thanks all!",
			"X-Original-From: Ada Lovelace <ada@example.org>"),
			gratitude.ClassIgnored, classify.ReasonMailingList, ""},
		{"the list by its List-Id, with no List-Post", strings.Replace(throughList("l9@example.net",
			"Neighbours <neighbours@lists.example.net>", "ask-budget@example.org", "Reminder: the list rules are on the wiki."),
			"List-Post: <mailto:neighbours@lists.example.net>\r\n", "", 1),
			gratitude.ClassIgnored, classify.ReasonMailingList, ""},
		{"the list's bounces address", throughList("l10@example.net", "neighbours-bounces@lists.example.net",
			"ask-budget@example.org", "Your message awaits moderator approval."),
			gratitude.ClassIgnored, classify.ReasonMailingList, ""},
		{"list mail outside her threads", throughList("l6@example.net", "Henrik Larsen <henrik@example.net>",
			"someone-else@example.net", ladder),
			gratitude.ClassIgnored, classify.ReasonMailingList, ""},
		{"an out-of-office through the list", throughList("l7@example.net", "Henrik Larsen <henrik@example.net>",
			"ask-budget@example.org", "I am out of the office until Monday 30 November with limited access to email."),
			gratitude.ClassIgnored, classify.ReasonOutOfOffice, ""},
		{"a member's auto-reply through the list", throughList("l8@example.net", "Henrik Larsen <henrik@example.net>",
			"ask-budget@example.org", ladder, "Auto-Submitted: auto-replied"),
			gratitude.ClassIgnored, classify.ReasonAutoReply, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, v := classifyRaw(rules, "INBOX", tc.raw, corpusContext())
			if v.Class != tc.class || !strings.HasPrefix(v.Reason, tc.reason) {
				t.Fatalf("%s (%s), want %s (%s…)", v.Class, v.Reason, tc.class, tc.reason)
			}
			ev, replied := v.Event.(gratitude.Replied)
			if replied != (tc.helper != "") || replied && ev.From.Email != tc.helper {
				t.Errorf("event %+v, want a reply from %q", v.Event, tc.helper)
			}
			if replied && !strings.Contains(ev.Excerpt, "six-metre") {
				t.Errorf("excerpt %q", ev.Excerpt)
			}
		})
	}
}

// The owner's own post to a list comes back to her INBOX through the list:
// none of her addresses is among its visible recipients, as with a Bcc, but
// it reached her by the list. It is no ask the server left untraced, so it
// is never held (the owner would be told of every post she makes); a copy
// Bcc'd to her without list fields still is.
func TestTheOwnersPostBackFromAListIsNoUntracedAsk(t *testing.T) {
	rules := &classify.Rules{Owner: corpusOwner()}
	post := "From: Ada Lovelace <ada@example.org>\r\nTo: Neighbours of Lindenstrasse <neighbours@lists.example.net>\r\n" +
		"Subject: Anyone have a drill I could borrow?\r\nDate: Mon, 23 Nov 2026 11:00:00 +0100\r\nMessage-ID: <drill@example.org>\r\n"
	const list = "List-Id: Neighbours of Lindenstrasse <neighbours.lists.example.net>\r\n" +
		"List-Post: <mailto:neighbours@lists.example.net>\r\nPrecedence: list\r\n"
	const text = "\r\nMine broke; I need it for an hour on Saturday.\r\n"
	for _, tc := range []struct {
		name, raw string
		class     gratitude.Class
		reason    string
	}{
		{"back through the list", post + list + text, gratitude.ClassIgnored, classify.ReasonOwnerNoCapture},
		{"Bcc'd to herself", post + text, gratitude.ClassHeld, classify.ReasonOwnerNoCapture},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, v := classifyRaw(rules, "INBOX", tc.raw, corpusContext())
			if v.Class != tc.class || !strings.HasPrefix(v.Reason, tc.reason) {
				t.Errorf("%s (%s), want %s (%s…)", v.Class, v.Reason, tc.class, tc.reason)
			}
		})
	}
}
