package msgtext

import (
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// zoneOffsets are the zone abbreviations mail clients print, in hours.
var zoneOffsets = map[string]float64{
	"utc": 0, "gmt": 0, "ut": 0, "z": 0, "wet": 0,
	"bst": 1, "cet": 1, "mez": 1, "west": 1, "wat": 1,
	"cest": 2, "mesz": 2, "eet": 2, "sast": 2,
	"eest": 3, "msk": 3,
	"est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6,
	"pst": -8, "pdt": -7, "akst": -9, "akdt": -8, "hst": -10,
	"jst": 9, "kst": 9, "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
}

var (
	clockRe    = regexp.MustCompile(`^(\d{1,2})[:h](\d{2})(?::(\d{2}))?(am|pm)?$`)
	dottedRe   = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$`)
	slashedRe  = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$`)
	isoRe      = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	offsetRe   = regexp.MustCompile(`^(?:gmt|utc|ut)?([+-])(\d{1,2})(?::?(\d{2}))?$`)
	ordinalRe  = regexp.MustCompile(`^(\d{1,2})(st|nd|rd|th|er|o|°|e)$`)
	ymdSlashRe = regexp.MustCompile(`^(\d{4})/(\d{1,2})/(\d{1,2})$`)
	dmyDashRe  = regexp.MustCompile(`^(\d{1,2})-(\d{1,2})-(\d{4})$`)
	dotClockRe = regexp.MustCompile(`^(\d{1,2})\.(\d{2})(?:\.(\d{2}))?$`)
	// cjkDateRe matches the year-month-day dates of Chinese, Japanese and
	// Korean ("2026年11月23日", "2026년 11월 23일").
	cjkDateRe = regexp.MustCompile(`(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?`)
)

// cjkMeridiem spells the Chinese, Japanese and Korean words for morning
// and afternoon as am and pm, and the Greek abbreviations.
var cjkMeridiem = strings.NewReplacer("上午", " am ", "午前", " am ", "오전", " am ", "早上", " am ", "凌晨", " am ",
	"下午", " pm ", "午後", " pm ", "오후", " pm ", "晚上", " pm ", "中午", " pm ")

// meridiemFolded spells the folded forms of am and pm plainly.
var meridiemFolded = strings.NewReplacer("a.m.", "am", "p.m.", "pm", "a. m.", "am", "p. m.", "pm",
	"π.μ.", "am", "μ.μ.", "pm", ",", " ", ";", " ", "(", " ", ")", " ", "，", " ", "、", " ", "（", " ", "）", " ")

// weekdayClashes are weekday abbreviations that are also the start of a
// month name (Tuesday in French, Italian, Spanish and Romanian, Thursday
// in Italian, Wednesday in Hungarian, Saturday in Croatian, Sunday in
// Turkish): a month name later in the date wins over them.
var weekdayClashes = map[string]bool{"mar": true, "marti": true, "gio": true, "sze": true, "sub": true, "paz": true}

// parseDate reads a date as mail clients print it in headers and
// forwarded header blocks: RFC 5322 first, then the loose reading. It
// returns the zero time when it cannot tell, and whether the text named
// its zone (without one, the time is UTC and only the wall clock is known).
func parseDate(s string) (time.Time, bool) { return parseDateIn(s, 0) }

// parseDateIn is parseDate for a date printed in one of langs (none when
// unknown): the languages settle a month name they disagree on
// ("listopada" is November in Polish, October in Croatian) and the order
// of day and month in "05/11/2026" (month first only in English).
func parseDateIn(s string, langs langSet) (time.Time, bool) {
	s = strings.TrimSpace(truncate(s, 200))
	if s == "" {
		return time.Time{}, false
	}
	if t, err := mail.ParseDate(s); err == nil {
		return t, true
	}
	return parseLooseDate(s, langs)
}

// dateParts collects what the loose reader found.
type dateParts struct {
	day, month, year, hour, min, sec int
	meridiem                         string
	zone                             *time.Location
	haveTime, yearFirst              bool
	langs                            langSet
}

