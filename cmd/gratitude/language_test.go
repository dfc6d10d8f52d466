package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// A helper who answered in German gets a German thank-you, one who
// answered in French a French one, one who answered in English an
// English one; drafts --json says which.
func TestAThankYouIsWrittenInTheHelpersLanguage(t *testing.T) {
	w := newLoopWorld(t)
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
	w.put("INBOX", mailAt([]string{"From: Chloé Dubois <chloe@example.fr>", "To: Ada Lovelace <ada@example.org>",
		"Subject: RE: Budget review for Q1", "Date: " + w.t0.Add(3*time.Hour+30*time.Minute).Format(time.RFC1123Z),
		"Message-ID: <r-chloe@example.fr>", "In-Reply-To: <ask-budget@example.org>", "Content-Type: text/plain; charset=utf-8"},
		"Bonjour Ada,\n\nJe te l'envoie ce soir, les frais de déplacement sont comptés deux fois.\n\nChloé"))
	w.runOnce(4 * time.Hour)
	w.ownerSends(command(w, "cmd-resolve@example.org", "ada+thanks@example.org", "#1 budget", "", "resolved\n\nAda", 5*time.Hour), true)
	w.runOnce(5*time.Hour + time.Minute)
	var drafts []draftView
	r := w.cli("drafts", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &drafts); err != nil || len(drafts) != 3 {
		t.Fatalf("drafts --json: %v\n%s%s", err, r.stdout, r.stderr)
	}
	for _, d := range drafts {
		switch d.To {
		case "alice@example.net":
			if d.Language != "en" || !strings.Contains(d.Body, "Alice") {
				t.Errorf("Alice's draft: language %q\n%s", d.Language, d.Body)
			}
		case "bob@example.com":
			if d.Language != "de" || !strings.Contains(d.Body, "„Budget review for Q1“") {
				t.Errorf("Bob's draft: language %q, want de and German words\n%s", d.Language, d.Body)
			}
		case "chloe@example.fr":
			if d.Language != "fr" || !strings.Contains(d.Body, "«\u00a0Budget review for Q1\u00a0»") {
				t.Errorf("Chloé's draft: language %q, want fr and French words\n%s", d.Language, d.Body)
			}
		default:
			t.Errorf("a draft to %s", d.To)
		}
	}
}
