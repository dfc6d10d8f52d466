package config

import (
	"bytes"
	_ "embed"
)

// example is the starter config; config.example.yaml at the repository root
// must be byte-identical (a test enforces it).
//
//go:embed example.yaml
var example []byte

// Starter returns the commented starter configuration `gratitude init` writes.
func Starter() []byte { return bytes.Clone(example) }
