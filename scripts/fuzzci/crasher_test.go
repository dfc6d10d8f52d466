package fuzzci

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// boomModule is a module whose one fuzz target fails on any input of three
// bytes or more, which the fuzzer reaches within its first mutations.
var boomModule = map[string]string{
	"go.mod": "module boom\n\ngo 1.26\n",
	"boom_test.go": `package boom

import "testing"

func FuzzBoom(f *testing.F) {
	f.Add([]byte("ab"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if len(b) >= 3 {
			t.Fatalf("input of %d bytes", len(b))
		}
	})
}
`,
}

func TestRunnerNamesTheCrasherItSaved(t *testing.T) {
	if os.Getenv(fuzzTimeEnv) == "" {
		t.Skipf("%s is not set: the runner is not exercised", fuzzTimeEnv)
	}
	dir := t.TempDir()
	for name, text := range boomModule {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l, err := listTargets(dir)
	if err != nil || len(l.targets) != 1 || l.targets[0].Name != "FuzzBoom" {
		t.Fatalf("listed %+v, %v; want FuzzBoom", l.targets, err)
	}
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	r := fuzzOnce(ctx, dir, l.targets[0], "30s")
	if r.result != found || r.crasher == "" || !strings.Contains(r.output, "input of") {
		t.Fatalf("run = %+v, want a finding with its crasher", r)
	}
	if _, err := os.Stat(r.crasher); err != nil || !strings.HasPrefix(r.crasher, filepath.Join(dir, "testdata", "fuzz", "FuzzBoom")) {
		t.Fatalf("crasher %q: %v", r.crasher, err)
	}
	t.Logf("found in %v, saved as %s", r.took, r.crasher)
}
