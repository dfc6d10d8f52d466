package inbox

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"testing"

	"gratitude/inbox/classify"
)

// clipped is clipHeader of s with small windows, so the cases stay readable.
func clipped(t *testing.T, s string, headMax, tailMax int) string {
	t.Helper()
	out, err := clipHeader(strings.NewReader(s), headMax, tailMax)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) > headMax+tailMax+len(foldJoin) {
		t.Errorf("kept %d bytes, more than %d+%d+%d", len(out), headMax, tailMax, len(foldJoin))
	}
	return string(out)
}

func TestClipHeaderKeepsASmallBlockWhole(t *testing.T) {
	block := "From: Bruno <bruno@example.net>\r\nSubject: Re: bike\r\n\r\n"
	for _, n := range []int{len(block) / 2, len(block)} {
		if got := clipped(t, block, n, len(block)-n); got != block {
			t.Errorf("head %d: %q, want the block unchanged", n, got)
		}
	}
}

func TestClipHeaderJoinsTheEndsOfOneHugeField(t *testing.T) {
	ids := idField(400)
	block := "Subject: Re: bike\r\nReferences: <" + strings.Join(ids, ">\r\n <") + ">\r\n" +
		"From: Dario <dario@example.de>\r\nIn-Reply-To: <ask.1@example.org>\r\n\r\n"
	got := clipped(t, block, 200, 400)
	h := classify.ParseHeader([]byte(got))
	if h.Subject != "Re: bike" || h.FromAddress() != "dario@example.de" || !slices.Equal(h.InReplyTo, []string{"ask.1@example.org"}) {
		t.Errorf("lost a field around the huge one: %q", got)
	}
	if len(h.References) < 6 || h.References[0] != ids[0] || h.References[len(h.References)-1] != ids[len(ids)-1] {
		t.Errorf("References %q: want the first and the last ids", h.References)
	}
	for _, id := range h.References {
		if !slices.Contains(ids, id) {
			t.Errorf("%q: an id glued together from two at the cut", id)
		}
	}
}

func TestClipHeaderJoinsTheEndsOfAnUnfoldedField(t *testing.T) {
	block := "From: Dario <dario@example.de>\r\nSubject: Re: bike " + strings.Repeat("again ", 500) + "and again\r\n" +
		"Message-ID: <d7@example.de>\r\n\r\n"
	h := classify.ParseHeader([]byte(clipped(t, block, 100, 100)))
	if !strings.HasPrefix(h.Subject, "Re: bike again") || !strings.HasSuffix(h.Subject, "again and again") || h.MessageID != "d7@example.de" {
		t.Errorf("subject %q, Message-ID %q", h.Subject, h.MessageID)
	}
}

func TestClipHeaderDropsWhatIsLeftOfAFieldWhoseStartIsGone(t *testing.T) {
	block := "From: Dario <dario@example.de>\r\nSubject: " + strings.Repeat("a ", 300) + "\r\n" +
		"To: " + strings.Repeat("x@example.com, ", 100) + "\r\n <y@example.com>\r\nMessage-ID: <d7@example.de>\r\n\r\n"
	got := clipped(t, block, 100, 60)
	h := classify.ParseHeader([]byte(got))
	if h.FromAddress() != "dario@example.de" || h.MessageID != "d7@example.de" || len(h.To) != 0 {
		t.Errorf("kept %q: want From and Message-ID, no To (its start is cut away)", got)
	}
	if strings.Contains(h.Subject, "@") {
		t.Errorf("subject %q took the end of To", h.Subject)
	}
}

func TestClipHeaderWithoutWhiteSpaceAtTheStart(t *testing.T) {
	block := "X-Long:" + strings.Repeat("z", 500) + "\r\nFrom: Dario <dario@example.de>\r\n\r\n"
	if h := classify.ParseHeader([]byte(clipped(t, block, 100, 60))); h.FromAddress() != "dario@example.de" {
		t.Errorf("from %q", h.FromAddress())
	}
}

// clipSeeds are header blocks for FuzzClipHeader.
var clipSeeds = []string{
	"",
	"From: a@example.org\r\n\r\n",
	"Subject: Re: bike\r\nReferences: <a@x>\r\n <b@y>\r\n <c@z>\r\nFrom: d@example.de\r\n\r\n",
	"To: x@y, x@y, x@y, x@y\r\n\r\n",
	" folded first\r\nno colon\r\nX: " + strings.Repeat("q", 90) + "\n\nFrom: e@example.com\n",
}

