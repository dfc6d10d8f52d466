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
	body := plainBody(reports[0])
	for _, want := range []string{"Could you review my talk?", "reached your mailbox by Bcc",
		`reply "track" to gratitude's notice that lists it, or forward it to ada+thanks@example.org, and it is tracked`,
		`To track the ask above (1), reply to this message with the word "track".`} {
		if !strings.Contains(body, want) {
			t.Errorf("the report does not say %q:\n%s", want, reports[0].body)
		}
	}
	why := w.cli("why", "neomutt-ask@example.org").stdout
	for _, want := range []string{"held", "as commands or a held ask: refused", "it reached your mailbox by Bcc"} {
		if !strings.Contains(why, want) {
			t.Errorf("why does not say %q:\n%s", want, why)
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

	// Then she answers the notice with "track" as well: nothing is tracked
	// twice, and she is told.
	w.put("INBOX", command(w, "track-late@example.org", strings.Trim(reports[0].header.Get("Reply-To"), "<>"),
		"Re: "+reports[0].header.Get("Subject"), reports[0].header.Get("Message-Id"), "track\n\nAda", 6*time.Hour))
	w.runOnce(6*time.Hour + time.Minute)
	w.runOnce(6*time.Hour + 2*time.Minute)
	if reqs := listed(t, w); len(reqs) != 1 {
		t.Errorf("after track on a forwarded ask: %d requests, want still one: %+v", len(reqs), reqs)
	}
	answers := ofKind(w.folder("INBOX"), "commands")
	if len(answers) != 1 || !strings.Contains(plainBody(answers[0]), `track 1: “Could you review my talk?” was tracked already, as request #1`) {
		t.Errorf("the answer to a second track: %v", gratitudeMail(w, "INBOX"))
	}
}

// plainBody is a message's quoted-printable text with its lines joined.
func plainBody(m folderMessage) string {
	decoded, _ := io.ReadAll(quotedprintable.NewReader(strings.NewReader(m.body)))
	return strings.Join(strings.Fields(string(decoded)), " ")
}

// untracedAsk is an ask of Ada's as a client that files no Sent copy
// sends it, delivered with no trace of the capture address.
func untracedAsk(w *loopWorld, id, to, subject, text string, d time.Duration) []byte {
	return mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: " + to, "Delivered-To: ada@example.org",
		"Subject: " + subject, "Date: " + w.t0.Add(d).Format(time.RFC1123Z), "Message-ID: <" + id + ">",
		"Content-Type: text/plain; charset=utf-8"}, text)
}

