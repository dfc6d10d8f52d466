package config

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDefaultsAppliedToMinimalConfig(t *testing.T) {
	cfg := mustParse(t, minimal, env())
	checks := []struct {
		name      string
		got, want any
	}{
		{"timezone", cfg.Timezone, "Local"},
		{"location", cfg.Location(), time.Local},
		{"database", cfg.Database, "/home/ada/.local/share/gratitude/gratitude.db"},
		{"log.level", cfg.Log.Level, "info"},
		{"imap.port", cfg.IMAP.Port, 993},
		{"imap.security", cfg.IMAP.Security, SecurityTLS},
		{"imap.username", cfg.IMAP.Username, "ada@example.org"},
		{"imap.mailboxes.inbox", cfg.IMAP.Mailboxes.Inbox, "INBOX"},
		{"imap.mailboxes.sent", cfg.IMAP.Mailboxes.Sent, ""},
		{"imap.mailboxes.drafts", cfg.IMAP.Mailboxes.Drafts, ""},
		{"imap.idle", cfg.IMAP.Idle, true},
		{"imap.poll_interval", cfg.IMAP.PollInterval, 2 * time.Minute},
		{"imap.command_timeout", cfg.IMAP.CommandTimeout, 60 * time.Second},
		{"imap.idle_refresh", cfg.IMAP.IdleRefresh, 5 * time.Minute},
		{"smtp.port", cfg.SMTP.Port, 587},
		{"smtp.security", cfg.SMTP.Security, SecuritySTARTTLS},
		{"smtp.username", cfg.SMTP.Username, ""},
		{"smtp.secret", cfg.SMTP.Secret.IsSet(), false},
		{"capture.address", cfg.Capture.Address, "ada+thanks@example.org"},
		{"capture.subject_tags", cfg.Capture.SubjectTags, []string{"[help]"}},
		{"capture.keywords", cfg.Capture.Keywords, []string{"gratitude"}},
		{"reminders.no_reply_after", cfg.Reminders.NoReplyAfter, 3 * Day},
		{"reminders.unresolved_after", cfg.Reminders.UnresolvedAfter, 7 * Day},
		{"reminders.thanks_pending_after", cfg.Reminders.ThanksPendingAfter, 2 * Day},
		{"reminders.digest", cfg.Reminders.Digest.String(), "every Monday at 08:00"},
		{"reminders.quiet_hours", cfg.Reminders.QuietHours.String(), "21:00-08:00"},
		{"http.listen", cfg.HTTP.Listen, "127.0.0.1:8765"},
		{"warnings", len(cfg.Warnings), 0},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s = %#v, want %#v", c.name, c.got, c.want)
		}
	}
}

func TestPortDefaultFollowsSecurity(t *testing.T) {
	tests := []struct {
		imapSec, smtpSec   string
		imapPort, smtpPort int
	}{
		{"tls", "starttls", 993, 587},
		{"starttls", "tls", 143, 465},
		{"insecure", "insecure", 143, 25},
	}
	for _, tt := range tests {
		cfg := mustParse(t, `
owner: {email: ada@example.org}
imap: {host: localhost, security: `+tt.imapSec+`, password: x}
smtp: {host: 127.0.0.1, security: `+tt.smtpSec+`}
`, env())
		if cfg.IMAP.Port != tt.imapPort || cfg.SMTP.Port != tt.smtpPort {
			t.Errorf("%s/%s: ports %d/%d, want %d/%d", tt.imapSec, tt.smtpSec,
				cfg.IMAP.Port, cfg.SMTP.Port, tt.imapPort, tt.smtpPort)
		}
	}
}

