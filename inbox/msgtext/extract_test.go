package msgtext

import (
	"errors"
	"strings"
	"testing"
)

// msg joins lines with CRLF, as mail travels.
func msg(lines ...string) []byte {
	return []byte(strings.Join(lines, "\r\n"))
}

// extractCases are realistic messages, shared with the fuzz seed corpus.
var extractCases = []struct {
	name  string
	raw   []byte
	want  string // substring of Plain ("" to skip)
	not   string // must not appear in Plain ("" to skip)
	check func(t *testing.T, x *Text)
}{
	{
		name: "QuotedPrintableUTF8WithSoftBreaks",
		raw: msg("From: Bob <bob@example.com>", "Subject: x", "MIME-Version: 1.0",
			"Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", "",
			"Caf=C3=A9 au lait is on me, the meeting room is =", "booked =3D done.   ", ""),
		want: "Café au lait is on me, the meeting room is booked = done.",
	},
	{
		name: "Base64UTF8",
		raw: msg("Content-Type: text/plain; charset=\"UTF-8\"", "Content-Transfer-Encoding: base64", "",
			"SGVsbG8gQWRhLAoKSGVyZSBpcyB0aGUgZml4OiDDvGJlcmFsbCBnZWh0cy4K"),
		want: "Here is the fix: überall gehts.",
	},
	{
		name: "ISO88591Bytes",
		raw: msg("Content-Type: text/plain; charset=ISO-8859-1", "Content-Transfer-Encoding: 8bit", "",
			"Viele Gr\xfc\xdfe aus K\xf6ln, Fran\xe7ois"),
		want: "Viele Grüße aus Köln, François",
	},
	{
		name: "Windows1252MislabelledAsISO88591",
		raw:  msg("Content-Type: text/plain; charset=iso-8859-1", "", "It\x92s \x93done\x94 \x96 cost \x8030"),
		want: "It’s “done” – cost €30",
	},
	{
		name: "ISO885915Euro",
		raw:  msg("Content-Type: text/plain; charset=iso-8859-15", "Content-Transfer-Encoding: quoted-printable", "", "Prix: 30 =A4"),
		want: "Prix: 30 €",
	},
	{
		name: "KOI8RViaGoMessageCharset",
		raw:  msg("Content-Type: text/plain; charset=koi8-r", "", "\xf0\xd2\xc9\xd7\xc5\xd4"),
		want: "Привет",
	},
	{
		name: "UTF8LabelledLatin1IsRepaired",
		raw:  msg("Content-Type: text/plain; charset=utf-8", "", "Gr\xfc\xdfe"),
		want: "Grüße",
		check: func(t *testing.T, x *Text) {
			if len(x.Problems) == 0 {
				t.Error("expected a problem for text that is not UTF-8")
			}
		},
	},
	{
		name: "UnknownCharsetIsAProblemNotAnError",
		raw:  msg("Content-Type: text/plain; charset=x-klingon", "", "plain words"),
		want: "plain words",
		check: func(t *testing.T, x *Text) {
			if len(x.Problems) == 0 || !strings.Contains(x.Problems[0], "x-klingon") {
				t.Errorf("problems = %q", x.Problems)
			}
		},
	},
	{
		name: "GmailAlternativePrefersPlain",
		raw: msg("From: Bob <bob@gmail.com>", "Content-Type: multipart/alternative; boundary=\"000000000000abcd\"", "",
			"--000000000000abcd", "Content-Type: text/plain; charset=\"UTF-8\"", "",
			"Plain version here.", "",
			"--000000000000abcd", "Content-Type: text/html; charset=\"UTF-8\"", "",
			"<div dir=\"ltr\">HTML version here.</div>", "",
			"--000000000000abcd--", ""),
		want: "Plain version here.",
		not:  "HTML version",
		check: func(t *testing.T, x *Text) {
			if x.HTMLOnly {
				t.Error("HTMLOnly set although there is a plain part")
			}
		},
	},
	{
		name: "EmptyPlainAlternativeFallsBackToHTML",
		raw: msg("Content-Type: multipart/alternative; boundary=b", "",
			"--b", "Content-Type: text/plain", "", "",
			"--b", "Content-Type: text/html", "", "<p>Only the HTML says it.</p>",
			"--b--"),
		want: "Only the HTML says it.",
		check: func(t *testing.T, x *Text) {
			if !x.HTMLOnly {
				t.Error("HTMLOnly not set")
			}
		},
	},
	{
		name: "OutlookHTMLOnly",
		raw: msg("Content-Type: text/html; charset=\"us-ascii\"", "Content-Transfer-Encoding: quoted-printable", "",
			"<html xmlns:o=3D\"urn:schemas-microsoft-com:office:office\"><head>",
			"<meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3Dus-ascii\">",
			"<style><!-- p.MsoNormal {margin:0cm; font-family:\"Calibri\"} --></style></head>",
			"<body lang=3D\"EN-US\"><div class=3D\"WordSection1\">",
			"<p class=3DMsoNormal>Hi Ada,<o:p></o:p></p>",
			"<p class=3DMsoNormal><o:p>&nbsp;</o:p></p>",
			"<p class=3DMsoNormal>The printer on floor 2 needs the new driver; I=E2=80=99ve put it on the share.<o:p></o:p></p>",
			"<p class=3DMsoNormal>Reboot after installing.<o:p></o:p></p>",
			"<p class=3DMsoNormal><o:p>&nbsp;</o:p></p>",
			"<p class=3DMsoNormal>Bob<o:p></o:p></p>",
			"</div></body></html>"),
		want: "Hi Ada,\n\nThe printer on floor 2 needs the new driver; I’ve put it on the share.\nReboot after installing.\n\nBob",
		not:  "MsoNormal",
		check: func(t *testing.T, x *Text) {
			if !x.HTMLOnly {
				t.Error("HTMLOnly not set")
			}
		},
	},
	{
		name: "AppleMailHTMLOnlyWithQuote",
		raw: msg("Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: 7bit", "",
			"<html><head><meta http-equiv=\"content-type\" content=\"text/html; charset=utf-8\"></head>",
			"<body style=\"word-wrap: break-word;\"><div>Sure, use the <a href=\"https://example.org/guide\">setup guide</a>.</div>",
			"<div><br></div><div>It took me five minutes.</div><div><br><blockquote type=\"cite\">",
			"<div>On 23. Nov 2026, at 10:05, Ada Lovelace &lt;ada@example.org&gt; wrote:</div><br>",
			"<div><div>How do I set up the VPN?</div></div></blockquote></div><script>alert(1)</script></body></html>"),
		want: "Sure, use the setup guide <https://example.org/guide>.\n\nIt took me five minutes.",
		not:  "alert",
		check: func(t *testing.T, x *Text) {
			if !strings.Contains(x.Plain, "> How do I set up the VPN?") {
				t.Errorf("blockquote not quoted:\n%s", x.Plain)
			}
		},
	},
	{
		name: "MixedWithAttachments",
		raw: msg("Content-Type: multipart/mixed; boundary=\"mix\"", "",
			"preamble to ignore",
			"--mix", "Content-Type: text/plain; charset=utf-8", "", "See attached.",
			"--mix", "Content-Type: application/pdf; name=\"=?UTF-8?Q?Rechnung_M=C3=A4rz.pdf?=\"",
			"Content-Disposition: attachment; filename=\"=?UTF-8?Q?Rechnung_M=C3=A4rz.pdf?=\"",
			"Content-Transfer-Encoding: base64", "", "JVBERi0xLjQK",
			"--mix", "Content-Type: text/csv", "Content-Disposition: attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv", "", "a,b",
			"--mix", "Content-Type: text/plain; name=notes.txt", "Content-Disposition: inline; filename=notes.txt", "", "inline file",
			"--mix--", "epilogue"),
		want: "See attached.",
		not:  "inline file",
		check: func(t *testing.T, x *Text) {
			want := []Attachment{
				{Filename: "Rechnung März.pdf", ContentType: "application/pdf", Size: 9},
				{Filename: "résumé.csv", ContentType: "text/csv", Size: 3},
				{Filename: "notes.txt", ContentType: "text/plain", Size: 11},
			}
			if len(x.Attachments) != len(want) {
				t.Fatalf("attachments = %+v", x.Attachments)
			}
			for i := range want {
				if x.Attachments[i] != want[i] {
					t.Errorf("attachment %d = %+v, want %+v", i, x.Attachments[i], want[i])
				}
			}
		},
	},
	{
		name: "RelatedInlineImageIsNotAnAttachment",
		raw: msg("Content-Type: multipart/related; boundary=rel", "",
			"--rel", "Content-Type: text/html; charset=utf-8", "", "<p>Logo below</p><img src=\"cid:logo\">",
			"--rel", "Content-Type: image/png; name=image001.png", "Content-ID: <logo>", "Content-Disposition: inline; filename=image001.png", "Content-Transfer-Encoding: base64", "", "iVBORw0KGgo=",
			"--rel--"),
		want: "Logo below",
		check: func(t *testing.T, x *Text) {
			if len(x.Attachments) != 0 {
				t.Errorf("attachments = %+v", x.Attachments)
			}
		},
	},
	{
		name: "NestedMixedAlternativeRelated",
		raw: msg("Content-Type: multipart/mixed; boundary=a", "",
			"--a", "Content-Type: multipart/alternative; boundary=b", "",
			"--b", "Content-Type: text/plain; charset=utf-8", "", "Nested plain text.",
			"--b", "Content-Type: multipart/related; boundary=c", "",
			"--c", "Content-Type: text/html", "", "<b>Nested html</b>",
			"--c--",
			"--b--",
			"--a", "Content-Type: image/jpeg", "Content-Disposition: attachment; filename=photo.jpg", "Content-Transfer-Encoding: base64", "", "/9j/4AAQ",
			"--a--"),
		want: "Nested plain text.",
		not:  "Nested html",
		check: func(t *testing.T, x *Text) {
			if len(x.Attachments) != 1 || x.Attachments[0].Filename != "photo.jpg" || x.Attachments[0].Size != 6 {
				t.Errorf("attachments = %+v", x.Attachments)
			}
		},
	},
	{
		name: "CalendarInvite",
		raw: msg("Content-Type: multipart/alternative; boundary=cal", "",
			"--cal", "Content-Type: text/plain; charset=utf-8", "", "You have been invited to Standup.",
			"--cal", "Content-Type: text/calendar; charset=utf-8; method=request", "", "BEGIN:VCALENDAR", "METHOD:REQUEST", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR",
			"--cal--"),
		want: "You have been invited",
		not:  "VCALENDAR",
		check: func(t *testing.T, x *Text) {
			if !x.Calendar || x.CalendarMethod != "REQUEST" {
				t.Errorf("calendar = %v %q", x.Calendar, x.CalendarMethod)
			}
		},
	},
	{
		name: "CalendarMethodFromContent",
		raw:  msg("Content-Type: text/calendar; charset=utf-8", "", "BEGIN:VCALENDAR", "PRODID:x", "METHOD:Cancel", "BEGIN:VEVENT", "METHOD:REQUEST", "END:VEVENT", "END:VCALENDAR"),
		check: func(t *testing.T, x *Text) {
			if !x.Calendar || x.CalendarMethod != "CANCEL" {
				t.Errorf("calendar = %v %q", x.Calendar, x.CalendarMethod)
			}
		},
	},
	{
		name: "DeliveryStatusReport",
		raw: msg("From: Mail Delivery System <MAILER-DAEMON@example.org>",
			"Content-Type: multipart/report; report-type=delivery-status; boundary=\"rep\"", "",
			"--rep", "Content-Type: text/plain", "", "Delivery to the following recipient failed permanently: bob@example.com",
			"--rep", "Content-Type: message/delivery-status", "", "Reporting-MTA: dns; mx.example.org", "", "Final-Recipient: rfc822; bob@example.com", "Action: failed",
			"--rep", "Content-Type: message/rfc822", "", "From: ada@example.org", "To: bob@example.com", "Subject: Help", "", "Can you help?",
			"--rep--"),
		want: "failed permanently",
		not:  "Reporting-MTA",
		check: func(t *testing.T, x *Text) {
			if !x.Report || x.ReportType != "delivery-status" {
				t.Errorf("report = %v %q", x.Report, x.ReportType)
			}
			if len(x.Embedded) != 1 {
				t.Errorf("embedded = %d", len(x.Embedded))
			}
		},
	},
	{
		name: "ForwardedAsAttachment",
		raw: msg("Content-Type: multipart/mixed; boundary=fw", "",
			"--fw", "Content-Type: text/plain", "", "Look at this.",
			"--fw", "Content-Type: message/rfc822", "Content-Disposition: attachment; filename=\"Help.eml\"", "",
			"From: Ada <ada@example.org>", "Subject: Help", "", "Original body",
			"--fw--"),
		want: "Look at this.",
		not:  "Original body",
		check: func(t *testing.T, x *Text) {
			if len(x.Embedded) != 1 || !strings.Contains(string(x.Embedded[0]), "Original body") {
				t.Errorf("embedded = %q", x.Embedded)
			}
			if len(x.Attachments) != 1 || x.Attachments[0].ContentType != "message/rfc822" {
				t.Errorf("attachments = %+v", x.Attachments)
			}
		},
	},
	{
		name: "BadBase64IsAProblem",
		raw:  msg("Content-Type: text/plain", "Content-Transfer-Encoding: base64", "", "SGVsbG8gd29ybGQ=!!", "SGk"),
		want: "Hello world",
		check: func(t *testing.T, x *Text) {
			if len(x.Problems) == 0 {
				t.Error("no problem reported")
			}
		},
	},
	{
		name: "CRLFAndTrailingSpaces",
		raw:  []byte("Subject: x\r\n\r\nline one   \r\nline two\t\r\n\r\n\r\n"),
		want: "line one\nline two",
		check: func(t *testing.T, x *Text) {
			if x.Plain != "line one\nline two" {
				t.Errorf("plain = %q", x.Plain)
			}
		},
	},
	{
		name: "FormatFlowed",
		raw:  msg("Content-Type: text/plain; charset=utf-8; format=flowed", "", "This line is soft ", "wrapped here.", "> quoted soft ", "> line", "-- ", "Sig"),
		want: "This line is soft wrapped here.\n> quoted soft line\n--\nSig",
	},
	{
		name: "FormatFlowedDelSp",
		raw:  msg("Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes", "", "Donau", "dampf schiff ", "fahrt"),
		want: "Donau\ndampf schifffahrt",
	},
	{
		name: "PlainTextWithoutHeader",
		raw:  []byte("just some words\nno header here"),
		want: "just some words\nno header here",
	},
	{
		name: "MultipartWithoutBoundaryReadsAsText",
		raw:  msg("Content-Type: multipart/mixed", "", "text anyway"),
		want: "text anyway",
	},
	{
		name: "UnclosedMultipart",
		raw:  msg("Content-Type: multipart/mixed; boundary=x", "", "--x", "Content-Type: text/plain", "", "unfinished"),
		want: "unfinished",
	},
	{
		name: "PartWithoutBlankLineAfterHeaders",
		raw:  msg("Content-Type: multipart/mixed; boundary=x", "", "--x", "", "part without header", "--x--"),
		want: "part without header",
	},
	{
		name: "MboxFromLine",
		raw:  msg("From ada@example.org Mon Nov 23 10:05:00 2026", "Subject: hi", "", "body after mbox line"),
		want: "body after mbox line",
	},
}

