package capture

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Options is what the detail of a capture address asks for.
type Options struct {
	Window   time.Duration // from the m/h forms (90m, 36h): an exact duration; 0 when not given
	Due      time.Time     // from a date form, or a d/w form (3d, 2w: same local clock time n days on); zero when not given
	NoRemind bool          // "noremind" (also "no-remind", "noreminder", "quiet")
	Gave     bool          // "gave": the owner is helping someone, not asking
	CardID   int64         // from a command token "c<ID>.<token>"; 0 when none
	Token    string        // the command token's key part, lower-cased
	Notes    []string      // options that could not be understood, kept verbatim, never silently dropped
}

// DueAt is when the no-reply window of an ask sent at asked ends: Due if set,
// else asked+Window if set, else asked+def.
func (o Options) DueAt(asked time.Time, def time.Duration) time.Time {
	switch {
	case !o.Due.IsZero():
		return o.Due
	case o.Window > 0:
		return asked.Add(o.Window)
	default:
		return asked.Add(def)
	}
}

// morningHour is the local hour a date without a time lands on.
const morningHour = 9

// maxOption bounds one option's length; longer ones are Notes.
const maxOption = 64

// maxDuration is the largest n in a duration option.
const maxDuration = 999

const notUnderstood = "not understood (expected e.g. 3d, friday, dec3, 2026-12-01, noremind)"

var (
	reCommand  = regexp.MustCompile(`^c([0-9]+)$`)
	reToken    = regexp.MustCompile(`^[a-z0-9]{4,32}$`)
	reDuration = regexp.MustCompile(`^(?:(?:in|within)[-_]?([0-9]+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)[-_]?|([0-9]+)[-_]?)` +
		`(m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?)$`)
	reISO      = regexp.MustCompile(`^([0-9]{4})-([0-9]{2})-([0-9]{2})$`)
	reWeekday  = regexp.MustCompile(`^(?:next[-_]?)?(mon|monday|tue|tues|tuesday|wed|weds|wednesday|thu|thur|thurs|thursday|fri|friday|sat|saturday|sun|sunday)$`)
	reMonthDay = regexp.MustCompile(`^(?:` + monthPattern + `[-_]?([0-9]{1,2})(?:st|nd|rd|th)?|([0-9]{1,2})(?:st|nd|rd|th)?[-_]?` + monthPattern + `)$`)
	reClock12  = regexp.MustCompile(`^([0-9]{1,2})(?::?([0-9]{2}))?(am|pm)$`)
	reClock24  = regexp.MustCompile(`^([0-9]{1,2})(?:h([0-9]{2})?|:([0-9]{2}))$`)
	reSep      = regexp.MustCompile(`^(?:[-_]?at[-_]?|[-_])`)
)

const monthPattern = `(jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december)`

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

var weekdays = map[string]time.Weekday{
	"sun": time.Sunday, "mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday,
	"thu": time.Thursday, "fri": time.Friday, "sat": time.Saturday,
}

var months = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "aug": time.August,
	"sep": time.September, "oct": time.October, "nov": time.November, "dec": time.December,
}

// ParseOptions parses the detail returned by Match (dot-separated options)
// as of now, in the owner's zone loc (now's own zone when loc is nil). now
// should be when the ask was sent; Due is returned in loc. The package
// documentation lists the forms.
func ParseOptions(detail string, now time.Time, loc *time.Location) Options {
	if loc == nil {
		loc = now.Location()
	}
	p := &parser{now: now.In(loc), loc: loc}
	p.parse(strings.FieldsFunc(detail, func(r rune) bool { return r == '.' || r == '+' }))
	return p.opts
}

type parser struct {
	now     time.Time
	loc     *time.Location
	opts    Options
	lastDue string // the option that last set Window or Due
}

// day is a calendar day, possibly with a clock time, still to be resolved
// against now.
type day struct {
	y        int
	m        time.Month
	d        int
	roll     bool // a month-day: the first year from now's on which it exists and lies ahead
	next     bool // a time alone: today if still ahead, else tomorrow
	hasClock bool
	hh, mm   int
}

