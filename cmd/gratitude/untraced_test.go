package main

import (
	"io"
	"mime/quotedprintable"
	"strings"
	"testing"
	"time"
)

// An ask BCC'd to the capture address from a client that files no Sent
// copy, delivered with no trace of the capture address (Postfix over LMTP,
// several recipients in one transaction), is not silently ignored: the
// owner is told, with what to do, and forwarding it to the capture
// address tracks it.
func TestABccdAskWithNoTraceOfTheCaptureAddressIsReported(t *testing.T) {
	w := newLoopWorld(t)
	w.watching()
	w.put("INBOX", mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: Grace Hopper <grace@example.com>",
		"Delivered-To: ada@example.org", "Subject: Could you review my talk?", "Date: " + w.t0.Format(time.RFC1123Z),
		"Message-ID: <neomutt-ask@example.org>", "Content-Type: text/plain; charset=utf-8"},
		"Hi Grace,\n\nCould you look at my slides before Thursday?\n\nAda"))
	w.runOnce(time.Minute)
	w.runOnce(2 * time.Hour)
	if reqs := listed(t, w); len(reqs) != 0 {
		t.Fatalf("an untraced Bcc copy was tracked: %+v", reqs)
	}
	reports := ofKind(w.folder("INBOX"), "refused")
	if len(reports) != 1 {
		t.Fatalf("%d reports in INBOX, want one telling the owner: %v", len(reports), gratitudeMail(w, "INBOX"))
	}
	decoded, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(reports[0].body)))
	body := strings.Join(strings.Fields(string(decoded)), " ")
	for _, want := range []string{"Could you review my talk?", "reached your mailbox by Bcc",
		"forward it to ada+thanks@example.org and it is tracked"} {
		if !strings.Contains(body, want) {
			t.Errorf("the report does not say %q:\n%s", want, reports[0].body)
		}
	}
	w.runOnce(4 * time.Hour)
	if n := len(ofKind(w.folder("INBOX"), "refused")); n != 1 {
		t.Errorf("%d reports after another pass, want still one (at most one a day)", n)
	}

	// Ada forwards it to the capture address, as the report says.
	w.ownerSends(mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: ada+thanks@example.org",
		"Subject: Fwd: Could you review my talk?", "Date: " + w.t0.Add(5*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <neomutt-fwd@example.org>", "Content-Type: text/plain; charset=utf-8"},
		"---------- Forwarded message ---------\nFrom: Ada Lovelace <ada@example.org>\nDate: "+w.t0.Format(time.RFC1123Z)+
			"\nSubject: Could you review my talk?\nTo: Grace Hopper <grace@example.com>\n\nHi Grace,\n\nCould you look at my slides before Thursday?\n\nAda"), true)
	w.runOnce(5*time.Hour + time.Minute)
	if reqs := listed(t, w); len(reqs) != 1 || len(reqs[0].Asked) != 1 || reqs[0].Asked[0] != "grace@example.com" {
		t.Errorf("after the forward: %+v; want the ask to Grace tracked", reqs)
	}
}
