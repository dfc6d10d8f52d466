package main

import (
	"bufio"
	"bytes"
	"net/textproto"
	"strings"
	"testing"
	"time"
)

func TestASenderWrittenAuthenticationResultsProvesNothing(t *testing.T) {
	w := newLoopWorld(t)
	writeFile(t, w.config, readFile(t, w.config)+"trust: {authserv_id: mx.example.org}\n")
	answered(w)
	resolvedWithCard(t, w)
	// The receiving server adds its verdict on top; the forger's own,
	// claiming DKIM passed, sits below it.
	forged := command(w, "forged-ar@evil.example", "ada+thanks@example.org", "#1", "", "approve", 6*time.Hour)
	forged = append([]byte("Authentication-Results: mx.example.org; dkim=none\r\n"+
		"Authentication-Results: mx.example.org; dkim=pass header.d=example.org\r\n"), forged...)
	w.put("INBOX", forged)
	w.runOnce(6*time.Hour + 10*time.Minute)
	if n := len(w.smtp.Messages()); n != 0 {
		t.Errorf("a sender-written Authentication-Results got %d messages sent", n)
	}
	// The same server vouching on top is believed (no Sent copy needed).
	genuine := command(w, "genuine-ar@example.org", "ada+thanks@example.org", "#1", "", "approve", 7*time.Hour)
	genuine = append([]byte("Authentication-Results: mx.example.org; dkim=pass header.d=example.org\r\n"), genuine...)
	w.put("INBOX", genuine)
	w.runOnce(7*time.Hour + time.Minute)
	if n := len(w.smtp.Messages()); n != 1 {
		t.Errorf("the trusted server's DKIM pass: %d messages sent, want 1", n)
	}
}

func TestAReplayedCommandIsNotCarriedOutAgain(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	card := resolvedWithCard(t, w)
	skip := command(w, "cmd-skip@example.org", card.header.Get("Reply-To"), "Re: card", card.header.Get("Message-Id"), "skip alice", 6*time.Hour)
	w.ownerSends(skip, true)
	w.runOnce(6*time.Hour + time.Minute)
	// Alice comes back with more help, and the old "skip alice" mail is
	// delivered again.
	w.put("INBOX", mailAt([]string{"From: Alice Martin <alice@example.net>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Budget review for Q1", "Date: " + w.t0.Add(7*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-alice-more@example.net>", "In-Reply-To: <r-alice@example.net>"}, "One more thing: check the VAT line."))
	w.put("INBOX", skip)
	w.runOnce(7*time.Hour + time.Minute)
	var rep struct {
		Commands map[string]int `json:"commands"`
	}
	if err := jsonOf(w.cli("status", "--json").stdout, &rep); err != nil || rep.Commands["done"] != 2 {
		t.Errorf("commands %v, %v; want the resolve and the one skip carried out, the replay not", rep.Commands, err)
	}
}

func TestNoCommandSendsAThankYouOutsideTheThread(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	card := resolvedWithCard(t, w)
	body := "helped mallory@evil.example\napprove\napprove mallory@evil.example\nedit mallory@evil.example\nHi\n--\n"
	w.ownerSends(command(w, "cmd-mallory@example.org", card.header.Get("Reply-To"), "Re: card", card.header.Get("Message-Id"), body, 6*time.Hour), true)
	w.runOnce(6*time.Hour + time.Minute)
	w.runOnce(7 * time.Hour)
	for _, m := range w.smtp.Messages() {
		for _, to := range m.To {
			if to != "alice@example.net" {
				t.Errorf("a thank-you went to %s, who never wrote in the thread", to)
			}
		}
	}
	if n := len(w.smtp.Messages()); n != 1 {
		t.Errorf("%d messages sent, want Alice's thank-you only", n)
	}
}

func TestAHelpersNameCannotInjectHeadersOrTemplateCode(t *testing.T) {
	w := newLoopWorld(t)
	w.ownerSends(loopAsk(w), false)
	evil := "=?utf-8?q?Alice=0D=0ABcc=3A_evil=40example=2Ecom_=7B=7B=2EOwnerName=7D=7D?="
	w.put("INBOX", mailAt([]string{"From: " + evil + " <alice@example.net>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Budget review for Q1 =?utf-8?q?=0D=0AX-Evil=3A_1?=", "Date: " + w.t0.Add(2*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-alice@example.net>", "In-Reply-To: <ask-budget@example.org>", "Content-Type: text/plain; charset=utf-8"},
		"Use {{.Signature}} and <script>alert(1)</script> in the sheet."))
	w.runOnce(4 * time.Hour)
	card := resolvedWithCard(t, w)
	w.ownerSends(command(w, "cmd-ok@example.org", card.header.Get("Reply-To"), "Re: card", card.header.Get("Message-Id"), "approve", 6*time.Hour), true)
	w.runOnce(6*time.Hour + time.Minute)
	sent := w.smtp.Messages()
	if len(sent) != 1 {
		t.Fatalf("%d messages sent, want the thank-you", len(sent))
	}
	h, err := textproto.NewReader(bufio.NewReader(bytes.NewReader(sent[0].Data))).ReadMIMEHeader()
	if err != nil {
		t.Fatal(err)
	}
	if len(h["Bcc"]) != 0 || len(h["X-Evil"]) != 0 || len(h["To"]) != 1 || len(h["Subject"]) != 1 {
		t.Errorf("header fields injected: %v", h)
	}
	body := strings.ReplaceAll(string(sent[0].Data), "=\r\n", "")
	_, html, ok := strings.Cut(body, "Content-Type: text/html")
	if !ok || strings.Contains(html, "<script>") || !strings.Contains(html, "&lt;script&gt;") {
		t.Errorf("the helper's words are not escaped in the HTML part:\n%s", html)
	}
	if !strings.Contains(body, "{{.Signature}}") {
		t.Errorf("the helper's words were interpreted as a template, not quoted:\n%s", body)
	}
}
