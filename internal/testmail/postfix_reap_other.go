//go:build !linux

package testmail

import (
	"os/exec"
	"syscall"
	"time"
)

// becomeSubreaper is a no-op: only Linux has child subreapers.
func becomeSubreaper() error { return nil }

// postfixProcAttr is empty: the master calls setsid itself and must not
// already lead a process group.
func postfixProcAttr() *syscall.SysProcAttr { return nil }

// reapGroup cannot watch the daemons of a stopped master here (they are
// init's children), so it SIGKILLs whatever is left of its process group.
func reapGroup(master *exec.Cmd, _ time.Duration) error {
	killGroup(master)
	return nil
}
