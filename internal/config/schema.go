package config

import (
	"sort"
	"strings"
)

// raw is what the file says, before defaults and validation: the Config
// fields that map one-to-one, plus the settings that are parsed later.
type raw struct {
	cfg Config

	imapSecurity, smtpSecurity        string
	imapPassword, imapPasswordCommand string
	smtpPassword, smtpPasswordCommand string
	digest, quietHours                string
	trackFrom                         string
	rateLimit, notifyVia              string
	filesSent, delivery               string

	set     map[string]bool // keys present with a non-null value
	fromEnv map[string]bool // keys whose value used ${ENV}
	// unsetEnv holds the passwords whose ${ENV} is not set: an error only
	// for the commands that use them (Config.NeedSecrets).
	unsetEnv map[string]error
	bad      map[string]bool // keys that already have an error
	errs     Errors
	warnings []string
}

// leaf is one configuration key: its dotted path and where its value goes.
// target returns a *string, *int, *bool, *time.Duration or *[]string.
type leaf struct {
	path   string
	target func(r *raw) any
}

// schema lists every key the loader knows, in documentation order.
var schema = []leaf{
	{"owner.name", func(r *raw) any { return &r.cfg.Owner.Name }},
	{"owner.email", func(r *raw) any { return &r.cfg.Owner.Email }},
	{"owner.aliases", func(r *raw) any { return &r.cfg.Owner.Aliases }},
	{"owner.signature", func(r *raw) any { return &r.cfg.Owner.Signature }},
	{"timezone", func(r *raw) any { return &r.cfg.Timezone }},
	{"database", func(r *raw) any { return &r.cfg.Database }},
	{"templates_dir", func(r *raw) any { return &r.cfg.TemplatesDir }},
	{"log.level", func(r *raw) any { return &r.cfg.Log.Level }},

	{"imap.host", func(r *raw) any { return &r.cfg.IMAP.Host }},
	{"imap.port", func(r *raw) any { return &r.cfg.IMAP.Port }},
	{"imap.security", func(r *raw) any { return &r.imapSecurity }},
	{"imap.ca_file", func(r *raw) any { return &r.cfg.IMAP.CAFile }},
	{"imap.tls.pin", func(r *raw) any { return &r.cfg.IMAP.TLS.Pin }},
	{"imap.username", func(r *raw) any { return &r.cfg.IMAP.Username }},
	{"imap.password", func(r *raw) any { return &r.imapPassword }},
	{"imap.password_command", func(r *raw) any { return &r.imapPasswordCommand }},
	{"imap.mailboxes.inbox", func(r *raw) any { return &r.cfg.IMAP.Mailboxes.Inbox }},
	{"imap.mailboxes.sent", func(r *raw) any { return &r.cfg.IMAP.Mailboxes.Sent }},
	{"imap.mailboxes.drafts", func(r *raw) any { return &r.cfg.IMAP.Mailboxes.Drafts }},
	{"imap.idle", func(r *raw) any { return &r.cfg.IMAP.Idle }},
	{"imap.poll_interval", func(r *raw) any { return &r.cfg.IMAP.PollInterval }},
	{"imap.command_timeout", func(r *raw) any { return &r.cfg.IMAP.CommandTimeout }},
	{"imap.idle_refresh", func(r *raw) any { return &r.cfg.IMAP.IdleRefresh }},

	{"sync.track_from", func(r *raw) any { return &r.trackFrom }},

	{"smtp.host", func(r *raw) any { return &r.cfg.SMTP.Host }},
	{"smtp.port", func(r *raw) any { return &r.cfg.SMTP.Port }},
	{"smtp.security", func(r *raw) any { return &r.smtpSecurity }},
	{"smtp.ca_file", func(r *raw) any { return &r.cfg.SMTP.CAFile }},
	{"smtp.tls.pin", func(r *raw) any { return &r.cfg.SMTP.TLS.Pin }},
	{"smtp.username", func(r *raw) any { return &r.cfg.SMTP.Username }},
	{"smtp.password", func(r *raw) any { return &r.smtpPassword }},
	{"smtp.password_command", func(r *raw) any { return &r.smtpPasswordCommand }},
	{"smtp.rate_limit", func(r *raw) any { return &r.rateLimit }},
	{"smtp.files_sent", func(r *raw) any { return &r.filesSent }},

	{"notify.via", func(r *raw) any { return &r.notifyVia }},
	{"notify.replies_per_hour", func(r *raw) any { return &r.cfg.Notify.RepliesPerHour }},

	{"capture.address", func(r *raw) any { return &r.cfg.Capture.Address }},
	{"capture.subject_tags", func(r *raw) any { return &r.cfg.Capture.SubjectTags }},
	{"capture.keywords", func(r *raw) any { return &r.cfg.Capture.Keywords }},
	{"capture.folder", func(r *raw) any { return &r.cfg.Capture.Folder }},

	{"reminders.no_reply_after", func(r *raw) any { return &r.cfg.Reminders.NoReplyAfter }},
	{"reminders.unresolved_after", func(r *raw) any { return &r.cfg.Reminders.UnresolvedAfter }},
	{"reminders.thanks_pending_after", func(r *raw) any { return &r.cfg.Reminders.ThanksPendingAfter }},
	{"reminders.digest", func(r *raw) any { return &r.digest }},
	{"reminders.quiet_hours", func(r *raw) any { return &r.quietHours }},
	{"reminders.followup_drafts", func(r *raw) any { return &r.cfg.Reminders.FollowupDrafts }},
	{"reminders.followup_max_recipients", func(r *raw) any { return &r.cfg.Reminders.FollowupMaxRecipients }},

	{"thanks.delivery", func(r *raw) any { return &r.delivery }},
	{"thanks.relationship", func(r *raw) any { return &r.cfg.Thanks.Relationship }},

	{"trust.authserv_id", func(r *raw) any { return &r.cfg.Trust.AuthservID }},

	{"health.alert_after", func(r *raw) any { return &r.cfg.Health.AlertAfter }},

	{"http.listen", func(r *raw) any { return &r.cfg.HTTP.Listen }},
	{"http.url", func(r *raw) any { return &r.cfg.HTTP.URL }},
	{"http.password_hash", func(r *raw) any { return &r.cfg.HTTP.PasswordHash }},
	{"http.tls_cert", func(r *raw) any { return &r.cfg.HTTP.TLSCert }},
	{"http.tls_key", func(r *raw) any { return &r.cfg.HTTP.TLSKey }},
	{"http.behind_proxy", func(r *raw) any { return &r.cfg.HTTP.BehindProxy }},
	{"http.proxy_address", func(r *raw) any { return &r.cfg.HTTP.ProxyAddress }},
}

