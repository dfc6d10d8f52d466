package gratitude

import (
	"cmp"
	"slices"
	"time"
)

// Digest list lengths: enough to act on, short enough to read.
const (
	digestTop = 5 // entries in each ledger highlight
	// helpedOften is how many helps make someone "helped often".
	helpedOften = 2
)

// Digest is what the periodic summary says.
type Digest struct {
	Since, Now time.Time // the last digest (or the first run), and now
	Open       []Request // asked, nobody answered
	Answered   []Request // answered, not resolved
	Unthanked  []Request // resolved, some helper not thanked
	// HelpedSince is who helped since the last digest, most helps first.
	HelpedSince []LedgerLine
	// LongestUnthanked is the helpers waiting longest for thanks.
	LongestUnthanked []LedgerLine
	// NeverHelpedBack is people who helped often whom the owner never helped.
	NeverHelpedBack []LedgerLine
	Failures        []SendFailure // outgoing mail that failed since Since
}

// LedgerLine is one person in a digest list: how many times, and when.
type LedgerLine struct {
	Who   Address
	Count int
	At    time.Time // the latest help, or since when they wait for thanks
}

// SendFailure is an outgoing message that could not be delivered.
type SendFailure struct {
	Kind, To, Subject, Error string
	At                       time.Time
}

// Empty reports whether the digest has nothing worth sending: no request
// needs the owner, nobody helped and nothing failed. People never helped
// back alone are no reason to write every week.
func (d *Digest) Empty() bool {
	return len(d.Open)+len(d.Answered)+len(d.Unthanked)+len(d.HelpedSince)+len(d.Failures) == 0
}

// BuildDigest sums up the requests and the ledger for the digest covering
// since to now. reqs may hold requests in any state; people is the ledger.
// History (Past) is not work: it counts only in who helped.
func BuildDigest(reqs []Request, people []Person, failures []SendFailure, since, now time.Time) Digest {
	d := Digest{Since: since, Now: now, Failures: failures}
	for _, r := range reqs {
		if r.Past {
			continue
		}
		switch r.State {
		case StateOpen:
			d.Open = append(d.Open, r)
		case StateAnswered:
			d.Answered = append(d.Answered, r)
		case StateResolved:
			if len(r.Unthanked()) > 0 {
				d.Unthanked = append(d.Unthanked, r)
			}
		}
	}
	for _, list := range [][]Request{d.Open, d.Answered, d.Unthanked} {
		slices.SortFunc(list, func(a, b Request) int { return cmp.Or(a.AskedAt.Compare(b.AskedAt), cmp.Compare(a.ID, b.ID)) })
	}
	d.HelpedSince = helpedSince(reqs, since, now)
	d.LongestUnthanked = longestUnthanked(reqs)
	d.NeverHelpedBack = neverHelpedBack(people)
	return d
}

// helpedSince counts, per helper, the requests they first answered in
// (since, now].
func helpedSince(reqs []Request, since, now time.Time) []LedgerLine {
	lines := map[string]*LedgerLine{}
	for _, r := range reqs {
		if r.State == StateCancelled {
			continue
		}
		for _, h := range r.Helpers {
			if h.FirstReplyAt.After(since) && !h.FirstReplyAt.After(now) {
				addLine(lines, h, h.FirstReplyAt, later)
			}
		}
	}
	return topLines(lines, func(a, b LedgerLine) int {
		return cmp.Or(b.Count-a.Count, b.At.Compare(a.At), cmp.Compare(a.Who.Email, b.Who.Email))
	})
}

// longestUnthanked lists helpers not yet thanked, longest waiting first.
func longestUnthanked(reqs []Request) []LedgerLine {
	lines := map[string]*LedgerLine{}
	for _, r := range reqs {
		if r.Past || r.State != StateAnswered && r.State != StateResolved {
			continue
		}
		for _, h := range r.Unthanked() {
			addLine(lines, h, h.FirstReplyAt, earlier)
		}
	}
	return topLines(lines, func(a, b LedgerLine) int {
		return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.Who.Email, b.Who.Email))
	})
}

// neverHelpedBack lists people who helped often and were never helped.
func neverHelpedBack(people []Person) []LedgerLine {
	lines := map[string]*LedgerLine{}
	for _, p := range people {
		if p.HelpedMe >= helpedOften && p.IHelped == 0 {
			lines[p.Email] = &LedgerLine{Who: Address{Name: p.Name, Email: p.Email}, Count: p.HelpedMe, At: p.LastHelpAt}
		}
	}
	return topLines(lines, func(a, b LedgerLine) int {
		return cmp.Or(b.Count-a.Count, b.At.Compare(a.At), cmp.Compare(a.Who.Email, b.Who.Email))
	})
}

func later(a, b time.Time) bool   { return a.After(b) }
func earlier(a, b time.Time) bool { return a.Before(b) }

// addLine counts one more for h, keeping the time that keep prefers.
func addLine(lines map[string]*LedgerLine, h Helper, at time.Time, keep func(a, b time.Time) bool) {
	l, ok := lines[h.Email]
	if !ok {
		lines[h.Email] = &LedgerLine{Who: Address{Name: h.Name, Email: h.Email}, Count: 1, At: at}
		return
	}
	l.Count++
	l.Who.Name = BetterName(l.Who.Name, h.Name, h.Email)
	if keep(at, l.At) {
		l.At = at
	}
}

// topLines sorts the lines and keeps the first digestTop.
func topLines(lines map[string]*LedgerLine, order func(a, b LedgerLine) int) []LedgerLine {
	if len(lines) == 0 {
		return nil
	}
	out := make([]LedgerLine, 0, len(lines))
	for _, l := range lines {
		out = append(out, *l)
	}
	slices.SortFunc(out, order)
	return out[:min(len(out), digestTop)]
}
