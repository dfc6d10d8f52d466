package templates

import "time"

// languageWords are the word functions of each language other than
// English, replacing the English ones in that language's templates.
var languageWords = map[string]map[string]any{
	"de": wordsDE(),
	"es": wordsES(),
	"fr": wordsFR(),
	"it": wordsIT(),
	"nl": wordsNL(),
	"pt": wordsPT(),
}

// timeUnit is the unit a duration is said in; noUnit under a minute.
type timeUnit int

// The units of time, from the smallest.
const (
	noUnit timeUnit = iota
	minuteUnit
	hourUnit
	dayUnit
	weekUnit
	monthUnit
	yearUnit
)

// splitDuration rounds d down to a count of its largest sensible unit, as
// duration does; noUnit under a minute.
func splitDuration(d time.Duration) (int, timeUnit) {
	switch {
	case d < time.Minute:
		return 0, noUnit
	case d < time.Hour:
		return int(d / time.Minute), minuteUnit
	case d < day:
		return int(d / time.Hour), hourUnit
	case d < 2*week:
		return int(d / day), dayUnit
	case d < 9*week:
		return int(d / week), weekUnit
	case d < year:
		return int(d / month), monthUnit
	}
	return int(d / year), yearUnit
}

// unitWords are a unit of time in one language: with its article
// ("une heure"), after the digit 1 ("heure"), and plural ("heures"), and
// whether it is feminine, for the numbers that agree with it.
type unitWords struct {
	one, single, plural string
	feminine            bool
}
