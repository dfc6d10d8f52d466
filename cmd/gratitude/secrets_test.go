package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"gratitude/internal/testmail"
)

// TestPasswordsNeverShowInAnyOutput runs the whole loop with debug logs,
// against an SMTP server that wants a login, including failures (a wrong
// SMTP password first), and greps everything gratitude printed.
func TestPasswordsNeverShowInAnyOutput(t *testing.T) {
	const imapPass, smtpPass = "imap-Secret-7f3q9", "smtp-Secret-k7p2x"
	w := newLoopWorld(t)
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Username: testOwner, Password: smtpPass})
	if err := w.imap.AddUser("helper@example.net", imapPass); err != nil {
		t.Fatal(err)
	}
	w.smtp = srv
	sh, sp := splitHostPort(t, srv.Addr())
	cfg := readFile(t, w.config)
	cfg = replaceSMTPAddr(cfg, sh, sp)
	cfg = strings.Replace(cfg, "smtp: {", fmt.Sprintf("smtp: {username: %s, password: \"${GRATITUDE_TEST_SMTP_PASSWORD}\", ", testOwner), 1)
	writeFile(t, w.config, cfg)
	var all strings.Builder
	record := func(r result) {
		all.WriteString(r.stdout)
		all.WriteString(r.stderr)
	}
	// The IMAP login uses the world's password; a wrong one first, to log failures.
	w.env = []string{"GRATITUDE_TEST_IMAP_PASSWORD=" + imapPass, "GRATITUDE_TEST_SMTP_PASSWORD=wrong-" + smtpPass}
	record(w.cli("--log-level", "debug", "check"))
	record(w.cli("--log-level", "debug", "--now", w.at(time.Hour), "run", "--once"))
	w.env = []string{"GRATITUDE_TEST_IMAP_PASSWORD=" + testPass, "GRATITUDE_TEST_SMTP_PASSWORD=wrong-" + smtpPass}
	answered(w)
	card := resolvedWithCard(t, w)
	w.ownerSends(command(w, "cmd-approve@example.org", card.header.Get("Reply-To"), "Re: card", card.header.Get("Message-Id"), "approve", 6*time.Hour), true)
	record(w.cli("--log-level", "debug", "--now", w.at(6*time.Hour+time.Minute), "run", "--once")) // the send fails: wrong password
	w.env = []string{"GRATITUDE_TEST_IMAP_PASSWORD=" + testPass, "GRATITUDE_TEST_SMTP_PASSWORD=" + smtpPass}
	for _, args := range [][]string{
		{"--now", w.at(7 * time.Hour), "run", "--once"},
		{"status"}, {"status", "--json"}, {"list", "--json"}, {"show", "1", "--json"}, {"drafts", "--json"},
		{"people", "--json"}, {"digest"}, {"check", "--no-send"}, // the world delivers no test message
	} {
		record(w.cli(append([]string{"--log-level", "debug"}, args...)...))
	}
	if n := len(srv.Messages()); n != 1 {
		t.Errorf("the thank-you was not sent once the password was right (%d messages)\n%s", n, all.String())
	}
	out := all.String()
	for _, secret := range []string{imapPass, smtpPass, testPass} {
		if strings.Contains(out, secret) {
			i := strings.Index(out, secret)
			t.Errorf("a password appears in the output: …%s…", out[max(0, i-120):min(len(out), i+40)])
		}
	}
	if !strings.Contains(out, "535") && !strings.Contains(out, "auth") {
		t.Errorf("the run with the wrong SMTP password left no trace; the test did not exercise failures:\n%s", out)
	}
	t.Logf("%d bytes of output checked", len(out))
}

// replaceSMTPAddr points the flow-style smtp block at host:port.
func replaceSMTPAddr(cfg, host, port string) string {
	i := strings.Index(cfg, "smtp: {")
	j := strings.Index(cfg[i:], "}") + i
	block := cfg[i:j]
	fields := strings.Split(block[len("smtp: {"):], ", ")
	for k, f := range fields {
		switch {
		case strings.HasPrefix(f, "host:"):
			fields[k] = "host: " + host
		case strings.HasPrefix(f, "port:"):
			fields[k] = "port: " + port
		}
	}
	return cfg[:i] + "smtp: {" + strings.Join(fields, ", ") + cfg[j:]
}
