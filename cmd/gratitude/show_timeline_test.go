package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
)

// answersCard is someone other than Ada answering the card Ada forwarded
// them, from their own address, with text.
func answersCard(w *loopWorld, card folderMessage, from, id, text string, d time.Duration) []byte {
	return mailAt([]string{"From: " + from, "To: " + strings.Trim(card.header.Get("Reply-To"), "<>"),
		"Subject: Re: " + card.header.Get("Subject"), "Date: " + w.t0.Add(d).Format(time.RFC1123Z), "Message-ID: <" + id + ">",
		"In-Reply-To: <fwd-card@example.org>", "References: " + card.header.Get("Message-Id") + " <fwd-card@example.org>"}, text)
}

func TestShowsTimelineSaysWhoDidWhatAndWhatWasSetAside(t *testing.T) {
	w := newLoopWorld(t)
	answered(w) // Alice answers; Bob's out-of-office is set aside
	card := resolvedWithCard(t, w)
	w.ownerSends(forwardInline(w, card, "Alice Martin <alice@example.net>, Carol <carol@example.org>", "fwd-card@example.org"), false)
	w.runOnce(5*time.Hour + 31*time.Minute)
	// Alice (a helper) and Carol (who never wrote in the thread) answer
	// the forwarded card "approve", each from their own address.
	w.put("INBOX", answersCard(w, card, "Alice Martin <alice@example.net>", "alice-approve@example.net", "approve\n\nAlice", 5*time.Hour+40*time.Minute))
	w.put("INBOX", answersCard(w, card, "Carol <carol@example.org>", "carol-approve@example.org", "Approve!", 5*time.Hour+41*time.Minute))
	w.runOnce(5*time.Hour + 45*time.Minute)
	w.ownerSends(command(w, "cmd-approve@example.org", "ada+thanks@example.org", "#1", "", "approve", 6*time.Hour), true)
	w.runOnce(6*time.Hour + time.Minute)
	w.runOnce(6*time.Hour + 2*time.Minute) // reads the thank-you's copy in Sent

	s := w.state(t)
	if len(s.Helpers) != 1 || s.Helpers[0].Email != "alice@example.net" || s.Helpers[0].Replies != 1 {
		t.Errorf("helpers %+v; want Alice alone, with her one real reply: an \"approve\" from someone else is no help", s.Helpers)
	}
	if n := len(w.smtp.Messages()); n != 1 {
		t.Errorf("%d thank-yous sent, want Alice's alone", n)
	}
	r := w.cli("show", "1")
	if r.code != 0 {
		t.Fatalf("show 1: exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		"asked        you asked Alice Martin <alice@example.net>, Bob Chen <bob@example.com>: “Budget review for Q1”",
		"2026-11-23 11:00  replied      Alice Martin <alice@example.net> replied: “The travel line is counted twice",
		"2026-11-23 12:00  set-aside    bob@example.com wrote “Automatic reply: Budget review for Q1”: set aside, auto-reply",
		"set-aside    alice@example.net wrote “Re: Thank-you ready: Budget review for Q1”: set aside, others-command",
		"set-aside    carol@example.org wrote “Re: Thank-you ready: Budget review for Q1”: set aside, others-command",
		"resolve      you resolved it (state: answered → resolved)",
		"owner-wrote  you thanked Alice Martin <alice@example.net>",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("show lacks %q:\n%s", want, r.stdout)
		}
	}
	if n := strings.Count(r.stdout, "you thanked Alice Martin"); n != 1 {
		t.Errorf("the one thank-you is in the timeline %d times (sent, then its copy read in Sent):\n%s", n, r.stdout)
	}
	if blank := regexp.MustCompile(`(?m)^  \S+ \S+  \S+ *$`).FindString(r.stdout); blank != "" {
		t.Errorf("a timeline row says nothing: %q\n%s", blank, r.stdout)
	}
	var shown struct {
		Timeline []struct{ Kind, Who, What string } `json:"timeline"`
	}
	if err := json.Unmarshal([]byte(w.cli("show", "1", "--json").stdout), &shown); err != nil {
		t.Fatal(err)
	}
	for _, e := range shown.Timeline {
		if e.Who == "" || e.What == "" {
			t.Errorf("show --json: a %s entry without who or what: %+v", e.Kind, e)
		}
	}
}
