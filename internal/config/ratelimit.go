package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// RateLimit is at most N messages per Per; the zero value is no limit.
type RateLimit struct {
	N   int
	Per time.Duration
}

// Enabled reports whether sending is limited at all.
func (l RateLimit) Enabled() bool { return l.N > 0 && l.Per > 0 }

// String writes the limit back as "60/hour" or "off".
func (l RateLimit) String() string {
	if !l.Enabled() {
		return "off"
	}
	for _, u := range rateUnits {
		if l.Per == u.per {
			return fmt.Sprintf("%d/%s", l.N, u.name)
		}
	}
	return fmt.Sprintf("%d/%s", l.N, l.Per)
}

var rateUnits = []struct {
	name string
	per  time.Duration
}{{"minute", time.Minute}, {"hour", time.Hour}, {"day", 24 * time.Hour}}

// ParseRateLimit reads "N/minute", "N/hour", "N/day" or "off".
func ParseRateLimit(s string) (RateLimit, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "off" {
		return RateLimit{}, nil
	}
	const hint = `use "N/minute", "N/hour" or "N/day" like "60/hour", or "off"`
	num, unit, ok := strings.Cut(s, "/")
	n, err := strconv.Atoi(strings.TrimSpace(num))
	if !ok || err != nil || n < 1 {
		return RateLimit{}, fmt.Errorf("cannot read %q; %s", s, hint)
	}
	for _, u := range rateUnits {
		if strings.TrimSpace(unit) == u.name {
			return RateLimit{N: n, Per: u.per}, nil
		}
	}
	return RateLimit{}, fmt.Errorf("unknown period %q; %s", unit, hint)
}
