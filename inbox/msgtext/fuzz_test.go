package msgtext

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// watchdog crashes the fuzz worker when one input runs too long, so the
// fuzzer records it as a crasher instead of silently stalling.
func watchdog() (stop func() bool) {
	return time.AfterFunc(10*time.Second, func() { panic("msgtext: input took longer than 10s") }).Stop
}

// checkUTF8 fails the test for any string that is not valid UTF-8.
func checkUTF8(t *testing.T, what string, ss ...string) {
	t.Helper()
	for _, s := range ss {
		if !utf8.ValidString(s) {
			t.Fatalf("%s is not valid UTF-8: %q", what, truncate(s, 200))
		}
	}
}

func checkAddresses(t *testing.T, what string, as ...Address) {
	t.Helper()
	if len(as) > maxAddresses {
		t.Fatalf("%s: %d addresses", what, len(as))
	}
	for _, a := range as {
		checkUTF8(t, what, a.Name, a.Email)
		if len(a.Name) > 200 || len(a.Email) > 254 || a.Email != strings.ToLower(a.Email) {
			t.Fatalf("%s: bad address %+v", what, a)
		}
	}
}

// checkText asserts the invariants every Text keeps.
func checkText(t *testing.T, x *Text) {
	t.Helper()
	if x == nil {
		t.Fatal("nil Text")
	}
	checkUTF8(t, "Plain", x.Plain)
	checkUTF8(t, "Own", x.Own)
	if len(x.Own) > maxPlain || x.Plain == "" && x.Own != "" {
		t.Fatalf("Own of %d bytes beside Plain of %d", len(x.Own), len(x.Plain))
	}
	checkUTF8(t, "CalendarMethod", x.CalendarMethod)
	checkUTF8(t, "ReportType", x.ReportType)
	checkUTF8(t, "Problems", x.Problems...)
	if len(x.Plain) > maxPlain || len(x.CalendarMethod) > 32 || len(x.ReportType) > 64 {
		t.Fatalf("oversized: plain %d, method %d, report %d", len(x.Plain), len(x.CalendarMethod), len(x.ReportType))
	}
	if len(x.Attachments) > maxAttachments || len(x.Embedded) > maxEmbedded || len(x.Problems) > maxProblems {
		t.Fatalf("too many: %d attachments, %d embedded, %d problems", len(x.Attachments), len(x.Embedded), len(x.Problems))
	}
	for _, a := range x.Attachments {
		checkUTF8(t, "Attachment", a.Filename, a.ContentType)
		if len(a.Filename) > 255 || a.Size < 0 {
			t.Fatalf("bad attachment %+v", a)
		}
	}
	for _, p := range x.Problems {
		if len(p) > 200 {
			t.Fatalf("problem of %d bytes", len(p))
		}
	}
}

// checkForwarded asserts the invariants of a Forwarded.
func checkForwarded(t *testing.T, f *Forwarded) {
	t.Helper()
	if f == nil {
		t.Fatal("forward detected but nil")
	}
	checkUTF8(t, "Forwarded", f.Subject, f.MessageID, f.Body, f.Note)
	checkAddresses(t, "From", f.From)
	checkAddresses(t, "To", f.To...)
	checkAddresses(t, "Cc", f.Cc...)
	if len(f.Subject) > maxSubject || len(f.Body) > maxPlain || len(f.Note) > maxPlain || len(f.MessageID) > 1000 {
		t.Fatalf("oversized forward: subject %d, body %d, note %d", len(f.Subject), len(f.Body), len(f.Note))
	}
	if e := f.From.Email; e != "" {
		at := strings.LastIndexByte(e, '@')
		if at <= 0 || at == len(e)-1 || strings.ContainsAny(e, " \t\r\n<>,;") {
			t.Fatalf("From address %q is no address", e)
		}
	}
	if !f.Date.IsZero() && (f.Date.Year() < 1969 || f.Date.Year() > 2201) {
		t.Fatalf("forwarded date %v out of range", f.Date)
	}
	if f.DateZoned && f.Date.IsZero() {
		t.Fatal("a zone without a date")
	}
}

