package templates

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// mustLoad loads the templates of dir (or only the defaults) in UTC.
func mustLoad(t *testing.T, dir string) *Set {
	t.Helper()
	s, err := Load(dir, time.UTC)
	if err != nil {
		t.Fatalf("Load(%q): %v", dir, err)
	}
	return s
}

// mustRender renders name with data or fails the test.
func mustRender(t *testing.T, s *Set, name Name, data any) Rendered {
	t.Helper()
	r, err := s.Render(name, data)
	if err != nil {
		t.Fatalf("Render(%s): %v", name, err)
	}
	return r
}

func TestEveryTemplateRendersItsSample(t *testing.T) {
	s := mustLoad(t, "")
	for _, name := range Names() {
		r := mustRender(t, s, name, Sample(name))
		if r.Subject == "" || strings.ContainsAny(r.Subject, "\r\n") {
			t.Errorf("%s: subject %q, want one non-empty line", name, r.Subject)
		}
		if r.Text == "" || !strings.HasSuffix(r.Text, "\n") {
			t.Errorf("%s: text %q, want a body ending in a newline", name, r.Text)
		}
		if wantHTML := name != FollowUp; wantHTML != (r.HTML != "") {
			t.Errorf("%s: HTML present = %v, want %v", name, r.HTML != "", wantHTML)
		}
		fromOwner := name == FollowUp || name.isThanks()
		if !fromOwner && !strings.Contains(r.Text, "— gratitude") {
			t.Errorf("%s: text not signed by gratitude:\n%s", name, r.Text)
		}
		if fromOwner && strings.Contains(strings.ToLower(r.Text+r.HTML), "gratitude") {
			t.Errorf("%s: mail in the owner's name mentions gratitude:\n%s", name, r.Text)
		}
	}
}

func TestDefaultsPassCheck(t *testing.T) {
	if err := mustLoad(t, "").Check(); err != nil {
		t.Fatalf("Check: %v", err)
	}
}

func TestHTMLEscapesData(t *testing.T) {
	v := Sample(Nudge).(NudgeView)
	v.Waiting = []Person{{Name: "<script>alert(1)</script>", Email: "x@example.org"}}
	v.AskText = `<img src=x onerror="alert(2)">`
	r := mustRender(t, mustLoad(t, ""), Nudge, v)
	if strings.Contains(r.HTML, "<script>") || strings.Contains(r.HTML, "<img") {
		t.Errorf("HTML carries markup from data:\n%s", r.HTML)
	}
	if !strings.Contains(r.HTML, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("HTML lacks the escaped name:\n%s", r.HTML)
	}
	if !strings.Contains(r.Text, "<script>alert(1)</script>") {
		t.Errorf("text should show the name as written:\n%s", r.Text)
	}
}

func TestDataIsNeverParsedAsTemplate(t *testing.T) {
	v := Sample(Unresolved).(UnresolvedView)
	v.Request.Subject = `{{.Evil}} {{template "open"}}`
	v.OwnerName = "{{.OwnerName}}"
	r := mustRender(t, mustLoad(t, ""), Unresolved, v)
	if want := `Is this done? {{.Evil}} {{template "open"}}`; r.Subject != want {
		t.Errorf("subject = %q, want %q", r.Subject, want)
	}
	if !strings.Contains(r.Text, `"{{.Evil}} {{template "open"}}"`) || !strings.Contains(r.Text, "Hi {{.OwnerName}},") {
		t.Errorf("text does not show the data literally:\n%s", r.Text)
	}
	if !strings.Contains(r.HTML, "{{.Evil}} {{template &#34;open&#34;}}") {
		t.Errorf("HTML does not show the data literally:\n%s", r.HTML)
	}
}

func TestSubjectCollapsesLineBreaks(t *testing.T) {
	v := Sample(Nudge).(NudgeView)
	v.Request.Subject = "Help\r\nBcc: evil@example.com\n\tplease"
	r := mustRender(t, mustLoad(t, ""), Nudge, v)
	if want := "No answer yet: Help Bcc: evil@example.com please"; r.Subject != want {
		t.Errorf("subject = %q, want %q", r.Subject, want)
	}
}

// withReminder returns the sample of a reminder template with its Reminder set to r.
func withReminder(t *testing.T, name Name, r Reminder) any {
	t.Helper()
	switch v := Sample(name).(type) {
	case NudgeView:
		v.Reminder = r
		return v
	case UnresolvedView:
		v.Reminder = r
		return v
	case ThanksPendingView:
		v.Reminder = r
		return v
	}
	t.Fatalf("%s is not a reminder", name)
	return nil
}