func TestExplicitValuesOverrideDefaults(t *testing.T) {
	cfg := mustParse(t, `
owner:
  name: Ada Lovelace
  email: ada@example.org
  aliases: [a.lovelace@example.org, ada@work.example.com]
timezone: Europe/Paris
database: ~/data/g.db
log: {level: DEBUG}
imap:
  host: imap.example.org
  port: 1993
  username: ada
  password_command: echo pw
  mailboxes: {inbox: Inbox, sent: Sent Items, drafts: Brouillons}
  idle: false
  poll_interval: 30s
  command_timeout: 2m
  idle_refresh: 29m
smtp:
  host: smtp.example.org
  security: tls
  username: ada
  password: pw
capture:
  address: ada+ask@example.org
  subject_tags: []
  keywords: [asked, help-me]
reminders:
  no_reply_after: 36h
  unresolved_after: 2w
  thanks_pending_after: 1d
  digest: daily 18:30
  quiet_hours: "off"
http:
  listen: "off"
`, env())
	if cfg.Owner.Name != "Ada Lovelace" || len(cfg.Owner.Aliases) != 2 || !cfg.Owner.IsOwner("ADA@work.example.com") {
		t.Errorf("owner = %+v", cfg.Owner)
	}
	if cfg.Location().String() != "Europe/Paris" {
		t.Errorf("location = %v", cfg.Location())
	}
	if cfg.Database != "/home/ada/data/g.db" {
		t.Errorf("database = %q, want ~ expanded", cfg.Database)
	}
	if cfg.Log.Level != "debug" || cfg.Log.SlogLevel().String() != "DEBUG" {
		t.Errorf("log level = %q", cfg.Log.Level)
	}
	if cfg.IMAP.Port != 1993 || cfg.IMAP.Username != "ada" || cfg.IMAP.Idle ||
		cfg.IMAP.Secret.Source() != "password_command" || cfg.IMAP.Mailboxes.Sent != "Sent Items" ||
		cfg.IMAP.PollInterval != 30*time.Second || cfg.IMAP.IdleRefresh != 29*time.Minute {
		t.Errorf("imap = %+v", cfg.IMAP)
	}
	if cfg.SMTP.Port != 465 || cfg.SMTP.Secret.Source() != "password" {
		t.Errorf("smtp = %+v", cfg.SMTP)
	}
	if cfg.Capture.Address != "ada+ask@example.org" || len(cfg.Capture.SubjectTags) != 0 || cfg.Capture.SubjectTags == nil {
		t.Errorf("capture = %+v (an explicit [] must stay empty, not default)", cfg.Capture)
	}
	if cfg.Reminders.NoReplyAfter != 36*time.Hour || cfg.Reminders.UnresolvedAfter != 2*Week {
		t.Errorf("reminders = %+v", cfg.Reminders)
	}
	if cfg.Reminders.Digest.Spec != "daily 18:30" || cfg.Reminders.QuietHours.Enabled {
		t.Errorf("digest %q, quiet %v", cfg.Reminders.Digest.Spec, cfg.Reminders.QuietHours)
	}
	if cfg.HTTP.Enabled() {
		t.Errorf("http.listen: off still enabled: %q", cfg.HTTP.Listen)
	}
}

func TestEnvExpansion(t *testing.T) {
	cfg := mustParse(t, `
owner: {email: "${USER_NAME}@${DOMAIN}"}
imap: {host: imap.example.org, port: "${IMAP_PORT}", password: "${PW}"}
smtp: {host: smtp.example.org}
capture: {keywords: ["${KW}"]}
database: ${DATA}/g.db
`, env("USER_NAME", "ada", "DOMAIN", "example.org", "IMAP_PORT", "1143", "PW", "pa$$word${x}", "KW", "ask", "DATA", "/srv"))
	pw, err := cfg.IMAP.Password(t.Context())
	if err != nil || pw != "pa$$word${x}" {
		t.Errorf("password = %q, %v; want the variable's value, not expanded again", pw, err)
	}
	if cfg.Owner.Email != "ada@example.org" || cfg.IMAP.Port != 1143 || cfg.Capture.Keywords[0] != "ask" || cfg.Database != "/srv/g.db" {
		t.Errorf("expanded config = %+v", cfg)
	}
}

func TestEnvExpansionKeepsLiteralDollars(t *testing.T) {
	cfg := mustParse(t, `
owner: {email: ada@example.org}
imap: {host: imap.example.org, password: "a$b$$c$${NOT_A_VAR}"}
smtp: {host: smtp.example.org}
`, env())
	pw, _ := cfg.IMAP.Password(t.Context())
	if pw != "a$b$$c${NOT_A_VAR}" {
		t.Errorf("password = %q", pw)
	}
}

