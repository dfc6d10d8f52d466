package templates

import (
	"strings"
	"time"
)

// funcs returns the functions every template may call, showing times in loc.
func funcs(loc *time.Location) map[string]any {
	return map[string]any{
		"date":        func(t time.Time, now ...time.Time) string { return formatTime(t, loc, dateLayout, now) },
		"datetime":    func(t time.Time, now ...time.Time) string { return formatTime(t, loc, datetimeLayout, now) },
		"duration":    duration,
		"afterAsking": afterAsking,
		"quote":       quote,
		"re":          re,
		"plural":      plural,
		"times":       times,
		"trim":        strings.TrimSpace,
		"lower":       strings.ToLower,
		"clip":        clip,
		"number":      number,
		"ordinal":     ordinal,
		"first":       first,
		"firsts":      firsts,
		"join":        join,
		"sentence":    sentence,
		"greeted":     greeted,
	}
}

// Layouts for date and datetime, without and with the year.
var (
	dateLayout     = [2]string{"Mon 2 Jan", "Mon 2 Jan 2006"}
	datetimeLayout = [2]string{"Mon 2 Jan 15:04", "Mon 2 Jan 2006 15:04"}
)

// formatTime shows t in loc with the year unless now is given and in the
// same year; a zero t shows as "". It never reads the clock.
func formatTime(t time.Time, loc *time.Location, layouts [2]string, now []time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	if len(now) > 0 && now[0].In(loc).Year() == t.Year() {
		return t.Format(layouts[0])
	}
	return t.Format(layouts[1])
}