var (
	leaves   = map[string]leaf{} // path → leaf
	sections = map[string]bool{} // paths that hold keys, e.g. "imap.mailboxes"
)

func init() {
	for _, l := range schema {
		leaves[l.path] = l
		for p := l.path; strings.Contains(p, "."); {
			p = p[:strings.LastIndex(p, ".")]
			sections[p] = true
		}
	}
}

// knownKeys returns every key path the loader accepts, in schema order.
func knownKeys() []string {
	keys := make([]string, len(schema))
	for i, l := range schema {
		keys[i] = l.path
	}
	return keys
}

// children returns the key names directly under section ("" = top level).
func children(section string) []string {
	seen := map[string]bool{}
	var names []string
	prefix := section + "."
	if section == "" {
		prefix = ""
	}
	add := func(p string) {
		if !strings.HasPrefix(p, prefix) {
			return
		}
		name, _, _ := strings.Cut(p[len(prefix):], ".")
		if !seen[name] {
			seen[name] = true
			names = append(names, name)
		}
	}
	for _, l := range schema {
		add(l.path)
	}
	sort.Strings(names)
	return names
}

// suggest finds the key the user probably meant by path, or "".
func suggest(path string) string {
	section, name := "", path
	if i := strings.LastIndex(path, "."); i >= 0 {
		section, name = path[:i], path[i+1:]
	}
	best, bestDist := "", 0
	for _, c := range children(section) {
		d := editDistance(strings.ToLower(name), c)
		if d <= max(1, len(c)/3) && (best == "" || d < bestDist) {
			best, bestDist = c, d
		}
	}
	if best == "" && len(name) >= 4 { // a shortened or lengthened name, e.g. no_reply
		for _, c := range children(section) {
			if strings.HasPrefix(c, strings.ToLower(name)) || strings.HasPrefix(strings.ToLower(name), c) {
				best = c
				break
			}
		}
	}
	if best != "" {
		if section == "" {
			return best
		}
		return section + "." + best
	}
	// The right name in the wrong section, e.g. smtp.poll_interval.
	for _, l := range schema {
		if strings.HasSuffix(l.path, "."+name) || l.path == name {
			return l.path
		}
	}
	for s := range sections {
		if strings.HasSuffix(s, "."+name) {
			return s
		}
	}
	return ""
}

// editDistance is the optimal-string-alignment distance between a and b:
// insertions, deletions, substitutions and adjacent transpositions cost 1.
func editDistance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}
