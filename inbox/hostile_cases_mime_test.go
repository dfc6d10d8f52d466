package inbox_test

import (
	"encoding/base64"
	"strings"
)

// mimeCases break the MIME structure: cuts, boundaries, Content-Type.
func mimeCases() []hostileCase {
	return []hostileCase{
		{name: "mime-truncated-mid-part", about: "multipart/alternative cut in the middle of its second part, no closing boundary", build: truncatedMidPart},
		{name: "mime-truncated-mid-base64", about: "base64 text part cut in the middle of a 4-character group and of a line", build: truncatedMidBase64},
		{name: "mime-truncated-mid-header", about: "message that ends inside a header line: no line end, no blank line, no body", build: truncatedMidHeader},
		{name: "mime-missing-final-boundary", about: "multipart/mixed whose closing `--boundary--` never comes", build: missingFinalBoundary},
		{name: "mime-duplicated-boundary", about: "two Content-Type fields with different boundaries, a doubled boundary parameter, delimiter lines repeated", build: duplicatedBoundary},
		{name: "mime-nested-identical-boundary", about: "multipart/alternative inside multipart/mixed with the same boundary string", build: nestedIdenticalBoundary},
		{name: "mime-boundary-in-body", about: "the boundary string inside the text: mid-line, at a line start with a suffix, and quoted", build: boundaryInBody},
		{name: "mime-empty-boundary", about: "multipart/mixed with `boundary=\"\"` and bare `--` lines", build: emptyBoundary},
		{name: "mime-content-type-missing", about: "a multipart body with boundaries but no Content-Type field", build: contentTypeMissing},
		{name: "mime-content-type-invalid", about: "Content-Type with no subtype, an unterminated quote and empty parameters", build: contentTypeInvalid},
		{name: "mime-only-headers", about: "a complete header block and no blank line or body", build: onlyHeaders},
		{name: "mime-empty", about: "zero bytes", build: func() []byte { return []byte{} }},
		{name: "mime-only-crlf", about: "a single CRLF", build: func() []byte { return []byte("\r\n") }},
		{name: "mime-nested-rfc822-50-deep", about: "Ada forwards to the capture address a message/rfc822 nested 50 levels deep", build: nestedRFC822},
		{name: "mime-calendar-broken-ical", about: "reply carrying a text/calendar part with a garbage METHOD, a bad date and no END lines", build: brokenCalendar},
		{name: "mime-dsn-broken-report", about: "bounce from MAILER-DAEMON whose delivery-status part is garbage and whose returned message is cut", build: brokenDSN},
		{name: "mime-dsn-hidden-in-mixed", about: "reply whose multipart/report is nested in multipart/mixed (the header does not show it), broken status part", build: hiddenDSN},
	}
}

func truncatedMidPart() []byte {
	return eml(replyHead("trunc-part", `Content-Type: multipart/alternative; boundary="alt"`),
		"--alt", "Content-Type: text/plain; charset=utf-8", "",
		"The sheet is attached, rows 4 to 9 need a look.",
		"--alt", "Content-Type: text/html; charset=utf-8", "",
		"<html><body><p>The sheet is attached, rows 4 to")
}

