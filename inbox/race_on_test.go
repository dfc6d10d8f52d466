//go:build race

package inbox_test

// raceEnabled: the race detector's instrumentation allocates on its own,
// so allocation bounds do not hold under it.
const raceEnabled = true
