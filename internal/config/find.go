package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// EnvConfig is the environment variable that names the config file.
const EnvConfig = "GRATITUDE_CONFIG"

// Find returns the path of the configuration file: flagPath (the --config
// flag) if set, else $GRATITUDE_CONFIG if set, else ./gratitude.yaml, else
// DefaultPath. A path given by flag or variable must exist; otherwise the
// error names every place tried and suggests `gratitude init`.
func Find(flagPath string) (string, error) {
	if flagPath != "" {
		return explicit(flagPath, "--config "+flagPath)
	}
	if p := os.Getenv(EnvConfig); p != "" {
		return explicit(p, "$"+EnvConfig+"="+p)
	}
	tried := []string{"./gratitude.yaml"}
	if isFile("gratitude.yaml") {
		return "gratitude.yaml", nil
	}
	def, err := DefaultPath()
	if err == nil {
		if isFile(def) {
			return def, nil
		}
		tried = append(tried, def)
	} else {
		tried = append(tried, "$XDG_CONFIG_HOME/gratitude/config.yaml (no home directory known)")
	}
	return "", fmt.Errorf("no config file found; looked for --config, $%s, %s; create one with `gratitude init`, or pass --config FILE",
		EnvConfig, strings.Join(tried, ", "))
}

// DefaultPath is where `gratitude init` writes the config by default:
// $XDG_CONFIG_HOME/gratitude/config.yaml, or ~/.config/gratitude/config.yaml.
func DefaultPath() (string, error) {
	if d := os.Getenv("XDG_CONFIG_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "gratitude", "config.yaml"), nil
	}
	home, err := os.UserHomeDir()
	if err != nil || home == "" {
		return "", errors.New("cannot find the default config location: neither $XDG_CONFIG_HOME nor $HOME is set")
	}
	return filepath.Join(home, ".config", "gratitude", "config.yaml"), nil
}

func explicit(path, source string) (string, error) {
	info, err := os.Stat(path)
	switch {
	case err != nil && errors.Is(err, os.ErrNotExist):
		return "", fmt.Errorf("config file from %s does not exist; create it with `gratitude --config %s init`", source, path)
	case err != nil:
		return "", fmt.Errorf("config file from %s: %w", source, err)
	case info.IsDir():
		return "", fmt.Errorf("config file from %s is a directory, not a file", source)
	}
	return path, nil
}

func isFile(path string) bool {
	info, err := os.Stat(path)
	return err == nil && !info.IsDir()
}
