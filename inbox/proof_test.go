package inbox_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/inbox"
	"gratitude/inbox/classify"
)

// classifyWhole classifies raw read from mailbox as the sync engine does:
// header fields first, the whole message when the verdict asks for it.
func classifyWhole(t *testing.T, mailbox, raw string, known gratitude.Class, b *inbox.Batch) inbox.Verdict {
	t.Helper()
	raw = strings.ReplaceAll(raw, "\n", "\r\n")
	head, _, _ := strings.Cut(raw, "\r\n\r\n")
	m := &inbox.Message{Mailbox: mailbox, UIDValidity: 1, UID: 7, Header: classify.ParseHeader([]byte(head + "\r\n\r\n")),
		InternalDate: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC), Known: known != "", KnownClass: known}
	rules := &inbox.Rules{Owner: corpusOwner()}
	v := rules.Classify(m, b)
	if v.NeedBody {
		m.Body = []byte(raw)
		v = rules.Classify(m, b)
	}
	return v
}

const hashedCommand = `From: Ada Lovelace <ada@example.org>
To: ada+thanks@example.org
Subject: #1
Date: Mon, 23 Nov 2026 10:00:00 +0100
Message-ID: <borrowed@example.org>
Content-Type: text/plain; charset=utf-8

approve
`

func TestBodyHashIgnoresTransportDifferencesOnly(t *testing.T) {
	a := classify.BodyHash("approve\nthanks\n")
	for _, same := range []string{"approve\r\nthanks\r\n", "approve  \nthanks\n\n\n", "approve\nthanks"} {
		if classify.BodyHash(same) != a {
			t.Errorf("%q hashes differently from %q", same, "approve\nthanks\n")
		}
	}
	for _, other := range []string{"approve bob\nthanks\n", "skip\nthanks\n", "approve\n\nthanks\n"} {
		if classify.BodyHash(other) == a {
			t.Errorf("%q hashes like %q", other, "approve\nthanks\n")
		}
	}
	if classify.BodyHash(" \n\n") != "" {
		t.Error("no text has a hash")
	}
}

func TestASecondCopyOfCommandMailCarriesItsHash(t *testing.T) {
	first := classifyWhole(t, "INBOX", hashedCommand, "", corpusBatch())
	if first.Class != gratitude.ClassCommand || first.BodyHash == "" {
		t.Fatalf("first copy: %s (%s) hash %q", first.Class, first.Reason, first.BodyHash)
	}
	same := classifyWhole(t, "Sent", hashedCommand, gratitude.ClassCommand, corpusBatch())
	if same.Class != gratitude.ClassDuplicate || same.BodyHash != first.BodyHash {
		t.Errorf("its Sent copy: %s hash %q, want a duplicate with hash %q", same.Class, same.BodyHash, first.BodyHash)
	}
	// The owner's genuine mail to someone else under the borrowed id.
	genuine := strings.Replace(strings.Replace(hashedCommand, "To: ada+thanks@example.org", "To: Mallory <mallory@evil.example>", 1),
		"approve", "Here are the slides.", 1)
	own := classifyWhole(t, "Sent", genuine, gratitude.ClassCommand, corpusBatch())
	if own.Class == gratitude.ClassDuplicate || own.BodyHash == "" || own.BodyHash == first.BodyHash {
		t.Errorf("the genuine mail: %s (%s) hash %q; want its own record with its own hash", own.Class, own.Reason, own.BodyHash)
	}
}

func TestAnAskOutsideSentIsHeldUnlessProven(t *testing.T) {
	ask := `From: Ada Lovelace <ada@example.org>
To: Bob <bob@example.com>
Bcc: ada+thanks@example.org
Subject: Who has a ladder?
Date: Mon, 23 Nov 2026 10:00:00 +0100
Message-ID: <ladder@example.org>

Anyone?
`
	if v := classifyWhole(t, "Sent", ask, "", corpusBatch()); v.Class != gratitude.ClassAsk {
		t.Errorf("in Sent: %s (%s), want an ask", v.Class, v.Reason)
	}
	v := classifyWhole(t, "INBOX", ask, "", corpusBatch())
	c, ok := v.Event.(gratitude.Commanded)
	if v.Class != gratitude.ClassHeld || !ok || c.Ask == nil || c.Ask.Subject != "Who has a ladder?" || c.BodyHash == "" {
		t.Fatalf("in INBOX: %s (%s) %+v, want held with its ask", v.Class, v.Reason, v.Event)
	}
	// Its copy in Sent, read after it, makes the request itself.
	if v := classifyWhole(t, "Sent", ask, gratitude.ClassHeld, corpusBatch()); v.Class != gratitude.ClassAsk || v.BodyHash != c.BodyHash {
		t.Errorf("its Sent copy after: %s (%s) hash %q", v.Class, v.Reason, v.BodyHash)
	}
}

