package classify

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestMsgIDListKeepsEveryGoodTokenAndSkipsTheRest(t *testing.T) {
	long := strings.Repeat("x", maxMsgIDLen-len("@example.net")+1) + "@example.net"
	for _, c := range []struct {
		name, v string
		want    []string
	}{
		{"empty", "", nil},
		{"white space only", " \t ", nil},
		{"one", "<ask.1@example.org>", []string{"ask.1@example.org"}},
		{"folded list", "<a.1@example.org>\r\n <b.2@example.net>\r\n\t<c.3@example.com>",
			[]string{"a.1@example.org", "b.2@example.net", "c.3@example.com"}},
		{"no space between", "<a.1@example.org><b.2@example.net>", []string{"a.1@example.org", "b.2@example.net"}},
		{"bare word among ids", "<a.1@example.org> draft-7 <b.2@example.net>", []string{"a.1@example.org", "b.2@example.net"}},
		{"stray commas", ",<a.1@example.org>,, <b.2@example.net>,", []string{"a.1@example.org", "b.2@example.net"}},
		{"unclosed token among ids", "<a.1@example.org> <broken.9@example.net <b.2@example.net>",
			[]string{"a.1@example.org", "b.2@example.net"}},
		{"cut short at the end", "<a.1@example.org> <b.2@exam", []string{"a.1@example.org"}},
		{"closing bracket without opening", "a.1@example.org> <b.2@example.net>", []string{"b.2@example.net"}},
		{"doubled brackets", "<<a.1@example.org>>", []string{"a.1@example.org"}},
		{"your message of", "Your message of Tue, 3 Mar 2026 10:00:00 +0100 <ask.1@example.org>", []string{"ask.1@example.org"}},
		{"quoted date before the id", `Your message of "Tue, 03 Mar 2026 10:00:00 +0100." <ask.1@example.org>`,
			[]string{"ask.1@example.org"}},
		{"comment after the id", `<ask.1@example.org> (Ada's message of "Tue, 3 Mar 2026 10:00:00 +0100")`,
			[]string{"ask.1@example.org"}},
		{"id in a nested comment", "(see (also <not.this@example.org>)) <ask.1@example.org>", []string{"ask.1@example.org"}},
		{"escaped paren in a comment", `(a \) b <not.this@example.org>) <ask.1@example.org>`, []string{"ask.1@example.org"}},
		{"unclosed comment", "<a.1@example.org> (Ada's message <b.2@example.net>", []string{"a.1@example.org", "b.2@example.net"}},
		// The address is kept as if it were an id: it matches no Message-ID.
		{"message from someone", `Message from Ada Lovelace <ada@example.org> of "Tue, 3 Mar 2026" <ask.1@example.org>`,
			[]string{"ada@example.org", "ask.1@example.org"}},
		{"fold inside the brackets", "<ask.1\r\n\t@example.org>", []string{"ask.1@example.org"}},
		{"spaces inside the brackets", "< ask.1 @ example.org >", []string{"ask.1@example.org"}},
		{"duplicates", "<a.1@example.org> <b.2@example.net> <a.1@example.org> <a.1@example.org>",
			[]string{"a.1@example.org", "b.2@example.net"}},
		{"domain literal", "<a.1@[192.0.2.7]>", []string{"a.1@[192.0.2.7]"}},
		{"non-ASCII", "<grüße.1@example.de>", []string{"grüße.1@example.de"}},
		{"not ids", "<> <noat.example.org> <@example.org> <a.1@> <a\x00b@example.org> <\xff@example.org>", nil},
		{"missing brackets", "ask.1@example.org b.2@example.net", nil},
		{"longest kept", "<" + long[1:] + ">", []string{long[1:]}},
		{"too long", "<" + long + "> <b.2@example.net>", []string{"b.2@example.net"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := msgIDList(c.v, 100, 100); !slices.Equal(got, c.want) {
				t.Errorf("msgIDList(%q) = %q, want %q", c.v, got, c.want)
			}
		})
	}
}

// idField joins n made-up ids, folded one per line.
func idField(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("n%05d.archive@lists.example.net", i)
	}
	return ids
}

func TestMsgIDListCapsByCountKeepingFirstAndLast(t *testing.T) {
	ids := idField(10000)
	v := "<" + strings.Join(ids, ">\r\n <") + ">"
	got := msgIDList(v, refsKeepFirst, refsKeepLast)
	want := slices.Concat(ids[:refsKeepFirst], ids[len(ids)-refsKeepLast:])
	if !slices.Equal(got, want) {
		t.Errorf("kept %d ids: %q … %q; want the first %d and the last %d", len(got), got[:2], got[len(got)-2:], refsKeepFirst, refsKeepLast)
	}
	if irt := msgIDList(v, inReplyToKeep, 0); !slices.Equal(irt, ids[:inReplyToKeep]) {
		t.Errorf("In-Reply-To kept %q, want the first %d", irt, inReplyToKeep)
	}
}

