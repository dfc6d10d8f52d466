package config

import (
	"bytes"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"
)

func TestStarterMatchesRepositoryExample(t *testing.T) {
	root, err := os.ReadFile("../../config.example.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(root, Starter()) {
		t.Fatal("config.example.yaml differs from internal/config/example.yaml; copy one over the other (cp internal/config/example.yaml config.example.yaml)")
	}
	Starter()[0] = 'X'
	if Starter()[0] == 'X' {
		t.Error("Starter returns the embedded bytes, not a copy")
	}
}

func TestStarterLoadsWithItsEnvVarsSet(t *testing.T) {
	cfg := mustParse(t, string(Starter()), env("GRATITUDE_IMAP_PASSWORD", "x", "GRATITUDE_SMTP_PASSWORD", "y"))
	if len(cfg.Warnings) != 0 {
		t.Errorf("the starter config has warnings: %q", cfg.Warnings)
	}
	if cfg.Owner.Email != "ada@example.org" || cfg.IMAP.Host != "imap.example.org" {
		t.Errorf("unexpected starter values: %+v", cfg)
	}
	unset := mustParse(t, string(Starter()), env())
	var errs Errors
	if !errors.As(unset.NeedSecrets(), &errs) {
		t.Fatal("the starter config with its variables unset needs no secrets")
	}
	wantProblem(t, errs, "imap.password", "GRATITUDE_IMAP_PASSWORD")
}

// TestStarterDocumentsEveryKey checks each key the loader knows is in the
// example, either set or as a commented-out line inside its section, under a
// comment that gives its default (or says it is required) and an example.
func TestStarterDocumentsEveryKey(t *testing.T) {
	_, r, err := parse(Starter(), env("GRATITUDE_IMAP_PASSWORD", "x", "GRATITUDE_SMTP_PASSWORD", "y"), "")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(Starter()), "\n")
	for _, key := range knownKeys() {
		top, _, nested := strings.Cut(key, ".")
		leaf := key[strings.LastIndex(key, ".")+1:]
		// "# " comments a key out; more spaces indent a nested one (# tls:, #   pin:).
		pattern := regexp.MustCompile(`^\s*(#\s+)?` + regexp.QuoteMeta(leaf) + `:`)
		start, end := 0, len(lines)
		if nested {
			if start, end = sectionLines(lines, top); start < 0 {
				t.Errorf("%s: section %s is not in the example", key, top)
				continue
			}
		}
		keyLine := -1
		for i := start; i < end; i++ {
			if pattern.MatchString(lines[i]) {
				keyLine = i
				break
			}
		}
		if keyLine < 0 {
			t.Errorf("%s: not in the example, neither set nor commented out", key)
			continue
		}
		if commented := strings.Contains(lines[keyLine], "#"); commented == r.set[key] {
			t.Errorf("%s: line %d %q: commented out = %v, but loader saw it set = %v", key, keyLine+1, lines[keyLine], commented, r.set[key])
		}
		var comment []string
		for i := keyLine - 1; i >= 0 && strings.HasPrefix(strings.TrimSpace(lines[i]), "#") && !pattern.MatchString(lines[i]); i-- {
			comment = append(comment, lines[i])
		}
		c := strings.Join(comment, "\n")
		if !(strings.Contains(c, "Default") || strings.Contains(c, "Required")) || !strings.Contains(c, "Example") {
			t.Errorf("%s: the comment above it must give the Default (or say Required) and an Example:\n%s", key, c)
		}
	}
}

// sectionLines returns the line of top-level key top and the line after its
// section ends (the next line starting at column 0 that is not blank).
func sectionLines(lines []string, top string) (int, int) {
	start := -1
	for i, l := range lines {
		if start < 0 {
			if strings.HasPrefix(l, top+":") {
				start = i
			}
			continue
		}
		if l != "" && l[0] != ' ' {
			return start, i
		}
	}
	return start, len(lines)
}

// TestProviderExamplesAreValid uncomments each provider block at the end of
// the example and checks it loads.
func TestProviderExamplesAreValid(t *testing.T) {
	text := string(Starter())
	blocks := regexp.MustCompile(`(?m)^# imap:\n(?:#   .*\n|# smtp:\n)+`).FindAllString(text, -1)
	if len(blocks) != 4 {
		t.Fatalf("found %d provider blocks, want 4 (Gmail, Fastmail, self-hosted, local)", len(blocks))
	}
	for _, want := range []string{"imap.gmail.com", "smtp.gmail.com", "[Gmail]/Sent Mail", "imap.fastmail.com", "smtp.fastmail.com", "Dovecot"} {
		if !strings.Contains(text, want) {
			t.Errorf("example does not mention %s", want)
		}
	}
	for _, b := range blocks {
		yaml := regexp.MustCompile(`(?m)^# ?`).ReplaceAllString(b, "")
		yaml = regexp.MustCompile(`(?m)^\s*ca_file:.*\n`).ReplaceAllString(yaml, "")
		_, err := Parse([]byte("owner: {email: ada@example.org}\n"+yaml), env("GRATITUDE_IMAP_PASSWORD", "x"))
		if err != nil {
			t.Errorf("provider block does not load: %v\n%s", err, yaml)
		}
	}
}
