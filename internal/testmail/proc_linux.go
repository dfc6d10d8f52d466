//go:build linux

package testmail

import "syscall"

// sysProcAttr puts Dovecot in its own process group and has the kernel
// SIGTERM it if the test binary dies without running cleanups (panic,
// -timeout), so crashed runs do not leak listening Dovecot masters.
func sysProcAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGTERM}
}
