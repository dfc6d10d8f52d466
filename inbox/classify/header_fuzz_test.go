package classify

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// headerFuzzSeeds are header blocks the stored messages do not show:
// Message-IDs usable, broken and missing, threading fields folded and
// cluttered, and blocks cut short or ended oddly.
var headerFuzzSeeds = []string{
	"",
	"\r\n",
	"Message-ID: <a.1@example.org>\r\n\r\n",
	"Message-Id: a.1@example.org\r\n",
	"Message-ID: <a 1@example.org>\r\nFrom: Ada <ADA@Example.ORG>\r\n",
	"Message-ID: <a.1@[192.0.2.7]> (sent by hand)\r\nMessage-ID: (no) <b.2@example.net>\r\n",
	"Message-ID: <\xc2\xa0x@example.org>\r\nSubject: =?utf-8?q?caf=C3=A9?=\r\n",
	"Message-ID: <>\r\nFrom: <>\r\nTo: undisclosed-recipients:;\r\n",
	"From: =?utf-8?b?QWRh?= <ada@example.org>\nTo: bob@example.net\nSubject: Hi\nDate: Tue, 1 Dec 2026 09:00:00 +0100\n",
	"In-Reply-To: <a@b>\r\n <c@d>, junk <e@f (unclosed\r\nReferences: <\r\n a@b> <a@b> <x\x00@y>\r\n",
	" folded first line\r\nMessage-ID: <x@y>\r\n",
	"Subject: no end of line",
	"From: a@b\rSubject: bare CR\rMessage-ID: <c@d>\r",
	"From ada@example.org Tue Dec  1 09:00:00 2026\nMessage-ID: <mbox@example.org>\n",
	"Message-ID: \r<stray-cr.1@example.org>\r\nSubject: a bare CR before the id\r\n",
}

// syntheticIDForm is what ParseHeader makes up for a message without a
// usable Message-ID (syntheticID).
var syntheticIDForm = regexp.MustCompile(`^[0-9a-f]{32}@no-message-id\.gratitude\.invalid$`)

// plainMsgIDField is a Message-ID field value every reader accepts: one
// <id-left@id-right> of common characters, nothing around it.
var plainMsgIDField = regexp.MustCompile(`^<([A-Za-z0-9.!#$%&'*+/=?^_{|}~-]+@[A-Za-z0-9.-]+)>$`)

// FuzzParseHeader checks what the classifier and the store rely on in every
// parsed header: a Message-ID that is always there and always one token,
// made up exactly when the message has no usable one, and the same however
// often or in whichever copy the block is read; threading ids a reply can
// match; a lower-case From address.
func FuzzParseHeader(f *testing.F) {
	for _, dir := range []string{"corpus", "hostile"} {
		files, err := filepath.Glob(filepath.Join("..", "..", "testdata", dir, "*.eml"))
		if err != nil || len(files) == 0 {
			f.Fatalf("no seeds in testdata/%s: %v", dir, err)
		}
		for _, name := range files {
			raw, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(headerBlockOf(raw))
		}
	}
	for _, s := range headerFuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		h := ParseHeader(raw)
		checkParsedID(t, h)
		checkThreadIDs(t, "In-Reply-To", h.InReplyTo, inReplyToKeep)
		checkThreadIDs(t, "References", h.References, refsKeepFirst+refsKeepLast)
		if from := h.FromAddress(); from != strings.ToLower(from) {
			t.Errorf("FromAddress %q is not lower-case", from)
		}

		again := ParseHeader(bytes.Clone(raw))
		if !sameParse(h, again) {
			t.Fatalf("read twice: %+v, then %+v", h, again)
		}

		// Fields a copy gains on its way (here a Received line) change
		// nothing the classifier reads, the Message-ID least of all: a
		// synthetic one is made of fields every copy has.
		if len(raw) > 0 && raw[0] != ' ' && raw[0] != '\t' {
			moved := ParseHeader(append([]byte("Received: from mx.example.net by imap.example.org; Tue, 1 Dec 2026 09:00:01 +0100\r\n"), raw...))
			if !sameParse(h, moved) {
				t.Fatalf("with a Received line: %+v, without: %+v", moved, h)
			}
		}
	})
}

