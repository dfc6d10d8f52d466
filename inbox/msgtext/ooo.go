package msgtext

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Out-of-office, vacation and automatic replies without RFC 3834 headers
// are known by the phrases of ooo_phrases.go: a label that opens the
// subject or a first line ("Automatic reply:", "自動応答:"), or a sentence
// among the first lines ("I am out of the office until"); ticket receipts
// and text read receipts also by the end or the start of a subject. Text
// and phrases are compared folded (foldAppend): compatibility-decomposed,
// accents dropped, lower-case, one kind of apostrophe and dash, white
// space collapsed.

const (
	oooSubjectBytes = 256 // bytes of a decoded subject looked at
	oooLineRunes    = 160 // runes of a body line looked at
	oooBodyLines    = 3   // non-empty, non-quoted lines looked at
	oooMaxGap       = 48  // folded bytes a "…" in a phrase may stand for
	oooMaxTags      = 2   // [tags] skipped before a subject's label
	oooMaxTag       = 64  // bytes of one such tag
)

// AutoReplyFamily is the kind of machine that wrote a message (AutoReply).
type AutoReplyFamily uint8

const (
	// NotAutoReply is a person, as far as the text tells.
	NotAutoReply AutoReplyFamily = iota
	// Absence is an out-of-office or vacation reply, or a closed office.
	Absence
	// Acknowledgement is a machine confirming or holding the message: a
	// ticket system, "we received your message", a challenge to prove the
	// sender human, a generic auto-reply.
	Acknowledgement
	// ReadReceipt is a read (or deleted unread) notice written as text,
	// without the structure of an MDN.
	ReadReceipt
)

// String names the family for reasons and logs.
func (f AutoReplyFamily) String() string {
	return [...]string{"", "absence", "acknowledgement", "read receipt"}[min(int(f), 3)]
}

// oooKind says where a phrase counts.
type oooKind uint8

const (
	// oooLabel opens a subject or a line, followed by a separator, the
	// end, a digit or a continuation word ("Out of office until …").
	oooLabel oooKind = iota
	// oooSentence opens a subject, or stands anywhere in a first line.
	oooSentence
	// oooReceipt opens a subject, followed by a colon ("Read: …"); a
	// phrase ending in punctuation needs none.
	oooReceipt
	// oooTail ends a subject that opens with a ticket tag ("[Ticket #12]
	// … has been received").
	oooTail
	// oooOpener opens a line that tells nothing yet but is not counted
	// among the first lines ("Thanks for contacting Acme Support!"): the
	// acknowledgement may come after it.
	oooOpener
)

// oooWhere is where a text is looked at, and so which kinds count.
type oooWhere uint8

const (
	atSubject oooWhere = iota // opening a subject: every kind but tails
	atLine                    // opening a line: labels and sentences
	inLine                    // anywhere in a line: sentences
	atTail                    // ending a tagged subject: tails
)

// counts reports whether a phrase of kind k counts at w.
func (w oooWhere) counts(k oooKind) bool {
	switch k {
	case oooLabel:
		return w == atSubject || w == atLine
	case oooSentence:
		return w != atTail
	case oooReceipt:
		return w == atSubject
	case oooOpener:
		return w == atLine
	}
	return w == atTail
}

// oooEntry is one phrase of the table, alternatives expanded.
type oooEntry struct {
	lang, phrase string // as written, for the reason
	kind         oooKind
	family       AutoReplyFamily
	pieces       []string // folded, split at "…"
}

// oooIndex holds the entries sorted by their first piece, so the ones a
// text starts with are found by narrowing a range byte by byte.
type oooIndex struct {
	entries []oooEntry
	first   [256][2]int32 // the range of entries starting with a byte
	conts   []string      // folded continuation words after a label
}

// oooIx is compiled on first use: programs that never read mail do not
// pay for it.
var oooIx = sync.OnceValue(func() *oooIndex { return compileOOO(oooTable, oooContinuations) })

// AutoReply tells a vacation or automatic reply sent without RFC 3834
// headers, and its family, by a label opening its subject or a phrase in
// its first three non-empty, non-quoted lines (not counting the greeting
// and thanks a company opens with), in the 25 languages of
// ooo_phrases.go (and Outlook's label in a dozen more); a text read
// receipt by its subject alone. The reason says what was found, e.g.
// `subject (de): "automatische antwort"`. An absence found anywhere wins
// over an acknowledgement ("This is an automatic reply. I am on leave
// until …" is an absence). It is a secondary signal behind the headers
// (Auto-Submitted, X-Autoreply…, multipart/report), so it stays strict: a
// phrase deeper in the body, or in the middle of a subject ("Re: Out of
// office planning"), does not count.
func AutoReply(subject, plain string) (AutoReplyFamily, string) {
	e, where := autoReply(subject, plain)
	if e == nil {
		return NotAutoReply, ""
	}
	return e.family, where + " (" + e.lang + "): \"" + e.phrase + "\""
}

