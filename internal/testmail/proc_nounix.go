//go:build !unix

package testmail

import (
	"os/exec"
	"syscall"
)

func sysProcAttr() *syscall.SysProcAttr { return nil }

func killGroup(cmd *exec.Cmd) {
	if cmd.Process != nil {
		cmd.Process.Kill()
	}
}

func terminate(cmd *exec.Cmd) error { return cmd.Process.Kill() }
