package mailer_test

import (
	"bytes"
	"io"
	"net/mail"
	"slices"
	"strings"
	"testing"
	"time"

	gomail "github.com/emersion/go-message/mail"

	"gratitude"
	"gratitude/mailer"
)

// thankYou is a message with every field set, in German and French.
func thankYou() *mailer.Message {
	return &mailer.Message{
		From: gratitude.Address{Name: "Adèle Lovelace", Email: "ada@example.org"},
		To: []gratitude.Address{
			{Name: "Jürgen Groß", Email: "juergen@example.de"},
			{Name: "Françoise d'Eaubonne", Email: "francoise@example.fr"},
		},
		ReplyTo:       "ada+thanks.c42.k7f3q9@example.org",
		Subject:       "Merci beaucoup, Françoise, und vielen herzlichen Dank, Jürgen, für eure Hilfe beim Umzug!",
		MessageID:     "thanks.42.1@gratitude.example.org",
		InReplyTo:     "reply-7@example.de",
		References:    []string{"ask-1@example.org", "reply-7@example.de"},
		Date:          time.Date(2025, 3, 14, 9, 26, 53, 0, time.FixedZone("CET", 3600)),
		Kind:          "thank-you",
		AutoSubmitted: true,
		Text:          "Lieber Jürgen, chère Françoise,\n\nÇa m'a beaucoup aidée. Grüße!\n.\n..Ada\n",
		HTML:          "<p>Lieber Jürgen, chère Françoise,</p>\n<p>Ça m'a beaucoup aidée. Grüße!</p>\n",
	}
}

func render(t *testing.T, m *mailer.Message) []byte {
	t.Helper()
	raw, err := mailer.Render(m)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	return raw
}

func TestRenderRoundTripsEveryHeaderAndBothParts(t *testing.T) {
	want := thankYou()
	raw := render(t, want)
	checkWireSafe(t, raw)
	mr, err := gomail.CreateReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("parse rendered message: %v\n%s", err, raw)
	}
	checkHeader(t, mr.Header, want)
	parts := readParts(t, mr)
	if got := parts["text/plain"]; got != want.Text {
		t.Errorf("text part = %q, want %q", got, want.Text)
	}
	if got := parts["text/html"]; got != want.HTML {
		t.Errorf("html part = %q, want %q", got, want.HTML)
	}
	if t.Failed() {
		t.Logf("rendered:\n%s", raw)
	}
}

// checkWireSafe wants CRLF line ends only and 7-bit bytes only: headers
// RFC 2047 encoded, bodies quoted-printable.
func checkWireSafe(t *testing.T, raw []byte) {
	t.Helper()
	if n := bytes.Count(raw, []byte("\n")); n != bytes.Count(raw, []byte("\r\n")) {
		t.Errorf("%d bare LF in the rendered message", n-bytes.Count(raw, []byte("\r\n")))
	}
	if i := bytes.IndexFunc(raw, func(r rune) bool { return r > 0x7e }); i >= 0 {
		t.Errorf("8-bit byte at %d in the rendered message", i)
	}
}

func checkHeader(t *testing.T, h gomail.Header, want *mailer.Message) {
	t.Helper()
	if got, err := h.Subject(); err != nil || got != want.Subject {
		t.Errorf("Subject = %q (%v), want %q", got, err, want.Subject)
	}
	checkAddresses(t, h, "From", want.From)
	checkAddresses(t, h, "To", want.To...)
	checkAddresses(t, h, "Reply-To", gratitude.Address{Email: want.ReplyTo})
	if got, err := h.MessageID(); err != nil || got != want.MessageID {
		t.Errorf("Message-ID = %q (%v), want %q", got, err, want.MessageID)
	}
	if got, err := h.MsgIDList("In-Reply-To"); err != nil || !slices.Equal(got, []string{want.InReplyTo}) {
		t.Errorf("In-Reply-To = %q (%v), want %q", got, err, want.InReplyTo)
	}
	if got, err := h.MsgIDList("References"); err != nil || !slices.Equal(got, want.References) {
		t.Errorf("References = %q (%v), want %q", got, err, want.References)
	}
	if got, err := h.Date(); err != nil || !got.Equal(want.Date) {
		t.Errorf("Date = %v (%v), want %v", got, err, want.Date)
	}
	for key, value := range map[string]string{"X-Gratitude-Kind": want.Kind, "Auto-Submitted": "auto-generated", "MIME-Version": "1.0"} {
		if got := h.Get(key); got != value {
			t.Errorf("%s = %q, want %q", key, got, value)
		}
	}
	if mt, _, _ := h.ContentType(); mt != "multipart/alternative" {
		t.Errorf("Content-Type = %q, want multipart/alternative", mt)
	}
}

