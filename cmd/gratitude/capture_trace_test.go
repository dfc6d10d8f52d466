package main

import (
	"strings"
	"testing"
	"time"
)

// receivedForAsk is the owner's ask to Bob as their server files its Bcc'd
// copy in INBOX when nothing but the receiving Postfix's Received "for"
// clause names the capture address (Dovecot's LMTP, handing it over with
// other recipients, adds no Delivered-To). top is put above it, as the
// receiving server adds it. The same ask without trace or top is its copy
// in Sent as a client that leaves Bcc out of it files it.
func receivedForAsk(w *loopWorld, top ...string) (inbox, sent []byte) {
	own := []string{"From: Ada Lovelace <ada@example.org>", "To: Bob Chen <bob@example.com>",
		"Subject: Who has a ladder?", "Date: " + w.t0.Format(time.RFC1123Z),
		"Message-ID: <ladder-traced@example.org>", "Content-Type: text/plain; charset=utf-8"}
	body := "Bob, could I borrow your ladder on Saturday?\n\nAda"
	trace := []string{"Return-Path: <ada@example.org>",
		"Received: from mail.example.org ([192.0.2.10])\r\n\tby imap.example.org with LMTP\r\n\tid 8BZkKJ3hQmf9XAAAYBR4xQ\r\n" +
			"\t(envelope-from <ada@example.org>); " + w.t0.Add(time.Second).Format(time.RFC1123Z),
		"Received: from smtp.example.org (smtp.example.org [198.51.100.25])\r\n" +
			"\tby mail.example.org (Postfix) with ESMTPS id 4Z1QfG3c5Vz1wLg\r\n" +
			"\tfor <ada+thanks@example.org>; " + w.t0.Add(time.Second).Format(time.RFC1123Z)}
	return mailAt(append(append(top, trace...), own...), body), mailAt(own, body)
}

// Issue 22: an ask Bcc'd from a client that files no Sent copy, whose
// copy names the capture address only in a Received for clause, becomes a
// request when trusted DKIM vouches for it.
func TestAnAskTracedOnlyByReceivedForBecomesARequest(t *testing.T) {
	w := newLoopWorld(t)
	writeFile(t, w.config, readFile(t, w.config)+"trust: {authserv_id: mail.example.org}\n")
	w.watching()
	ask, _ := receivedForAsk(w, "Authentication-Results: mail.example.org; dkim=pass header.d=example.org")
	w.put("INBOX", ask)
	w.runOnce(time.Minute)
	s := w.state(t)
	if s.Subject != "Who has a ladder?" || len(s.Asked) != 1 || s.Asked[0] != "bob@example.com" {
		t.Errorf("request %+v, want the ladder ask to Bob", s)
	}
}

// Without DKIM, the same copy is held for its proof in Sent. A copy there
// without the Bcc line is no ask of its own, so the ask is refused, and the
// owner is told why, once, instead of nothing happening.
func TestAnAskTracedOnlyByReceivedForWithASentCopyWithoutBccIsReported(t *testing.T) {
	w := newLoopWorld(t)
	w.watching()
	ask, sent := receivedForAsk(w)
	w.put("Sent", sent)
	w.put("INBOX", ask)
	w.runOnce(time.Minute)
	w.runOnce(10 * time.Minute)
	w.runOnce(time.Hour)
	if r := w.cli("list", "--json"); strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("tracked although its copy in Sent is no ask: %s", r.stdout)
	}
	if rep := statusOf(t, w); rep.Commands["refused"] != 1 {
		t.Errorf("commands %v, want the held ask refused", rep.Commands)
	}
	reports := ofKind(w.folder("INBOX"), "refused")
	if len(reports) != 1 || !strings.Contains(reports[0].body, "Bcc") {
		t.Fatalf("%d refusal reports, want 1 saying the client leaves Bcc out: %+v", len(reports), reports)
	}
}
