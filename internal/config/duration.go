package config

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Day and Week are the units ParseDuration adds to Go's duration syntax.
const (
	Day  = 24 * time.Hour
	Week = 7 * Day
)

// Duration is a time.Duration that reads and writes "90m", "36h", "3d",
// "2w", "1h30m" and any other Go duration syntax.
type Duration time.Duration

var durationUnits = map[string]time.Duration{
	"ns": time.Nanosecond,
	"us": time.Microsecond,
	"µs": time.Microsecond,
	"μs": time.Microsecond,
	"ms": time.Millisecond,
	"s":  time.Second,
	"m":  time.Minute,
	"h":  time.Hour,
	"d":  Day,
	"w":  Week,
}

// ParseDuration parses Go duration syntax extended with d (24h) and w (7d),
// e.g. "90m", "36h", "3d", "2w", "1w2d", "1h30m", "1.5h".
func ParseDuration(s string) (time.Duration, error) {
	orig := s
	bad := func(why string) error {
		return fmt.Errorf("invalid duration %q: %s (use e.g. 90m, 36h, 3d, 2w or 1h30m)", orig, why)
	}
	s = strings.TrimSpace(s)
	neg := false
	if s != "" && (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-'
		s = s[1:]
	}
	if s == "0" {
		return 0, nil
	}
	if s == "" {
		return 0, bad("empty")
	}
	var total time.Duration
	for s != "" {
		i := 0
		for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.') {
			i++
		}
		if i == 0 {
			return 0, bad("expected a number")
		}
		num := s[:i]
		s = s[i:]
		j := 0
		for j < len(s) && !(s[j] >= '0' && s[j] <= '9' || s[j] == '.') {
			j++
		}
		if j == 0 {
			return 0, bad("missing unit")
		}
		unit, ok := durationUnits[s[:j]]
		if !ok {
			return 0, bad("unknown unit " + strconv.Quote(s[:j]))
		}
		s = s[j:]
		part, err := scaleDuration(num, unit)
		if err != nil {
			return 0, bad(err.Error())
		}
		if total > math.MaxInt64-part {
			return 0, bad("too long")
		}
		total += part
	}
	d := total
	if neg {
		d = -d
	}
	return d, nil
}

// scaleDuration returns num (decimal digits, maybe with a fraction) units.
func scaleDuration(num string, unit time.Duration) (time.Duration, error) {
	if !strings.Contains(num, ".") {
		n, err := strconv.ParseInt(num, 10, 64)
		if err != nil || n > math.MaxInt64/int64(unit) {
			return 0, errors.New("too long")
		}
		return time.Duration(n) * unit, nil
	}
	f, err := strconv.ParseFloat(num, 64)
	if err != nil {
		return 0, errors.New("bad number " + strconv.Quote(num))
	}
	v := math.Round(f * float64(unit))
	if v >= math.MaxInt64 {
		return 0, errors.New("too long")
	}
	return time.Duration(v), nil
}

// FormatDuration writes d in the shortest form ParseDuration reads back,
// preferring weeks and days: "2w", "3d", "1d12h", "1h30m", "45s".
func FormatDuration(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	var b strings.Builder
	if d < 0 {
		b.WriteByte('-')
		d = -d
	}
	for _, u := range []struct {
		unit time.Duration
		name string
	}{{Week, "w"}, {Day, "d"}, {time.Hour, "h"}, {time.Minute, "m"}} {
		if n := d / u.unit; n > 0 {
			fmt.Fprintf(&b, "%d%s", n, u.name)
			d -= n * u.unit
		}
	}
	if d > 0 {
		b.WriteString(d.String())
	}
	return b.String()
}

// String formats the duration like FormatDuration.
func (d Duration) String() string { return FormatDuration(time.Duration(d)) }

// Std returns d as a time.Duration.
func (d Duration) Std() time.Duration { return time.Duration(d) }

// UnmarshalYAML reads a duration from a YAML scalar.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return errors.New("duration must be a string like 90m, 36h, 3d or 2w")
	}
	v, err := ParseDuration(n.Value)
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// MarshalYAML writes the duration as a string such as "3d".
func (d Duration) MarshalYAML() (any, error) { return d.String(), nil }

// UnmarshalText reads a duration from text (JSON strings, flags).
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = Duration(v)
	return nil
}

// MarshalText writes the duration as text such as "3d".
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