// The owner tracks an untraced ask by answering the notice that listed it
// with "track N", from a client that files no Sent copy (the notice's
// card address proves the reply hers). Only the ask named is tracked; a
// reply to it then makes a helper; a forged "track" is refused.
func TestTrackInAReplyToTheNoticeTracksTheAskItNames(t *testing.T) {
	w := newLoopWorld(t)
	w.watching()
	w.put("INBOX", untracedAsk(w, "ask-talk@example.org", "Grace Hopper <grace@example.com>", "Could you review my talk?",
		"Hi Grace,\n\nCould you look at my slides before Thursday?\n\nAda", 0))
	w.put("INBOX", untracedAsk(w, "ask-venue@example.org", "Linus Pauling <linus@example.net>", "Venue for the workshop?",
		"Hi Linus,\n\nDo you know a room for twenty people in Leipzig?\n\nAda", 10*time.Minute))
	w.runOnce(time.Hour)
	w.runOnce(2 * time.Hour)
	reports := ofKind(w.folder("INBOX"), "refused")
	if len(reports) != 1 {
		t.Fatalf("%d reports, want one: %v", len(reports), gratitudeMail(w, "INBOX"))
	}
	notice := reports[0]
	if body := plainBody(notice); !strings.Contains(body, `the asks above (1, 2), reply to this message with the word "track", or "track 1" for one of them.`) {
		t.Fatalf("the notice does not say how to track:\n%s", body)
	}

	// Someone who saw the notice's Message-ID forges a "track" from Ada's
	// address, to her plain address: nothing proves it hers.
	w.put("INBOX", command(w, "forged-track@evil.example", "ada@example.org", "Re: notice", notice.header.Get("Message-Id"),
		"track", 3*time.Hour))
	w.runOnce(3 * time.Hour)
	w.runOnce(3*time.Hour + 10*time.Minute)
	if reqs := listed(t, w); len(reqs) != 0 {
		t.Fatalf("a forged track tracked: %+v", reqs)
	}

	// Ada answers the notice: "track 2", to its reply address.
	w.put("INBOX", command(w, "track-2@example.org", strings.Trim(notice.header.Get("Reply-To"), "<>"),
		"Re: "+notice.header.Get("Subject"), notice.header.Get("Message-Id"), "track 2\n\nAda", 4*time.Hour))
	w.runOnce(4 * time.Hour)
	if reqs := listed(t, w); len(reqs) != 0 {
		t.Fatalf("tracked before Sent was read again (a forward of the notice could have spent its address): %+v", reqs)
	}
	w.runOnce(4*time.Hour + time.Minute)
	reqs := listed(t, w)
	if len(reqs) != 1 || reqs[0].MessageID != "ask-venue@example.org" || len(reqs[0].Asked) != 1 || reqs[0].Asked[0] != "linus@example.net" ||
		!reqs[0].AskedAt.Equal(w.t0.Add(10*time.Minute)) {
		t.Fatalf("after track 2: %+v; want the ask to Linus tracked, asked when it was sent", reqs)
	}
	if n := len(ofKind(w.folder("INBOX"), "commands")); n != 0 {
		t.Errorf("%d answers to a track that worked, want none", n)
	}

	// Linus answers; he is a helper of the tracked ask.
	w.put("INBOX", mailAt([]string{"From: Linus Pauling <linus@example.net>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Venue for the workshop?", "Date: " + w.t0.Add(5*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-linus@example.net>", "In-Reply-To: <ask-venue@example.org>", "Content-Type: text/plain; charset=utf-8"},
		"Hi Ada,\n\nThe Lindenau community hall has one; I can introduce you.\n\nLinus"))
	w.runOnce(5*time.Hour + time.Minute)
	if reqs := listed(t, w); len(reqs) != 1 || len(reqs[0].Helpers) != 1 || reqs[0].Helpers[0].Email != "linus@example.net" {
		t.Errorf("after Linus's answer: %+v", reqs)
	}
}

// An ask whose capture copy is plain (Delivered-To names the capture
// address) but which has no copy in Sent to prove it is refused after the
// grace, like any unproven ask; "track" in a reply to the notice tracks it.
func TestTrackTracksAnAskHeldForWantOfItsSentCopy(t *testing.T) {
	w := newLoopWorld(t)
	w.watching()
	w.put("INBOX", mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: Grace Hopper <grace@example.com>",
		"Delivered-To: ada+thanks@example.org", "Subject: Could you review my talk?", "Date: " + w.t0.Format(time.RFC1123Z),
		"Message-ID: <ask-talk@example.org>", "Content-Type: text/plain; charset=utf-8"},
		"Hi Grace,\n\nCould you look at my slides before Thursday?\n\nAda"))
	w.runOnce(time.Minute)
	w.runOnce(time.Hour)
	reports := ofKind(w.folder("INBOX"), "refused")
	if len(reports) != 1 || !strings.Contains(plainBody(reports[0]), `no copy in Sent`) ||
		!strings.Contains(plainBody(reports[0]), `if it is your ask, reply "track" to gratitude's notice that lists it`) {
		t.Fatalf("reports: %v", gratitudeMail(w, "INBOX"))
	}
	w.put("INBOX", command(w, "track-all@example.org", strings.Trim(reports[0].header.Get("Reply-To"), "<>"),
		"Re: "+reports[0].header.Get("Subject"), reports[0].header.Get("Message-Id"), "Hi,\n\ntrack\n\nAda", 2*time.Hour))
	w.runOnce(2 * time.Hour)
	w.runOnce(2*time.Hour + time.Minute)
	if reqs := listed(t, w); len(reqs) != 1 || reqs[0].MessageID != "ask-talk@example.org" {
		t.Errorf("after track: %+v; want the ask tracked", reqs)
	}
}