// OutOfOffice reports an automatic reply of any family (see AutoReply).
func OutOfOffice(subject, plain string) bool {
	e, _ := autoReply(subject, plain)
	return e != nil
}

// AutoReplyReason is AutoReply's reason alone; "" for a person.
func AutoReplyReason(subject, plain string) string {
	_, why := AutoReply(subject, plain)
	return why
}

// autoReply is AutoReply's entry and where it was found.
func autoReply(subject, plain string) (*oooEntry, string) {
	e := oooSubject(subject)
	if (e == nil || e.family == Acknowledgement) && plain != "" {
		if b := oooText(plain); b != nil && (e == nil || b.family == Absence) {
			return b, "text"
		}
	}
	return e, "subject"
}

// oooSubject returns the entry whose phrase opens the subject, or a tail
// ending a subject that opens with a ticket tag.
func oooSubject(subject string) *oooEntry {
	s := truncate(decodeSubject(subject), oooSubjectBytes)
	var buf [2 * oooSubjectBytes]byte
	t := foldAppend(buf[:0], s)
	if e := oooIx().opening(t, atSubject); e != nil {
		return e
	}
	return oooIx().tail(t)
}

// oooText returns the entry found in the first lines of plain: opening a
// line, or a sentence within it; an absence before any other. It stops at
// a signature, a separator or an attribution: what follows was written by
// someone else.
func oooText(plain string) *oooEntry {
	ls := lines(truncate(plain, 16<<10))
	var buf [8 * oooLineRunes]byte
	var found *oooEntry
	seen := 0
	for i, raw := range ls {
		if isQuoted(raw) {
			continue
		}
		t := foldAppend(buf[:0], truncateRunes(raw, oooLineRunes))
		if len(t) == 0 {
			continue
		}
		if isSignatureDelimiter(raw) || separatorAt(ls, i) {
			break
		}
		if _, ok := attributionAt(ls, i); ok {
			break
		}
		e, opener := oooIx().line(t)
		if e != nil {
			if e.family == Absence {
				return e
			}
			found = cmp.Or(found, e)
		}
		if opener {
			continue
		}
		if seen++; seen == oooBodyLines {
			break
		}
	}
	return found
}

// line returns the entry opening t or standing in it, an absence first,
// and whether t opens with an opener (a line not to count).
func (ix *oooIndex) line(t []byte) (*oooEntry, bool) {
	e := ix.opening(t, atLine)
	opener := e != nil && e.kind == oooOpener
	if opener {
		e = nil
	}
	if e != nil && e.family == Absence {
		return e, false
	}
	if w := ix.within(t); w != nil && (e == nil || w.family == Absence) {
		return w, opener
	}
	return e, opener
}

// tail returns the tail entry ending t, when t opens with a ticket tag.
func (ix *oooIndex) tail(t []byte) *oooEntry {
	j := skipTag(t, 0)
	if j == 0 || !ticketTag(t[:j]) {
		return nil
	}
	for i := j; i < len(t); {
		r, n := utf8.DecodeRune(t[i:])
		if startOK(t, i, r) {
			if e := ix.at(t, i, atTail); e != nil {
				return e
			}
		}
		i += n
	}
	return nil
}

// truncateRunes cuts s to at most n runes.
func truncateRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// opening returns the entry whose phrase opens t, after opening brackets
// and quotes, or after up to oooMaxTags [tags] ("[rt.example.org #12]
// AutoReply: …").
func (ix *oooIndex) opening(t []byte, w oooWhere) *oooEntry {
	for i, n := 0, 0; ; n++ {
		if e := ix.at(t, skipOpeners(t, i), w); e != nil {
			return e
		}
		j := skipTag(t, i)
		if n == oooMaxTags || j == i {
			return nil
		}
		i = j
	}
}

// within returns the first sentence entry found at a word start in t, or
// the first absence after an entry of another family.
func (ix *oooIndex) within(t []byte) *oooEntry {
	var found *oooEntry
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRune(t[i:])
		if startOK(t, i, r) {
			if e := ix.at(t, i, inLine); e != nil {
				if e.family == Absence {
					return e
				}
				found = cmp.Or(found, e)
			}
		}
		i += n
	}
	return found
}