func TestExtract(t *testing.T) {
	for _, tc := range extractCases {
		t.Run(tc.name, func(t *testing.T) {
			x, err := Extract(tc.raw)
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if tc.want != "" && !strings.Contains(x.Plain, tc.want) {
				t.Errorf("plain = %q\nwant it to contain %q", x.Plain, tc.want)
			}
			if tc.not != "" && strings.Contains(x.Plain, tc.not) {
				t.Errorf("plain = %q\nmust not contain %q", x.Plain, tc.not)
			}
			if tc.check != nil {
				tc.check(t, x)
			}
		})
	}
}

func TestExtractFailsOnlyWhenNothingIsReadable(t *testing.T) {
	for _, raw := range [][]byte{nil, {}, []byte("\r\n\r\n   \n")} {
		x, err := Extract(raw)
		if !errors.Is(err, ErrUnreadable) || x == nil {
			t.Errorf("Extract(%q) = %v, %v", raw, x, err)
		}
	}
	if _, err := Extract(msg("Subject: only a subject", "", "")); err != nil {
		t.Errorf("a message with an empty body is readable: %v", err)
	}
}

func TestExtractCapsNestingDepth(t *testing.T) {
	var b strings.Builder
	depth := 50
	for i := 0; i < depth; i++ {
		b.WriteString("Content-Type: multipart/mixed; boundary=b" + itoa(i) + "\r\n\r\n--b" + itoa(i) + "\r\n")
	}
	b.WriteString("Content-Type: text/plain\r\n\r\ndeep text\r\n")
	x, err := Extract([]byte(b.String()))
	if err != nil && !errors.Is(err, ErrUnreadable) {
		t.Fatal(err)
	}
	if strings.Contains(x.Plain, "deep text") {
		t.Error("text below the depth cap was read")
	}
	if len(x.Problems) == 0 || !strings.Contains(strings.Join(x.Problems, ";"), "nested") {
		t.Errorf("problems = %q", x.Problems)
	}
}

func TestExtractCapsPartsAndInput(t *testing.T) {
	var b strings.Builder
	b.WriteString("Content-Type: multipart/mixed; boundary=x\r\n\r\n")
	for i := 0; i < 5000; i++ {
		b.WriteString("--x\r\nContent-Type: application/octet-stream\r\n\r\nA\r\n")
	}
	x, _ := Extract([]byte(b.String()))
	if len(x.Attachments) > maxAttachments {
		t.Errorf("%d attachments listed", len(x.Attachments))
	}
	big := append(msg("Subject: big", "", ""), strings.Repeat("word ", MaxInput/4)...)
	x, _ = Extract(big)
	if len(x.Plain) > maxPlain {
		t.Errorf("plain is %d bytes", len(x.Plain))
	}
}

func itoa(i int) string {
	const digits = "0123456789"
	if i < 10 {
		return digits[i : i+1]
	}
	return itoa(i/10) + digits[i%10:i%10+1]
}