func truncatedMidBase64() []byte {
	text := base64.StdEncoding.EncodeToString([]byte(strings.Repeat("I checked the budget line by line. ", 8)))
	return eml(replyHead("trunc-b64", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64"),
		text[:76], text[76:133])
}

func truncatedMidHeader() []byte {
	head := replyHead("trunc-header")
	return []byte(strings.Join(head, "\r\n") + "\r\nContent-Type: multipart/mix")
}

func missingFinalBoundary() []byte {
	return eml(replyHead("no-close", `Content-Type: multipart/mixed; boundary="mixed"`),
		"--mixed", "Content-Type: text/plain; charset=utf-8", "",
		"Here are my notes on the budget.",
		"--mixed", "Content-Type: application/pdf; name=notes.pdf", "Content-Transfer-Encoding: base64", "",
		"JVBERi0xLjQKJcOkw7zDtsOfCg==", "")
}

func duplicatedBoundary() []byte {
	return eml(replyHead("dup-boundary",
		`Content-Type: multipart/mixed; boundary="one"; boundary="two"`,
		`Content-Type: multipart/alternative; boundary="three"`),
		"--one", "--one", "--two", "Content-Type: text/plain", "",
		"Which boundary is mine?", "--three", "--one", "", "Second part.", "--two--", "--one--", "--three--")
}

func nestedIdenticalBoundary() []byte {
	return eml(replyHead("same-boundary", `Content-Type: multipart/mixed; boundary="same"`),
		"--same", `Content-Type: multipart/alternative; boundary="same"`, "",
		"--same", "Content-Type: text/plain", "", "Inner plain text.",
		"--same", "Content-Type: text/html", "", "<p>Inner html.</p>",
		"--same--", "--same", "Content-Type: text/plain", "", "Outer second part.", "--same--")
}

func boundaryInBody() []byte {
	return eml(replyHead("boundary-body", `Content-Type: multipart/mixed; boundary="=_part"`),
		"--=_part", "Content-Type: text/plain", "",
		"The separator looks like this: --=_part in the middle of a line.",
		"--=_partial is a longer one at the start of a line.",
		"> --=_part", "--=_part ", "Content-Type: text/plain", "",
		"--=_part--trailing", "Still the second part.", "--=_part--")
}

func emptyBoundary() []byte {
	return eml(replyHead("empty-boundary", `Content-Type: multipart/mixed; boundary=""`),
		"--", "Content-Type: text/plain", "", "A part with an empty delimiter.", "--", "", "----")
}

func contentTypeMissing() []byte {
	head := replyHead("no-ctype")
	return eml(head, "--b", "Content-Type: text/plain", "", "I forgot the Content-Type.", "--b--")
}

func contentTypeInvalid() []byte {
	return eml(replyHead("bad-ctype",
		`Content-Type: multipart/; boundary="unterminated; charset==?utf-8?Q?x?=; ;;; =; name*0*=''%ZZ`),
		"--unterminated", "Content-Type: /", "", "What type am I?", "--unterminated--")
}

func onlyHeaders() []byte {
	return []byte(strings.Join(replyHead("only-headers", "Content-Type: text/plain"), "\r\n") + "\r\n")
}

func nestedRFC822() []byte {
	inner := "From: Grace Hopper <grace@example.com>\r\nSubject: the bottom\r\nContent-Type: text/plain\r\n\r\nBottom of the pile.\r\n"
	for i := range 50 {
		inner = "From: Person " + strings.Repeat("I", i%5+1) + " <p@example.com>\r\n" +
			"Subject: Fwd: level\r\nContent-Type: message/rfc822\r\n\r\n" + inner
	}
	return eml(askHead("nested-822", "Subject: Fwd: the bottom",
		`Content-Type: multipart/mixed; boundary="fw"`),
		"--fw", "Content-Type: text/plain", "", "See the attached thread.",
		"--fw", "Content-Type: message/rfc822", "", inner, "--fw--")
}

func brokenCalendar() []byte {
	return eml(replyHead("bad-ical", `Content-Type: multipart/mixed; boundary="cal"`),
		"--cal", "Content-Type: text/plain", "", "Let us meet about the budget.",
		"--cal", "Content-Type: text/calendar; method=", "", "BEGIN:VCALENDAR",
		"METHOD:\x00REQ\xffUEST;;;"+strings.Repeat("X", 4000), "BEGIN:VEVENT", "DTSTART:notadate",
		"SUMMARY;ENCODING=QUOTED-PRINTABLE:=ZZ=", " folded without a first line", "--cal--")
}

func brokenDSN() []byte {
	return eml([]string{
		"From: Mail Delivery System <MAILER-DAEMON@example.net>",
		"To: ada@example.org", "Subject: Undelivered Mail Returned to Sender",
		"Date: Fri, 20 Nov 2026 10:05:00 +0100", "Message-ID: <dsn-broken@example.net>",
		"In-Reply-To: <ask-budget@example.org>", "Auto-Submitted: auto-replied", "MIME-Version: 1.0",
		`Content-Type: multipart/report; report-type=delivery-status; boundary="dsn"`,
	}, "--dsn", "Content-Type: text/plain", "", "Delivery failed.",
		"--dsn", "Content-Type: message/delivery-status", "",
		"Reporting-MTA: ;;;", "Status: 9.9.9.9.9", "Action: \xff\xfe", "Final-Recipient",
		"--dsn", "Content-Type: message/rfc822", "", "From: ada@example.org", "Subject: Budget rev")
}

func hiddenDSN() []byte {
	return eml(replyHead("dsn-hidden", `Content-Type: multipart/mixed; boundary="outer"`),
		"--outer", `Content-Type: multipart/report; report-type="delivery-status\"; boundary="rep"`, "",
		"--rep", "Content-Type: message/delivery-status", "", "Status: 5.0.0 (((", "Action:",
		"--rep", "Content-Type: text/rfc822-headers", "", "From broken headers", "--rep--", "--outer--")
}
