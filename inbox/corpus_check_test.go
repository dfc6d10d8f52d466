package inbox_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/inbox"
	"gratitude/inbox/msgtext"
)

// checkVerdict compares a verdict with the corpus expectation, field by
// field, reporting every difference.
func checkVerdict(t *testing.T, want corpusExpect, v inbox.Verdict) {
	t.Helper()
	if string(v.Class) != want.Class {
		t.Fatalf("class %q (%s), want %q (%s)", v.Class, v.Reason, want.Class, want.Notes)
	}
	if want.Reason != "" && !strings.HasPrefix(v.Reason, want.Reason) {
		t.Errorf("reason %q, want %q…", v.Reason, want.Reason)
	}
	if want.Request != 0 && v.RequestID != want.Request && v.RequestID != 0 {
		t.Errorf("request %d, want %d", v.RequestID, want.Request)
	}
	switch ev := v.Event.(type) {
	case gratitude.Replied:
		checkReply(t, want, ev)
	case gratitude.OwnerWrote:
		if want.Thanks != nil && ev.Thanks != *want.Thanks {
			t.Errorf("thanks %v, want %v", ev.Thanks, *want.Thanks)
		}
	case gratitude.Asked:
		checkAsk(t, want, ev)
	case gratitude.Commanded:
		if ev.Ask != nil {
			checkAsk(t, want, *ev.Ask)
		}
	case nil:
		if want.Helper != nil && *want.Helper {
			t.Errorf("no event, but the sender should become a helper")
		}
	}
}

func checkReply(t *testing.T, want corpusExpect, ev gratitude.Replied) {
	t.Helper()
	if want.From != "" && ev.From.Email != strings.ToLower(want.From) {
		t.Errorf("from %q, want %q", ev.From.Email, want.From)
	}
	if want.Helper != nil && !*want.Helper {
		t.Errorf("reply event, but the sender should not become a helper")
	}
	if want.ExcerptContains != "" && !strings.Contains(ev.Excerpt, want.ExcerptContains) {
		t.Errorf("excerpt %q does not contain %q", ev.Excerpt, want.ExcerptContains)
	}
	for _, bad := range want.ExcerptExcludes {
		if strings.Contains(ev.Excerpt, bad) {
			t.Errorf("excerpt %q contains %q", ev.Excerpt, bad)
		}
	}
	if len([]rune(ev.Excerpt)) > 300 {
		t.Errorf("excerpt is %d characters, want under 300", len([]rune(ev.Excerpt)))
	}
}

func checkAsk(t *testing.T, want corpusExpect, ev gratitude.Asked) {
	t.Helper()
	if want.Subject != "" && ev.Subject != want.Subject {
		t.Errorf("subject %q, want %q", ev.Subject, want.Subject)
	}
	if want.Asked != nil {
		var got []string
		for _, a := range ev.Asked {
			got = append(got, a.Email)
		}
		w := slices.Clone(want.Asked)
		for i := range w {
			w[i] = strings.ToLower(w[i])
		}
		slices.Sort(got)
		slices.Sort(w)
		if !slices.Equal(got, w) {
			t.Errorf("asked %v, want %v", got, w)
		}
	}
	checkOptions(t, want.Options, ev)
	if want.Helpers != nil {
		var got []string
		if ev.Helped != nil {
			got = append(got, ev.Helped.From.Email)
		}
		if fmt.Sprint(got) != fmt.Sprint(want.Helpers) {
			t.Errorf("forwarded helper %v, want %v", got, want.Helpers)
		}
	}
	if want.Forward != nil {
		checkForward(t, want.Forward, ev)
	}
}

func checkOptions(t *testing.T, opts map[string]any, ev gratitude.Asked) {
	t.Helper()
	for k, v := range opts {
		switch k {
		case "window":
			d, err := time.ParseDuration(strings.Replace(fmt.Sprint(v), "d", "h", 1))
			if err == nil && strings.HasSuffix(fmt.Sprint(v), "d") {
				d *= 24
			}
			if got := ev.DueAt.Sub(ev.At); got < d-2*time.Hour || got > d+2*time.Hour {
				t.Errorf("due %v after the ask, want about %v", got, v)
			}
		case "due":
			if wd := strings.ToLower(ev.DueAt.In(berlin).Weekday().String()); !strings.HasPrefix(wd, strings.ToLower(fmt.Sprint(v))) {
				t.Errorf("due on %s (%v), want %v", wd, ev.DueAt, v)
			}
		case "noremind":
			if ev.NoRemind != (v == true) {
				t.Errorf("noremind %v, want %v", ev.NoRemind, v)
			}
		case "notes":
			for _, n := range v.([]any) {
				if !slices.ContainsFunc(ev.Notes, func(s string) bool { return strings.Contains(s, fmt.Sprint(n)) }) {
					t.Errorf("notes %q do not mention %v", ev.Notes, n)
				}
			}
		}
	}
}

func checkForward(t *testing.T, want map[string]string, ev gratitude.Asked) {
	t.Helper()
	o := ev.Original
	if o == nil {
		t.Fatalf("not recognised as a forward")
	}
	if f := want["from"]; f != "" && !strings.EqualFold(o.From, f) {
		t.Errorf("forwarded from %q, want %q", o.From, f)
	}
	if s := want["subject"]; s != "" && ev.NormSubject != msgtext.NormalizeSubject(s) {
		t.Errorf("forwarded subject %q, want %q", ev.Subject, s)
	}
	if d := want["date"]; d != "" {
		wantDate, err := time.Parse(time.RFC3339, d)
		if err == nil && (o.Date.Sub(wantDate) > time.Minute || wantDate.Sub(o.Date) > time.Minute) {
			t.Errorf("forwarded date %v, want %v", o.Date, wantDate)
		}
	}
}
