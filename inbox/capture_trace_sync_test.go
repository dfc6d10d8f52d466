package inbox_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/inbox"
)

// tracedAsk is the owner's ask to Bob as the owner's server files its
// Bcc'd copy when the only trace of the capture address is the for clause
// of the receiving server's Received field, on top of relays Received
// fields below it.
func tracedAsk(relays int) []byte {
	var b strings.Builder
	b.WriteString("Return-Path: <ada@example.org>\r\n")
	b.WriteString("Received: from mail.example.org ([192.0.2.10])\r\n\tby imap.example.org with LMTP\r\n" +
		"\tid 8BZkKJ3hQmf9XAAAYBR4xQ\r\n\t(envelope-from <ada@example.org>); Mon, 23 Nov 2026 10:00:02 +0100\r\n")
	b.WriteString("Received: from smtp.example.org (smtp.example.org [198.51.100.25])\r\n" +
		"\tby mail.example.org (Postfix) with ESMTPS id 4Z1QfG3c5Vz1wLg\r\n" +
		"\tfor <ada+thanks.3d@example.org>; Mon, 23 Nov 2026 10:00:02 +0100 (CET)\r\n")
	for i := range relays {
		fmt.Fprintf(&b, "Received: from relay%04d.example.net (relay%04d.example.net [203.0.113.%d])\r\n"+
			"\tby relay%04d.example.net with ESMTP id r%08d; Mon, 23 Nov 2026 10:00:01 +0100\r\n", i+1, i+1, i%250+1, i, i)
	}
	b.WriteString("From: Ada Lovelace <ada@example.org>\r\nTo: Bob Chen <bob@example.com>\r\n" +
		"Subject: Who has a ladder?\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n" +
		"Message-ID: <ladder-traced@example.org>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" +
		"Bob, could I borrow your ladder on Saturday?\r\n\r\nAda\r\n")
	return []byte(b.String())
}

// An ask whose INBOX copy shows the capture address only in a Received
// for clause is the owner's ask awaiting proof, like any ask read outside
// Sent; the for clause survives a header of thousands of Received fields,
// clipped to the fetch's budget, and so do the message's own fields.
func TestAnAskTracedOnlyByReceivedForIsHeldForProof(t *testing.T) {
	for _, relays := range []int{3, 2500} {
		t.Run(fmt.Sprintf("%d relays", relays), func(t *testing.T) {
			srv := newMem(t)
			raw := tracedAsk(relays)
			if relays > 100 && len(raw) < 300<<10 {
				t.Fatalf("header is %d bytes, want it over the fetch's budget", len(raw))
			}
			if _, err := srv.Append(owner, "INBOX", raw); err != nil {
				t.Fatal(err)
			}
			st := newMemStore()
			conn := dial(t, optionsFor(t, srv.Addr()), &inbox.Stats{})
			if _, err := newSyncer(st, &inbox.Rules{Owner: corpusOwner()}).Sync(context.Background(), conn, "INBOX"); err != nil {
				t.Fatal(err)
			}
			held := st.byClass(gratitude.ClassHeld)
			if len(held) != 1 {
				t.Fatalf("held: %d messages, all: %+v", len(held), st.msgs)
			}
			ev, ok := held[0].Event.(gratitude.Commanded)
			if !ok || ev.Ask == nil || ev.Ask.Subject != "Who has a ladder?" || ev.MessageID != "ladder-traced@example.org" ||
				len(ev.Ask.Asked) != 1 || ev.Ask.Asked[0].Email != "bob@example.com" || !ev.Ask.DueAt.Equal(ev.Ask.At.Add(72*time.Hour)) {
				t.Errorf("held ask %+v, want Bob asked about the ladder, due in 3 days (.3d)", held[0].Event)
			}
		})
	}
}
