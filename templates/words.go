package templates

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

const (
	day   = 24 * time.Hour
	week  = 7 * day
	month = 30 * day
	year  = 365 * day
)

// duration says d in plain words, rounded down: "5 hours", "1 day", "2 weeks".
func duration(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "less than a minute"
	case d < time.Hour:
		return count(int(d/time.Minute), "minute")
	case d < day:
		return count(int(d/time.Hour), "hour")
	case d < 2*week:
		return count(int(d/day), "day")
	case d < 9*week:
		return count(int(d/week), "week")
	case d < year:
		return count(int(d/month), "month")
	}
	return count(int(d/year), "year")
}

// count says "1 day" or "n days".
func count(n int, unit string) string {
	return strconv.Itoa(n) + " " + plural(n, unit, unit+"s")
}

// plural returns one when n is 1, else many.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// times says how often: "once", "twice", "3 times".
func times(n int) string {
	switch n {
	case 1:
		return "once"
	case 2:
		return "twice"
	}
	return strconv.Itoa(n) + " times"
}

var (
	cardinals = []string{"zero", "one", "two", "three", "four", "five", "six",
		"seven", "eight", "nine", "ten", "eleven", "twelve"}
	ordinals = []string{"zeroth", "first", "second", "third", "fourth", "fifth",
		"sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"}
)

// number spells n in words up to twelve, in digits beyond.
func number(n int) string {
	if n >= 0 && n < len(cardinals) {
		return cardinals[n]
	}
	return strconv.Itoa(n)
}

// ordinal spells "first" to "twelfth", then "13th", "21st" and so on.
func ordinal(n int) string {
	if n >= 0 && n < len(ordinals) {
		return ordinals[n]
	}
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// quote prefixes every line of s with "> ", as a mail reply quotes.
func quote(s string) string {
	s = strings.Trim(normalizeNewlines(s), "\n")
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	for i, line := range lines {
		lines[i] = strings.TrimRight("> "+line, " ")
	}
	return strings.Join(lines, "\n")
}

// re returns subject as a reply subject: "Re: " in front unless already there.
func re(subject string) string {
	if len(subject) >= 3 && strings.EqualFold(subject[:3], "re:") {
		return subject
	}
	return "Re: " + subject
}

// clip makes s one line and cuts it at a word to at most n characters,
// ending in "…" when cut: for quoting a few words inline.
func clip(n int, s string) (string, error) {
	if n < 1 {
		return "", fmt.Errorf("clip: got %d characters, want at least 1", n)
	}
	s = strings.Join(strings.Fields(s), " ")
	cut := cutAtWord(s, n)
	if cut == s {
		return s, nil
	}
	return strings.TrimRight(strings.TrimSuffix(cut, "…"), " ,;:.-–—") + "…", nil
}
