package config

import (
	"errors"
	"strings"
	"testing"
)

// minimal is the smallest valid configuration.
const minimal = `
owner:
  email: ada@example.org
imap:
  host: imap.example.org
  password: hunter2
smtp:
  host: smtp.example.org
`

// env returns a lookup function over a fixed environment.
func env(kv ...string) func(string) (string, bool) {
	m := map[string]string{"HOME": "/home/ada"}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) (string, bool) {
		v, ok := m[k]
		return v, ok
	}
}

func mustParse(t *testing.T, yaml string, lookup func(string) (string, bool)) *Config {
	t.Helper()
	cfg, err := Parse([]byte(yaml), lookup)
	if err != nil {
		t.Fatalf("Parse: unexpected error:\n%v", err)
	}
	return cfg
}

// parseErrors parses yaml and returns its problems, failing if there are none.
func parseErrors(t *testing.T, yaml string, lookup func(string) (string, bool)) Errors {
	t.Helper()
	_, err := Parse([]byte(yaml), lookup)
	if err == nil {
		t.Fatalf("Parse: expected errors, got none")
	}
	var errs *Errors
	if !errors.As(err, &errs) {
		t.Fatalf("Parse: error is %T, want *Errors: %v", err, err)
	}
	return *errs
}

// wantProblem fails unless errs has a problem for key containing every part.
func wantProblem(t *testing.T, errs Errors, key string, parts ...string) {
	t.Helper()
	for _, e := range errs {
		if e.Key != key {
			continue
		}
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(e.Problem, p)
		}
		if ok {
			return
		}
	}
	t.Errorf("no problem for %s containing %q; got:\n%v", key, parts, errs)
}
