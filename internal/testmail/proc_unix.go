//go:build unix

package testmail

import (
	"os/exec"
	"syscall"
)

// killGroup SIGKILLs the process group led by cmd (Dovecot's master and the
// children it forked), used only when a graceful stop timed out.
func killGroup(cmd *exec.Cmd) {
	if cmd.Process == nil {
		return
	}
	if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil {
		cmd.Process.Kill()
	}
}

// terminate asks the master and all its children to shut down gracefully.
// Signalling the whole group matters: children of a master that exited on
// its own linger for ~10s, keeping client connections open.
func terminate(cmd *exec.Cmd) error {
	if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM); err != nil {
		return cmd.Process.Signal(syscall.SIGTERM)
	}
	return nil
}
