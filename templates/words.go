package templates

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
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

// afterAsking says how soon after the owner asked an answer came, as the
// end of a sentence: "within a minute of my asking", "only twenty minutes
// after I asked", "only an hour after I asked", "three days after I
// asked". Under a day it says "only"; it rounds down, as duration does.
func afterAsking(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "within a minute of my asking"
	case d < time.Hour:
		return "only " + spelled(int(d/time.Minute), "minute") + " after I asked"
	case d < day:
		return "only " + spelled(int(d/time.Hour), "hour") + " after I asked"
	case d < 2*week:
		return spelled(int(d/day), "day") + " after I asked"
	case d < 9*week:
		return spelled(int(d/week), "week") + " after I asked"
	case d < year:
		return spelled(int(d/month), "month") + " after I asked"
	}
	return spelled(int(d/year), "year") + " after I asked"
}

// spelled says a count in words: "a minute", "an hour", "twenty-five
// minutes"; beyond ninety-nine in digits.
func spelled(n int, unit string) string {
	if n == 1 {
		if unit == "hour" {
			return "an hour"
		}
		return "a " + unit
	}
	return cardinal(n) + " " + unit + "s"
}

var (
	teens = []string{"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens  = []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
)

// cardinal spells n in words up to ninety-nine, in digits beyond.
func cardinal(n int) string {
	switch {
	case n >= 0 && n < len(cardinals):
		return cardinals[n]
	case n < 20 && n > 0:
		return teens[n-len(cardinals)]
	case n >= 20 && n < 100 && n%10 == 0:
		return tens[n/10]
	case n > 20 && n < 100:
		return tens[n/10] + "-" + cardinals[n%10]
	}
	return strconv.Itoa(n)
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

// sentence ends the owner's words as a sentence: one line, trimmed, with a
// full stop unless they end in one already (".", "!", "?", "…").
func sentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || strings.ContainsAny(s[len(s)-1:], ".!?") || strings.HasSuffix(s, "…") {
		return s
	}
	return s + "."
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

// greeted returns word, the first of a letter, as it is written after
// greeting: in lower case after "" (the variant's own greeting, which ends
// in a comma) or a greeting that ends in a comma ("Hallo Bob,"), with a
// capital after any other ("Hey Bob!"). For languages that go on in lower
// case after a comma (German, Italian).
func greeted(greeting, word string) string {
	r, n := utf8.DecodeRuneInString(word)
	if n == 0 {
		return word
	}
	if g := strings.TrimSpace(greeting); g == "" || strings.HasSuffix(g, ",") {
		return string(unicode.ToLower(r)) + word[n:]
	}
	return string(unicode.ToUpper(r)) + word[n:]
}
