package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"gratitude"
)

// sentBefore is mail the owner sent before the test, in her own voice.
func sentBefore(w *loopWorld, n int, to, body string) []byte {
	return mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: " + to,
		"Subject: note " + fmt.Sprint(n), "Date: " + w.t0.Add(-time.Duration(30-n)*24*time.Hour).Format(time.RFC1123Z),
		fmt.Sprintf("Message-ID: <before-%d@example.org>", n), "Content-Type: text/plain; charset=utf-8"}, body)
}

// An owner whose sent mail greets "Hi Carol," and signs off "Cheers,\nAda"
// gets thank-yous that do the same; Bob, whom she writes to in German as
// "Servus Bob," and "LG\nAda", is thanked that way.
func TestThankYousSpeakInTheOwnersVoice(t *testing.T) {
	w := newLoopWorld(t)
	w.put("Sent", sentBefore(w, 1, "Carol Diaz <carol@example.org>",
		"Hi Carol,\n\nThanks for lending me the ladder last weekend, the whole job went much faster with it.\n\nCheers,\nAda\n"))
	w.put("Sent", sentBefore(w, 2, "Dan Okafor <dan@example.org>",
		"Hi Dan,\n\nThe minutes from Tuesday are in the shared folder now; let me know if anything is missing.\n\nCheers,\nAda\n-- \nAda Lovelace\nAnalytical Engines Ltd\n"))
	w.put("Sent", sentBefore(w, 3, "Erin Walsh <erin@example.org>",
		"Hi Erin,\n\nI would love to join the reading group again next month, count me in for the first session.\n\nCheers,\nAda\n\nOn Mon, 2 Nov 2026 at 10:00, Erin Walsh <erin@example.org> wrote:\n> Are you in?\n"))
	w.put("Sent", sentBefore(w, 4, "Bob Chen <bob@example.com>",
		"Servus Bob,\n\nich bringe am Samstag die Bohrmaschine mit und helfe dir beim Aufbau der Regale.\n\nLG\nAda\n"))
	w.put("Sent", sentBefore(w, 5, "Bob Chen <bob@example.com>",
		"Servus Bob,\n\ndanke für die Einladung, wir kommen gerne am Sonntag zum Grillen vorbei.\n\nLG\nAda\n"))
	w.watching()
	w.ownerSends(loopAsk(w), false)
	w.put("INBOX", mailAt([]string{"From: Alice Martin <alice@example.net>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Budget review for Q1", "Date: " + w.t0.Add(2*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-alice@example.net>", "In-Reply-To: <ask-budget@example.org>", "Content-Type: text/plain; charset=utf-8"},
		"Hi Ada,\n\nThe travel line is counted twice; I fixed it in the sheet.\n\nAlice"))
	w.put("INBOX", mailAt([]string{"From: Bob Chen <bob@example.com>", "To: Ada Lovelace <ada@example.org>",
		"Subject: AW: Budget review for Q1", "Date: " + w.t0.Add(3*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-bob@example.com>", "In-Reply-To: <ask-budget@example.org>", "Content-Type: text/plain; charset=utf-8"},
		"Hallo Ada,\n\ndie Reisekosten im März sind doppelt gezählt, ich habe die Zeile in der Tabelle korrigiert.\n\nViele Grüße\nBob"))
	w.runOnce(4 * time.Hour)
	w.ownerSends(command(w, "cmd-resolve@example.org", "ada+thanks@example.org", "#1 budget", "", "resolved\n\nAda", 5*time.Hour), true)
	w.runOnce(5*time.Hour + time.Minute)

	var drafts []draftView
	r := w.cli("drafts", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &drafts); err != nil || len(drafts) != 2 {
		t.Fatalf("drafts --json: %v\n%s%s", err, r.stdout, r.stderr)
	}
	for _, d := range drafts {
		body := strings.TrimSpace(strings.ReplaceAll(d.Body, "\r\n", "\n"))
		if testing.Verbose() {
			t.Logf("draft to %s:\n%s", d.To, body)
		}
		switch d.To {
		case "alice@example.net":
			if !strings.HasPrefix(body, "Hi Alice,\n") || !strings.HasSuffix(body, "\nCheers,\nAda") {
				t.Errorf("Alice's draft does not greet and sign off as Ada does:\n%s", body)
			}
		case "bob@example.com":
			if d.Language != "de" || !strings.HasPrefix(body, "Servus Bob,\n") || !strings.HasSuffix(body, "\nLG\nAda") {
				t.Errorf("Bob's draft (%s) does not greet and sign off as Ada does with him:\n%s", d.Language, body)
			}
		default:
			t.Errorf("a draft to %s", d.To)
		}
	}

	var v gratitude.Voice
	r = w.cli("voice", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil {
		t.Fatalf("voice --json: %v\n%s%s", err, r.stdout, r.stderr)
	}
	if len(v.Closings) == 0 || v.Closings[0].Text != "Cheers,\nAda" || v.Closings[0].Messages != 3 ||
		v.People["bob@example.com"].Messages != 2 {
		t.Errorf("voice --json:\n%s", r.stdout)
	}
	r = w.cli("voice")
	if testing.Verbose() {
		t.Logf("voice:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, `en closing  "Cheers,\nAda" (3)`) || !strings.Contains(r.stdout, `de greeting "Servus Bob," (2)`) {
		t.Errorf("voice:\n%s%s", r.stdout, r.stderr)
	}
}