func TestMissingEnvVarNamesKeyAndVariable(t *testing.T) {
	errs := parseErrors(t, `
owner: {email: ada@example.org, aliases: [a@example.org, "${ALIAS}"]}
imap: {host: imap.example.org, password: "${GRATITUDE_IMAP_PASSWORD}"}
smtp: {host: smtp.example.org, port: "${SMTP_PORT"}
`, env())
	wantProblem(t, errs, "owner.aliases[1]", "ALIAS", "not set")
	wantProblem(t, errs, "smtp.port", "unterminated")
	if len(errs) != 2 {
		t.Errorf("want exactly 2 problems (the password's is for the commands that log in), got:\n%v", errs)
	}
}

// A password's ${ENV} that is not set is no problem for the commands that
// only read the database; those that log in ask NeedSecrets, which names
// the key and the variable, and the secret itself says so when used.
func TestAPasswordsUnsetEnvVarIsOnlyAProblemForCommandsThatLogIn(t *testing.T) {
	cfg := mustParse(t, `
owner: {email: ada@example.org}
imap: {host: imap.example.org, password: "${GRATITUDE_IMAP_PASSWORD}"}
smtp: {host: smtp.example.org}
`, env())
	var errs Errors
	if err := cfg.NeedSecrets(); !errors.As(err, &errs) || len(errs) != 1 {
		t.Fatalf("NeedSecrets = %v; want the IMAP password (SMTP uses the same)", err)
	}
	wantProblem(t, errs, "imap.password", "GRATITUDE_IMAP_PASSWORD", "not set")
	if _, err := cfg.IMAP.Password(t.Context()); err == nil || !strings.Contains(err.Error(), "GRATITUDE_IMAP_PASSWORD") {
		t.Errorf("using the password: %v", err)
	}
	set := mustParse(t, `
owner: {email: ada@example.org}
imap: {host: imap.example.org, password: "${GRATITUDE_IMAP_PASSWORD}"}
smtp: {host: smtp.example.org}
`, env("GRATITUDE_IMAP_PASSWORD", "pw"))
	if err := set.NeedSecrets(); err != nil {
		t.Errorf("NeedSecrets with the variable set: %v", err)
	}
}

func TestEmptyEnvVarPasswordIsReported(t *testing.T) {
	errs := parseErrors(t, `
owner: {email: ada@example.org}
imap: {host: imap.example.org, password: "${PW}"}
smtp: {host: smtp.example.org}
`, env("PW", ""))
	wantProblem(t, errs, "imap.password", "empty")
}

func TestUnknownKeysReportedWithSuggestions(t *testing.T) {
	errs := parseErrors(t, minimal+`
log: {levle: debug}
imap2: {}
reminders: {no_reply: 3d}
`+"smtp_extra: 1\n", env())
	wantProblem(t, errs, "log.levle", "unknown key", "did you mean log.level?")
	wantProblem(t, errs, "imap2", "unknown key", "did you mean imap?")
	wantProblem(t, errs, "reminders.no_reply", "unknown key", "did you mean reminders.no_reply_after?")
	wantProblem(t, errs, "smtp_extra", "unknown key")

	errs = parseErrors(t, `
owner: {email: ada@example.org}
imap: {hots: imap.example.org, password: x}
smtp: {host: smtp.example.org, poll_interval: 1m, mailboxes: {sent: Sent}}
`, env())
	wantProblem(t, errs, "imap.hots", "unknown key; did you mean imap.host?")
	wantProblem(t, errs, "smtp.poll_interval", "did you mean imap.poll_interval?")
	wantProblem(t, errs, "smtp.mailboxes", "did you mean imap.mailboxes?")
	wantProblem(t, errs, "imap.host", "missing")
}

func TestTypeErrorsKeepKeyPath(t *testing.T) {
	errs := parseErrors(t, `
owner: {email: ada@example.org, aliases: ada2@example.org}
imap:
  host: imap.example.org
  password: x
  port: abc
  idle: maybe
  poll_interval: soon
  mailboxes: INBOX
smtp: {host: [smtp.example.org]}
capture: {keywords: [ok, {a: b}]}
`, env())
	wantProblem(t, errs, "imap.port", `must be a number, got "abc"`)
	wantProblem(t, errs, "imap.idle", `must be true or false, got "maybe"`)
	wantProblem(t, errs, "imap.poll_interval", `must be a duration`, `got "soon"`)
	wantProblem(t, errs, "imap.mailboxes", "must be a section of keys", "imap.mailboxes.inbox")
	wantProblem(t, errs, "smtp.host", "must be a string, got a list")
	wantProblem(t, errs, "owner.aliases", "must be a list")
	wantProblem(t, errs, "capture.keywords[1]", "must be a string, got a section")
}