func TestLateAndSeqShowInText(t *testing.T) {
	now := time.Date(2026, 11, 23, 9, 12, 0, 0, time.UTC)
	const late = "This was due Mon 23 Nov 02:00; it is late because gratitude was not running"
	const second = "(second reminder of three)"
	tests := []struct {
		name      string
		r         Reminder
		want, not []string
	}{
		{"first, on time", Reminder{Now: now, Seq: 1, Of: 3}, nil, []string{"reminder of", "it is late"}},
		{"second of three", Reminder{Now: now, Seq: 2, Of: 3}, []string{second}, []string{"it is late"}},
		{"late", Reminder{Now: now, Seq: 1, Of: 1, Late: true, DueAt: now.Add(-7*time.Hour - 12*time.Minute)}, []string{late}, []string{"reminder of"}},
		{"unknown total", Reminder{Now: now, Seq: 4}, []string{"(fourth reminder)"}, nil},
		{"reply hint", Reminder{Now: now, Seq: 1, ReplyHint: "Reply resolved to close it."}, []string{"Reply resolved to close it."}, nil},
	}
	s := mustLoad(t, "")
	for _, name := range []Name{Nudge, Unresolved, ThanksPending} {
		for _, tt := range tests {
			r := mustRender(t, s, name, withReminder(t, name, tt.r))
			for _, w := range tt.want {
				if !strings.Contains(r.Text, w) || !strings.Contains(r.HTML, w) {
					t.Errorf("%s, %s: text or HTML lacks %q:\n%s\n%s", name, tt.name, w, r.Text, r.HTML)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(r.Text, n) {
					t.Errorf("%s, %s: text has %q:\n%s", name, tt.name, n, r.Text)
				}
			}
		}
	}
}

func TestNudgeSaysFollowUpIsInDrafts(t *testing.T) {
	s := mustLoad(t, "")
	v := Sample(Nudge).(NudgeView)
	const drafts = "waiting in your Drafts folder, addressed and threaded, ready to send"
	if r := mustRender(t, s, Nudge, v); !strings.Contains(r.Text, drafts) || !strings.Contains(r.Text, "> Could one of you lend a hand") {
		t.Errorf("nudge lacks the drafts line or the quoted ask:\n%s", r.Text)
	}
	v.FollowUpInDrafts = false
	if r := mustRender(t, s, Nudge, v); strings.Contains(r.Text, drafts) {
		t.Errorf("nudge mentions Drafts though the follow-up is not there:\n%s", r.Text)
	}
}

func TestDigestLeavesOutEmptySections(t *testing.T) {
	full := Sample(Digest).(DigestView)
	sections := []string{"Waiting for an answer", "Answered, not resolved", "Resolved, still to thank",
		"Who helped you", "Waiting longest", "owe them a hand", "Mail that could not be sent", "it is late because"}
	tests := []struct {
		name  string
		v     DigestView
		shown []string
	}{
		{"full", full, sections},
		{"only open", DigestView{Now: full.Now, Since: full.Since, Open: full.Open}, []string{"Waiting for an answer"}},
		{"only failures", DigestView{Now: full.Now, Failures: full.Failures}, []string{"Mail that could not be sent"}},
		{"nothing", DigestView{Now: full.Now}, []string{"A quiet stretch"}},
	}
	s := mustLoad(t, "")
	for _, tt := range tests {
		r := mustRender(t, s, Digest, tt.v)
		for _, section := range append(sections, "A quiet stretch") {
			want := slices.Contains(tt.shown, section)
			if strings.Contains(r.Text, section) != want || strings.Contains(r.HTML, section) != want {
				t.Errorf("%s: %q shown = %v, want %v:\n%s", tt.name, section, !want, want, r.Text)
			}
		}
	}
}

func TestTimesShowInTheLoadedZone(t *testing.T) {
	s, err := Load("", time.FixedZone("JST", 9*3600))
	if err != nil {
		t.Fatal(err)
	}
	r := mustRender(t, s, Nudge, Sample(Nudge))
	if !strings.Contains(r.Text, "due Mon 23 Nov 04:12") || !strings.Contains(r.Text, "on Tue 17 Nov") {
		t.Errorf("times not shown in JST:\n%s", r.Text)
	}
}

func TestRenderTakesTheViewOrAPointerToIt(t *testing.T) {
	s := mustLoad(t, "")
	v := Sample(FollowUp).(FollowUpView)
	if _, err := s.Render(FollowUp, &v); err != nil {
		t.Errorf("Render with a pointer: %v", err)
	}
	for _, data := range []any{nil, (*FollowUpView)(nil), Sample(Nudge), "text"} {
		if _, err := s.Render(FollowUp, data); err == nil || !strings.Contains(err.Error(), "want templates.FollowUpView") {
			t.Errorf("Render(followup, %T) error = %v, want one naming FollowUpView", data, err)
		}
	}
	if _, err := s.Render("thank-you", v); err == nil || !strings.Contains(err.Error(), "thanks-pending") {
		t.Errorf("Render of an unknown name: %v, want an error listing the valid names", err)
	}
}

func TestFollowUpIsPersonal(t *testing.T) {
	r := mustRender(t, mustLoad(t, ""), FollowUp, Sample(FollowUp))
	if !strings.HasPrefix(r.Text, "Hi Alice, Bob and carol@example.com,\n") || !strings.HasSuffix(r.Text, "Thanks,\nAda\n") {
		t.Errorf("follow-up not addressed or signed personally:\n%s", r.Text)
	}
	if strings.Contains(strings.ToLower(r.Text), "gratitude") {
		t.Errorf("follow-up mentions gratitude:\n%s", r.Text)
	}
	if r.Subject != "Re: "+sampleSubject {
		t.Errorf("subject = %q", r.Subject)
	}
}

func FuzzNudgeRendersAnyData(f *testing.F) {
	f.Add("Moving\r\n", "Ask {{.Evil}}", "<b>Alice</b>")
	s, err := Load("", time.UTC)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, subject, ask, name string) {
		v := Sample(Nudge).(NudgeView)
		v.Request.Subject, v.AskText, v.Waiting[0].Name = subject, ask, name
		r, err := s.Render(Nudge, v)
		if err != nil {
			t.Fatalf("Render: %v", err)
		}
		if strings.ContainsAny(r.Subject, "\r\n") || !strings.HasPrefix(r.Subject, "No answer yet:") {
			t.Fatalf("subject %q", r.Subject)
		}
	})
}
