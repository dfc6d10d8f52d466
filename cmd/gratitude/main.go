// Command gratitude watches the owner's mailbox, tracks requests for help and
// the people who answered, and closes the loop with a thank-you. This package
// holds the commands only: flags, loading the config, printing and exit
// statuses; the daemon they start or act through is internal/daemon, and
// the demo's world and story internal/demo.
package main

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

func main() {
	os.Exit(execute(os.Args[1:]))
}

// exitError carries the process exit status for an error.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// Exit statuses.
const (
	exitFailure = 1 // the command ran and failed
	exitUsage   = 2 // bad flags or configuration
)

func execute(args []string) int {
	root := newRootCmd()
	root.SetArgs(args)
	err := root.Execute()
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && !errors.Is(ee.err, errSilent) {
			fmt.Fprintln(os.Stderr, "gratitude:", ee.err)
		}
		return ee.code
	}
	fmt.Fprintln(os.Stderr, "gratitude:", err)
	if strings.HasPrefix(err.Error(), "unknown command") {
		return exitUsage
	}
	return exitFailure
}

// errSilent is an error whose details were already printed.
var errSilent = errors.New("failed")