func TestSeveralMistakesAllReportedWithKeyPaths(t *testing.T) {
	errs := parseErrors(t, `
owner:
  email: not-an-address
  aliases: [ok@example.org, "Bob <bob@example.org>"]
timezone: Mars/Olympus
log: {level: loud}
imap:
  hots: imap.example.org
  port: 99999
  security: ssl
  poll_interval: 1s
  idle_refresh: 1h
smtp:
  host: mail.example.org
  security: insecure
  password: x
reminders:
  no_reply_after: 0d
  digest: fortnightly
  quiet_hours: 25:00-08:00
http: {listen: localhost}
`, env())
	want := map[string]string{
		"owner.email":              `must be a bare email address like ada@example.org, got "not-an-address"`,
		"owner.aliases[1]":         "bare email address",
		"timezone":                 `unknown time zone "Mars/Olympus"`,
		"log.level":                "must be one of debug, info, warn, error",
		"imap.hots":                "did you mean imap.host?",
		"imap.host":                "missing",
		"imap.port":                "must be between 1 and 65535, got 99999",
		"imap.security":            `must be tls, starttls or insecure, got "ssl"`,
		"imap.password":            "set imap.password (e.g. ${IMAP_PASSWORD}) or imap.password_command",
		"imap.poll_interval":       "must be at least 10s, got 1s",
		"imap.idle_refresh":        "must be at most 29m, got 1h",
		"smtp.security":            "only allowed when smtp.host is this machine",
		"smtp.username":            "a password is set",
		"reminders.no_reply_after": "must be more than 0",
		"reminders.digest":         `cannot read "fortnightly"`,
		"reminders.quiet_hours":    `"25:00" is not a time of day`,
		"http.listen":              "must be host:port",
	}
	for key, part := range want {
		wantProblem(t, errs, key, part)
	}
	if len(errs) != len(want) {
		t.Errorf("got %d problems, want %d:\n%v", len(errs), len(want), errs)
	}
	// One problem per line, each "key: problem".
	lines := strings.Split(errs.Error(), "\n")
	if len(lines) != len(errs) || !strings.HasPrefix(lines[0], "imap.hots: ") {
		t.Errorf("Error() =\n%s", errs.Error())
	}
}

func TestFieldErrorFormat(t *testing.T) {
	e := FieldError{Key: "imap.port", Problem: "must be between 1 and 65535"}
	if e.Error() != "imap.port: must be between 1 and 65535" {
		t.Errorf("Error() = %q", e.Error())
	}
}

func TestInsecureOnlyForLoopback(t *testing.T) {
	tests := []struct {
		host string
		ok   bool
	}{
		{"localhost", true},
		{"127.0.0.1", true},
		{"127.1.2.3", true},
		{"::1", true},
		{"[::1]", true},
		{"mail.example.org", false},
		{"192.168.1.10", false},
		{"localhost.example.org", false},
		{"::ffff:10.0.0.1", false},
	}
	for _, tt := range tests {
		yaml := `
owner: {email: ada@example.org}
imap: {host: "` + tt.host + `", security: insecure, password: x}
smtp: {host: "` + tt.host + `", security: insecure}
`
		_, err := Parse([]byte(yaml), env())
		if tt.ok && err != nil {
			t.Errorf("host %s: unexpected error: %v", tt.host, err)
		}
		if !tt.ok {
			errs := parseErrors(t, yaml, env())
			wantProblem(t, errs, "imap.security", "unencrypted", "use tls or starttls")
			wantProblem(t, errs, "smtp.security", "unencrypted", "use tls or starttls")
		}
	}
}

