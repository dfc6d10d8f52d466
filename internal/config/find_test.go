package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindOrder(t *testing.T) {
	dir := t.TempDir()
	write := func(p string) string {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(minimal), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	flagFile := write(filepath.Join(dir, "flag.yaml"))
	envFile := write(filepath.Join(dir, "env.yaml"))
	xdgFile := write(filepath.Join(dir, "xdg", "gratitude", "config.yaml"))
	work := filepath.Join(dir, "work")
	write(filepath.Join(work, "gratitude.yaml"))
	empty := t.TempDir()

	tests := []struct {
		name, flag, envVar, cwd string
		want                    string
	}{
		{"flag wins", flagFile, envFile, work, flagFile},
		{"then $GRATITUDE_CONFIG", "", envFile, work, envFile},
		{"then ./gratitude.yaml", "", "", work, "gratitude.yaml"},
		{"then $XDG_CONFIG_HOME", "", "", empty, xdgFile},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(EnvConfig, tt.envVar)
			t.Setenv("XDG_CONFIG_HOME", filepath.Join(dir, "xdg"))
			t.Chdir(tt.cwd)
			got, err := Find(tt.flag)
			if err != nil || got != tt.want {
				t.Errorf("Find(%q) = %q, %v; want %q", tt.flag, got, err, tt.want)
			}
		})
	}
}

func TestFindDefaultsToDotConfig(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv(EnvConfig, "")
	t.Chdir(t.TempDir())
	want := filepath.Join(home, ".config", "gratitude", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(want), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(want, []byte(minimal), 0o600); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(""); err != nil || got != want {
		t.Errorf("Find = %q, %v; want %q", got, err, want)
	}
}

func TestFindNothingNamesEveryPlaceAndSuggestsInit(t *testing.T) {
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv(EnvConfig, "")
	t.Chdir(t.TempDir())
	_, err := Find("")
	if err == nil {
		t.Fatal("Find found something in an empty world")
	}
	for _, part := range []string{"--config", "$GRATITUDE_CONFIG", "./gratitude.yaml", filepath.Join(home, ".config/gratitude/config.yaml"), "gratitude init"} {
		if !strings.Contains(err.Error(), part) {
			t.Errorf("error %q does not mention %q", err, part)
		}
	}
}

func TestFindExplicitPathMustExist(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "missing.yaml")
	if _, err := Find(missing); err == nil || !strings.Contains(err.Error(), "--config "+missing) || !strings.Contains(err.Error(), "init") {
		t.Errorf("flag: err = %v", err)
	}
	t.Setenv(EnvConfig, missing)
	if _, err := Find(""); err == nil || !strings.Contains(err.Error(), "$GRATITUDE_CONFIG") {
		t.Errorf("env: err = %v", err)
	}
	if _, err := Find(t.TempDir()); err == nil || !strings.Contains(err.Error(), "directory") {
		t.Errorf("dir: err = %v", err)
	}
}
