package main

import (
	"fmt"
	"slices"
	"time"
)

// medianBy returns the element of xs whose key is the median.
func medianBy[T any](xs []T, key func(T) time.Duration) T {
	s := slices.Clone(xs)
	slices.SortFunc(s, func(a, b T) int { return int(key(a) - key(b)) })
	return s[len(s)/2]
}

// medianRun is the run with the median wall time.
func medianRun(rs []run) run { return medianBy(rs, func(r run) time.Duration { return r.Wall }) }

// medianTook is the median of the daemon's own pass times.
func medianTook(rs []run) time.Duration {
	return medianBy(rs, func(r run) time.Duration { return r.Took }).Took
}

// maxRSS is the highest peak RSS of the runs, in bytes.
func maxRSS(rs []run) int64 {
	var m int64
	for _, r := range rs {
		m = max(m, r.PeakRSSKiB*1024)
	}
	return m
}

// median of durations, in any order.
func median(d []time.Duration) time.Duration {
	s := slices.Clone(d)
	slices.Sort(s)
	return s[len(s)/2]
}

// percentile of sorted durations, nearest rank below.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[int(float64(len(sorted)-1)*p)]
}

// ms prints a duration in milliseconds, with a decimal below 10 ms.
func ms(d time.Duration) string {
	v := float64(d) / float64(time.Millisecond)
	if v < 10 && v > -10 {
		return fmt.Sprintf("%.1f ms", v)
	}
	return fmt.Sprintf("%.0f ms", v)
}

// size prints a byte count in B, KiB or MiB.
func size(n int64) string {
	switch {
	case n < 10<<10:
		return fmt.Sprintf("%d B", n)
	case n < 10<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20))
}

// mb prints a memory size in decimal megabytes, as the targets are set.
func mb(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

// ratio prints a/b.
func ratio(a, b float64) string {
	if b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", a/b)
}
