package config

import (
	"fmt"
	"net"
	"net/mail"
	"os"
	"strings"
	"time"
	"unicode"
)

// finish applies defaults and validates what the file said, in key order.
func (r *raw) finish(lookupEnv func(string) (string, bool), baseDir string) {
	c := &r.cfg
	home := homeDir(lookupEnv)

	// owner
	if r.ok("owner.email") {
		if c.Owner.Email == "" {
			r.fail("owner.email", "missing; set it to your own address, the mailbox gratitude watches, e.g. ada@example.org")
		} else {
			r.address("owner.email", c.Owner.Email)
		}
	}
	for i, a := range c.Owner.Aliases {
		r.address(fmt.Sprintf("owner.aliases[%d]", i), a)
	}

	// timezone
	if c.Timezone == "" {
		c.Timezone = DefaultTimezone
	}
	c.loc = time.Local
	if r.ok("timezone") {
		if loc, err := time.LoadLocation(c.Timezone); err != nil {
			r.fail("timezone", fmt.Sprintf("unknown time zone %q; use an IANA name such as Europe/Paris or America/New_York, or Local", c.Timezone))
		} else {
			c.loc = loc
		}
	}

	// database
	if r.ok("database") {
		if c.Database == "" {
			c.Database = defaultDatabase(lookupEnv, home)
			if c.Database == "" {
				r.fail("database", "no default location: neither $XDG_DATA_HOME nor a home directory is known; set database to a file path")
			}
		} else {
			c.Database = r.path("database", c.Database, home, baseDir)
		}
	}

	// log
	if c.Log.Level == "" {
		c.Log.Level = DefaultLogLevel
	}
	c.Log.Level = strings.ToLower(c.Log.Level)
	if r.ok("log.level") && !oneOf(c.Log.Level, "debug", "info", "warn", "error") {
		r.fail("log.level", fmt.Sprintf("must be one of debug, info, warn, error, got %q", c.Log.Level))
	}

	// imap
	c.IMAP.Security = r.security("imap", r.imapSecurity, DefaultIMAPSecurity)
	r.host("imap", c.IMAP.Host, c.IMAP.Security, "imap.example.org")
	r.port("imap", &c.IMAP.Port, c.IMAP.Security, map[Security]int{SecurityTLS: 993, SecuritySTARTTLS: 143, SecurityInsecure: 143})
	c.IMAP.CAFile = r.caFile("imap.ca_file", c.IMAP.CAFile, home, baseDir)
	r.pin("imap", &c.IMAP.TLS, c.IMAP.Security, c.IMAP.CAFile)
	if c.IMAP.Username == "" {
		c.IMAP.Username = c.Owner.Email
	}
	c.IMAP.Secret = r.secret("imap", r.imapPassword, r.imapPasswordCommand)
	if c.IMAP.Mailboxes.Inbox == "" {
		c.IMAP.Mailboxes.Inbox = DefaultInbox
	}
	if !r.set["imap.idle"] {
		c.IMAP.Idle = true
	}
	r.duration("imap.poll_interval", &c.IMAP.PollInterval, DefaultPollInterval, 10*time.Second, 0)
	r.duration("imap.command_timeout", &c.IMAP.CommandTimeout, DefaultCommandTimeout, 5*time.Second, 0)
	r.duration("imap.idle_refresh", &c.IMAP.IdleRefresh, DefaultIdleRefresh, 30*time.Second, 29*time.Minute)

	// smtp
	c.SMTP.Security = r.security("smtp", r.smtpSecurity, DefaultSMTPSecurity)
	r.host("smtp", c.SMTP.Host, c.SMTP.Security, "smtp.example.org")
	r.port("smtp", &c.SMTP.Port, c.SMTP.Security, map[Security]int{SecurityTLS: 465, SecuritySTARTTLS: 587, SecurityInsecure: 25})
	c.SMTP.CAFile = r.caFile("smtp.ca_file", c.SMTP.CAFile, home, baseDir)
	r.pin("smtp", &c.SMTP.TLS, c.SMTP.Security, c.SMTP.CAFile)
	if c.SMTP.Username == "" {
		if (r.smtpPassword != "" || r.smtpPasswordCommand != "") && r.ok("smtp.username") {
			r.fail("smtp.username", "missing, but a password is set; set smtp.username (often your address) or remove the password to send without authentication")
		}
	} else {
		c.SMTP.Secret = r.secret("smtp", r.smtpPassword, r.smtpPasswordCommand)
	}

	r.rate(&c.SMTP.RateLimit)
	r.smtpFilesSent(&c.SMTP)

	// notify, thanks
	r.notify(&c.Notify)
	r.thanks(&c.Thanks)

	// capture
	if c.Capture.Address == "" && !r.bad["owner.email"] {
		c.Capture.Address = captureAddress(c.Owner.Email)
	}
	if r.ok("capture.address") && !r.bad["owner.email"] {
		if r.address("capture.address", c.Capture.Address) && strings.EqualFold(c.Capture.Address, c.Owner.Email) {
			r.fail("capture.address", "must differ from owner.email, or every message you send would count as an ask; use a plus address such as "+captureAddress(c.Owner.Email))
		}
	}
	if !r.set["capture.subject_tags"] {
		c.Capture.SubjectTags = append([]string(nil), defaultSubjectTags...)
	}
	for i, tag := range c.Capture.SubjectTags {
		key := fmt.Sprintf("capture.subject_tags[%d]", i)
		switch {
		case strings.TrimSpace(tag) == "":
			r.fail(key, "must not be empty; remove it, or use [] for no subject tags")
		case !strings.ContainsAny(tag, "[]():#"):
			r.warnings = append(r.warnings, fmt.Sprintf(
				"%s: %q will match any subject containing that word; note that YAML reads [help] unquoted as a list, so write \"[help]\" in quotes", key, tag))
		}
	}
	if !r.set["capture.keywords"] {
		c.Capture.Keywords = append([]string(nil), defaultKeywords...)
	}
	for i, kw := range c.Capture.Keywords {
		if !validKeyword(kw) {
			r.fail(fmt.Sprintf("capture.keywords[%d]", i), fmt.Sprintf(
				"%q is not a valid IMAP keyword; use letters, digits and - _ . only (no spaces, no leading \\)", kw))
		}
	}
	r.captureFolder(&c.Capture)

	r.sync(&c.Sync, c.loc)

	// reminders
	rm := &c.Reminders
	r.duration("reminders.no_reply_after", &rm.NoReplyAfter, DefaultNoReplyAfter, time.Nanosecond, 0)
	r.duration("reminders.unresolved_after", &rm.UnresolvedAfter, DefaultUnresolvedAfter, time.Nanosecond, 0)
	r.duration("reminders.thanks_pending_after", &rm.ThanksPendingAfter, DefaultThanksPendingAfter, time.Nanosecond, 0)
	if r.digest == "" {
		r.digest = DefaultDigest
	}
	if r.ok("reminders.digest") {
		d, err := ParseDigest(r.digest, c.loc)
		if err != nil {
			r.fail("reminders.digest", err.Error())
		}
		rm.Digest = d
	}
	if r.quietHours == "" {
		r.quietHours = DefaultQuietHours
	}
	if r.ok("reminders.quiet_hours") {
		q, err := ParseQuietHours(r.quietHours, c.loc)
		if err != nil {
			r.fail("reminders.quiet_hours", err.Error())
		}
		rm.QuietHours = q
	}
	if !r.set["reminders.followup_drafts"] {
		rm.FollowupDrafts = true
	}
	r.count("reminders.followup_max_recipients", &rm.FollowupMaxRecipients, DefaultFollowupMax, 1, 1000)

	// templates
	if c.TemplatesDir != "" && r.ok("templates_dir") {
		c.TemplatesDir = r.path("templates_dir", c.TemplatesDir, home, baseDir)
		if fi, err := os.Stat(c.TemplatesDir); err != nil || !fi.IsDir() {
			r.fail("templates_dir", fmt.Sprintf("%s is not a directory; create it with your templates (nudge.txt, digest.html, …) or remove the key to use the defaults", c.TemplatesDir))
		}
	}

	// health
	r.duration("health.alert_after", &c.Health.AlertAfter, DefaultAlertAfter, time.Second, 0)

	// http
	r.http(&c.HTTP)
}

