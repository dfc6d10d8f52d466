package mailer_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	gomail "github.com/emersion/go-message/mail"

	"gratitude"
	"gratitude/mailer"
)

// spoofed is a thank-you whose names and subject carry bidi controls: the
// helper's name reads "Alice" twice, the subject hides its order.
func spoofed() (m *mailer.Message) {
	m = thankYou()
	m.From.Name = "Ada\u202ELovelace"
	m.To = []gratitude.Address{
		{Name: "Alice\u202Eecila", Email: "alice@example.org"},
		{Name: "\u202E\u2066\u200F\u2069", Email: "bob@example.net"},
	}
	m.Subject = "Re: \u2066Invoice\u2067 paid\u2068 in full\u2069"
	return m
}

func TestRenderedHeadersShowNoBidiControl(t *testing.T) {
	raw := render(t, spoofed())
	mr, err := gomail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("parse rendered message: %v\n%s", err, raw)
	}
	for _, field := range []string{"From", "To", "Subject"} {
		v, err := mr.Header.Text(field)
		if err != nil {
			t.Fatalf("%s: %v", field, err)
		}
		if i := strings.IndexFunc(v, func(r rune) bool { return unicode.Is(unicode.Bidi_Control, r) }); i >= 0 {
			t.Errorf("%s %+q keeps a bidi control", field, v)
		}
	}
	if s, _ := mr.Header.Subject(); s != "Re: Invoice paid in full" {
		t.Errorf("Subject = %q", s)
	}
	to, err := mr.Header.AddressList("To")
	if err != nil || len(to) != 2 {
		t.Fatalf("To = %v, %v", to, err)
	}
	if to[0].Name != "Aliceecila" || to[1].Name != "" || to[1].Address != "bob@example.net" {
		t.Errorf("To = %q <%s>, %q <%s>; want the visible name, then the bare address", to[0].Name, to[0].Address, to[1].Name, to[1].Address)
	}
}
