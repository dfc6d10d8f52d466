package testmail

// TB is the part of testing.TB the New* wrappers use (*testing.T and
// *testing.B have it). It is declared here so that this package, which
// the demo links into the gratitude binary, does not import testing.
type TB interface {
	Helper()
	Cleanup(func())
	Failed() bool
	TempDir() string
	Logf(format string, args ...any)
	Errorf(format string, args ...any)
	Fatal(args ...any)
	Fatalf(format string, args ...any)
	Skip(args ...any)
}