func checkAddresses(t *testing.T, h gomail.Header, key string, want ...gratitude.Address) {
	t.Helper()
	got, err := h.AddressList(key)
	if err != nil {
		t.Errorf("%s: %v", key, err)
		return
	}
	var flat []gratitude.Address
	for _, a := range got {
		flat = append(flat, gratitude.Address{Name: a.Name, Email: a.Address})
	}
	if !slices.Equal(flat, want) {
		t.Errorf("%s = %q, want %q", key, flat, want)
	}
}

// readParts returns each part's decoded body by media type, with CRLF
// turned back into LF.
func readParts(t *testing.T, mr *gomail.Reader) map[string]string {
	t.Helper()
	parts := map[string]string{}
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return parts
		}
		if err != nil {
			t.Fatalf("next part: %v", err)
		}
		mt, params, _ := p.Header.(*gomail.InlineHeader).ContentType()
		if !strings.EqualFold(params["charset"], "utf-8") {
			t.Errorf("%s part charset = %q, want UTF-8", mt, params["charset"])
		}
		b, err := io.ReadAll(p.Body)
		if err != nil {
			t.Fatalf("read %s part: %v", mt, err)
		}
		parts[mt] = strings.ReplaceAll(string(b), "\r\n", "\n")
	}
}

func TestRenderWithoutOptionalFieldsIsPlainTextWithoutTheirHeaders(t *testing.T) {
	m := &mailer.Message{
		From:      gratitude.Address{Email: "ada@example.org"},
		To:        []gratitude.Address{{Email: "bob@example.org"}},
		MessageID: "n1@gratitude.example.org",
		Date:      time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC),
		Text:      "No answer yet.",
	}
	msg, err := mail.ReadMessage(bytes.NewReader(render(t, m)))
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{"Reply-To", "In-Reply-To", "References", "X-Gratitude-Kind", "Auto-Submitted", "Bcc", "Cc"} {
		if v, ok := msg.Header[key]; ok {
			t.Errorf("unexpected %s: %q", key, v)
		}
	}
	if ct := msg.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/plain") {
		t.Errorf("Content-Type = %q, want text/plain", ct)
	}
	if got := msg.Header.Get("From"); got != "<ada@example.org>" {
		t.Errorf("From = %q, want <ada@example.org>", got)
	}
}

func TestRenderKeepsAnInjectedBccInsideTheSubject(t *testing.T) {
	m := thankYou()
	m.Subject = "hi\r\nBcc: evil@example.com"
	m.From.Name = "Ada\r\nBcc: evil2@example.com"
	m.Kind = "thank-you\nBcc: evil3@example.com"
	raw := render(t, m)
	msg, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if got := msg.Header["Subject"]; len(got) != 1 || got[0] != "hi  Bcc: evil@example.com" {
		t.Errorf("Subject headers = %q, want exactly one, %q", got, "hi  Bcc: evil@example.com")
	}
	if got := msg.Header["Bcc"]; got != nil {
		t.Errorf("Bcc header injected: %q\n%s", got, raw)
	}
	if got := msg.Header.Get("X-Gratitude-Kind"); got != "thank-you Bcc: evil3@example.com" {
		t.Errorf("X-Gratitude-Kind = %q", got)
	}
	from, err := msg.Header.AddressList("From")
	if err != nil || len(from) != 1 || from[0].Address != "ada@example.org" {
		t.Errorf("From = %v (%v), want one address ada@example.org", from, err)
	}
}

