package inbox_test

import (
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/inbox"
	"gratitude/inbox/classify"
)

// ownerReply is the owner writing to Alice in the budget thread (request 1
// of the corpus world), with extra header lines.
func ownerReply(extra string) *inbox.Message {
	raw := "From: Ada Lovelace <ada@example.org>\r\nTo: Alice Martin <alice@example.net>\r\n" +
		"Subject: Re: Budget review for Q1\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n" +
		"Message-ID: <ada-auto@example.org>\r\nIn-Reply-To: <ask-budget@example.org>\r\n" + extra
	return &inbox.Message{Mailbox: "Sent", UIDValidity: 1, UID: 9, Header: classify.ParseHeader([]byte(raw + "\r\n")),
		InternalDate: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)}
}

func TestTheOwnersAutoReplyIsNeitherAFollowUpNorThanks(t *testing.T) {
	rules := &inbox.Rules{Owner: corpusOwner()}
	for _, extra := range []string{"Auto-Submitted: auto-replied\r\n", "X-Autoreply: yes\r\n", "Auto-Submitted: auto-generated\r\n"} {
		v := rules.Classify(ownerReply(extra), corpusBatch())
		if v.Class != gratitude.ClassIgnored || v.Event != nil {
			t.Errorf("%q: %s (%s), want ignored", extra, v.Class, v.Reason)
		}
	}
	if v := rules.Classify(ownerReply("Auto-Submitted: no\r\n"), corpusBatch()); v.Class == gratitude.ClassIgnored {
		t.Errorf("Auto-Submitted: no is a person writing, got ignored (%s)", v.Reason)
	}
}

func TestAnAskWhoseSubjectMentionsANumberIsStillAnAsk(t *testing.T) {
	raw := "From: Ada Lovelace <ada@example.org>\r\nTo: Grace <grace@example.com>\r\nBcc: ada+thanks@example.org\r\n" +
		"Subject: Help with PR #37\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\nMessage-ID: <pr37@example.org>\r\n\r\n"
	m := &inbox.Message{Mailbox: "Sent", UIDValidity: 1, UID: 3, Header: classify.ParseHeader([]byte(raw))}
	rules := &inbox.Rules{Owner: corpusOwner()}
	v := rules.Classify(m, corpusBatch())
	if v.NeedBody {
		m.Body = []byte(raw + "Could you review it?\r\n")
		v = rules.Classify(m, corpusBatch())
	}
	if v.Class != gratitude.ClassAsk {
		t.Errorf("%s (%s), want an ask", v.Class, v.Reason)
	}
}

func TestTheAskTextLeavesOutTheOwnersNameUnderIt(t *testing.T) {
	raw := "From: Ada Lovelace <ada@example.org>\r\nTo: Grace <grace@example.com>\r\nBcc: ada+thanks@example.org\r\n" +
		"Subject: Slides for Thursday\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\nMessage-ID: <slides@example.org>\r\n\r\n"
	m := &inbox.Message{Mailbox: "Sent", UIDValidity: 1, UID: 4, Header: classify.ParseHeader([]byte(raw))}
	m.Body = []byte(raw + "Hi Grace,\r\n\r\nCould you send me the slides for Thursday?\r\n\r\nAda\r\n")
	v := (&inbox.Rules{Owner: corpusOwner()}).Classify(m, corpusBatch())
	ev, ok := v.Event.(gratitude.Asked)
	if !ok {
		t.Fatalf("%s (%s), want an ask", v.Class, v.Reason)
	}
	if want := "Could you send me the slides for Thursday?"; ev.AskText != want {
		t.Errorf("ask text %q, want %q", ev.AskText, want)
	}
}

// The owner answering in a tracked thread whose subject carries the tag
// ("Re: [help] …") writes in that thread; the tag it inherited makes no
// new ask. Outside a tracked thread the tag still makes one.
func TestATaggedReplyInATrackedThreadIsAFollowUpNotAnAsk(t *testing.T) {
	raw := "From: Ada Lovelace <ada@example.org>\r\nTo: Alice Martin <alice@example.net>\r\n" +
		"Subject: Re: [help] Budget review for Q1\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n" +
		"Message-ID: <ada-thanks@example.org>\r\nIn-Reply-To: <ask-budget@example.org>\r\n\r\n"
	m := &inbox.Message{Mailbox: "Sent", UIDValidity: 1, UID: 9, Header: classify.ParseHeader([]byte(raw)),
		Body: []byte(raw + "Thanks Alice, that fixed it.\r\n\r\nAda\r\n")}
	rules := &inbox.Rules{Owner: corpusOwner()}
	v := rules.Classify(m, corpusBatch())
	if ev, ok := v.Event.(gratitude.OwnerWrote); v.Class != gratitude.ClassOwnerFollowup || !ok || !ev.Thanks {
		t.Errorf("%s (%s), event %T; want an owner follow-up that thanks", v.Class, v.Reason, v.Event)
	}
	other := strings.Replace(raw, "In-Reply-To: <ask-budget@example.org>\r\n", "", 1)
	m = &inbox.Message{Mailbox: "Sent", UIDValidity: 1, UID: 10, Header: classify.ParseHeader([]byte(other)),
		Body: []byte(other + "Who knows a good bike shop?\r\n")}
	if v := rules.Classify(m, corpusBatch()); v.Class != gratitude.ClassAsk {
		t.Errorf("tagged, in no tracked thread: %s (%s), want an ask", v.Class, v.Reason)
	}
}

func TestTheAskTextOfAnHTMLReplyLeavesOutTheQuoteItsClientMarked(t *testing.T) {
	raw := "From: Ada Lovelace <ada@example.org>\r\nTo: Kadri Tamm <kadri@naide.ee>\r\nBcc: ada+thanks@example.org\r\n" +
		"Subject: RE: Leping\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\nMessage-ID: <leping@example.org>\r\n" +
		"Content-Type: text/html; charset=utf-8\r\n\r\n"
	m := &inbox.Message{Mailbox: "Sent", UIDValidity: 1, UID: 5, Header: classify.ParseHeader([]byte(raw))}
	m.Body = []byte(raw + `<html><body><div class=WordSection1><p class=MsoNormal>Could you sign it by Friday?</p>` +
		`<div style='border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm'><p class=MsoNormal><b>Saatja:</b> Kadri Tamm<br>` +
		`<b>Saadetud:</b> esmaspäev, 23. november 2026 09:12<br><b>Teema:</b> Leping</p></div><p class=MsoNormal>The contract is ready.</p></div></body></html>`)
	v := (&inbox.Rules{Owner: corpusOwner()}).Classify(m, corpusBatch())
	ev, ok := v.Event.(gratitude.Asked)
	if !ok {
		t.Fatalf("%s (%s), want an ask", v.Class, v.Reason)
	}
	if want := "Could you sign it by Friday?"; ev.AskText != want {
		t.Errorf("ask text %q, want %q", ev.AskText, want)
	}
}