// checkParsedID asserts the Message-ID's form, and that it was made up
// exactly when the block had no usable one.
func checkParsedID(t *testing.T, h Header) {
	t.Helper()
	id := h.MessageID
	if id == "" || strings.ContainsAny(id, "<> \t\r\n") || strings.ContainsFunc(id, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		t.Fatalf("Message-ID %q (synthetic %v)", id, h.Synthetic)
	}
	field, hasField := h.Fields.Get("Message-Id"), h.Fields.Has("Message-Id")
	if h.Synthetic {
		if !syntheticIDForm.MatchString(id) || id != syntheticID(h.Fields) {
			t.Errorf("synthetic Message-ID %q", id)
		}
		if m := plainMsgIDField.FindStringSubmatch(strings.TrimSpace(field)); m != nil {
			t.Errorf("Message-ID field %q is usable, but a synthetic id was made", field)
		}
		return
	}
	squeezed := strings.Join(strings.FieldsFunc(field, isFoldSpace), "")
	if !hasField || !strings.Contains(squeezed, "<"+id+">") {
		t.Errorf("Message-ID %q is not the block's Message-ID field %q", id, field)
	}
	if m := plainMsgIDField.FindStringSubmatch(strings.TrimSpace(field)); m != nil && m[1] != id {
		t.Errorf("Message-ID field %q read as %q", field, id)
	}
	// A reply naming this message must match it: the threading fields
	// keep every id ParseHeader stores as a Message-ID, unchanged.
	if clean, ok := cleanMsgID(id); !ok || clean != id {
		t.Errorf("Message-ID %q would be dropped from a reply's threading fields (%q, %v)", id, clean, ok)
	}
	reply := ParseHeader([]byte("In-Reply-To: <" + id + ">\r\nReferences: <root@example.org> <" + id + ">\r\n"))
	if !slices.Equal(reply.InReplyTo, []string{id}) || !slices.Equal(reply.References, []string{"root@example.org", id}) {
		t.Errorf("a reply to %q threads as %q / %q", id, reply.InReplyTo, reply.References)
	}
	if own := ParseHeader([]byte("Message-ID: <" + id + ">\r\n")); own.MessageID != id || own.Synthetic {
		t.Errorf("Message-ID %q written back reads as %q (synthetic %v)", id, own.MessageID, own.Synthetic)
	}
}

// checkThreadIDs asserts the form of a threading field's ids.
func checkThreadIDs(t *testing.T, field string, ids []string, most int) {
	t.Helper()
	if len(ids) > most {
		t.Errorf("%s: %d ids, at most %d kept", field, len(ids), most)
	}
	for i, id := range ids {
		if clean, ok := cleanMsgID(id); !ok || clean != id || strings.ContainsAny(id, "<>") {
			t.Errorf("%s: bad id %q", field, id)
		}
		if slices.Contains(ids[:i], id) {
			t.Errorf("%s: %q twice", field, id)
		}
	}
}

// sameParse compares what the classifier reads of two parses.
func sameParse(a, b Header) bool {
	return a.MessageID == b.MessageID && a.Synthetic == b.Synthetic && a.Subject == b.Subject &&
		a.FromAddress() == b.FromAddress() && a.Date.Equal(b.Date) &&
		slices.Equal(a.InReplyTo, b.InReplyTo) && slices.Equal(a.References, b.References) &&
		a.NormSubject() == b.NormSubject()
}

// headerBlockOf cuts a message at its first empty line, as a header FETCH
// would, keeping the line end before it.
func headerBlockOf(raw []byte) []byte {
	end := len(raw)
	for _, sep := range []string{"\r\n\r\n", "\n\n"} {
		if i := bytes.Index(raw, []byte(sep)); i >= 0 && i+len(sep) < end {
			end = i + len(sep)
		}
	}
	return raw[:end]
}
