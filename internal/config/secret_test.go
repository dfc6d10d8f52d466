package config

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

func TestPasswordCommand(t *testing.T) {
	tests := []struct {
		name, command string
		want          string
		wantErr       []string
	}{
		{"first line only, CRLF trimmed", `printf 's3cret pass\r\nsecond line\n'`, "s3cret pass", nil},
		{"no trailing newline", `printf 'tok'`, "tok", nil},
		{"failure names key and exit status", `echo oops >&2; echo leaked; exit 3`, "", []string{"imap.password_command", "exit status 3", "oops"}},
		{"empty output", `true`, "", []string{"imap.password_command", "printed nothing"}},
		{"empty first line", `printf '\nsecond\n'`, "", []string{"printed nothing"}},
		{"command not found", `definitely-not-a-command-gratitude`, "", []string{"imap.password_command", "exit status 127"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := mustParse(t, `
owner: {email: ada@example.org}
imap: {host: h, password_command: "`+strings.ReplaceAll(strings.ReplaceAll(tt.command, `\`, `\\`), `"`, `\"`)+`"}
smtp: {host: s}
`, env())
			got, err := cfg.IMAP.Password(t.Context())
			if tt.wantErr == nil {
				if err != nil || got != tt.want {
					t.Fatalf("Password = %q, %v; want %q", got, err, tt.want)
				}
				return
			}
			if err == nil {
				t.Fatalf("Password = %q, want an error", got)
			}
			for _, part := range tt.wantErr {
				if !strings.Contains(err.Error(), part) {
					t.Errorf("error %q does not contain %q", err, part)
				}
			}
			if strings.Contains(err.Error(), "leaked") {
				t.Errorf("error %q shows the command's stdout", err)
			}
		})
	}
}

func TestPasswordCommandTimesOut(t *testing.T) {
	old := passwordCommandTimeout
	passwordCommandTimeout = 200 * time.Millisecond
	defer func() { passwordCommandTimeout = old }()
	start := time.Now()
	_, err := CommandSecret("smtp.password_command", "sleep 10").Value(context.Background())
	if err == nil || !strings.Contains(err.Error(), "smtp.password_command: command did not finish within") {
		t.Errorf("err = %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Errorf("took %v", time.Since(start))
	}
}

func TestSMTPWithoutUsernameHasNoPassword(t *testing.T) {
	cfg := mustParse(t, minimal, env())
	pw, err := cfg.SMTP.Password(t.Context())
	if pw != "" || err != nil {
		t.Errorf("Password = %q, %v", pw, err)
	}
	if _, err := (Secret{}).Value(t.Context()); err == nil {
		t.Error("empty Secret revealed a value")
	}
}

func TestPasswordNeverPrintedOrLogged(t *testing.T) {
	const pw = "hunter2-very-secret"
	cfg := mustParse(t, `
owner: {email: ada@example.org}
imap: {host: imap.example.org, password: "${PW}"}
smtp: {host: smtp.example.org, username: ada, password: `+pw+`}
`, env("PW", pw))
	if got, _ := cfg.IMAP.Password(t.Context()); got != pw {
		t.Fatalf("IMAP password = %q", got)
	}
	var logged bytes.Buffer
	logger := slog.New(slog.NewJSONHandler(&logged, nil))
	logger.Info("loaded", "config", cfg, "imap", cfg.IMAP, "smtp", &cfg.SMTP, "secret", cfg.IMAP.Secret)
	slog.New(slog.NewTextHandler(&logged, nil)).Info("loaded", "config", *cfg)
	jsonOut, _ := json.Marshal(cfg)
	yamlOut, _ := yaml.Marshal(cfg)
	outputs := map[string]string{
		"%v":        fmt.Sprintf("%v", cfg),
		"%+v":       fmt.Sprintf("%+v", cfg),
		"%#v":       fmt.Sprintf("%#v", cfg),
		"%+v value": fmt.Sprintf("%+v", *cfg),
		//lint:ignore S1025 the %s verb itself is under test
		"%s imap":   fmt.Sprintf("%s", cfg.IMAP),
		"%+v smtp":  fmt.Sprintf("%+v", &cfg.SMTP),
		"%x secret": fmt.Sprintf("%x %q %d", cfg.SMTP.Secret, cfg.SMTP.Secret, cfg.SMTP.Secret),
		"slog":      logged.String(),
		"json":      string(jsonOut),
		"yaml":      string(yamlOut),
	}
	for name, out := range outputs {
		if strings.Contains(out, pw) || strings.Contains(out, fmt.Sprintf("%x", pw)) {
			t.Errorf("%s shows the password: %s", name, out)
		}
	}
	if !strings.Contains(outputs["%+v"], "[redacted]") || !strings.Contains(outputs["%+v"], "imap.example.org") {
		t.Errorf("%%+v should show settings and [redacted]: %s", outputs["%+v"])
	}
	if !strings.Contains(logged.String(), `"password":"password"`) {
		t.Errorf("slog should say where the password comes from: %s", logged.String())
	}
}