func (r *raw) rate(rl *RateLimit) {
	const key = "smtp.rate_limit"
	if r.rateLimit == "" {
		r.rateLimit = DefaultRateLimit
	}
	if !r.ok(key) {
		return
	}
	v, err := ParseRateLimit(r.rateLimit)
	if err != nil {
		r.fail(key, err.Error())
		return
	}
	*rl = v
}

// providersFilingSent are SMTP hosts known to file sent mail in Sent.
var providersFilingSent = []string{"smtp.gmail.com", "smtp.googlemail.com", "smtp.office365.com", "smtp-mail.outlook.com"}

func (r *raw) smtpFilesSent(s *SMTP) {
	const key = "smtp.files_sent"
	switch strings.ToLower(strings.TrimSpace(r.filesSent)) {
	case "", "auto":
		s.FilesSent = oneOf(strings.ToLower(s.Host), providersFilingSent...)
	case "yes", "true":
		s.FilesSent = true
	case "no", "false":
		s.FilesSent = false
	default:
		if r.ok(key) {
			r.fail(key, fmt.Sprintf("must be auto, yes or no, got %q", r.filesSent))
		}
	}
}

func (r *raw) thanks(t *Thanks) {
	if !r.set["thanks.relationship"] {
		t.Relationship = true
	}
	const key = "thanks.delivery"
	t.Delivery = Delivery(strings.ToLower(r.delivery))
	if t.Delivery == "" {
		t.Delivery = DeliverBoth
	}
	if r.ok(key) && t.Delivery != DeliverDrafts && t.Delivery != DeliverApproval && t.Delivery != DeliverBoth {
		r.fail(key, fmt.Sprintf("must be drafts, approval or both (the default), got %q", r.delivery))
	}
}