func FuzzClipHeader(f *testing.F) {
	for i, s := range clipSeeds {
		f.Add([]byte(s), uint8(i*13), uint8(i*29))
	}
	f.Fuzz(func(t *testing.T, block []byte, h, tl uint8) {
		headMax, tailMax := 1+int(h%64), 1+int(tl%64)
		out, err := clipHeader(bytes.NewReader(block), headMax, tailMax)
		if err != nil {
			t.Fatal(err)
		}
		if len(block) <= headMax+tailMax && !bytes.Equal(out, block) {
			t.Fatalf("a block within the windows came back as %q", out)
		}
		if len(out) > headMax+tailMax+len(foldJoin) {
			t.Fatalf("kept %d bytes", len(out))
		}
		if len(out) > 0 && isHeaderSpace(out[0]) && !isHeaderSpace(block[0]) {
			t.Fatalf("%q starts with white space: the header reader would drop every field", out)
		}
		if p, s := commonPrefix(out, block), commonSuffix(out, block); p+s < len(out)-len(foldJoin) {
			t.Fatalf("%q is not a start and an end of the block", out)
		}
		classify.ParseHeader(out)
	})
}

func commonPrefix(a, b []byte) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b []byte) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

func TestReadHeaderBlockKeepsTheFieldsAroundA300KiBReferences(t *testing.T) {
	ids := idField(10000)
	block := "Subject: Re: A bicycle mechanic\r\nTo: Ada <ada@example.org>\r\n" +
		"References: <" + strings.Join(ids, ">\r\n <") + ">\r\n" +
		"From: Dario Wolff <dario@example.de>\r\nIn-Reply-To: <ask.1@example.org>\r\n\r\n"
	if len(block) < 300<<10 {
		t.Fatalf("block is %d bytes, want over 300 KiB", len(block))
	}
	raw, err := readHeaderBlock(bytes.NewReader([]byte(block)))
	if err != nil || len(raw) > maxHeaderBytes {
		t.Fatalf("kept %d bytes (limit %d), %v", len(raw), maxHeaderBytes, err)
	}
	h := classify.ParseHeader(raw)
	if h.Subject != "Re: A bicycle mechanic" || h.FromAddress() != "dario@example.de" || !slices.Equal(h.InReplyTo, []string{"ask.1@example.org"}) {
		t.Errorf("subject %q, from %q, In-Reply-To %q", h.Subject, h.FromAddress(), h.InReplyTo)
	}
	// The clip loses none of the ids the parse keeps of the whole field:
	// the first and the last ones.
	want := classify.ParseHeader([]byte(block)).References
	if !slices.Equal(h.References, want) || h.References[0] != ids[0] || h.References[len(want)-1] != ids[len(ids)-1] {
		t.Errorf("References: %d ids, want the %d the whole block gives, the first and the last", len(h.References), len(want))
	}
}

// idField is n made-up ids, for a References field folded one per line.
func idField(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = fmt.Sprintf("n%05d.archive@lists.example.net", i)
	}
	return ids
}

func TestReadHeaderBlockClipsOnlyPastTheLimit(t *testing.T) {
	line := "Delivered-To: ada@example.org\r\n"
	for _, n := range []int{maxHeaderBytes, maxHeaderBytes + 1, 4 * maxHeaderBytes} {
		block := strings.Repeat(line, n/len(line)) + "X: " + strings.Repeat("y", n%len(line))
		block = block[:n]
		raw, err := readHeaderBlock(bytes.NewReader([]byte(block)))
		switch {
		case err != nil:
			t.Fatalf("%d bytes: %v", n, err)
		case n <= maxHeaderBytes && string(raw) != block:
			t.Errorf("%d bytes: not kept whole", n)
		case len(raw) > maxHeaderBytes:
			t.Errorf("%d bytes: kept %d, over the limit", n, len(raw))
		case !strings.HasSuffix(block, string(raw[len(raw)-len(line):])):
			t.Errorf("%d bytes: the end is not kept", n)
		}
	}
}