func TestTheOwnersOutOfOfficeTextIsNoCommand(t *testing.T) {
	ooo := strings.Replace(hashedCommand, "approve", "I am out of the office until Monday and will reply when I am back.", 1)
	if v := classifyWhole(t, "INBOX", ooo, "", corpusBatch()); v.Class != gratitude.ClassIgnored {
		t.Errorf("%s (%s), want ignored", v.Class, v.Reason)
	}
}

func TestTheOwnersNameOnAnotherAddressIsDropped(t *testing.T) {
	reply := `From: Ada Lovelace <mallory@evil.example>
To: Ada Lovelace <ada@example.org>
Subject: Re: Budget review for Q1
Date: Mon, 23 Nov 2026 11:00:00 +0100
Message-ID: <impostor@evil.example>
In-Reply-To: <ask-budget@example.org>

Send it to me.
`
	owner := corpusOwner()
	owner.Name = "Ada Lovelace"
	rules := &inbox.Rules{Owner: owner}
	raw := strings.ReplaceAll(reply, "\n", "\r\n")
	head, _, _ := strings.Cut(raw, "\r\n\r\n")
	m := &inbox.Message{Mailbox: "INBOX", UID: 1, Header: classify.ParseHeader([]byte(head + "\r\n\r\n")), Body: []byte(raw)}
	v := rules.Classify(m, corpusBatch())
	ev, ok := v.Event.(gratitude.Replied)
	if !ok || ev.From.Email != "mallory@evil.example" || ev.From.Name != "" {
		t.Fatalf("%s (%s) %+v: want a reply by address only", v.Class, v.Reason, v.Event)
	}
}

// cardBatch is the corpus world with a live card.
func cardBatch() *inbox.Batch {
	b := corpusBatch()
	b.LiveCards = true
	return b
}

func TestWhatTheOwnerShowsOthersSpendsCardAddresses(t *testing.T) {
	head := "From: Ada Lovelace <ada@example.org>\nTo: Carol <carol@evil.example>\nSubject: Fwd: card\n" +
		"Date: Mon, 23 Nov 2026 10:00:00 +0100\nMessage-ID: <fwd@example.org>\n"
	for name, c := range map[string]struct {
		raw   string
		cards []int64
		ids   []string
	}{
		"inline": {head + "Content-Type: text/plain\n\nLook!\n\nReply-To: ada+thanks.c42.k7f3q9zz@example.org\n", []int64{42}, nil},
		"quoted-printable html": {head + "Content-Type: text/html\nContent-Transfer-Encoding: quoted-printable\n\n" +
			"<p>Reply to <a href=3D\"mailto:ada+thanks.c7.abc=\n123@example.org\">this</a></p>\n", []int64{7}, nil},
		"attached": {head + "Content-Type: multipart/mixed; boundary=zz\n\n--zz\nContent-Type: text/plain\n\nsee attached\n--zz\n" +
			"Content-Type: message/rfc822\n\nFrom: gratitude <ada@example.org>\nReply-To: ada+thanks.c9.tok9@example.org\n" +
			"Message-ID: <card-9@example.org>\nSubject: card\n\napprove or skip\n--zz--\n", []int64{9}, []string{"card-9@example.org"}},
		"nothing": {head + "Content-Type: text/plain\n\nJust a note, ada+thanks@example.org is my capture address.\n", nil, nil},
	} {
		t.Run(name, func(t *testing.T) {
			v := classifyWhole(t, "Sent", c.raw, "", cardBatch())
			var cards []int64
			var ids []string
			if v.Exposed != nil {
				cards, ids = v.Exposed.CardIDs, v.Exposed.MessageIDs
			}
			for _, id := range c.cards {
				if !slices.Contains(cards, id) {
					t.Errorf("card %d not spent (spent %v)", id, cards)
				}
			}
			for _, id := range c.ids {
				if !slices.Contains(ids, id) {
					t.Errorf("attached %s not spent (spent %v)", id, ids)
				}
			}
			if c.cards == nil && len(cards) != 0 {
				t.Errorf("spent %v, want none", cards)
			}
		})
	}
	// With no live card, the owner's mail to others is not read at all.
	raw := strings.ReplaceAll(head+"\nReply-To: ada+thanks.c42.k7f3q9zz@example.org\n", "\n", "\r\n")
	h, _, _ := strings.Cut(raw, "\r\n\r\n")
	m := &inbox.Message{Mailbox: "Sent", UID: 1, Header: classify.ParseHeader([]byte(h + "\r\n\r\n"))}
	if v := (&inbox.Rules{Owner: corpusOwner()}).Classify(m, corpusBatch()); v.NeedBody {
		t.Error("the body of the owner's mail was asked for with no live card")
	}
}