func (r *raw) notify(n *Notify) {
	const key = "notify.via"
	n.Via = NotifyVia(strings.ToLower(r.notifyVia))
	if n.Via == "" {
		n.Via = DefaultNotifyVia
	}
	if r.ok(key) && n.Via != NotifyIMAP && n.Via != NotifySMTP {
		r.fail(key, fmt.Sprintf("must be imap (into your INBOX, the default) or smtp (sent to you), got %q", r.notifyVia))
	}
	r.count("notify.replies_per_hour", &n.RepliesPerHour, DefaultRepliesPerHour, 1, 1000)
}

// count applies def when unset and checks lo <= n <= hi.
func (r *raw) count(key string, n *int, def, lo, hi int) {
	if !r.set[key] {
		*n = def
		return
	}
	if r.ok(key) && (*n < lo || *n > hi) {
		r.fail(key, fmt.Sprintf("must be between %d and %d, got %d; the default is %d", lo, hi, *n, def))
	}
}

// captureFolder checks capture.folder: off (any case) turns it off, a
// name must be one an IMAP server could have.
func (r *raw) captureFolder(c *Capture) {
	const key = "capture.folder"
	if strings.EqualFold(c.Folder, CaptureFolderOff) {
		c.Folder = CaptureFolderOff
		return
	}
	if c.Folder != "" && strings.TrimSpace(c.Folder) == "" {
		r.fail(key, "must name a folder, or be off; leave it empty to find the folder named after the capture address's detail")
		return
	}
	if strings.ContainsFunc(c.Folder, unicode.IsControl) {
		r.fail(key, fmt.Sprintf("%q holds a control character, which no folder name has", c.Folder))
	}
}

// ok reports whether key has no error yet, so validation can go on.
func (r *raw) ok(key string) bool { return !r.bad[key] }

