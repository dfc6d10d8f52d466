package demo

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestAMailIsSentWithoutItsBccAndFiledWithIt(t *testing.T) {
	at := time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)
	m := &Mail{From: demoAda, To: []Person{demoAlice}, Cc: []Person{demoCarol}, Bcc: []string{"ada+thanks@example.org"},
		Subject: "Budget", Body: "Hi\nAlice", At: at, InReplyTo: "b@x", References: []string{"a@x"}}
	raw, sent := m.Render(7)
	if m.MessageID != "demo-1795251600-7@example.org" {
		t.Errorf("Message-ID %q", m.MessageID)
	}
	for _, want := range []string{"To: \"Alice Martin\" <alice@example.org>\r\n", "Cc: \"Carol Schmidt\" <carol@example.org>\r\n",
		"In-Reply-To: <b@x>\r\n", "References: <a@x> <b@x>\r\n", "\r\n\r\nHi\r\nAlice\r\n"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("the message lacks %q:\n%s", want, raw)
		}
	}
	if strings.Contains(string(raw), "Bcc") || string(sent) != "Bcc: ada+thanks@example.org\r\n"+string(raw) {
		t.Errorf("sent with its Bcc, or filed without it:\n%s\n---\n%s", raw, sent)
	}
	if got := strings.Join(m.Recipients(), " "); got != "alice@example.org carol@example.org ada+thanks@example.org" {
		t.Errorf("recipients %s", got)
	}
}

func TestTheWorldDeliversPlusAddressesAndDropsStrangers(t *testing.T) {
	w, err := startWorld()
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	m := &Mail{From: demoBob, ToAddress: "ada+thanks@example.org", Bcc: []string{"eve@elsewhere.example"},
		Subject: "Hello", Body: "Hi", At: time.Now(), SentCopy: true}
	if err := w.Send(ctx, m); err != nil { // eve has no mailbox here: her copy is dropped, not an error
		t.Fatal(err)
	}
	for _, c := range []struct {
		email string
		want  bool
	}{{"ada@example.org", true}, {"bob@example.org", false}} {
		if got, err := w.Holds(ctx, c.email, m.MessageID); err != nil || got != c.want {
			t.Errorf("%s's INBOX holds it: %v (%v), want %v", c.email, got, err, c.want)
		}
	}
}

func TestClipCutsAtAWord(t *testing.T) {
	for in, want := range map[string]string{
		"short":                                  "short",
		"The travel line is counted twice, once": "The travel line is…",
	} {
		if got := clip(in, 22); got != want {
			t.Errorf("clip(%q) = %q, want %q", in, got, want)
		}
	}
}
