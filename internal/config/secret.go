package config

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os/exec"
	"strings"
	"time"
)

// redacted is what a Secret prints as, whatever the verb or encoder.
const redacted = "[redacted]"

// passwordCommandTimeout bounds a password_command run (a variable so tests
// can shorten it).
var passwordCommandTimeout = 30 * time.Second

// Secret is a password that is only revealed by Value: it comes inline from
// the file (possibly from ${ENV}) or from a command's output. It never
// appears in fmt output, slog records, JSON, YAML or text encodings.
type Secret struct {
	key     string        // config key that set it, for error messages
	command string        // shell command printing the secret, or ""
	inline  func() string // inline value, in a closure so reflection cannot show it
	unset   error         // the ${ENV} it comes from was not set when the config was loaded
}

// InlineSecret returns a Secret holding value, set by config key key.
func InlineSecret(key, value string) Secret {
	return Secret{key: key, inline: func() string { return value }}
}

// CommandSecret returns a Secret read from the first line of command's
// output (run with sh -c), set by config key key.
func CommandSecret(key, command string) Secret {
	return Secret{key: key, command: command}
}

// IsSet reports whether the Secret has a source at all.
func (s Secret) IsSet() bool { return s.command != "" || s.inline != nil || s.unset != nil }

// Source describes where the secret comes from without revealing it:
// "password_command", "password" or "none".
func (s Secret) Source() string {
	switch {
	case s.command != "":
		return "password_command"
	case s.inline != nil, s.unset != nil:
		return "password"
	}
	return "none"
}

// Key is the configuration key the secret was set by, e.g. "imap.password".
func (s Secret) Key() string { return s.key }

// Value reveals the secret, running the password command if there is one
// (every call runs it again, so rotating tokens work). Errors name the key,
// never the secret.
func (s Secret) Value(ctx context.Context) (string, error) {
	switch {
	case s.command != "":
		return runPasswordCommand(ctx, s.key, s.command)
	case s.inline != nil:
		return s.inline(), nil
	case s.unset != nil:
		return "", fmt.Errorf("%s: %w", s.key, s.unset)
	}
	if s.key == "" {
		return "", errors.New("no password configured")
	}
	return "", fmt.Errorf("%s: no password configured", s.key)
}

// runPasswordCommand runs command with sh -c and returns the first line of
// its standard output without the trailing CR/LF.
func runPasswordCommand(ctx context.Context, key, command string) (string, error) {
	parent := ctx
	ctx, cancel := context.WithTimeout(parent, passwordCommandTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, "sh", "-c", command)
	var stdout, stderr bytes.Buffer
	cmd.Stdout = &stdout
	cmd.Stderr = &stderr
	killGroupOnCancel(cmd)
	cmd.WaitDelay = 2 * time.Second // do not hang on children holding stdout open
	err := cmd.Run()
	if err := parent.Err(); err != nil {
		return "", fmt.Errorf("%s: command stopped: %w", key, err)
	}
	if ctx.Err() != nil {
		return "", fmt.Errorf("%s: command did not finish within %s", key, passwordCommandTimeout)
	}
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			msg := fmt.Sprintf("%s: command failed with exit status %d", key, exit.ExitCode())
			if line := firstLine(stderr.String()); line != "" {
				msg += ": " + truncate(line, 200)
			}
			return "", errors.New(msg)
		}
		return "", fmt.Errorf("%s: cannot run command: %w", key, err)
	}
	secret := firstLine(stdout.String())
	if secret == "" {
		return "", fmt.Errorf("%s: command printed nothing; it must print the password on the first line of its output", key)
	}
	return secret, nil
}

// firstLine returns s up to its first newline, without a trailing CR.
func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimRight(line, "\r")
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// String never reveals the secret.
func (s Secret) String() string {
	if !s.IsSet() {
		return ""
	}
	return redacted
}

// GoString never reveals the secret.
func (s Secret) GoString() string { return s.String() }

// Format never reveals the secret, whatever the verb.
func (s Secret) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte(s.String())) }

// LogValue never reveals the secret.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalText never reveals the secret (covers JSON and YAML encoders).
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