func TestTheOwnersNameWithInvisibleCharactersIsDroppedToo(t *testing.T) {
	owner := corpusOwner()
	owner.Name = "Ada Lovelace"
	rules := &inbox.Rules{Owner: owner}
	for _, name := range []string{"Ada Lovelace\u202c", "Ada Love\u200blace", "  ada   lovelace "} {
		raw := "From: \"" + name + "\" <mallory@evil.example>\r\nTo: Ada <ada@example.org>\r\nSubject: Re: Budget review for Q1\r\n" +
			"Date: Mon, 23 Nov 2026 11:00:00 +0100\r\nMessage-ID: <imp@evil.example>\r\nIn-Reply-To: <ask-budget@example.org>\r\n\r\n"
		m := &inbox.Message{Mailbox: "INBOX", UID: 1, Header: classify.ParseHeader([]byte(raw)), Body: []byte(raw + "Send it to me.\r\n")}
		v := rules.Classify(m, corpusBatch())
		if ev, ok := v.Event.(gratitude.Replied); !ok || ev.From.Name != "" {
			t.Errorf("%q: %s %+v, want a reply by address only", name, v.Class, v.Event)
		}
	}
}

func TestAForgeryInTheInboxSpendsNoCard(t *testing.T) {
	raw := "From: Ada Lovelace <ada@example.org>\nTo: Carol <carol@evil.example>\nSubject: Fwd: card\n" +
		"Date: Mon, 23 Nov 2026 10:00:00 +0100\nMessage-ID: <fwd-forged@evil.example>\nContent-Type: text/plain\n\n" +
		"Reply-To: ada+thanks.c42.k7f3q9zz@example.org\n"
	if v := classifyWhole(t, "INBOX", raw, "", cardBatch()); v.Exposed != nil {
		t.Errorf("mail From: Ada read in INBOX spent %+v", v.Exposed)
	}
	if v := classifyWhole(t, "Sent", raw, "", cardBatch()); v.Exposed == nil {
		t.Error("the same mail in Sent spent nothing")
	}
}

func TestACardBehindBigAttachmentsIsStillSpent(t *testing.T) {
	photo := strings.Repeat("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo=\n", 160_000) // ~6 MB of base64
	raw := "From: Ada Lovelace <ada@example.org>\nTo: Carol <carol@evil.example>\nSubject: Fwd: card\n" +
		"Date: Mon, 23 Nov 2026 10:00:00 +0100\nMessage-ID: <fwd-big@example.org>\nContent-Type: multipart/mixed; boundary=zz\n\n" +
		"--zz\nContent-Type: image/jpeg\nContent-Transfer-Encoding: base64\n\n" + photo +
		"--zz\nContent-Type: application/octet-stream; name=\"card.eml\"\nContent-Disposition: attachment; filename=\"card.eml\"\n\n" +
		"From: gratitude <ada@example.org>\nReply-To: ada+thanks.c11.tok11@example.org\nMessage-ID: <card-11@example.org>\n\napprove\n--zz--\n"
	v := classifyWhole(t, "Sent", raw, "", cardBatch())
	if v.Exposed == nil || !slices.Contains(v.Exposed.CardIDs, 11) {
		t.Errorf("spent %+v, want card 11 (attached as card.eml after 6 MB of photo)", v.Exposed)
	}
}