// at returns the first entry matching t at p of a kind that counts at w.
// The entries whose first piece starts like t[p:] form a range of the
// sorted table, found for the first byte in a table and narrowed by
// binary search with every further byte; those whose first piece ends
// there are tried in turn.
func (ix *oooIndex) at(t []byte, p int, w oooWhere) *oooEntry {
	if p >= len(t) {
		return nil
	}
	r := ix.first[t[p]]
	lo, hi := int(r[0]), int(r[1])
	for k := 1; lo < hi; k++ {
		for lo < hi && len(ix.entries[lo].pieces[0]) == k {
			e := &ix.entries[lo]
			lo++
			if w.counts(e.kind) && ix.matches(e, t, p+k) {
				return e
			}
		}
		if p+k >= len(t) {
			return nil
		}
		c := t[p+k]
		lo = ix.search(lo, hi, k, c, false)
		hi = ix.search(lo, hi, k, c, true)
	}
	return nil
}

// search returns the first index in [lo, hi) whose first piece has at k
// a byte >= c, or > c when after; all in the range are longer than k.
func (ix *oooIndex) search(lo, hi, k int, c byte, after bool) int {
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if b := ix.entries[m].pieces[0][k]; b < c || after && b == c {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// matches reports whether e, whose first piece ends in t at end, matches
// there: word boundaries, the further pieces within their gaps, and what
// follows a label, a receipt or a tail.
func (ix *oooIndex) matches(e *oooEntry, t []byte, end int) bool {
	if !endOK(t, end) {
		return false
	}
	for _, piece := range e.pieces[1:] {
		next, ok := findPiece(t, end, piece)
		if !ok {
			return false
		}
		end = next
	}
	switch e.kind {
	case oooLabel:
		return ix.labelEnds(t, end)
	case oooReceipt:
		return receiptEnds(t, end)
	case oooTail:
		return tailEnds(t, end)
	}
	return true
}

// receiptEnds reports a colon after a receipt's label (spaces allowed
// before it, as in French), or a label that ends in punctuation.
func receiptEnds(t []byte, end int) bool {
	if last, _ := utf8.DecodeLastRune(t[:end]); !isWordRune(last) && last != ')' {
		return true
	}
	for end < len(t) && t[end] == ' ' {
		end++
	}
	return end < len(t) && t[end] == ':'
}

// tailEnds reports the end of the subject at end, closing punctuation
// and spaces aside.
func tailEnds(t []byte, end int) bool {
	for ; end < len(t); end++ {
		if !strings.ContainsRune(" .!", rune(t[end])) {
			return false
		}
	}
	return true
}

// findPiece finds piece within oooMaxGap bytes after from, on word
// boundaries, and returns where it ends.
func findPiece(t []byte, from int, piece string) (int, bool) {
	limit := min(len(t), from+oooMaxGap+len(piece)+1)
	for i := from; i+len(piece) <= limit; i++ {
		if string(t[i:i+len(piece)]) != piece || !utf8.RuneStart(t[i]) {
			continue
		}
		r, _ := utf8.DecodeRune(t[i:])
		if startOK(t, i, r) && endOK(t, i+len(piece)) {
			return i + len(piece), true
		}
	}
	return 0, false
}

// labelEnds reports what may follow a label: the end, a separator (after
// optional spaces), or after a space a digit or a continuation word.
func (ix *oooIndex) labelEnds(t []byte, end int) bool {
	k := end
	for k < len(t) && t[k] == ' ' {
		k++
	}
	if k == len(t) {
		return true
	}
	r, _ := utf8.DecodeRune(t[k:])
	if strings.ContainsRune(oooSeparators, r) {
		return true
	}
	if k == end {
		return false
	}
	if '0' <= r && r <= '9' {
		return true
	}
	for _, c := range ix.conts {
		if hasPrefixAt(t, k, c) && (strings.HasSuffix(c, "'") || k+len(c) == len(t) || t[k+len(c)] == ' ') {
			return true
		}
	}
	return false
}

// oooSeparators may follow a label, folded (fullwidth forms are ASCII).
const oooSeparators = ":-|,.!;/[]()<>«»\"*=~】【」「』『〕〔》《、。"

func hasPrefixAt(t []byte, i int, s string) bool {
	return len(t)-i >= len(s) && string(t[i:i+len(s)]) == s
}

// skipOpeners skips spaces, opening brackets and quotes.
func skipOpeners(t []byte, i int) int {
	for i < len(t) {
		r, n := utf8.DecodeRune(t[i:])
		if r != ' ' && !strings.ContainsRune(oooOpeners, r) {
			break
		}
		i += n
	}
	return i
}

const oooOpeners = "[(<{\"'*#=~«【「『〔《"

// ticketTag reports a tag naming a ticket by number: "[Ticket #12345]",
// "[#4711]", "(Case 00012345)".
func ticketTag(tag []byte) bool {
	if !slices.ContainsFunc(tag, func(c byte) bool { return '0' <= c && c <= '9' }) {
		return false
	}
	return bytes.IndexByte(tag, '#') >= 0 || slices.ContainsFunc(ticketWords, func(w string) bool { return bytes.Contains(tag, []byte(w)) })
}

// ticketWords name a ticket in a tag, folded.
var ticketWords = []string{"ticket", "case", "incident", "request", "issue", "vorgang", "anfrage", "demande", "caso", "solicitud", "richiesta", "zgloszenie", "заявка", "обращение"}

// skipTag returns the position after a [tag] or (tag) at i, or i.
func skipTag(t []byte, i int) int {
	k := i
	for k < len(t) && t[k] == ' ' {
		k++
	}
	var closing byte
	switch {
	case k < len(t) && t[k] == '[':
		closing = ']'
	case k < len(t) && t[k] == '(':
		closing = ')'
	default:
		return i
	}
	for j := k + 1; j < len(t) && j <= k+oooMaxTag; j++ {
		if t[j] == closing {
			return j + 1
		}
	}
	return i
}

// startOK reports a word boundary before r at i: a phrase may not start
// inside a word, except in scripts written without spaces.
func startOK(t []byte, i int, r rune) bool {
	if i == 0 {
		return true
	}
	prev, _ := utf8.DecodeLastRune(t[:i])
	return !isWordRune(prev) || !isWordRune(r) || unspaced(prev) || unspaced(r)
}

// endOK reports a word boundary at end.
func endOK(t []byte, end int) bool {
	if end == 0 || end >= len(t) {
		return true
	}
	last, _ := utf8.DecodeLastRune(t[:end])
	next, _ := utf8.DecodeRune(t[end:])
	return !isWordRune(last) || !isWordRune(next) || unspaced(last) || unspaced(next)
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// unspaced reports a rune of a script written without spaces between
// words (or, for Korean, with particles glued to them).
func unspaced(r rune) bool {
	return r >= 0x0E00 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Thai) ||
		r == 'ー' // the prolonged sound mark is Common, not Katakana
}

// compileOOO expands, folds and sorts the table. Of entries that fold
// alike the first is kept, naming every language that has it ("da,no");
// entries that share a first piece keep the table's order, so a reason is
// deterministic.
func compileOOO(table []oooLanguage, conts []string) *oooIndex {
	ix := &oooIndex{}
	seen := make(map[string]int)
	add := func(lang string, kind oooKind, family AutoReplyFamily, phrases []string) {
		for _, p := range phrases {
			for _, x := range expandAlternatives(p) {
				if strings.Contains(x, "  ") || strings.TrimSpace(x) != x {
					x = strings.Join(strings.Fields(x), " ")
				}
				e := oooEntry{lang: lang, phrase: x, kind: kind, family: family}
				for _, piece := range strings.Split(x, "…") {
					e.pieces = append(e.pieces, string(foldAppend(nil, piece)))
				}
				key := string(rune('0'+kind)) + string(rune('0'+family)) + strings.Join(e.pieces, "\x00")
				if i, ok := seen[key]; ok {
					if d := &ix.entries[i]; !slices.Contains(strings.Split(d.lang, ","), lang) {
						d.lang += "," + lang
					}
					continue
				}
				seen[key] = len(ix.entries)
				ix.entries = append(ix.entries, e)
			}
		}
	}
	for _, l := range table {
		add(l.lang, oooLabel, Absence, l.labels)
		add(l.lang, oooSentence, Absence, l.sentences)
		add(l.lang, oooLabel, Acknowledgement, l.ackLabels)
		add(l.lang, oooSentence, Acknowledgement, l.acks)
		add(l.lang, oooTail, Acknowledgement, l.tails)
		add(l.lang, oooReceipt, ReadReceipt, l.receipts)
		add(l.lang, oooOpener, Acknowledgement, l.openers)
	}
	order := make([]int32, len(ix.entries))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int {
		if c := strings.Compare(ix.entries[a].pieces[0], ix.entries[b].pieces[0]); c != 0 {
			return c
		}
		return int(a - b)
	})
	sorted := make([]oooEntry, len(order))
	for i, j := range order {
		sorted[i] = ix.entries[j]
	}
	ix.entries = sorted
	for i := len(ix.entries) - 1; i >= 0; i-- {
		r := &ix.first[ix.entries[i].pieces[0][0]]
		if r[1] == 0 {
			r[1] = int32(i + 1)
		}
		r[0] = int32(i)
	}
	for _, c := range conts {
		ix.conts = append(ix.conts, string(foldAppend(nil, c)))
	}
	return ix
}

// expandAlternatives returns every reading of p, where "[a|b|]" offers
// a choice; groups do not nest.
func expandAlternatives(p string) []string {
	i := strings.IndexByte(p, '[')
	j := strings.IndexByte(p, ']')
	if i < 0 || j < i {
		return []string{p}
	}
	var out []string
	rests := expandAlternatives(p[j+1:])
	for _, alt := range strings.Split(p[i+1:j], "|") {
		for _, rest := range rests {
			out = append(out, p[:i]+alt+rest)
		}
	}
	return out
}