func TestRenderRefusesAddressesAndIDsThatAreNotOneClean(t *testing.T) {
	for name, tc := range map[string]struct {
		edit func(*mailer.Message)
		want string
	}{
		"no Message-ID":      {func(m *mailer.Message) { m.MessageID = "" }, "mailer: message has no Message-ID"},
		"no From":            {func(m *mailer.Message) { m.From.Email = "" }, "has no From address"},
		"no To":              {func(m *mailer.Message) { m.To = nil }, "has no To address"},
		"no text":            {func(m *mailer.Message) { m.Text = "" }, "has no text part"},
		"Reply-To injection": {func(m *mailer.Message) { m.ReplyTo = "a@example.org\r\nBcc: evil@example.com" }, "Reply-To address"},
		"From with name":     {func(m *mailer.Message) { m.From.Email = "Ada <ada@example.org>" }, "From address"},
		"To injection":       {func(m *mailer.Message) { m.To[1].Email = "f@example.fr\nBcc: evil@example.com" }, "To address"},
		"Message-ID CRLF":    {func(m *mailer.Message) { m.MessageID = "a@example.org\r\nBcc: evil@example.com" }, "Message-ID"},
		"Message-ID no @":    {func(m *mailer.Message) { m.MessageID = "local-only" }, "Message-ID"},
		"bracketed ID":       {func(m *mailer.Message) { m.InReplyTo = "<r@example.de>" }, "In-Reply-To"},
		"References LF":      {func(m *mailer.Message) { m.References = []string{"a@x", "b@x\nBcc: e@x"} }, "References"},
	} {
		t.Run(name, func(t *testing.T) {
			m := thankYou()
			tc.edit(m)
			raw, err := mailer.Render(m)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("Render error = %v, want one containing %q\n%s", err, tc.want, raw)
			}
		})
	}
}

// FuzzRenderNeverAddsAHeader: whatever the subject, names and kind, the
// rendered message parses back with the same header fields and the same
// recipients.
func FuzzRenderNeverAddsAHeader(f *testing.F) {
	f.Add("hi\r\nBcc: evil@example.com", "Jürgen\nCc: x@example.com", "nudge\r\n\r\nbody")
	f.Add("Grüße aus Köln — à bientôt", `"Quoted" <name>`, "digest")
	f.Add(strings.Repeat("long words ", 20), strings.Repeat("é", 80), "\x00\x7f\u0085")
	f.Add("0", "\\\xff", "0") // net/mail Q-encodes a bare backslash
	f.Fuzz(func(t *testing.T, subject, name, kind string) {
		m := thankYou()
		m.Subject, m.To[0].Name, m.Kind = subject, name, kind
		raw := render(t, m)
		msg, err := mail.ReadMessage(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("rendered message does not parse: %v\n%q", err, raw)
		}
		var keys []string
		for k, v := range msg.Header {
			if len(v) != 1 {
				t.Errorf("%d %s headers", len(v), k)
			}
			keys = append(keys, k)
		}
		slices.Sort(keys)
		want := []string{"Auto-Submitted", "Content-Type", "Date", "From", "In-Reply-To", "Message-Id", "Mime-Version", "References", "Reply-To", "Subject", "To"}
		if kind != "" {
			want = append(want, "X-Gratitude-Kind")
		}
		if !slices.Equal(keys, want) {
			t.Errorf("header fields = %q, want %q\n%q", keys, want, raw)
		}
		to, err := msg.Header.AddressList("To")
		if err != nil || len(to) != 2 || to[0].Address != m.To[0].Email || to[1].Address != m.To[1].Email {
			t.Errorf("To = %v (%v), want %s and %s\n%q", to, err, m.To[0].Email, m.To[1].Email, raw)
		}
	})
}
