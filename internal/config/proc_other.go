//go:build !unix

package config

import "os/exec"

// killGroupOnCancel is a no-op where process groups are not available.
func killGroupOnCancel(*exec.Cmd) {}
