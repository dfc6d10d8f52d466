package templates

import (
	"fmt"
	"html"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
)

// thanksVariants renders v once per variant of s.
func thanksVariants(t *testing.T, s *Set, v ThanksView) []Rendered {
	t.Helper()
	out := make([]Rendered, s.Variants(Thanks))
	for i := range out {
		v.Variant = i
		out[i] = mustRender(t, s, Thanks, v)
	}
	return out
}

// bareThanks is the thank-you with every optional fact left out.
func bareThanks() ThanksView {
	v := Sample(Thanks).(ThanksView)
	v.Excerpt, v.HelpedBefore, v.TookFor, v.Signature, v.OwnerFirstName = "", 0, 0, "", ""
	return v
}

func TestThanksHasSeveralVariantsThatDiffer(t *testing.T) {
	s := mustLoad(t, "")
	if n := s.Variants(Thanks); n < 4 {
		t.Fatalf("Variants(thanks) = %d, want at least 4", n)
	}
	for _, v := range []ThanksView{Sample(Thanks).(ThanksView), bareThanks()} {
		rs := thanksVariants(t, s, v)
		seen := make(map[string]int) // a line of prose → the variant that has it
		for i, r := range rs {
			for _, line := range proseLines(r.Text, v) {
				if j, ok := seen[line]; ok {
					t.Errorf("variants %d and %d share the line %q", j+1, i+1, line)
				}
				seen[line] = i
			}
		}
	}
}

// proseLines returns the lines of a thank-you's text other than blank
// lines, quotes and the owner's name and signature.
func proseLines(text string, v ThanksView) []string {
	skip := map[string]bool{"Ada": true}
	for line := range strings.SplitSeq(v.Signature, "\n") {
		skip[line] = true
	}
	var lines []string
	for line := range strings.SplitSeq(text, "\n") {
		if line != "" && !strings.HasPrefix(line, ">") && !skip[line] {
			lines = append(lines, line)
		}
	}
	return lines
}

func TestEveryThanksVariantReadsWithoutOptionalFacts(t *testing.T) {
	s := mustLoad(t, "")
	for i, r := range thanksVariants(t, s, bareThanks()) {
		text := r.Text
		for _, bad := range []string{`""`, "  ", " .", " ,", "> ", ":\n\n", "helped me"} {
			if strings.Contains(text, bad) {
				t.Errorf("variant %d has %q:\n%s", i+1, bad, text)
			}
		}
		if strings.Contains(strings.ToLower(text), "once again") {
			t.Errorf("variant %d says once again to a first-time helper:\n%s", i+1, text)
		}
		if !strings.Contains(text, "Alice") || !strings.HasSuffix(text, "\nAda\n") {
			t.Errorf("variant %d is not to Alice and signed Ada:\n%s", i+1, text)
		}
		if n := len(proseLines(text, bareThanks())); n < 2 || n > 6 {
			t.Errorf("variant %d has %d lines of prose, want 2 to 6:\n%s", i+1, n, text)
		}
		assertPersonal(t, fmt.Sprintf("variant %d", i+1), r)
	}
}

// assertPersonal fails unless r reads as a personal note: no mention of
// gratitude, no exclamation marks, no emoji, no stock phrases.
func assertPersonal(t *testing.T, what string, r Rendered) {
	t.Helper()
	lower := strings.ReplaceAll(strings.ToLower(r.Text+r.HTML), "<!doctype", "")
	for _, bad := range []string{"gratitude", "!", "hope this", "finds you well", "automated"} {
		if strings.Contains(lower, bad) {
			t.Errorf("%s has %q:\n%s", what, bad, r.Text)
		}
	}
	for _, c := range r.Text {
		if c > 0x2600 && unicode.IsSymbol(c) {
			t.Errorf("%s has the symbol %q:\n%s", what, c, r.Text)
		}
	}
}