// parseLooseDate reads the many ways clients print a date: Gmail's "Mon,
// Nov 23, 2026 at 10:05 AM", Outlook's "Monday, November 23, 2026 10:05
// AM", German "Mo., 23. Nov. 2026 um 10:05 Uhr", French "lun. 23 nov. 2026
// à 10:05", Spanish "lunes, 23 de noviembre de 2026 10:05", Apple's "23
// November 2026 at 10:05:00 GMT+1", Thunderbird's "23.11.26 10:05" and
// "11/23/26 10:05 AM", Czech "po 23. 11. 2026 v 10:05", Hungarian "2026.
// nov. 23., H, 10:05", Finnish "ma 23.11.2026 klo 10.05", Russian "пн, 23
// нояб. 2026 г. в 10:05", Japanese "2026年11月23日(月) 10:05", Korean
// "2026년 11월 23일 (월) 오전 10:05", Vietnamese "Th 2, 23 thg 11, 2026".
// Weekdays and filler words are skipped; without a zone the time is UTC.
func parseLooseDate(s string, langs langSet) (time.Time, bool) {
	if strings.ContainsAny(s, "年년") {
		s = cjkDateRe.ReplaceAllString(s, " $1-$2-$3 ")
	}
	if !isASCII(s) {
		s = cjkMeridiem.Replace(s)
	}
	s = meridiemFolded.Replace(foldKey(s))
	toks := strings.FieldsFunc(s, isSpace)
	if len(toks) > 24 {
		return time.Time{}, false
	}
	d := dateParts{day: -1, month: -1, year: -1, langs: langs}
	months := make([]int, len(toks))
	for i, tok := range toks {
		months[i] = monthOf(strings.Trim(tok, "."), langs)
	}
	for i, tok := range toks {
		t := strings.Trim(tok, ".")
		if t == "" {
			continue
		}
		prev := ""
		if i > 0 {
			prev = strings.Trim(toks[i-1], ".")
		}
		switch {
		case prev == "th" && isDigits(t) && len(t) == 1:
			continue // Vietnamese weekday ("Th 2": Monday)
		case (prev == "thg" || prev == "thang") && isDigits(t):
			if d.month < 0 {
				d.month = atoi(t) // Vietnamese "thg 11", "tháng 11"
			}
			continue
		}
		if m := months[i]; m > 0 {
			if weekdayClashes[t] && laterMonth(months[i+1:]) {
				continue
			}
			if d.month < 0 {
				d.month = m
			}
			continue
		}
		d.readToken(t, tok)
	}
	t := d.time()
	return t, !t.IsZero() && d.zone != nil
}

