package config

import (
	"crypto/x509"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// caFile resolves and checks an optional PEM file of trusted certificates.
func (r *raw) caFile(key, file, home, baseDir string) string {
	if file == "" || !r.ok(key) {
		return file
	}
	file = r.path(key, file, home, baseDir)
	pem, err := os.ReadFile(file)
	if err != nil {
		r.fail(key, fmt.Sprintf("cannot read %s: %v; point it at your server's PEM certificate, or remove the key to use the system's trusted roots", file, unwrapPathError(err)))
		return file
	}
	if !x509.NewCertPool().AppendCertsFromPEM(pem) {
		r.fail(key, fmt.Sprintf("%s contains no PEM certificate (-----BEGIN CERTIFICATE-----)", file))
	}
	return file
}

// path expands ~ and makes relative paths relative to baseDir (if any).
func (r *raw) path(key, p, home, baseDir string) string {
	if p == "~" || strings.HasPrefix(p, "~/") {
		if home == "" {
			r.fail(key, fmt.Sprintf("cannot expand ~ in %q: no home directory is known; write the full path", p))
			return p
		}
		p = filepath.Join(home, p[1:])
	} else if strings.HasPrefix(p, "~") {
		r.fail(key, fmt.Sprintf("~user paths are not supported, got %q; write the full path", p))
		return p
	}
	if !filepath.IsAbs(p) && baseDir != "" {
		p = filepath.Join(baseDir, p)
	}
	return p
}

func defaultDatabase(lookupEnv func(string) (string, bool), home string) string {
	if d, ok := lookupEnv("XDG_DATA_HOME"); ok && filepath.IsAbs(d) {
		return filepath.Join(d, "gratitude", "gratitude.db")
	}
	if home == "" {
		return ""
	}
	return filepath.Join(home, ".local", "share", "gratitude", "gratitude.db")
}

func homeDir(lookupEnv func(string) (string, bool)) string {
	if h, ok := lookupEnv("HOME"); ok && h != "" {
		return h
	}
	h, _ := os.UserHomeDir()
	return h
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
