package msgtext

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Matching the phrases of reply_phrases.go. Lines and phrases are folded
// alike (foldAppend); a phrase matches on word boundaries, its "…" gaps
// as in the out-of-office table.

// phraseSet is one kind of phrase of every language, expanded and folded,
// indexed by the first byte of its first piece.
type phraseSet struct {
	first [256][]phrasePieces
}

// phrasePieces is one phrase, folded and split at "…".
type phrasePieces []string

// replyPhrases are the compiled kinds of replyTable.
type replyPhrases struct {
	wrote, leads, footers, closings, greetings, disclaimers, banners phraseSet
}

// replyIx is compiled on first use.
var replyIx = sync.OnceValue(func() *replyPhrases {
	p := &replyPhrases{}
	for _, l := range replyTable {
		p.wrote.add(l.wrote)
		p.leads.add(l.leads)
		p.footers.add(l.footers)
		p.closings.add(l.closings)
		p.greetings.add(l.greetings)
		p.disclaimers.add(l.disclaimers)
		p.banners.add(l.banners)
	}
	for _, s := range []*phraseSet{&p.wrote, &p.leads, &p.footers, &p.closings, &p.greetings, &p.disclaimers, &p.banners} {
		s.sort()
	}
	return p
})

// add expands and folds phrases into the set.
func (s *phraseSet) add(phrases []string) {
	for _, p := range phrases {
		for _, x := range expandAlternatives(p) {
			var pp phrasePieces
			for _, piece := range strings.Split(x, "…") {
				if f := foldAppend(nil, piece); len(f) > 0 {
					pp = append(pp, string(f))
				}
			}
			if len(pp) == 0 {
				continue
			}
			c := pp[0][0]
			if !slices.ContainsFunc(s.first[c], func(q phrasePieces) bool { return slices.Equal(q, pp) }) {
				s.first[c] = append(s.first[c], pp)
			}
		}
	}
}

// sort puts longer first pieces first, so the longest phrase is tried
// before a shorter one it starts with.
func (s *phraseSet) sort() {
	for _, list := range s.first {
		slices.SortStableFunc(list, func(a, b phrasePieces) int { return len(b[0]) - len(a[0]) })
	}
}

// at returns where a phrase matching t at i ends, or -1.
func (s *phraseSet) at(t []byte, i int) int {
	if i >= len(t) {
		return -1
	}
	for _, pp := range s.first[t[i]] {
		if !hasPrefixAt(t, i, pp[0]) || !endOK(t, i+len(pp[0])) {
			continue
		}
		end, ok := i+len(pp[0]), true
		for _, piece := range pp[1:] {
			if end, ok = findPiece(t, end, piece); !ok {
				break
			}
		}
		if ok {
			return end
		}
	}
	return -1
}

// opens reports a phrase at the start of folded t, after opening
// brackets and quotes.
func (s *phraseSet) opens(t []byte) bool {
	return s.at(t, skipOpeners(t, 0)) >= 0
}

// is reports a phrase that is the whole of folded t, but for trailing
// punctuation.
func (s *phraseSet) is(t []byte) bool {
	t = trimFoldedEnd(t)
	return len(t) > 0 && s.at(t, 0) == len(t)
}

// within reports a phrase starting at a word start anywhere in folded t.
func (s *phraseSet) within(t []byte) bool {
	for i := 0; i < len(t); {
		r, n := utf8.DecodeRune(t[i:])
		if startOK(t, i, r) && s.at(t, i) >= 0 {
			return true
		}
		i += n
	}
	return false
}

// trimFoldedEnd drops the punctuation and spaces a closing ends with.
func trimFoldedEnd(t []byte) []byte {
	for len(t) > 0 {
		r, n := utf8.DecodeLastRune(t)
		if r != ' ' && !strings.ContainsRune(",.!…:;-~。、", r) {
			break
		}
		t = t[:len(t)-n]
	}
	return t
}

// fold folds s into buf for matching.
func fold(buf []byte, s string) []byte {
	return foldAppend(buf[:0], s)
}

// isFooter reports a line an app adds under the text ("Sent from my
// iPhone", "Von meinem iPhone gesendet", "Get Outlook for Android").
func isFooter(line string) bool {
	if utf8.RuneCountInString(line) > 120 || len(strings.Fields(line)) > 16 {
		return false
	}
	var buf [256]byte
	return replyIx().footers.opens(fold(buf[:], line))
}

// isDisclaimer reports a line opening a legal notice.
func isDisclaimer(line string) bool {
	var buf [256]byte
	return replyIx().disclaimers.opens(fold(buf[:], truncateRunes(line, 100)))
}

// isBanner reports a line opening a mail gateway's warning.
func isBanner(line string) bool {
	var buf [256]byte
	return replyIx().banners.opens(fold(buf[:], truncateRunes(line, 100)))
}

// isClosing reports a closing line, alone or with a name of one or two
// capitalised words ("Best, Bob", "Viele Grüße Carol Schmidt"), or two
// closings in two languages ("Mit freundlichen Grüßen / Kind regards").
func isClosing(line string) bool {
	if utf8.RuneCountInString(line) > 60 {
		return false
	}
	first, _, _ := strings.Cut(line, " / ")
	var buf [256]byte
	closings := &replyIx().closings
	if closings.is(fold(buf[:], first)) {
		return true
	}
	f := strings.Fields(line)
	for n := 1; n <= 2 && n < len(f) && capitalised(f[len(f)-n]); n++ {
		if closings.is(fold(buf[:], strings.Join(f[:len(f)-n], " "))) {
			return true
		}
	}
	return false
}

// capitalised reports a word that opens with a capital letter and holds
// only letters, dots, apostrophes and hyphens ("Bob", "O'Neil", "J.").
func capitalised(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !strings.ContainsRune(".'’-", r) {
			return false
		}
	}
	return true
}

// opensWithGreeting reports a line that opens with a greeting word.
func opensWithGreeting(line string) bool {
	var buf [256]byte
	return replyIx().greetings.opens(fold(buf[:], truncateRunes(line, 60)))
}

// nameThenGreeting reports a line that is a name, a comma and a
// greeting ("Ада, привет!").
func nameThenGreeting(line string) bool {
	name, rest, ok := strings.Cut(line, ",")
	f := strings.Fields(name)
	if !ok || len(f) == 0 || len(f) > 2 {
		return false
	}
	for _, w := range f {
		if !capitalised(w) {
			return false
		}
	}
	return opensWithGreeting(strings.TrimSpace(rest))
}