func (p *parser) note(raw, msg string) {
	p.opts.Notes = append(p.opts.Notes, `"`+raw+`": `+msg)
}

func (p *parser) parse(raws []string) {
	for i := 0; i < len(raws); i++ {
		raw := raws[i]
		s := asciiLower(raw)
		if len(s) > maxOption {
			p.note(raw, "not understood (too long)")
			continue
		}
		switch strings.NewReplacer("-", "", "_", "").Replace(s) {
		case "noremind", "noreminder", "noreminders", "quiet":
			p.opts.NoRemind = true
			continue
		}
		if s == "gave" {
			p.opts.Gave = true
			continue
		}
		if m := reCommand.FindStringSubmatch(s); m != nil {
			id, err := strconv.ParseInt(m[1], 10, 64)
			if err != nil || id <= 0 {
				p.note(raw, "not a card number (expected c<ID>.<token>)")
				continue
			}
			if i+1 >= len(raws) || !reToken.MatchString(asciiLower(raws[i+1])) {
				p.note(raw, "a command token needs its key as the next option (c<ID>.<token>)")
				continue
			}
			i++
			if p.opts.CardID != 0 {
				p.note(raw+"."+raws[i], "a second command token; kept the first one")
				continue
			}
			p.opts.CardID, p.opts.Token = id, asciiLower(raws[i])
			continue
		}
		if m := reDuration.FindStringSubmatch(s); m != nil {
			p.duration(raw, m)
			continue
		}
		if d, ok := p.dateTime(s); ok {
			if !d.hasClock && i+1 < len(raws) {
				if hh, mm, ok := parseClock(asciiLower(raws[i+1])); ok {
					i++
					raw += "." + raws[i]
					d.hasClock, d.hh, d.mm = true, hh, mm
				}
			}
			p.setDay(raw, d)
			continue
		}
		if hh, mm, ok := parseClock(s); ok {
			p.setDay(raw, day{next: true, hasClock: true, hh: hh, mm: mm})
			continue
		}
		if d, ok := p.natural(s); ok {
			p.setDay(raw, d)
			continue
		}
		p.note(raw, notUnderstood)
	}
}

// duration handles a reDuration match: m/h set Window, d/w set Due.
func (p *parser) duration(raw string, m []string) {
	num := m[1] + m[2]
	n, ok := numberWords[num]
	if !ok {
		var err error
		n, err = strconv.Atoi(num)
		if err != nil || n < 1 || n > maxDuration {
			p.note(raw, "the number must be 1 to 999")
			return
		}
	}
	switch unit := m[3]; unit[0] {
	case 'm':
		p.setWindow(raw, time.Duration(n)*time.Minute)
	case 'h':
		p.setWindow(raw, time.Duration(n)*time.Hour)
	case 'd':
		p.setDue(raw, p.now.AddDate(0, 0, n))
	case 'w':
		p.setDue(raw, p.now.AddDate(0, 0, 7*n))
	}
}

func (p *parser) setWindow(raw string, w time.Duration) {
	p.overrides(raw)
	p.opts.Window, p.opts.Due = w, time.Time{}
}

func (p *parser) setDue(raw string, t time.Time) {
	p.overrides(raw)
	p.opts.Window, p.opts.Due = 0, t
}

func (p *parser) overrides(raw string) {
	if p.lastDue != "" {
		p.note(raw, `overrides "`+p.lastDue+`" (when two options set the due time, the last wins)`)
	}
	p.lastDue = raw
}

// setDay resolves d against now and sets Due, or notes why it cannot.
func (p *parser) setDay(raw string, d day) {
	hh, mm := morningHour, 0
	if d.hasClock {
		hh, mm = d.hh, d.mm
	}
	switch {
	case d.next:
		t := time.Date(p.now.Year(), p.now.Month(), p.now.Day(), hh, mm, 0, 0, p.loc)
		if !t.After(p.now) {
			t = time.Date(p.now.Year(), p.now.Month(), p.now.Day()+1, hh, mm, 0, 0, p.loc)
		}
		p.setDue(raw, t)
	case d.roll:
		for y := p.now.Year(); y <= p.now.Year()+8; y++ {
			if !validDate(y, d.m, d.d) {
				continue
			}
			if t := time.Date(y, d.m, d.d, hh, mm, 0, 0, p.loc); t.After(p.now) {
				p.setDue(raw, t)
				return
			}
		}
		p.note(raw, "no such date")
	default:
		if !validDate(d.y, d.m, d.d) {
			p.note(raw, "no such date")
			return
		}
		t := time.Date(d.y, d.m, d.d, hh, mm, 0, 0, p.loc)
		if !t.After(p.now) {
			p.note(raw, "date is in the past")
			return
		}
		p.setDue(raw, t)
	}
}

