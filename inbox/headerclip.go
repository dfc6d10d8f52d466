package inbox

import (
	"bytes"
	"errors"
	"io"

	"github.com/emersion/go-imap/v2"
)

// Of a fetched header block longer than maxHeaderBytes the fetch keeps the
// start and the end. When it kept only the first maxHeaderBytes, one huge
// field cost every field after it: a References naming a whole
// mailing-list thread, written before From and In-Reply-To (as Thunderbird
// orders them), took the sender, the parent and the newest References.
const (
	// headerHeadBytes is the start kept: the fields before a huge one.
	headerHeadBytes = 64 << 10
	// headerTailBytes is the end kept: the end of the huge field and the
	// fields after it; with the join, the whole fits in maxHeaderBytes.
	headerTailBytes = maxHeaderBytes - headerHeadBytes - len(foldJoin)
)

// foldJoin joins the kept start and end of a field whose middle was dropped:
// a folded line, so the end stays part of the field.
const foldJoin = "\r\n "

// headerSpace is the white space of a header block.
const headerSpace = " \t\r\n"

// readHeaderBlock reads one message's fetched header fields: all of them
// up to maxHeaderBytes, else the start and the end (clipHeader).
func readHeaderBlock(lit imap.LiteralReader) ([]byte, error) {
	if lit == nil {
		return nil, nil
	}
	if lit.Size() <= maxHeaderBytes {
		return readLimited(lit, maxHeaderBytes)
	}
	return clipHeader(lit, headerHeadBytes, headerTailBytes)
}

// clipHeader reads a header block, keeping at most its first headMax and
// its last tailMax bytes; when bytes between them are dropped the two are
// joined as joinClipped says.
func clipHeader(r io.Reader, headMax, tailMax int) ([]byte, error) {
	head := make([]byte, max(headMax, 1))
	n, err := io.ReadFull(r, head)
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return head[:n], nil
	}
	if err != nil {
		return nil, err
	}
	t := tailKeeper{buf: make([]byte, 0, 2*max(tailMax, 1)), max: tailMax, prev: head[n-1]}
	if err := t.readFrom(r); err != nil {
		return nil, err
	}
	if !t.cut {
		return append(head, t.buf...), nil
	}
	return joinClipped(head, t.buf, t.prev, t.fieldInCut), nil
}

// tailKeeper keeps the last bytes of a stream, noting what it drops.
type tailKeeper struct {
	buf        []byte // the last bytes read: at most max once trimmed, 2*max before
	max        int
	prev       byte // the byte before buf[0]
	cut        bool // bytes before buf were dropped
	fieldInCut bool // a header field started in them
}

// readFrom reads r to its end into buf, trimming as buf fills.
func (t *tailKeeper) readFrom(r io.Reader) error {
	for {
		if len(t.buf) == cap(t.buf) {
			t.trim()
		}
		n, err := r.Read(t.buf[len(t.buf):cap(t.buf)])
		t.buf = t.buf[:len(t.buf)+n]
		if errors.Is(err, io.EOF) {
			t.trim()
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// trim drops all but the last max bytes of buf.
func (t *tailKeeper) trim() {
	n := len(t.buf) - t.max
	if n <= 0 {
		return
	}
	t.fieldInCut = t.fieldInCut || fieldStart(t.prev, t.buf[:n]) >= 0
	t.prev, t.cut = t.buf[n-1], true
	t.buf = t.buf[:copy(t.buf, t.buf[n:])]
}

// joinClipped joins the start and the end of a header block whose middle
// was dropped. Each is cut at white space, so no token is cut in two. When
// no field started in what is dropped, the start's last field goes on in the
// end, and a fold joins them: of a huge References, the first and the last
// ids are kept. Otherwise the start's last field ends where it was cut, and
// the end is kept from its first whole field on.
func joinClipped(head, tail []byte, prev byte, fieldInCut bool) []byte {
	i := max(bytes.LastIndexAny(head, headerSpace), 0)
	j := afterFirstSpace(tail)
	fieldInCut = fieldInCut || fieldStart(0, head[i:]) >= 0 || fieldStart(prev, tail[:j]) >= 0
	kept := bytes.TrimRight(head[:i], headerSpace)
	out := make([]byte, 0, len(kept)+len(foldJoin)+len(tail))
	out = append(out, kept...)
	if !fieldInCut && len(kept) > 0 {
		return append(append(out, foldJoin...), tail[j:]...)
	}
	k := fieldStart(prev, tail)
	if k < 0 {
		return out
	}
	if len(kept) > 0 {
		out = append(out, "\r\n"...)
	}
	return append(out, tail[k:]...)
}

// afterFirstSpace is the index just past the first run of white space in
// b, or len(b) when b has none.
func afterFirstSpace(b []byte) int {
	i := bytes.IndexAny(b, headerSpace)
	if i < 0 {
		return len(b)
	}
	for i < len(b) && isHeaderSpace(b[i]) {
		i++
	}
	return i
}

// fieldStart is the index of the first byte of b that starts a header field
// (a line that does not begin with white space), prev being the byte before
// b; -1 when there is none.
func fieldStart(prev byte, b []byte) int {
	if len(b) > 0 && prev == '\n' && !isHeaderSpace(b[0]) {
		return 0
	}
	for i := 0; ; {
		j := bytes.IndexByte(b[i:], '\n')
		if j < 0 {
			return -1
		}
		i += j + 1
		if i < len(b) && !isHeaderSpace(b[i]) {
			return i
		}
	}
}

func isHeaderSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
