package gratitude

import "time"

// HelpMonths is how many calendar months the help chart covers.
const HelpMonths = 12

// MonthHelp is how much help went each way in one calendar month.
type MonthHelp struct {
	Month    time.Time `json:"month"`    // the month's first instant, in the owner's zone
	Received int       `json:"received"` // helpers who answered a request, each once per request
	Given    int       `json:"given"`    // people the owner helped, each once per message
}

// MonthsStart returns the first instant, in loc, of the calendar month n-1
// months before now's: where n months ending with now's begin.
func MonthsStart(now time.Time, loc *time.Location, n int) time.Time {
	t := now.In(loc)
	return time.Date(t.Year(), t.Month()-time.Month(n-1), 1, 0, 0, 0, 0, loc)
}

// HelpByMonth counts help received and given in each of the n calendar
// months (in loc) ending with now's, oldest first. Months with none are
// there with zeros; times outside the months are left out.
func HelpByMonth(received, given []time.Time, loc *time.Location, now time.Time, n int) []MonthHelp {
	start := MonthsStart(now, loc, n)
	out := make([]MonthHelp, n)
	for i := range out {
		out[i].Month = time.Date(start.Year(), start.Month()+time.Month(i), 1, 0, 0, 0, 0, loc)
	}
	for _, t := range received {
		if i, ok := monthIndex(start, t.In(loc), n); ok {
			out[i].Received++
		}
	}
	for _, t := range given {
		if i, ok := monthIndex(start, t.In(loc), n); ok {
			out[i].Given++
		}
	}
	return out
}

// monthIndex is which of the n months from start t falls in.
func monthIndex(start, t time.Time, n int) (int, bool) {
	i := (t.Year()-start.Year())*12 + int(t.Month()) - int(start.Month())
	return i, i >= 0 && i < n
}