// readToken reads one non-month token; t is tok without surrounding dots.
func (d *dateParts) readToken(t, tok string) bool {
	if m := clockRe.FindStringSubmatch(t); m != nil && !d.haveTime {
		d.hour, _ = strconv.Atoi(m[1])
		d.min, _ = strconv.Atoi(m[2])
		d.sec, _ = strconv.Atoi(m[3])
		if m[4] != "" {
			d.meridiem = m[4]
		}
		d.haveTime = true
		return true
	}
	if t == "am" || t == "pm" {
		d.meridiem = t
		return true
	}
	if (t == "sa" || t == "ch") && d.haveTime {
		d.meridiem = map[string]string{"sa": "am", "ch": "pm"}[t] // Vietnamese sáng, chiều
		return true
	}
	if m := dotClockRe.FindStringSubmatch(t); m != nil && !d.haveTime && d.day > 0 && d.month > 0 {
		d.hour, d.min, d.sec = atoi(m[1]), atoi(m[2]), atoi(m[3])
		d.haveTime = true
		return true
	}
	if m := dottedRe.FindStringSubmatch(t); m != nil {
		d.day, d.month, d.year = atoi(m[1]), atoi(m[2]), year(m[3])
		return true
	}
	if m := slashedRe.FindStringSubmatch(t); m != nil {
		a, b := atoi(m[1]), atoi(m[2])
		if a > 12 || (b <= 12 && d.langs != 0 && d.langs&langCode["en"] == 0) { // day first
			a, b = b, a
		}
		d.month, d.day, d.year = a, b, year(m[3])
		return true
	}
	if m := ymdSlashRe.FindStringSubmatch(t); m != nil {
		d.year, d.month, d.day = atoi(m[1]), atoi(m[2]), atoi(m[3])
		return true
	}
	if m := dmyDashRe.FindStringSubmatch(t); m != nil {
		d.day, d.month, d.year = atoi(m[1]), atoi(m[2]), atoi(m[3])
		return true
	}
	if m := isoRe.FindStringSubmatch(t); m != nil {
		d.year, d.month, d.day = atoi(m[1]), atoi(m[2]), atoi(m[3])
		return true
	}
	if m := offsetRe.FindStringSubmatch(t); m != nil && (len(m[2]) == 2 || m[3] != "" || t[0] == 'g' || t[0] == 'u') {
		off := atoi(m[2])*3600 + atoi(m[3])*60
		if m[1] == "-" {
			off = -off
		}
		if off > -15*3600 && off < 15*3600 {
			d.zone = time.FixedZone(strings.ToUpper(t), off)
		}
		return true
	}
	if h, ok := zoneOffsets[t]; ok {
		if h == 0 {
			d.zone = time.UTC
		} else {
			d.zone = time.FixedZone(strings.ToUpper(t), int(h*3600))
		}
		return true
	}
	if m := ordinalRe.FindStringSubmatch(t); m != nil && d.day < 0 {
		d.day = atoi(m[1])
		return true
	}
	if isDigits(t) {
		n := atoi(t)
		switch {
		case len(t) == 4:
			if d.year < 0 {
				d.year = n
				d.yearFirst = d.day < 0 && d.month < 0
			}
		case len(t) > 2:
		case d.yearFirst && d.month < 0 && d.day < 0:
			d.month = n // "2026. 11. 23."
		case d.day < 0:
			d.day = n
		case d.month < 0 && strings.HasSuffix(tok, "."):
			d.month = n // "23. 11. 2026"
		case d.year < 0 && d.month > 0:
			d.year = year(t)
		}
		return true
	}
	return false
}

// time assembles the parts, or returns the zero time when they do not
// make a valid date.
func (d *dateParts) time() time.Time {
	if d.year < 1970 || d.year > 2200 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31 {
		return time.Time{}
	}
	h := d.hour
	switch d.meridiem {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	if h > 23 || d.min > 59 || d.sec > 60 {
		return time.Time{}
	}
	loc := d.zone
	if loc == nil {
		loc = time.UTC
	}
	t := time.Date(d.year, time.Month(d.month), d.day, h, d.min, d.sec, 0, loc)
	if t.Day() != d.day {
		return time.Time{} // 31 November and the like
	}
	return t
}

// monthOf returns the month a folded word names (a full name or an
// abbreviation of at least three letters, in one of forwardLangs), or 0.
// A word languages disagree on is settled by langs, the languages of the
// header block, when they agree.
func monthOf(w string, langs langSet) int {
	if utf8.RuneCountInString(w) < 3 || !isLetters(w) {
		return 0
	}
	m := monthIndex[w]
	if m >= 0 {
		return m
	}
	found := 0
	for i := range forwardLangs {
		if langs&(1<<i) == 0 {
			continue
		}
		switch lm := langMonths[i][w]; {
		case lm <= 0:
		case found == 0:
			found = lm
		case found != lm:
			return 0
		}
	}
	return found
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// year reads a two- or four-digit year.
func year(s string) int {
	n := atoi(s)
	if len(s) == 2 {
		if n < 70 {
			return 2000 + n
		}
		return 1900 + n
	}
	return n
}

// laterMonth reports a month among the tokens that follow.
func laterMonth(months []int) bool {
	for _, m := range months {
		if m > 0 {
			return true
		}
	}
	return false
}
