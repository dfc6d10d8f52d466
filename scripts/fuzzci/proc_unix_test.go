//go:build unix

package fuzzci

import (
	"os/exec"
	"syscall"
)

// ownGroup makes cmd lead a process group and, when its context ends, kills
// the whole group: the go command, the test binary and its fuzz workers.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
