//go:build linux

package testmail

import (
	"errors"
	"fmt"
	"os/exec"
	"sync"
	"syscall"
	"time"
)

// prSetChildSubreaper is PR_SET_CHILD_SUBREAPER from <linux/prctl.h>.
const prSetChildSubreaper = 36

var subreaper = sync.OnceValue(func() error {
	if _, _, errno := syscall.RawSyscall(syscall.SYS_PRCTL, prSetChildSubreaper, 1, 0); errno != 0 {
		return fmt.Errorf("testmail: prctl(PR_SET_CHILD_SUBREAPER): %w", errno)
	}
	return nil
})

// becomeSubreaper makes daemons orphaned by a stopped Postfix master our
// children rather than init's, so reapGroup can see and reap them: the init
// of many containers never reaps, leaving zombies behind.
func becomeSubreaper() error { return subreaper() }

// postfixProcAttr has the kernel SIGTERM the master if the test binary dies
// without running cleanups; the master passes that on to its daemons. No
// Setpgid: the master calls setsid itself and must not already lead a group.
func postfixProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
}

// reapGroup waits until no process of the stopped master's process group
// is left, reaping each one; stragglers get SIGKILL after stopGrace.
func reapGroup(master *exec.Cmd, timeout time.Duration) error {
	pgid := master.Process.Pid // the master leads its own process group
	start := time.Now()
	killed := false
	var b backoff
	for {
		var ws syscall.WaitStatus
		pid, err := syscall.Wait4(-pgid, &ws, syscall.WNOHANG, nil)
		switch {
		case errors.Is(err, syscall.ECHILD):
			return nil // as subreaper, every member would be our child
		case errors.Is(err, syscall.EINTR), err == nil && pid > 0:
			continue
		case err != nil:
			return fmt.Errorf("testmail: reap postfix processes (group %d): %w", pgid, err)
		}
		if !killed && time.Since(start) > stopGrace {
			syscall.Kill(-pgid, syscall.SIGKILL)
			killed = true
		}
		if time.Since(start) > timeout {
			return fmt.Errorf("testmail: postfix processes (group %d) still running %v after stop; kill -9 -- -%d", pgid, timeout, pgid)
		}
		b.wait()
	}
}