func TestThanksUsesTheFacts(t *testing.T) {
	s := mustLoad(t, "")
	full := Sample(Thanks).(ThanksView)
	quick := bareThanks()
	quick.TookFor = 3 * time.Hour
	slow := bareThanks()
	slow.TookFor = 2 * day
	for i, r := range thanksVariants(t, s, full) {
		if lower := strings.ToLower(r.Text); !strings.Contains(lower, "again") && !strings.Contains(lower, "helped me") {
			t.Errorf("variant %d does not say Alice helped before:\n%s", i+1, r.Text)
		}
		if !strings.HasSuffix(r.Text, "Ada\n\nAda Lovelace\n+44 20 7946 0958\n") || !strings.Contains(r.HTML, "Ada Lovelace\n&#43;44 20 7946 0958") {
			t.Errorf("variant %d lacks the signature after the name:\n%s\n%s", i+1, r.Text, r.HTML)
		}
		if r.Subject != "Re: "+sampleSubject {
			t.Errorf("variant %d: subject %q", i+1, r.Subject)
		}
	}
	const speed = `quick|fast|after I asked|of my asking`
	for i, r := range thanksVariants(t, s, quick) {
		if !regexp.MustCompile(speed).MatchString(r.Text) {
			t.Errorf("variant %d does not mention the quick answer:\n%s", i+1, r.Text)
		}
	}
	for i, r := range thanksVariants(t, s, slow) {
		if regexp.MustCompile(speed).MatchString(r.Text) {
			t.Errorf("variant %d calls a two-day answer quick:\n%s", i+1, r.Text)
		}
	}
	quoting := 0
	for _, r := range thanksVariants(t, s, full) {
		if strings.Contains(r.Text, "I can come at ten") {
			quoting++
		}
	}
	if quoting < 4 {
		t.Errorf("%d variants quote the excerpt, want at least 4", quoting)
	}
}

func TestThanksHTMLSaysWhatTheTextSays(t *testing.T) {
	s := mustLoad(t, "")
	for _, v := range []ThanksView{Sample(Thanks).(ThanksView), bareThanks()} {
		for i, r := range thanksVariants(t, s, v) {
			if got, want := htmlWords(r.HTML), textWords(r.Text); got != want {
				t.Errorf("variant %d: HTML and text differ:\nHTML: %s\ntext: %s", i+1, got, want)
			}
		}
	}
}

var tag = regexp.MustCompile(`<[^>]*>`)

// htmlWords returns the words of an HTML body, quotes made straight.
func htmlWords(h string) string {
	h = tag.ReplaceAllString(h, " ")
	h = strings.NewReplacer("“", `"`, "”", `"`).Replace(html.UnescapeString(h))
	return strings.Join(strings.Fields(h), " ")
}

