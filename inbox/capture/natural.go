package capture

import (
	"strings"
	"time"

	"github.com/olebedev/when"
	"github.com/olebedev/when/rules"
	"github.com/olebedev/when/rules/en"
)

// naturalRules are the olebedev/when rules used as the fallback. Left out:
// Deadline ("in 3 days": handled by the duration forms, whose days are
// calendar days, where when's are 24 real hours and its months wrap wrong),
// PastTime ("3 days ago": never a due time) and common.SlashDMY (3/12 is
// March 12th to half the world and December 3rd to the other).
var naturalRules = []rules.Rule{
	en.Weekday(rules.Override),
	en.CasualDate(rules.Override),
	en.CasualTime(rules.Override),
	en.Hour(rules.Override),
	en.HourMinute(rules.Override),
	en.ExactMonthDate(rules.Override),
}

// fillers are words a natural-language option may carry that no rule
// claims: "on friday", "3rd of march", "friday at 9am".
var fillers = map[string]bool{"at": true, "on": true, "of": true, "the": true, "by": true}

// record is what a parse with spied rules applied: the shared context, and
// the spans of the input that the applied rules claimed.
type record struct {
	ctx   *rules.Context
	spans [][2]int
}

// spied wraps a rule so that applying one of its matches is recorded.
type spied struct {
	rule rules.Rule
	rec  *record
}

func (s spied) Find(text string) *rules.Match {
	m := s.rule.Find(text)
	if m == nil {
		return nil
	}
	apply := m.Applier
	m.Applier = func(m *rules.Match, c *rules.Context, o *rules.Options, ref time.Time) (bool, error) {
		ok, err := apply(m, c, o, ref)
		s.rec.ctx = c
		if ok && err == nil {
			s.rec.spans = append(s.rec.spans, [2]int{m.Left, m.Right})
		}
		return ok, err
	}
	return m
}

// natural parses s ("next-monday-9am") with olebedev/when, "-" and "_"
// standing for spaces. Every word must be claimed by a rule or be a filler,
// so that nothing in the option is silently ignored.
func (p *parser) natural(s string) (day, bool) {
	phrase := strings.Map(func(r rune) rune {
		if r == '-' || r == '_' {
			return ' '
		}
		return r
	}, s)
	if !strings.ContainsAny(phrase, "abcdefghijklmnopqrstuvwxyz") {
		return day{}, false
	}
	rec := &record{}
	parser := when.New(nil)
	for _, r := range naturalRules {
		parser.Add(spied{r, rec})
	}
	// Relative days are added as 24h steps; from noon they land on the
	// right calendar day even across a DST change.
	base := time.Date(p.now.Year(), p.now.Month(), p.now.Day(), 12, 0, 0, 0, p.loc)
	res, err := parser.Parse(phrase, base)
	if err != nil || res == nil || rec.ctx == nil || !covered(phrase, rec.spans) {
		return day{}, false
	}
	c := rec.ctx
	var d day
	switch {
	case c.Month != nil:
		// when would normalise feb30 to March 2nd and ignore a past date;
		// take month and day as written and let setDay roll or refuse.
		if c.Day == nil || c.Duration != 0 || c.Year != nil {
			return day{}, false
		}
		d = day{m: time.Month(*c.Month), d: *c.Day, roll: true}
	case c.Day != nil || c.Year != nil || c.Weekday != nil || c.Duration%(24*time.Hour) != 0:
		return day{}, false // no rule in naturalRules sets these alone
	default:
		t := res.Time.In(p.loc)
		d = day{y: t.Year(), m: t.Month(), d: t.Day()}
	}
	if c.Hour != nil {
		d.hasClock, d.hh = true, *c.Hour
		if c.Minute != nil {
			d.mm = *c.Minute
		}
		if d.hh < 0 || d.hh > 23 || d.mm < 0 || d.mm > 59 {
			return day{}, false
		}
	}
	return d, true
}

// covered reports whether every word of phrase is a filler or lies within
// the spans.
func covered(phrase string, spans [][2]int) bool {
	in := func(i int) bool {
		for _, sp := range spans {
			if sp[0] <= i && i < sp[1] {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(phrase); {
		if phrase[i] == ' ' {
			i++
			continue
		}
		j := i
		for j < len(phrase) && phrase[j] != ' ' {
			j++
		}
		if !fillers[phrase[i:j]] {
			for k := i; k < j; k++ {
				if !in(k) {
					return false
				}
			}
		}
		i = j
	}
	return true
}