// dateTime parses a date, optionally followed by a time: "friday",
// "friday9am", "dec3-17h", "2026-12-01_at_9:30am".
func (p *parser) dateTime(s string) (day, bool) {
	if d, ok := p.date(s); ok {
		return d, true
	}
	for i := 1; i < len(s); i++ {
		datePart, rest := s[:i], s[i:]
		sep := reSep.FindString(rest)
		if sep == "" && isDigit(datePart[len(datePart)-1]) {
			continue // dec12pm: dec1 at 2pm or dec12 at pm? Ask for dec12-pm.
		}
		hh, mm, ok := parseClock(rest[len(sep):])
		if !ok {
			continue
		}
		if d, ok := p.date(datePart); ok {
			d.hasClock, d.hh, d.mm = true, hh, mm
			return d, true
		}
	}
	return day{}, false
}

// date parses a date without a time.
func (p *parser) date(s string) (day, bool) {
	rel := func(n int) (day, bool) {
		t := time.Date(p.now.Year(), p.now.Month(), p.now.Day()+n, 12, 0, 0, 0, p.loc)
		return day{y: t.Year(), m: t.Month(), d: t.Day()}, true
	}
	switch s {
	case "today":
		return rel(0)
	case "tomorrow":
		return rel(1)
	case "nextweek", "next-week", "next_week":
		return rel(daysUntil(p.now.Weekday(), time.Monday))
	}
	if m := reWeekday.FindStringSubmatch(s); m != nil {
		return rel(daysUntil(p.now.Weekday(), weekdays[m[1][:3]]))
	}
	if m := reMonthDay.FindStringSubmatch(s); m != nil {
		name, num := m[1]+m[4], m[2]+m[3]
		d, _ := strconv.Atoi(num) // at most two digits
		return day{m: months[name[:3]], d: d, roll: true}, true
	}
	if m := reISO.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return day{y: y, m: time.Month(mo), d: d}, true
	}
	return day{}, false
}

// daysUntil is how many days after a day of weekday from comes the next
// weekday to: 1..7, never 0.
func daysUntil(from, to time.Weekday) int {
	return (int(to)-int(from)+6)%7 + 1
}

// parseClock parses a time of day: 9am, 9:30pm, 930pm, 12am (midnight),
// 17h, 17h30, 17:30, noon.
func parseClock(s string) (hh, mm int, ok bool) {
	if s == "noon" {
		return 12, 0, true
	}
	if m := reClock12.FindStringSubmatch(s); m != nil {
		hh, _ = strconv.Atoi(m[1])
		if m[2] != "" {
			mm, _ = strconv.Atoi(m[2])
		}
		if hh < 1 || hh > 12 || mm > 59 {
			return 0, 0, false
		}
		hh %= 12
		if m[3] == "pm" {
			hh += 12
		}
		return hh, mm, true
	}
	if m := reClock24.FindStringSubmatch(s); m != nil {
		hh, _ = strconv.Atoi(m[1])
		if min := m[2] + m[3]; min != "" {
			mm, _ = strconv.Atoi(min)
		}
		if hh > 23 || mm > 59 {
			return 0, 0, false
		}
		return hh, mm, true
	}
	return 0, 0, false
}

func validDate(y int, m time.Month, d int) bool {
	return m >= time.January && m <= time.December && d >= 1 &&
		d <= time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func asciiLower(s string) string {
	b := []byte(s)
	for i := range b {
		b[i] = lower(b[i])
	}
	return string(b)
}
