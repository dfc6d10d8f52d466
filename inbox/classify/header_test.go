package classify_test

import (
	"strings"
	"testing"
	"time"

	"gratitude/inbox/classify"
)

func TestParseHeaderDecodesEncodedWordsAndIDs(t *testing.T) {
	raw := "From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <Juergen@Example.DE>\r\n" +
		"To: ada@example.org, \"Bob, B.\" <bob@example.org>\r\n" +
		"Subject: =?UTF-8?B?w4RuZGVydW5nIGRlcyBCdWRnZXRz?=\r\n" +
		"Date: Tue, 24 Nov 2026 18:05:00 +0100\r\n" +
		"Message-ID: <abc.123@mail.example.de>\r\n" +
		"In-Reply-To: <ask-1@example.org>\r\n" +
		"References: <ask-0@example.org>\r\n <ask-1@example.org>\r\n\r\n"
	h := classify.ParseHeader([]byte(raw))
	if h.From[0].Name != "Jürgen Müller" || h.FromAddress() != "juergen@example.de" {
		t.Errorf("from = %+v / %q", h.From[0], h.FromAddress())
	}
	if h.Subject != "Änderung des Budgets" {
		t.Errorf("subject = %q", h.Subject)
	}
	if len(h.To) != 2 || h.To[1].Address != "bob@example.org" {
		t.Errorf("to = %+v", h.To)
	}
	if h.MessageID != "abc.123@mail.example.de" || h.Synthetic {
		t.Errorf("message-id = %q synthetic=%v", h.MessageID, h.Synthetic)
	}
	if want := time.Date(2026, 11, 24, 17, 5, 0, 0, time.UTC); !h.Date.Equal(want) {
		t.Errorf("date = %v, want %v", h.Date, want)
	}
	if strings.Join(h.References, " ") != "ask-0@example.org ask-1@example.org" || h.InReplyTo[0] != "ask-1@example.org" {
		t.Errorf("threading = %v / %v", h.References, h.InReplyTo)
	}
}

func TestMissingMessageIDGetsTheSameSyntheticIDInEveryCopy(t *testing.T) {
	inboxCopy := "Delivered-To: ada@example.org\r\nFrom: a@example.org\r\nSubject: hi\r\nDate: Tue, 24 Nov 2026 18:05:00 +0100\r\n\r\n"
	sentCopy := "From: a@example.org\r\nSubject: hi\r\nDate: Tue, 24 Nov 2026 18:05:00 +0100\r\n\r\n"
	a, b := classify.ParseHeader([]byte(inboxCopy)), classify.ParseHeader([]byte(sentCopy))
	if !a.Synthetic || a.MessageID == "" || a.MessageID != b.MessageID {
		t.Fatalf("synthetic ids %q / %q", a.MessageID, b.MessageID)
	}
	other := classify.ParseHeader([]byte(strings.Replace(sentCopy, "hi", "hello", 1)))
	if other.MessageID == a.MessageID {
		t.Fatal("different messages share a synthetic id")
	}
}

func TestBrokenHeaderFieldsNeverFailTheMessage(t *testing.T) {
	for _, raw := range []string{
		"",
		"garbage without colon\r\n",
		"From: <<<\r\nDate: yesterday-ish\r\nSubject: =?bogus-charset?Q?x?=\r\n",
		"From: a@example.org", // no terminating blank line
		"Message-ID: \r\nTo: ,,,\r\n\r\n",
	} {
		h := classify.ParseHeader([]byte(raw))
		if h.MessageID == "" {
			t.Errorf("%q: no message id (synthetic expected)", raw)
		}
	}
}