func TestParseHeaderReadsThreadingFieldsTokenByToken(t *testing.T) {
	ids := idField(9000)
	refs := "<" + strings.Join(ids[:4000], ">\r\n <") + ">\r\n junk, <broken@x\r\n <" + strings.Join(ids[4000:], ">\r\n <") + ">"
	if len(refs) < 300<<10 {
		t.Fatalf("References is %d bytes, want over 300 KiB", len(refs))
	}
	raw := "From: Bruno Costa <bruno@example.net>\r\n" +
		"In-Reply-To: Your message of \"Mon, 23 Nov 2026 09:12:44 +0100\"\r\n\t<ask.1@example.org>\r\n" +
		"References: " + refs + "\r\n" +
		"Subject: Re: A bicycle mechanic\r\n\r\n"
	h := ParseHeader([]byte(raw))
	if !slices.Equal(h.InReplyTo, []string{"ask.1@example.org"}) {
		t.Errorf("In-Reply-To = %q", h.InReplyTo)
	}
	if len(h.References) != refsKeepFirst+refsKeepLast || h.References[0] != ids[0] || h.References[len(h.References)-1] != ids[len(ids)-1] {
		t.Errorf("References: %d ids, %q … %q", len(h.References), h.References[0], h.References[len(h.References)-1])
	}
	if h.Subject != "Re: A bicycle mechanic" || h.FromAddress() != "bruno@example.net" {
		t.Errorf("subject %q, from %q", h.Subject, h.FromAddress())
	}
}

// BenchmarkMsgIDList reads 300 KiB fields, usual and pathological: the
// time per field stays linear in its length (a quadratic scan would take
// minutes on "<" or "(" repeated).
func BenchmarkMsgIDList(b *testing.B) {
	refs := "<" + strings.Join(idField(9000), ">\r\n <") + ">"
	for name, v := range map[string]string{
		"references": refs,
		"lt":         strings.Repeat("<", 300<<10),
		"paren":      strings.Repeat("(", 300<<10),
		"lt-paren":   strings.Repeat("<(", 150<<10),
		"unclosed":   strings.Repeat("<a@b ", 60<<10),
	} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(v)))
			for b.Loop() {
				msgIDList(v, refsKeepFirst, refsKeepLast)
			}
		})
	}
}

// msgIDSeeds are threading fields as clients write them, and broken ones.
var msgIDSeeds = []string{
	"",
	"<ask.1@example.org>",
	"<a.1@example.org>\r\n <b.2@example.net>",
	"Your message of Tue, 3 Mar 2026 10:00:00 +0100 <ask.1@example.org>",
	`<ask.1@example.org> (Ada's message of "Tue, 3 Mar 2026")`,
	"<a.1@example.org>, junk <broken@x <b.2@example.net> (unclosed <c@d>",
	"< a . 1 @ [192.0.2.7] > <<x@y>> <\xff@z> <a\x00@b>",
}

func FuzzMsgIDList(f *testing.F) {
	for i, s := range msgIDSeeds {
		f.Add(s, uint8(i), uint8(i*7))
	}
	f.Fuzz(func(t *testing.T, v string, first, last uint8) {
		keepFirst, keepLast := int(first%10), int(last%130)
		ids := msgIDList(v, keepFirst, keepLast)
		if len(ids) > keepFirst+keepLast {
			t.Fatalf("%d ids, cap %d+%d", len(ids), keepFirst, keepLast)
		}
		squeezed := strings.Join(strings.FieldsFunc(v, isFoldSpace), "")
		for i, id := range ids {
			checkFuzzedID(t, id)
			if slices.Contains(ids[:i], id) {
				t.Errorf("%q returned twice", id)
			}
			if !strings.Contains(squeezed, "<"+id+">") {
				t.Errorf("%q is not in the field", id)
			}
		}
		again := msgIDList("<"+strings.Join(ids, "> <")+">", 1000, 0)
		if len(ids) > 0 && !slices.Equal(again, ids) {
			t.Errorf("written back and read again: %q, want %q", again, ids)
		}
	})
}

// checkFuzzedID asserts the form of every id msgIDList returns.
func checkFuzzedID(t *testing.T, id string) {
	t.Helper()
	if id == "" || len(id) > maxMsgIDLen || !utf8.ValidString(id) || !strings.Contains(id, "@") ||
		strings.ContainsAny(id, "<> \t\r\n\x00") {
		t.Errorf("bad id %q", id)
	}
}