func TestPasswordRules(t *testing.T) {
	tests := []struct {
		name, imap, smtp string
		key, problem     string
	}{
		{"imap needs a password", "{host: h}", "{host: s}", "imap.password", "set imap.password"},
		{"not both", "{host: h, password: a, password_command: b}", "{host: s}", "imap.password_command", "only one"},
		{"smtp password needs username", "{host: h, password: a}", "{host: s, password: b}", "smtp.username", "missing"},
		{"smtp username needs password", "{host: h, password: a}", "{host: s, username: ada}", "smtp.password", "set smtp.password"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errs := parseErrors(t, "owner: {email: ada@example.org}\nimap: "+tt.imap+"\nsmtp: "+tt.smtp+"\n", env())
			wantProblem(t, errs, tt.key, tt.problem)
		})
	}
}

func TestHostWithPortOrSchemeRefused(t *testing.T) {
	errs := parseErrors(t, `
owner: {email: ada@example.org}
imap: {host: "imap.example.org:993", password: x}
smtp: {host: "smtps://smtp.example.org"}
`, env())
	wantProblem(t, errs, "imap.host", "without a port", "imap.port")
	wantProblem(t, errs, "smtp.host", "bare host name")
}

func TestCaptureAddressChecks(t *testing.T) {
	errs := parseErrors(t, minimal+"capture: {address: ada@example.org, keywords: [\"has space\", \"\\\\Seen\"], subject_tags: [\"\"]}\n", env())
	wantProblem(t, errs, "capture.address", "must differ from owner.email", "ada+thanks@example.org")
	wantProblem(t, errs, "capture.keywords[0]", "not a valid IMAP keyword")
	wantProblem(t, errs, "capture.keywords[1]", "not a valid IMAP keyword")
	wantProblem(t, errs, "capture.subject_tags[0]", "must not be empty")
}

func TestUnquotedSubjectTagWarns(t *testing.T) {
	cfg := mustParse(t, minimal+"capture: {subject_tags: [help]}\n", env())
	if len(cfg.Warnings) != 1 || !strings.Contains(cfg.Warnings[0], `capture.subject_tags[0]`) {
		t.Errorf("warnings = %q", cfg.Warnings)
	}
}

func TestHTTPListenBeyondLoopbackNeedsPasswordAndTLS(t *testing.T) {
	hash := "$2a$10$" + strings.Repeat("x", 53)
	for _, listen := range []string{"127.0.0.1:8765", "localhost:9000", "[::1]:8765"} {
		cfg := mustParse(t, minimal+"http: {listen: \""+listen+"\"}\n", env())
		if cfg.HTTP.Listen != listen || len(cfg.Warnings) != 0 {
			t.Errorf("listen %s: got %q, warnings %q", listen, cfg.HTTP.Listen, cfg.Warnings)
		}
	}
	for _, listen := range []string{"0.0.0.0:8765", ":8765", "192.168.1.2:80"} {
		errs := parseErrors(t, minimal+"http: {listen: \""+listen+"\"}\n", env())
		wantProblem(t, errs, "http.listen", "needs http.password_hash")
		wantProblem(t, errs, "http.listen", "http.tls_cert")
		errs = parseErrors(t, minimal+"http: {listen: \""+listen+"\", password_hash: \""+hash+"\"}\n", env())
		wantProblem(t, errs, "http.listen", "needs http.tls_cert")
	}
	cfg := mustParse(t, minimal+"http: {listen: \"0.0.0.0:8765\", password_hash: \""+hash+"\", behind_proxy: true, proxy_address: 10.0.0.2, url: \"https://thanks.example.org/\"}\n", env())
	if cfg.HTTP.URL != "https://thanks.example.org" || !cfg.HTTP.BehindProxy {
		t.Errorf("behind a proxy: %+v", cfg.HTTP)
	}
	errs := parseErrors(t, minimal+"http: {listen: \"127.0.0.1:http\"}\n", env())
	wantProblem(t, errs, "http.listen", "port must be a number")
	errs = parseErrors(t, minimal+"http: {password_hash: hunter2, behind_proxy: true, url: \"ftp://x\"}\n", env())
	wantProblem(t, errs, "http.password_hash", "never the password itself")
	wantProblem(t, errs, "http.proxy_address", "needs the proxy's address")
	wantProblem(t, errs, "http.url", "must be the page's address")
	errs = parseErrors(t, minimal+"http: {tls_cert: /nonexistent/cert.pem}\n", env())
	wantProblem(t, errs, "http.tls_cert", "go together")
}

