package templates

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// writeDir writes files (name → content) into a fresh directory and returns it.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestOverridesReplaceTextAndHTML(t *testing.T) {
	const text = "{{define \"subject\"}}Psst: {{.Request.Subject}}{{end}}\nStill quiet: {{join .Waiting}}.\n"
	const html = "<p>Still quiet: {{join .Waiting}}.</p>"
	tests := []struct {
		name             string
		files            map[string]string
		subject          string
		textHas, htmlHas string
	}{
		{"text only", map[string]string{"nudge.txt": text}, "Psst: " + sampleSubject, "Still quiet: Alice", "You wrote:"},
		{"html only", map[string]string{"nudge.html": html}, "No answer yet: " + sampleSubject, "You wrote:", "<p>Still quiet: Alice"},
		{"both", map[string]string{"nudge.txt": text, "nudge.html": html}, "Psst: " + sampleSubject, "Still quiet: Alice", "<p>Still quiet: Alice"},
	}
	for _, tt := range tests {
		s := mustLoad(t, writeDir(t, tt.files))
		r := mustRender(t, s, Nudge, Sample(Nudge))
		if r.Subject != tt.subject || !strings.Contains(r.Text, tt.textHas) || !strings.Contains(r.HTML, tt.htmlHas) {
			t.Errorf("%s: got subject %q, text:\n%s\nHTML:\n%s", tt.name, r.Subject, r.Text, r.HTML)
		}
		if r := mustRender(t, s, Digest, Sample(Digest)); !strings.HasPrefix(r.Subject, "Digest for") {
			t.Errorf("%s: overriding nudge changed the digest subject to %q", tt.name, r.Subject)
		}
	}
}

func TestOverrideWithoutSubjectKeepsDefaultSubject(t *testing.T) {
	dir := writeDir(t, map[string]string{"followup.txt": "Hey {{join (firsts .To)}}, any news?\n{{template \"greeting\" .OwnerName}}\n"})
	s := mustLoad(t, dir)
	r := mustRender(t, s, FollowUp, Sample(FollowUp))
	if r.Subject != "Re: "+sampleSubject || !strings.HasPrefix(r.Text, "Hey Alice, Bob and carol@example.com, any news?\nHi Ada,") {
		t.Errorf("got subject %q, text:\n%s", r.Subject, r.Text)
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func TestOverrideMayAddHTMLToFollowUp(t *testing.T) {
	s := mustLoad(t, writeDir(t, map[string]string{"followup.html": "<p>Hi {{join (firsts .To)}}</p>"}))
	if r := mustRender(t, s, FollowUp, Sample(FollowUp)); r.HTML != "<p>Hi Alice, Bob and carol@example.com</p>\n" {
		t.Errorf("HTML = %q", r.HTML)
	}
}

func TestBrokenOverrideIsReportedWithItsFile(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		content   string
		atLoad    bool   // the problem shows at Load, else at Check
		wantInErr string // besides the file's path
	}{
		{"text syntax", "nudge.txt", "{{define \"subject\"}}x{{end}}\nline two {{.Request.Subject", true, "nudge.txt:2"},
		{"html syntax", "digest.html", "<p>\n{{if .Late}}late</p>", true, "digest.html:2"},
		{"unknown function", "unresolved.txt", "{{shout .OwnerName}}", true, `function "shout" not defined`},
		{"missing field in text", "nudge.txt", "{{define \"subject\"}}x{{end}}\n{{.Nope}}", false, "can't evaluate field Nope"},
		{"missing field in subject", "thanks-pending.txt", "{{define \"subject\"}}{{.Request.Nope}}{{end}}body", false, "can't evaluate field Nope"},
		{"missing field in html", "digest.html", "<p>{{range .Open}}{{.Nope}}{{end}}</p>", false, "can't evaluate field Nope"},
		{"empty subject", "followup.txt", "{{define \"subject\"}} \r\n {{end}}body", false, "the subject is empty"},
		{"empty text", "digest.txt", "{{define \"subject\"}}Digest{{end}}\n\n", false, "the text is empty"},
		{"bad html context", "nudge.html", "<a href=\"{{.AskText}}", false, "nudge.html"},
	}
	for _, tt := range tests {
		dir := writeDir(t, map[string]string{tt.file: tt.content})
		s, err := Load(dir, time.UTC)
		if !tt.atLoad && err == nil {
			err = s.Check()
		}
		if err == nil {
			t.Errorf("%s: no error", tt.name)
			continue
		}
		path := filepath.Join(dir, tt.file)
		if msg := err.Error(); !strings.Contains(msg, path) || !strings.Contains(msg, tt.wantInErr) {
			t.Errorf("%s: error %q, want it to name %s and say %q", tt.name, msg, path, tt.wantInErr)
		}
	}
}

func TestEveryProblemIsReportedAtOnce(t *testing.T) {
	dir := writeDir(t, map[string]string{"nudge.txt": "{{.A", "digest.html": "{{end}}"})
	_, err := Load(dir, nil)
	if err == nil || !strings.Contains(err.Error(), "nudge.txt:1") || !strings.Contains(err.Error(), "digest.html:1") {
		t.Errorf("Load: %v, want both parse errors", err)
	}
	dir = writeDir(t, map[string]string{"nudge.txt": "{{.A}}", "digest.html": "{{.B}}", "followup.txt": "{{.C}}"})
	err = mustLoad(t, dir).Check()
	for _, file := range []string{"nudge.txt", "digest.html", "followup.txt"} {
		if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, file)) {
			t.Errorf("Check: %v, want %s named", err, file)
		}
	}
}

func TestUnknownFilesAreReported(t *testing.T) {
	dir := writeDir(t, map[string]string{"nudge.txt": "ok", "nudges.txt": "x", "digest.md": "x", ".hidden": "x"})
	_, err := Load(dir, nil)
	if err == nil {
		t.Fatal("Load succeeded with unknown files")
	}
	msg := err.Error()
	for _, want := range []string{"nudges.txt", "digest.md", "valid names: nudge.txt, nudge.html, followup.txt"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error %q lacks %q", msg, want)
		}
	}
	if strings.Contains(msg, ".hidden") {
		t.Errorf("error %q names a hidden file", msg)
	}
}

func TestTemplatesDirMustExist(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "nope")
	_, err := Load(missing, nil)
	if want := "templates_dir " + missing + ": no such directory"; err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Errorf("Load(missing) = %v, want %q", err, want)
	}
	file := filepath.Join(writeDir(t, map[string]string{"f": ""}), "f")
	if _, err := Load(file, nil); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("Load(file) = %v, want not a directory", err)
	}
}
