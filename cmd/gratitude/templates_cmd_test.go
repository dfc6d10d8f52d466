package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// templates check lists every template with its variables and variants,
// the thank-you in each language, and fails naming a broken override.
func TestTemplatesCheckListsVariablesAndVariants(t *testing.T) {
	w := newLoopWorld(t)
	r := w.cli("templates", "check")
	if r.code != 0 {
		t.Fatalf("templates check: exit %d\n%s", r.code, r.stderr)
	}
	for _, want := range []string{"thanks (thanks.txt, thanks.html), 5 variants (variant-1 … variant-5)",
		"thanks.de (thanks.de.txt, thanks.de.html), 5 variants", ".Outcome string", ".Fact string", ".Language string",
		"functions: ", "sentence", "thank-you languages: en, de"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("templates check does not say %q:\n%s", want, r.stdout)
		}
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "thanks.de.txt"), []byte(`{{define "variant-1"}}Hallo {{.Nobody}}{{end}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, _ := os.ReadFile(w.config)
	bad := filepath.Join(t.TempDir(), "g.yaml")
	if err := os.WriteFile(bad, append(cfg, []byte("templates_dir: "+dir+"\n")...), 0o600); err != nil {
		t.Fatal(err)
	}
	r = runBin(t, w.env, "--config", bad, "templates", "check")
	if r.code == 0 || !strings.Contains(r.stderr, "thanks.de.txt") || !strings.Contains(r.stderr, "Nobody") {
		t.Errorf("a broken German override: exit %d\n%s", r.code, r.stderr)
	}
}