func TestHTTPURLDefaultsToTheListenAddress(t *testing.T) {
	cfg := mustParse(t, minimal, env())
	if cfg.HTTP.URL != "http://127.0.0.1:8765" {
		t.Errorf("url = %q", cfg.HTTP.URL)
	}
}

func TestYAMLSyntaxErrorGivesLine(t *testing.T) {
	errs := parseErrors(t, "owner:\n  email: ada@example.org\nimap:\n  host: [unclosed\n", env())
	if len(errs) != 1 || !strings.Contains(errs[0].Problem, "YAML syntax error on line") {
		t.Errorf("errs = %v", errs)
	}
	errs = parseErrors(t, "owner:\n  email: a\n   bad: indent\n", env())
	if len(errs) != 1 || !strings.Contains(errs.Error(), "line 3") {
		t.Errorf("errs = %v", errs)
	}
}

func TestDuplicateKeysReported(t *testing.T) {
	errs := parseErrors(t, minimal+"imap:\n  host: other\n", env())
	wantProblem(t, errs, "imap", "set twice (lines 4 and 9)")
}

func TestEmptyFileReportsRequiredKeys(t *testing.T) {
	errs := parseErrors(t, "# nothing yet\n", env())
	for _, key := range []string{"owner.email", "imap.host", "imap.password", "smtp.host"} {
		wantProblem(t, errs, key, "")
	}
	errs = parseErrors(t, "- a\n- b\n", env())
	wantProblem(t, errs, "", "must be a mapping")
}

func TestAnchorsAndAliasesWork(t *testing.T) {
	cfg := mustParse(t, `
owner: {email: ada@example.org}
imap: {host: &h mail.example.org, password: &pw x}
smtp: {host: *h, username: ada, password: *pw}
`, env())
	if cfg.SMTP.Host != "mail.example.org" {
		t.Errorf("smtp.host = %q", cfg.SMTP.Host)
	}
}

func TestCAFileMustBeReadablePEM(t *testing.T) {
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "not.pem")
	if err := os.WriteFile(notPEM, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	errs := parseErrors(t, `
owner: {email: ada@example.org}
imap: {host: h, password: x, ca_file: `+filepath.Join(dir, "missing.pem")+`}
smtp: {host: s, ca_file: `+notPEM+`}
`, env())
	wantProblem(t, errs, "imap.ca_file", "cannot read", "no such file")
	wantProblem(t, errs, "smtp.ca_file", "contains no PEM certificate")
}

func TestLoadResolvesRelativePathsAgainstConfigDir(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gratitude.yaml")
	if err := os.WriteFile(path, []byte(minimal+"database: data/g.db\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Path != path || cfg.Database != filepath.Join(dir, "data", "g.db") {
		t.Errorf("path %q, database %q", cfg.Path, cfg.Database)
	}
	if len(cfg.Warnings) != 0 {
		t.Errorf("warnings = %q", cfg.Warnings)
	}
}

func TestLoadWarnsAboutInlinePasswordInReadableFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gratitude.yaml")
	if err := os.WriteFile(path, []byte(minimal), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Warnings) != 1 || !strings.Contains(cfg.Warnings[0], "chmod 600") {
		t.Errorf("warnings = %q", cfg.Warnings)
	}
}

func TestLoadMissingFileSuggestsInit(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "nope.yaml"))
	if err == nil || !strings.Contains(err.Error(), "gratitude init") {
		t.Errorf("err = %v", err)
	}
}

func TestXDGDataHomeSetsDefaultDatabase(t *testing.T) {
	cfg := mustParse(t, minimal, env("XDG_DATA_HOME", "/data"))
	if cfg.Database != "/data/gratitude/gratitude.db" {
		t.Errorf("database = %q", cfg.Database)
	}
}

func TestATabInTheIndentationIsNamed(t *testing.T) {
	errs := parseErrors(t, "owner:\n\temail: ada@example.org\nimap: {host: imap.example.org}\n", env())
	if len(errs) != 1 || !strings.Contains(errs[0].Problem, "line 2 is indented with a tab: YAML takes spaces only") {
		t.Errorf("a tab-indented config: %v", errs)
	}
}
