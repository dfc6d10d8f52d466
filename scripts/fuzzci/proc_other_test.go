//go:build !unix

package fuzzci

import "os/exec"

// ownGroup leaves cmd as it is: without process groups, cancelling kills
// the go command only.
func ownGroup(*exec.Cmd) {}
