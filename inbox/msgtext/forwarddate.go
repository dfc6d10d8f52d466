package msgtext

import (
	"net/mail"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// monthNames are full month names in English, German, French, Spanish,
// Italian, Dutch and Portuguese, accents removed; index+1 is the month.
var monthNames = [12][]string{
	{"january", "januar", "janvier", "enero", "gennaio", "januari", "janeiro"},
	{"february", "februar", "fevrier", "febrero", "febbraio", "februari", "fevereiro"},
	{"march", "marz", "maerz", "mars", "marzo", "maart", "marco"},
	{"april", "avril", "abril", "aprile"},
	{"may", "mai", "mayo", "maggio", "mei", "maio"},
	{"june", "juni", "juin", "junio", "giugno", "junho"},
	{"july", "juli", "juillet", "julio", "luglio", "julho"},
	{"august", "aout", "agosto", "augustus"},
	{"september", "septembre", "septiembre", "setiembre", "settembre", "setembro"},
	{"october", "oktober", "octobre", "octubre", "ottobre", "outubro"},
	{"november", "novembre", "noviembre", "novembro"},
	{"december", "dezember", "decembre", "diciembre", "dicembre", "dezembro"},
}

// monthAbbrevs are abbreviations that are not prefixes of a full name.
var monthAbbrevs = map[string]int{"mrt": 3, "sept": 9}

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
	clockRe   = regexp.MustCompile(`^(\d{1,2})[:h](\d{2})(?::(\d{2}))?(am|pm)?$`)
	dottedRe  = regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$`)
	slashedRe = regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$`)
	isoRe     = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	offsetRe  = regexp.MustCompile(`^(?:gmt|utc|ut)?([+-])(\d{1,2})(?::?(\d{2}))?$`)
	ordinalRe = regexp.MustCompile(`^(\d{1,2})(st|nd|rd|th|er|º|°|e)$`)
)

// parseDate reads a date as mail clients print it in headers and
// forwarded header blocks: RFC 5322 first, then the loose reading. It
// returns the zero time when it cannot tell, and whether the text named
// its zone (without one, the time is UTC and only the wall clock is known).
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(truncate(s, 200))
	if s == "" {
		return time.Time{}, false
	}
	if t, err := mail.ParseDate(s); err == nil {
		return t, true
	}
	return parseLooseDate(s)
}

// dateParts collects what the loose reader found.
type dateParts struct {
	day, month, year, hour, min, sec int
	meridiem                         string
	zone                             *time.Location
	haveTime                         bool
}

// parseLooseDate reads the many ways clients print a date: Gmail's "Mon,
// Nov 23, 2026 at 10:05 AM", Outlook's "Monday, November 23, 2026 10:05
// AM", German "Mo., 23. Nov. 2026 um 10:05 Uhr", French "lun. 23 nov. 2026
// à 10:05", Spanish "lunes, 23 de noviembre de 2026 10:05", Apple's "23
// November 2026 at 10:05:00 GMT+1", Thunderbird's "23.11.26 10:05" and
// "11/23/26 10:05 AM". Weekdays and filler words are skipped; without a
// zone the time is UTC.
func parseLooseDate(s string) (time.Time, bool) {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Cf, r) {
			return -1 // Outlook's invisible direction marks
		}
		return r
	}, s)
	s = strings.ToLower(foldAccents(s))
	s = strings.NewReplacer("a.m.", "am", "p.m.", "pm", ",", " ", ";", " ", "(", " ", ")", " ").Replace(s)
	toks := strings.FieldsFunc(s, isSpace)
	if len(toks) > 20 {
		return time.Time{}, false
	}
	d := dateParts{day: -1, month: -1, year: -1}
	months := make([]int, len(toks))
	for i, tok := range toks {
		months[i] = monthOf(strings.Trim(tok, "."))
	}
	for i, tok := range toks {
		t := strings.Trim(tok, ".")
		if t == "" {
			continue
		}
		if m := months[i]; m > 0 {
			if t == "mar" && laterMonth(months[i+1:]) {
				continue // French/Spanish/Italian Tuesday
			}
			if d.month < 0 {
				d.month = m
			}
			continue
		}
		if !d.readToken(t, tok) {
			continue
		}
	}
	t := d.time()
	return t, !t.IsZero() && d.zone != nil
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

// readToken reads one non-month token; t is tok without surrounding dots.
func (d *dateParts) readToken(t, tok string) bool {
	if m := clockRe.FindStringSubmatch(t); m != nil && !d.haveTime {
		d.hour, _ = strconv.Atoi(m[1])
		d.min, _ = strconv.Atoi(m[2])
		d.sec, _ = strconv.Atoi(m[3])
		d.meridiem = m[4]
		d.haveTime = true
		return true
	}
	if t == "am" || t == "pm" {
		d.meridiem = t
		return true
	}
	if m := dottedRe.FindStringSubmatch(t); m != nil {
		d.day, d.month, d.year = atoi(m[1]), atoi(m[2]), year(m[3])
		return true
	}
	if m := slashedRe.FindStringSubmatch(t); m != nil {
		a, b := atoi(m[1]), atoi(m[2])
		if a > 12 { // day first
			a, b = b, a
		}
		d.month, d.day, d.year = a, b, year(m[3])
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
			}
		case len(t) <= 2 && d.day < 0:
			d.day = n
		case len(t) <= 2 && d.year < 0 && d.month > 0:
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

// monthOf returns the month a word names (a full name or an abbreviation
// of at least three letters, in one of several languages), or 0.
func monthOf(w string) int {
	if len(w) < 3 || !isLetters(w) {
		return 0
	}
	if m, ok := monthAbbrevs[w]; ok {
		return m
	}
	found := 0
	for i, names := range monthNames {
		for _, name := range names {
			if name == w {
				return i + 1
			}
			if strings.HasPrefix(name, w) {
				if found != 0 && found != i+1 {
					return 0 // ambiguous
				}
				found = i + 1
			}
		}
	}
	return found
}

// foldAccents removes the accents date words carry.
func foldAccents(s string) string {
	return accentFolder.Replace(s)
}

var accentFolder = strings.NewReplacer(
	"é", "e", "è", "e", "ê", "e", "ë", "e", "É", "e", "û", "u", "ü", "u", "ú", "u", "Ü", "u",
	"ä", "a", "à", "a", "á", "a", "â", "a", "ã", "a", "Ä", "a", "ö", "o", "ó", "o", "ô", "o",
	"ç", "c", "í", "i", "î", "i", "ñ", "n",
)

func isLetters(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
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
