package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// twoHelpers is the budget ask answered by Alice and Carol, both in English.
func twoHelpers(w *loopWorld) {
	w.watching()
	w.ownerSends(loopAsk(w), false)
	for i, r := range []struct{ from, id, text string }{
		{"Alice Martin <alice@example.net>", "r-alice@example.net", "The travel line is counted twice; I fixed it in the sheet."},
		{"Carol Schmidt <carol@example.org>", "r-carol@example.org", "Bob asked me to look too: the VAT on the catering is missing, so add 19 percent."},
	} {
		w.put("INBOX", mailAt([]string{"From: " + r.from, "To: Ada Lovelace <ada@example.org>", "Subject: Re: Budget review for Q1",
			"Date: " + w.t0.Add(time.Duration(2+i)*time.Hour).Format(time.RFC1123Z), "Message-ID: <" + r.id + ">",
			"In-Reply-To: <ask-budget@example.org>", "Content-Type: text/plain; charset=utf-8"}, "Hi Ada,\n\n"+r.text+"\n"))
	}
	w.runOnce(4 * time.Hour)
}

// "resolved: we took the flat…" by mail stores what came of it, and each
// thank-you of the request says it; the two helpers' drafts differ beyond
// their names and what they wrote.
func TestResolvedWithAnOutcomePutsItInEveryThankYou(t *testing.T) {
	w := newLoopWorld(t)
	twoHelpers(w)
	w.ownerSends(command(w, "cmd-resolve@example.org", "ada+thanks@example.org", "#1 budget", "",
		"resolved: we moved the catering to the spring budget\n\nAda", 5*time.Hour), true)
	w.runOnce(5*time.Hour + time.Minute)
	var drafts []draftView
	r := w.cli("drafts", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &drafts); err != nil || len(drafts) != 2 {
		t.Fatalf("drafts --json: %v\n%s%s", err, r.stdout, r.stderr)
	}
	bare := make([]string, len(drafts))
	for i, d := range drafts {
		if !strings.Contains(d.Body, "we moved the catering to the spring budget.") {
			t.Errorf("the draft to %s does not say what came of it:\n%s", d.To, d.Body)
		}
		b := d.Body
		for _, s := range []string{"Alice", "Carol", "The travel line is counted twice; I fixed it in the sheet.",
			"Bob asked me to look too: the VAT on the catering is missing, so add 19 percent."} {
			b = strings.ReplaceAll(b, s, "")
		}
		bare[i] = b
	}
	if bare[0] == bare[1] {
		t.Errorf("the two drafts differ only in the name and the excerpt:\n%s\n---\n%s", drafts[0].Body, drafts[1].Body)
	}
	for _, d := range drafts {
		if d.To == "carol@example.org" && !strings.Contains(d.Body, "I hadn't even asked you") {
			t.Errorf("Carol, whom Ada did not ask, is not told so:\n%s", d.Body)
		}
	}
	if out := w.cli("show", "1").stdout; !strings.Contains(out, "we moved the catering to the spring budget") {
		t.Errorf("show does not say the outcome:\n%s", out)
	}
}

// The same on the command line: resolve --outcome.
func TestResolveOnTheCommandLineTakesAnOutcome(t *testing.T) {
	w := newLoopWorld(t)
	twoHelpers(w)
	if r := w.cli("--now", w.at(5*time.Hour), "resolve", "1", "--outcome", "the budget went through"); r.code != 0 {
		t.Fatalf("resolve --outcome: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	var drafts []draftView
	r := w.cli("drafts", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &drafts); err != nil || len(drafts) != 2 {
		t.Fatalf("drafts --json: %v\n%s%s", err, r.stdout, r.stderr)
	}
	for _, d := range drafts {
		if !strings.Contains(d.Body, "the budget went through.") {
			t.Errorf("the draft to %s lacks the outcome:\n%s", d.To, d.Body)
		}
	}
}

// drafts --preview shows what each helper would receive, saving nothing:
// the request stays as it was and no draft is written.
func TestDraftsPreviewShowsTheThankYousAndSavesNothing(t *testing.T) {
	w := newLoopWorld(t)
	twoHelpers(w)
	r := w.cli("--now", w.at(5*time.Hour), "drafts", "--preview", "1")
	if r.code != 0 {
		t.Fatalf("drafts --preview: exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"to alice@example.net (en): Re: Budget review for Q1", "to carol@example.org (en)",
		"The travel line is counted twice", "I hadn't even asked you"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the preview lacks %q:\n%s", want, r.stdout)
		}
	}
	if s := w.state(t); s.State != "answered" {
		t.Errorf("after a preview the request is %s, want still answered", s.State)
	}
	if out := w.cli("drafts", "--json").stdout; strings.TrimSpace(out) != "[]" {
		t.Errorf("a preview saved drafts: %s", out)
	}
	if len(w.folder("Drafts")) != 0 {
		t.Errorf("a preview put something in Drafts")
	}
	if r := w.cli("drafts", "--preview", "9"); r.code != 1 || !strings.Contains(r.stderr, "there is no request #9") {
		t.Errorf("preview of no request: exit %d %s", r.code, r.stderr)
	}
}