func FuzzExtract(f *testing.F) {
	for _, tc := range extractCases {
		f.Add(tc.raw)
	}
	f.Add([]byte("Content-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\nContent-Type: multipart/mixed; boundary=a\r\n\r\n--a\r\n\r\nx\r\n--a--"))
	f.Add([]byte("Content-Type: text/html\r\n\r\n<blockquote><blockquote><pre>x</pre><a href=mailto:x>y"))
	catchPanics = false
	defer func() { catchPanics = true }()
	f.Fuzz(func(t *testing.T, raw []byte) {
		defer watchdog()()
		x, _ := Extract(raw)
		checkText(t, x)
		ex := Excerpt(x.Plain, 300)
		checkUTF8(t, "Excerpt", ex)
		if utf8.RuneCountInString(ex) > 300 {
			t.Fatalf("excerpt of %d runes", utf8.RuneCountInString(ex))
		}
		ThanksInFirstLines(x.Plain)
		OutOfOffice("", x.Plain)
	})
}

func FuzzForward(f *testing.F) {
	for _, tc := range forwardCases {
		f.Add(append(msg("Subject: "+tc.subject, "Content-Type: text/plain; charset=utf-8", "", ""), tc.plain...), tc.subject)
	}
	for _, tc := range clientForwardCases {
		f.Add([]byte(tc.plain), tc.subject)
	}
	for _, tc := range extractCases {
		f.Add(tc.raw, "Fwd: x")
	}
	catchPanics = false
	defer func() { catchPanics = true }()
	f.Fuzz(func(t *testing.T, raw []byte, subject string) {
		defer watchdog()()
		x, _ := Extract(raw)
		checkText(t, x)
		if fw, ok := Forward(x, subject); ok {
			checkForwarded(t, fw)
		}
		// The inline reader straight on the bytes, whatever they are.
		if fw, ok := Forward(&Text{Plain: string(raw)}, subject); ok {
			checkForwarded(t, fw)
			// What a forward's text yields does not depend on a
			// note typed above it.
			if again, ok := Forward(&Text{Plain: "Please look.\n\n" + string(raw)}, subject); ok && again.From != fw.From && !strings.HasPrefix(strings.TrimSpace(string(raw)), ">") {
				t.Fatalf("a note above changes From: %+v, then %+v", fw.From, again.From)
			}
		}
		// And the attachment reader.
		if fw, ok := Forward(&Text{Embedded: [][]byte{raw}}, subject); ok {
			checkForwarded(t, fw)
		}
	})
}

func FuzzExcerpt(f *testing.F) {
	for _, tc := range excerptCases {
		f.Add(tc.plain, tc.max)
	}
	for _, tc := range thanksCases {
		f.Add(tc.plain, 40)
	}
	for _, tc := range oooCases {
		f.Add(tc.subject+"\n"+tc.plain, 10)
	}
	f.Fuzz(func(t *testing.T, plain string, max int) {
		defer watchdog()()
		max %= 5000
		got := Excerpt(plain, max)
		checkUTF8(t, "Excerpt", got)
		if n := utf8.RuneCountInString(got); (max <= 0 && got != "") || (max > 0 && n > max) {
			t.Fatalf("Excerpt(_, %d) has %d runes", max, n)
		}
		// The sender's name from the text itself: its first line.
		name, _, _ := strings.Cut(plain, "\n")
		signed := ExcerptFrom(plain, max, name)
		checkUTF8(t, "ExcerptFrom", signed)
		if n := utf8.RuneCountInString(signed); (max <= 0 && signed != "") || (max > 0 && n > max) {
			t.Fatalf("ExcerptFrom(_, %d, %q) has %d runes", max, name, n)
		}
		ThanksInFirstLines(plain)
		OutOfOffice(plain, plain)
		ns := NormalizeSubject(plain)
		checkUTF8(t, "NormalizeSubject", ns)
		if len(ns) > 4*4096 {
			t.Fatalf("subject of %d bytes", len(ns))
		}
		parseDate(plain)
		checkAddresses(t, "parseAddresses", parseAddresses(plain)...)
		checkAddresses(t, "parseHeaderAddresses", parseHeaderAddresses(plain)...)
	})
}
