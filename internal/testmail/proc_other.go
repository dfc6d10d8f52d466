//go:build unix && !linux

package testmail

import "syscall"

// sysProcAttr puts Dovecot in its own process group.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
