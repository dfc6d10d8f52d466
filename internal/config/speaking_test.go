package config

import (
	"testing"
	"time"
)

func TestSpeakingDefaults(t *testing.T) {
	cfg := mustParse(t, minimal, env())
	if cfg.Notify.Via != NotifyIMAP {
		t.Errorf("notify.via = %q, want imap", cfg.Notify.Via)
	}
	if !cfg.Reminders.FollowupDrafts {
		t.Error("reminders.followup_drafts defaults to false, want true")
	}
	if !cfg.Thanks.Relationship {
		t.Error("thanks.relationship defaults to false, want true")
	}
	if cfg.SMTP.RateLimit != (RateLimit{N: 60, Per: time.Hour}) {
		t.Errorf("smtp.rate_limit = %v, want 60/hour", cfg.SMTP.RateLimit)
	}
	if cfg.TemplatesDir != "" {
		t.Errorf("templates_dir = %q, want none", cfg.TemplatesDir)
	}
}

func TestSpeakingSettingsAreRead(t *testing.T) {
	dir := t.TempDir()
	cfg := mustParse(t, minimal+"  rate_limit: 5/minute\nnotify: {via: SMTP}\nreminders: {followup_drafts: false}\ntemplates_dir: "+dir+"\n", env())
	if cfg.Notify.Via != NotifySMTP || cfg.Reminders.FollowupDrafts || cfg.TemplatesDir != dir {
		t.Errorf("notify %q, followup_drafts %v, templates_dir %q", cfg.Notify.Via, cfg.Reminders.FollowupDrafts, cfg.TemplatesDir)
	}
	if quiet := mustParse(t, minimal+"thanks: {relationship: false}\n", env()); quiet.Thanks.Relationship {
		t.Error("thanks.relationship: false is read as true")
	}
	if cfg.SMTP.RateLimit.String() != "5/minute" {
		t.Errorf("rate limit %v", cfg.SMTP.RateLimit)
	}
	off := mustParse(t, minimal+"  rate_limit: off\n", env())
	if off.SMTP.RateLimit.Enabled() {
		t.Errorf("rate_limit off is %v", off.SMTP.RateLimit)
	}
}

func TestSpeakingMistakesNameTheirKeys(t *testing.T) {
	errs := parseErrors(t, minimal+"  rate_limit: lots\nnotify: {via: pigeon}\ntemplates_dir: /nonexistent/gratitude-templates\n", env())
	wantProblem(t, errs, "smtp.rate_limit", `cannot read "lots"`, "60/hour")
	wantProblem(t, errs, "notify.via", `must be imap`, `"pigeon"`)
	wantProblem(t, errs, "templates_dir", "/nonexistent/gratitude-templates is not a directory")
	if len(errs) != 3 {
		t.Errorf("%d problems, want 3: %v", len(errs), errs)
	}
}

func TestParseRateLimit(t *testing.T) {
	for in, want := range map[string]RateLimit{
		"60/hour": {60, time.Hour}, " 1/minute": {1, time.Minute}, "500/DAY": {500, 24 * time.Hour}, "off": {},
	} {
		got, err := ParseRateLimit(in)
		if err != nil || got != want {
			t.Errorf("ParseRateLimit(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "60", "0/hour", "-1/hour", "60/fortnight", "x/hour"} {
		if _, err := ParseRateLimit(bad); err == nil {
			t.Errorf("ParseRateLimit(%q) accepted", bad)
		}
	}
}