// textWords returns the words of a text body without its quote marks.
func textWords(s string) string {
	var b strings.Builder
	for line := range strings.SplitSeq(s, "\n") {
		b.WriteString(strings.TrimPrefix(strings.TrimPrefix(line, ">"), " ") + "\n")
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func TestThanksShowsTheExcerptLiterally(t *testing.T) {
	s := mustLoad(t, "")
	v := Sample(Thanks).(ThanksView)
	v.Excerpt = `Use <b>bold</b> and {{.X}} & "quotes"`
	v.Helper.Name = "<i>Alice</i>"
	for i, r := range thanksVariants(t, s, v) {
		if strings.Contains(r.HTML, "<b>") || strings.Contains(r.HTML, "<i>") {
			t.Errorf("variant %d: HTML carries markup from data:\n%s", i+1, r.HTML)
		}
		if !strings.Contains(r.HTML, "&lt;i&gt;Alice&lt;/i&gt;") || !strings.Contains(r.Text, "<i>Alice</i>") {
			t.Errorf("variant %d: the name is not shown as written:\n%s\n%s", i+1, r.Text, r.HTML)
		}
		if strings.Contains(r.Text, "Use <b>bold</b> and {{.X}} &") != strings.Contains(r.HTML, "Use &lt;b&gt;bold&lt;/b&gt; and {{.X}} &amp;") {
			t.Errorf("variant %d: the excerpt is not shown literally in both parts:\n%s\n%s", i+1, r.Text, r.HTML)
		}
	}
}

func TestThanksOverrideChoosesAmongItsVariants(t *testing.T) {
	const text = `{{define "variant-1"}}One for {{first .Helper}}.{{end}}
{{define "variant-2"}}Two for {{first .Helper}}.{{end}}
`
	s := mustLoad(t, writeDir(t, map[string]string{"thanks.txt": text}))
	if n := s.Variants(Thanks); n != 2 {
		t.Fatalf("Variants = %d, want 2", n)
	}
	for variant, want := range map[int]string{0: "One", 1: "Two", 2: "One", 5: "Two", -1: "Two"} {
		v := Sample(Thanks).(ThanksView)
		v.Variant = variant
		r := mustRender(t, s, Thanks, v)
		if r.Text != want+" for Alice.\n" || r.HTML != "" || r.Subject != "Re: "+sampleSubject {
			t.Errorf("Variant %d: got %q, HTML %q, subject %q; want %q, no HTML", variant, r.Text, r.HTML, r.Subject, want)
		}
	}
	if err := s.Check(); err != nil {
		t.Errorf("Check: %v", err)
	}
}

func TestThanksOverrideWithoutVariantsIsOneWording(t *testing.T) {
	dir := writeDir(t, map[string]string{"thanks.txt": "Thanks, {{first .Helper}}.\n", "thanks.html": "<p>Thanks, {{first .Helper}}.</p>"})
	s := mustLoad(t, dir)
	if n := s.Variants(Thanks); n != 1 {
		t.Errorf("Variants = %d, want 1", n)
	}
	for variant := range 3 {
		v := Sample(Thanks).(ThanksView)
		v.Variant = variant
		if r := mustRender(t, s, Thanks, v); r.Text != "Thanks, Alice.\n" || r.HTML != "<p>Thanks, Alice.</p>\n" {
			t.Errorf("Variant %d: %q, %q", variant, r.Text, r.HTML)
		}
	}
}

func TestVariantsIsOneForOtherNames(t *testing.T) {
	s := mustLoad(t, writeDir(t, map[string]string{"nudge.txt": `{{define "variant-1"}}x{{end}}{{define "variant-2"}}y{{end}}body`}))
	if n := s.Variants(Nudge); n != 1 {
		t.Errorf("Variants(nudge) = %d, want 1", n)
	}
	if n := s.Variants("nope"); n != 0 {
		t.Errorf("Variants(nope) = %d, want 0", n)
	}
}

func TestBadThanksOverrideIsReportedWithItsFile(t *testing.T) {
	v1 := `{{define "variant-1"}}one{{end}}`
	v2 := v1 + `{{define "variant-2"}}two{{end}}`
	v3 := v2 + `{{define "variant-3"}}three{{end}}`
	tests := []struct {
		name    string
		files   map[string]string
		file    string // named in the error
		wantErr string
	}{
		{"text lacks a variant of the HTML", map[string]string{"thanks.txt": v2, "thanks.html": v3}, "thanks.txt", `no {{define "variant-3"}}, which thanks.html has`},
		{"HTML lacks a variant of the text", map[string]string{"thanks.txt": v3, "thanks.html": v2}, "thanks.html", `no {{define "variant-3"}}, which thanks.txt has`},
		{"HTML lacks variants of the default text", map[string]string{"thanks.html": v2}, "thanks.html", `no {{define "variant-3"}}, which thanks.txt has`},
		{"HTML has no variants", map[string]string{"thanks.txt": v2, "thanks.html": "<p>hi</p>"}, "thanks.html", `no {{define "variant-1"}}`},
		{"gap", map[string]string{"thanks.txt": v1 + `{{define "variant-3"}}three{{end}}`}, "thanks.txt", "variant-2 is missing"},
		{"badly numbered", map[string]string{"thanks.txt": v1 + `{{define "variant-02"}}two{{end}}`}, "thanks.txt", `{{define "variant-02"}} is not a variant name`},
		{"text outside the variants", map[string]string{"thanks.txt": v2 + "\nHi there\n"}, "thanks.txt", "text outside the variants is never used"},
		{"subject", map[string]string{"thanks.txt": `{{define "subject"}}Thanks{{end}}` + v2}, "thanks.txt", `remove {{define "subject"}}`},
	}
	for _, tt := range tests {
		dir := writeDir(t, tt.files)
		_, err := Load(dir, time.UTC)
		path := filepath.Join(dir, tt.file)
		if err == nil || !strings.Contains(err.Error(), path+":") || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: Load error %v, want it to name %s and say %q", tt.name, err, path, tt.wantErr)
		}
	}
}

func TestCheckRendersEveryThanksVariant(t *testing.T) {
	const text = `{{define "variant-1"}}fine{{end}}{{define "variant-2"}}{{.Nope}}{{end}}{{define "variant-3"}} {{end}}`
	dir := writeDir(t, map[string]string{"thanks.txt": text})
	err := mustLoad(t, dir).Check()
	path := filepath.Join(dir, "thanks.txt")
	for _, want := range []string{path + ":1:", "can't evaluate field Nope", path + ": variant-3: the text is empty"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Check: %v, want %q", err, want)
		}
	}
}

func FuzzThanksRendersAnyData(f *testing.F) {
	f.Add("Moving\r\n", "I can {{.Come}}\n> quoted", "<b>Alice</b>", 3)
	s, err := Load("", time.UTC)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, subject, excerpt, name string, variant int) {
		v := Sample(Thanks).(ThanksView)
		v.Subject, v.Excerpt, v.Helper.Name, v.Variant = subject, excerpt, name, variant
		r, err := s.Render(Thanks, v)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if strings.ContainsAny(r.Subject, "\r\n") || !strings.HasPrefix(strings.ToLower(r.Subject), "re:") {
			t.Fatalf("subject %q", r.Subject)
		}
	})
}
