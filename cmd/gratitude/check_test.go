package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"gratitude/internal/testmail"
)

func smtpConfig(t *testing.T, srv *testmail.SMTP, user string) string {
	host, port := splitHostPort(t, srv.Addr())
	auth := ""
	if user != "" {
		auth = fmt.Sprintf("  username: %s\n  password: ${GRATITUDE_TEST_SMTP_PASSWORD}\n", user)
	}
	return fmt.Sprintf("smtp:\n  host: %s\n  port: %s\n  security: insecure\n%s", host, port, auth)
}

// withSMTP replaces the default smtp block of a mailbox config.
func (m *mailbox) withSMTP(t *testing.T, block string) {
	t.Helper()
	cfg := readFile(t, m.config)
	start := strings.Index(cfg, "smtp:\n")
	end := strings.Index(cfg, "http:\n")
	writeFile(t, m.config, cfg[:start]+block+cfg[end:])
}

// deliverTo is an SMTPOptions.Deliver handing each message to Dovecot
// over LMTP, all recipients in one transaction, as Postfix does.
func deliverTo(dc *testmail.Dovecot) func(from string, to []string, data []byte) error {
	return func(from string, to []string, data []byte) error { return dc.DeliverLMTP(from, to, data) }
}

func TestCheckPassesEveryItemAgainstRealServers(t *testing.T) {
	m := newMailbox(t, "")
	smtpSrv := testmail.NewSMTP(t, testmail.SMTPOptions{Username: testOwner, Password: "smtp-pass", Deliver: deliverTo(m.dc)})
	m.withSMTP(t, smtpConfig(t, smtpSrv, testOwner))
	m.env = append(m.env, "GRATITUDE_TEST_SMTP_PASSWORD=smtp-pass")
	r := m.run(t, "check")
	if r.code != 0 {
		t.Fatalf("check: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	for _, item := range []string{"config", "templates", "imap reach", "imap tls", "imap login", "folders", "capabilities", "smtp"} {
		if !strings.Contains(r.stdout, "ok    "+item) {
			t.Errorf("no ok line for %q:\n%s", item, r.stdout)
		}
	}
	// Delivered over LMTP with the owner's address, nothing names the
	// capture address: a warning, not a failure.
	wantLine(t, r.stdout, "warn", "capture", "nothing on it names ada+thanks@example.org", `test message removed from "INBOX"`)
	for _, c := range []string{"IDLE", "UIDPLUS", "SPECIAL-USE", "ESEARCH"} {
		if !strings.Contains(r.stdout, c) {
			t.Errorf("capability %s not reported:\n%s", c, r.stdout)
		}
	}
	if strings.Contains(r.stdout+r.stderr, testPass) || strings.Contains(r.stdout+r.stderr, "smtp-pass") {
		t.Error("check printed a password")
	}
	t.Logf("check output:\n%s", r.stdout)
}

func TestCheckFailsAtLoginWithAWrongPasswordAndAtSMTPWhenUnreachable(t *testing.T) {
	m := newMailbox(t, "")
	m.withSMTP(t, fmt.Sprintf("smtp:\n  host: 127.0.0.1\n  port: %d\n  security: insecure\n", closedPort(t)))
	m.env = []string{"GRATITUDE_TEST_IMAP_PASSWORD=wrong-password"}
	r := m.run(t, "check")
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "ok    imap reach") || !strings.Contains(r.stdout, "FAIL  imap login") {
		t.Errorf("want reach ok and login FAIL:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "FAIL  smtp") {
		t.Errorf("want an smtp FAIL line (nothing listens on the configured port):\n%s", r.stdout)
	}
	if strings.Contains(r.stdout+r.stderr, "wrong-password") {
		t.Error("check printed the password")
	}
	t.Logf("check output:\n%s", r.stdout)
}

func TestCheckFailsOnABrokenTemplateOverride(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "nudge.txt"), "{{define \"subject\"}}Hi{{end}}{{.NoSuchField}}\n")
	m := newMailbox(t, "templates_dir: "+dir+"\n")
	r := m.run(t, "check")
	if r.code == 0 || !strings.Contains(r.stdout, "FAIL  templates") || !strings.Contains(r.stdout, "nudge.txt") {
		t.Fatalf("check with a broken override: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if r := m.run(t, "run", "--once"); r.code != 2 || !strings.Contains(r.stderr, "nudge.txt") {
		t.Errorf("run with a broken override: exit %d, want 2 naming the file\n%s", r.code, r.stderr)
	}
}

func TestCheckPrintsWhyTheConfigFailsOnItsFailLine(t *testing.T) {
	dir := t.TempDir()
	path := writeFile(t, filepath.Join(dir, "g.yaml"), "owner: {email: ada@example.org}\ndatabase: "+filepath.Join(dir, "g.db")+
		"\nimap: {host: imap.example.org, port: 99999, password: x}\nsmtp: {host: smtp.example.org, port: 0}\n")
	r := runBin(t, nil, "--config", path, "check")
	if r.code != 2 {
		t.Errorf("exit %d, want 2 (a config error)", r.code)
	}
	for _, want := range []string{"FAIL  config        imap.port: must be between 1 and 65535, got 99999",
		"\n                    smtp.port: must be between 1 and 65535, got 0"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("stdout lacks %q: the reason belongs with the FAIL\nstdout:\n%s\nstderr:\n%s", want, r.stdout, r.stderr)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if line = strings.TrimPrefix(line, "gratitude: "); line != "" && !strings.Contains(r.stdout, line) {
			t.Errorf("stderr says what stdout does not: %q\nstdout:\n%s", line, r.stdout)
		}
	}
}
