package classify

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// How many Message-IDs one message's threading fields may name. Threading
// needs the thread's root (first in References, RFC 5322 3.6.4) and the
// newest messages (last); a field is capped by count, never dropped whole.
const (
	refsKeepFirst = 8   // References: the root and the thread's first answers
	refsKeepLast  = 120 // References: the newest messages, the parent last
	inReplyToKeep = 4   // In-Reply-To names the parent(s): the first few
)

// maxMsgIDLen is the longest Message-ID kept: a msg-id has no folding white
// space (RFC 5322 3.6.4), so it fits on one line of at most 998 characters
// (2.1.1); a longer one cannot be anybody's Message-ID.
const maxMsgIDLen = 998

// dedupeByMap is the list length from which duplicates are found through a
// map rather than by scanning the list.
const dedupeByMap = 16

// msgIDList reads the Message-IDs of an In-Reply-To or References field
// value, one <token> at a time, keeping the first keepFirst and the last
// keepLast distinct ones, without angle brackets.
//
// go-message's MsgIDList fails the whole field on its first bad token; mail
// in the wild has them: a broken "<id" without ">", bare words, the old
// `Your message of Tue, 3 Mar 2026 … <id>` and `<id> (Ada's message of …)`
// forms, stray commas, ids folded inside their brackets. Here anything
// outside <…> is skipped, comments included (RFC 5322 3.2.2: what a comment
// holds is no id), white space inside the brackets is removed (a fold), and
// a token that cannot be a Message-ID (see cleanMsgID) is dropped on its own.
func msgIDList(v string, keepFirst, keepLast int) []string {
	var ids idList
	sc := msgIDScanner{s: v}
	for {
		raw, ok := sc.next()
		if !ok {
			break
		}
		if id, ok := cleanMsgID(raw); ok {
			ids.add(id)
		}
	}
	return capIDs(ids.list, keepFirst, keepLast)
}

// msgIDScanner walks a field value from one <…> token to the next.
type msgIDScanner struct {
	s          string
	i          int
	noComments bool // an unclosed "(" was met: later ones are plain text
}

// next returns the inside of the next <…> token. An unclosed "<" ends the
// scan (a field cut short), and of "<a <b>" only "<b>" counts.
func (sc *msgIDScanner) next() (string, bool) {
	for sc.i < len(sc.s) {
		j := strings.IndexAny(sc.s[sc.i:], "<(")
		if j < 0 {
			return "", false
		}
		sc.i += j
		switch sc.s[sc.i] {
		case '<':
			end := strings.IndexByte(sc.s[sc.i:], '>')
			if end < 0 {
				return "", false
			}
			end += sc.i
			start := sc.i + strings.LastIndexByte(sc.s[sc.i:end], '<')
			sc.i = end + 1
			return sc.s[start+1 : end], true
		default:
			sc.skipComment()
		}
	}
	return "", false
}

// skipComment steps over a (possibly nested) comment starting at sc.i.
// An unclosed one skips just its "(", and turns comment skipping off so
// that a run of "(" costs one pass, not one per "(".
func (sc *msgIDScanner) skipComment() {
	if sc.noComments {
		sc.i++
		return
	}
	depth := 0
	for k := sc.i; k < len(sc.s); k++ {
		switch sc.s[k] {
		case '\\':
			k++
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				sc.i = k + 1
				return
			}
		}
	}
	sc.noComments = true
	sc.i++
}

// cleanMsgID turns the inside of a <…> token into a stored Message-ID:
// white space removed, and kept only if it has the id-left "@" id-right
// shape, is valid UTF-8 without control characters, and is not too long.
// The stored Message-IDs have that shape (ParseHeader's MessageID requires
// it), so nothing that could match one is dropped.
func cleanMsgID(raw string) (string, bool) {
	id := raw
	if strings.ContainsAny(id, " \t\r\n") {
		id = strings.Join(strings.FieldsFunc(id, isFoldSpace), "")
	}
	at := strings.IndexByte(id, '@')
	if at <= 0 || at == len(id)-1 || len(id) > maxMsgIDLen || !utf8.ValidString(id) {
		return "", false
	}
	for i := 0; i < len(id); i++ {
		if id[i] < 0x20 || id[i] == 0x7f {
			return "", false
		}
	}
	return id, true
}

// isFoldSpace is the white space a folded header line may carry.
func isFoldSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\r' || r == '\n' }

// idList collects distinct ids in order.
type idList struct {
	list []string
	seen map[string]bool // built once the list is long enough to need it
}

// add appends id unless the list holds it already.
func (l *idList) add(id string) {
	switch {
	case l.seen != nil:
		if l.seen[id] {
			return
		}
		l.seen[id] = true
	case slices.Contains(l.list, id):
		return
	case len(l.list) >= dedupeByMap:
		l.seen = make(map[string]bool, 2*len(l.list))
		for _, x := range l.list {
			l.seen[x] = true
		}
		l.seen[id] = true
	}
	l.list = append(l.list, id)
}

// capIDs keeps the first and last ids of a list longer than both together,
// in a list of its own, so a long field's backing array is not kept alive.
func capIDs(ids []string, first, last int) []string {
	if len(ids) <= first+last {
		return ids
	}
	out := make([]string, 0, first+last)
	out = append(out, ids[:first]...)
	return append(out, ids[len(ids)-last:]...)
}
