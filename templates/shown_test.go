package templates

import (
	"reflect"
	"strings"
	"testing"
	"unicode"

	"gratitude"
)

// Names and subjects that try to make a message say what it does not.
const (
	spoofName    = "Alice\u202Eecila" // shows as "Alicealice": U+202E reverses "ecila"
	spoofSubject = "\u2066Invoice\u2067 paid\u2068 in full\u2069"
	onlyControls = "\u202E\u2066\u200F\u2069"
)

// poison sets every Name, OwnerName and From in v to spoofName and every
// Subject to spoofSubject, however deep, copying slices. (Alert is the one
// view without a subject.)
func poison(v reflect.Value, field string) {
	switch v.Kind() {
	case reflect.String:
		switch field {
		case "Name", "OwnerName", "OwnerFirstName", "From":
			v.SetString(spoofName)
		case "Subject":
			v.SetString(spoofSubject)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if f := v.Field(i); f.CanSet() {
				poison(f, v.Type().Field(i).Name)
			}
		}
	case reflect.Slice:
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		reflect.Copy(c, v)
		for i := range c.Len() {
			poison(c.Index(i), field)
		}
		v.Set(c)
	}
}

// poisoned returns name's sample with spoofed names and subjects.
func poisoned(name Name) any {
	v := reflect.New(reflect.TypeOf(Sample(name))).Elem()
	v.Set(reflect.ValueOf(Sample(name)))
	poison(v, "")
	return v.Interface()
}

// bidiIn returns the bidi controls in s.
func bidiIn(s string) []rune {
	var out []rune
	for _, r := range s {
		if unicode.Is(unicode.Bidi_Control, r) || r == '\uFEFF' || r == '\u200B' {
			out = append(out, r)
		}
	}
	return out
}

func TestNoBidiControlReachesARenderedMessage(t *testing.T) {
	s := mustLoad(t, "")
	for _, name := range Names() {
		r := mustRender(t, s, name, poisoned(name))
		for part, text := range map[string]string{"subject": r.Subject, "text": r.Text, "html": r.HTML} {
			if bad := bidiIn(text); len(bad) > 0 {
				t.Errorf("%s %s keeps %U:\n%s", name, part, bad, text)
			}
		}
		if name != Alert && !strings.Contains(r.Subject+r.Text, "Invoice paid in full") {
			t.Errorf("%s: the subject's words are gone:\n%s\n%s", name, r.Subject, r.Text)
		}
	}
}

func TestThanksToSpoofedNameGreetsTheVisibleName(t *testing.T) {
	v := Sample(Thanks).(ThanksView)
	v.Helper = Person{Name: spoofName, Email: "alice@example.org"}
	v.Subject = spoofSubject
	r := mustRender(t, mustLoad(t, ""), Thanks, v)
	if !strings.Contains(r.Text, "Aliceecila") || r.Subject != "Re: Invoice paid in full" {
		t.Errorf("subject %q, text:\n%s", r.Subject, r.Text)
	}
	if v.Helper.Name != spoofName {
		t.Error("Render changed the caller's view")
	}
}

func TestNameOfOnlyControlsFallsBackToTheAddress(t *testing.T) {
	s := mustLoad(t, "")
	thanks := Sample(Thanks).(ThanksView)
	thanks.Helper = Person{Name: onlyControls, Email: "alice@example.org"}
	if r := mustRender(t, s, Thanks, thanks); !strings.Contains(r.Text, "Hi alice@example.org,") {
		t.Errorf("thank-you greets no address:\n%s", r.Text)
	}
	card := Sample(Card).(CardView)
	card.Drafts = card.Drafts[:1]
	card.Drafts[0].Helper = Person{Name: onlyControls + "\x01 ", Email: "alice@example.org"}
	if r := mustRender(t, s, Card, card); !strings.Contains(r.Text, "alice@example.org") || len(bidiIn(r.Text)) > 0 {
		t.Errorf("card does not name the address:\n%s", r.Text)
	}
}

// TestVisibleIsTheDomainRule holds this package's copy of the rule to
// gratitude.Visible, character by character.
func TestVisibleIsTheDomainRule(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if hidden(r) != gratitude.Hidden(r) {
			t.Fatalf("%U: hidden here %v, in gratitude %v", r, hidden(r), gratitude.Hidden(r))
		}
	}
	flag := "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F"
	for _, s := range []string{spoofName, spoofSubject, flag, "x" + flag[4:], "\uFEFFa\u200Db"} {
		if visible(s) != gratitude.Visible(s) {
			t.Errorf("visible(%+q) = %+q, gratitude.Visible %+q", s, visible(s), gratitude.Visible(s))
		}
	}
}
