// Package fuzzci runs every fuzz target of the module for a fixed time, as
// part of `go test ./...`: CI sets GRATITUDE_FUZZ_TIME (a -fuzztime value,
// e.g. "20s") in .ci/run, and the test finds the targets with
// `go test -list` and fuzzes them one after another, failing with the
// fuzzer's output and the crasher file it wrote. Without the variable the
// test skips, so a local `go test ./...` stays fast.
//
// To fuzz locally: GRATITUDE_FUZZ_TIME=10s go test ./scripts/fuzzci/
package fuzzci
