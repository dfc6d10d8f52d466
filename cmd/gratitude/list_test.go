package main

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// listReply is a member's answer to Ada's ask as the list delivers it.
func listReply(w *loopWorld, id, from, text string, d time.Duration, extra ...string) []byte {
	h := []string{"From: " + from, "To: Neighbours of Lindenstrasse <neighbours@lists.example.net>",
		"Subject: Re: [Neighbours] Anyone have a ladder I could borrow?", "Date: " + w.t0.Add(d).Format(time.RFC1123Z),
		"Message-ID: <" + id + ">", "In-Reply-To: <ask-ladder@example.org>", "References: <ask-ladder@example.org>",
		"List-Id: Neighbours of Lindenstrasse <neighbours.lists.example.net>",
		"List-Post: <mailto:neighbours@lists.example.net>", "Precedence: list", "Content-Type: text/plain; charset=utf-8"}
	return mailAt(append(h, extra...), text)
}

// An ask to a list, answered by two members through the list (one whose
// From the list rewrote for DMARC): both are helpers, and each gets a
// thank-you; the list gets none.
func TestAnAskToAListAnsweredByTwoMembersThanksEachOfThem(t *testing.T) {
	w := newLoopWorld(t)
	w.watching()
	w.ownerSends(mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: Neighbours of Lindenstrasse <neighbours@lists.example.net>",
		"Bcc: ada+thanks@example.org", "Subject: Anyone have a ladder I could borrow?", "Date: " + w.t0.Format(time.RFC1123Z),
		"Message-ID: <ask-ladder@example.org>", "Content-Type: text/plain; charset=utf-8"},
		"Hi all,\n\nI need to clean the gutters on Saturday. Does anyone have a long ladder?\n\nAda"), false)
	w.put("INBOX", listReply(w, "r-henrik@example.net", "Henrik Larsen <henrik@example.net>",
		"Hi Ada,\n\nI have a six-metre one in the shed; come by after five.\n\nHenrik", 2*time.Hour))
	w.put("INBOX", listReply(w, "r-grace@example.com", "Grace Hopper via Neighbours <neighbours@lists.example.net>",
		"Mine is shorter but has a stabiliser bar, if Henrik's is out.\n\nGrace", 3*time.Hour,
		"X-Original-From: Grace Hopper <grace@example.com>", "Reply-To: Neighbours <neighbours@lists.example.net>"))
	w.put("INBOX", listReply(w, "list-rules@example.net", "Neighbours <neighbours@lists.example.net>",
		"A reminder: the list rules are on the wiki.", 4*time.Hour))
	w.runOnce(4*time.Hour + time.Minute)
	s := w.state(t)
	var helpers []string
	for _, h := range s.Helpers {
		helpers = append(helpers, h.Email)
	}
	slices.Sort(helpers)
	if !slices.Equal(helpers, []string{"grace@example.com", "henrik@example.net"}) {
		t.Fatalf("helpers %v, want Grace and Henrik (never the list)", helpers)
	}

	w.ownerSends(command(w, "cmd-resolve-ladder@example.org", "ada+thanks@example.org", "#1 ladder", "", "resolved\n\nAda", 5*time.Hour), true)
	w.runOnce(5*time.Hour + time.Minute)
	cards := ofKind(w.folder("INBOX"), "card")
	if len(cards) != 1 {
		t.Fatalf("%d approval cards, want 1", len(cards))
	}
	w.ownerSends(command(w, "cmd-approve-ladder@example.org", strings.Trim(cards[0].header.Get("Reply-To"), "<>"),
		"Re: "+cards[0].header.Get("Subject"), cards[0].header.Get("Message-Id"), "approve", 6*time.Hour), true)
	w.runOnce(6*time.Hour + time.Minute)
	var to []string
	for _, m := range w.smtp.Messages() {
		to = append(to, m.To...)
	}
	slices.Sort(to)
	if !slices.Equal(to, []string{"grace@example.com", "henrik@example.net"}) {
		t.Errorf("thank-yous went to %v, want one to Grace and one to Henrik, none to the list", to)
	}
}