// address checks that s is a bare address like ada@example.org.
func (r *raw) address(key, s string) bool {
	if !r.ok(key) {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != strings.TrimSpace(s) || a.Name != "" {
		r.fail(key, fmt.Sprintf("must be a bare email address like ada@example.org, got %q", s))
		return false
	}
	return true
}

func (r *raw) security(section, s string, def Security) Security {
	key := section + ".security"
	if s == "" {
		return def
	}
	sec := Security(strings.ToLower(s))
	if r.ok(key) && !oneOf(string(sec), "tls", "starttls", "insecure") {
		r.fail(key, fmt.Sprintf("must be tls, starttls or insecure, got %q", s))
		return def
	}
	return sec
}

func (r *raw) host(section, host string, sec Security, example string) {
	key := section + ".host"
	if !r.ok(key) {
		return
	}
	switch {
	case host == "":
		r.fail(key, fmt.Sprintf("missing; set it to your %s server's host name, e.g. %s", strings.ToUpper(section), example))
		return
	case strings.Contains(host, "://") || strings.ContainsAny(host, "/ "):
		r.fail(key, fmt.Sprintf("must be a bare host name like %s, got %q", example, host))
		return
	case strings.Contains(host, ":") && net.ParseIP(strings.Trim(host, "[]")) == nil:
		r.fail(key, fmt.Sprintf("must be a host name without a port, got %q; put the port in %s.port", host, section))
		return
	}
	if sec == SecurityInsecure && !isLoopback(host) && r.ok(section+".security") {
		r.fail(section+".security", fmt.Sprintf(
			"insecure sends your password and mail unencrypted, so it is only allowed when %s.host is this machine (localhost, 127.0.0.1, ::1), not %q; use tls or starttls",
			section, host))
	}
}

func (r *raw) port(section string, port *int, sec Security, defaults map[Security]int) {
	key := section + ".port"
	if !r.set[key] {
		*port = defaults[sec]
		return
	}
	if r.ok(key) && (*port < 1 || *port > 65535) {
		r.fail(key, fmt.Sprintf("must be between 1 and 65535, got %d (usually %d for %s)", *port, defaults[sec], sec))
	}
}

// secret builds the Secret from password / password_command.
func (r *raw) secret(section, password, command string) Secret {
	pk, ck := section+".password", section+".password_command"
	if !r.ok(pk) || !r.ok(ck) {
		return Secret{}
	}
	switch {
	case password != "" && command != "":
		r.fail(ck, fmt.Sprintf("set only one of %s and %s", pk, ck))
	case command != "":
		return CommandSecret(ck, command)
	case password != "":
		return InlineSecret(pk, password)
	case r.unsetEnv[pk] != nil:
		r.cfg.secretErrs = append(r.cfg.secretErrs, FieldError{Key: pk, Problem: r.unsetEnv[pk].Error()})
		return Secret{key: pk, unset: r.unsetEnv[pk]}
	case r.set[pk] && r.fromEnv[pk]:
		r.fail(pk, "is empty: the environment variable it uses is set but empty")
	default:
		r.fail(pk, fmt.Sprintf("set %s (e.g. ${%s_PASSWORD}) or %s", pk, strings.ToUpper(section), ck))
	}
	return Secret{}
}

// duration applies def when unset and checks lo <= d (and d <= hi if hi > 0).
func (r *raw) duration(key string, d *time.Duration, def, lo, hi time.Duration) {
	if !r.set[key] {
		*d = def
		return
	}
	if !r.ok(key) {
		return
	}
	switch {
	case *d < lo && lo == time.Nanosecond:
		r.fail(key, fmt.Sprintf("must be more than 0, got %s; the default is %s", FormatDuration(*d), FormatDuration(def)))
	case *d < lo:
		r.fail(key, fmt.Sprintf("must be at least %s, got %s; the default is %s", FormatDuration(lo), FormatDuration(*d), FormatDuration(def)))
	case hi > 0 && *d > hi:
		r.fail(key, fmt.Sprintf("must be at most %s, got %s; the default is %s", FormatDuration(hi), FormatDuration(*d), FormatDuration(def)))
	}
}

func isLoopback(host string) bool {
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") || strings.EqualFold(host, "localhost.") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// captureAddress is owner's local part + "+thanks" @ owner's domain.
func captureAddress(owner string) string {
	local, domain, ok := strings.Cut(owner, "@")
	if !ok {
		return ""
	}
	return local + DefaultCaptureTag + "@" + domain
}

// validKeyword reports whether kw is an IMAP flag keyword (an atom).
func validKeyword(kw string) bool {
	if kw == "" || kw[0] == '\\' {
		return false
	}
	for _, c := range kw {
		if c <= ' ' || c >= 0x7f || strings.ContainsRune(`(){%*"\]`, c) {
			return false
		}
	}
	return true
}

func oneOf(s string, options ...string) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}

// sync reads sync.track_from (see ParseTrackFrom); empty is the moment
// of the first sync.
func (r *raw) sync(s *Sync, loc *time.Location) {
	v := strings.TrimSpace(r.trackFrom)
	if v == "" || !r.ok("sync.track_from") {
		return
	}
	sy, err := ParseTrackFrom(v, loc)
	if err != nil {
		r.fail("sync.track_from", err.Error()+"; use e.g. 30d (a month before the first sync) or 2026-09-01")
		return
	}
	*s = sy
}

// ParseTrackFrom reads where tracking starts, as sync.track_from and
// `gratitude import --since` take it: a duration back (30d), or a date
// (2026-09-01, in loc) or an RFC 3339 instant.
func ParseTrackFrom(v string, loc *time.Location) (Sync, error) {
	v = strings.TrimSpace(v)
	if d, err := ParseDuration(v); err == nil {
		if d < 0 {
			return Sync{}, fmt.Errorf("%q is negative: write how far back, e.g. 30d", v)
		}
		return Sync{TrackBack: d}, nil
	}
	if t, err := time.ParseInLocation("2006-01-02", v, loc); err == nil {
		return Sync{TrackFrom: t}, nil
	}
	if t, err := time.Parse(time.RFC3339, v); err == nil {
		return Sync{TrackFrom: t}, nil
	}
	return Sync{}, fmt.Errorf("%q is neither a duration nor a date", v)
}
