package inbox_test

import (
	"fmt"
	"strings"
)

// bigCases are too large to commit; the tests build them on every run.
func bigCases() []hostileCase {
	return []hostileCase{
		{name: "big-auth-results-10mb", about: "command-shaped mail from Ada whose Authentication-Results (a fetched field) is one 10 MB line", build: authResults10MB, big: true},
		{name: "big-received-10mb", about: "reply whose 10 MB Received line is not fetched with the header but fills the whole capped body fetch", build: received10MB, big: true},
		{name: "big-subject-1mb", about: "reply with a 1 MB Subject", build: subject1MB, big: true},
		{name: "big-attachment-50mb", about: "reply with a 50 MB base64 attachment after its text", build: attachment50MB, big: true},
		{name: "big-to-10000", about: "Ada's ask to the capture address with 10,000 recipients in To", build: to10000, big: true},
		{name: "big-from-5000", about: "command to the capture address whose From lists Ada and 4,999 others", build: from5000, big: true},
		{name: "big-100000-fields", about: "reply with 100,000 Delivered-To fields (fetched ones)", build: fields100000, big: true},
		{name: "big-multipart-10000-parts", about: "reply in multipart/mixed with 10,000 text parts", build: parts10000, big: true},
		{name: "big-message-id-1mb", about: "reply whose Message-ID is 1 MB long", build: messageID1MB, big: true},
		{name: "big-in-reply-to-100000", about: "reply whose In-Reply-To lists 100,000 Message-IDs, the tracked ask first", build: inReplyTo100000, big: true},
		{name: "big-html-1mb-nested", about: "reply in HTML made of 1 MB of nested, never closed tags", build: html1MB, big: true},
	}
}

// fill repeats unit up to n bytes.
func fill(unit string, n int) string { return strings.Repeat(unit, n/len(unit)) }

func authResults10MB() []byte {
	return eml(commandHead("big-auth", "#1 approve", "Content-Type: text/plain",
		"Authentication-Results: mx.example.org; dkim=pass header.d=example.org "+fill("(comment; dkim=pass) ", 10<<20)),
		"approve")
}

func received10MB() []byte {
	return eml(replyHead("big-received", "Received: from "+fill("relay.example.net ", 10<<20), "Content-Type: text/plain"),
		"The body the capped fetch never reaches.")
}

func subject1MB() []byte {
	head := replyHead("big-subject", "Content-Type: text/plain")
	head[2] = "Subject: Re: Budget review for Q1 " + fill("again ", 1<<20)
	return eml(head, "A long subject.")
}

func attachment50MB() []byte {
	line := fill("QUJD", 76) + "\r\n"
	return eml(replyHead("big-attachment", `Content-Type: multipart/mixed; boundary="att"`),
		"--att", "Content-Type: text/plain", "", "The full export is attached.",
		"--att", "Content-Type: application/octet-stream; name=export.bin", "Content-Transfer-Encoding: base64", "",
		fill(line, 50<<20)+"--att--")
}

// addresses lists n generated mailboxes, comma-separated.
func addresses(n int) string {
	list := make([]string, n)
	for i := range list {
		list[i] = fmt.Sprintf("Person %d <p%d@example.com>", i, i)
	}
	return strings.Join(list, ", ")
}

func to10000() []byte {
	head := askHead("big-to", "Content-Type: text/plain")
	head[1] = "To: " + addresses(10000)
	return eml(head, "Can anyone help me move a piano?")
}

func from5000() []byte {
	head := commandHead("big-from", "#1 approve", "Content-Type: text/plain")
	head[0] = "From: Ada Lovelace <ada@example.org>, " + addresses(4999)
	return eml(head, "approve")
}

func fields100000() []byte {
	head := replyHead("big-fields", "Content-Type: text/plain")
	for i := range 100000 {
		head = append(head, fmt.Sprintf("Delivered-To: ada+%d@example.org", i))
	}
	return eml(head, "Many hops.")
}

func parts10000() []byte {
	body := make([]string, 0, 40001)
	for i := range 10000 {
		body = append(body, "--p", "Content-Type: text/plain", "", fmt.Sprintf("Part %d of the answer.", i))
	}
	return eml(replyHead("big-parts", `Content-Type: multipart/mixed; boundary="p"`), append(body, "--p--")...)
}

func messageID1MB() []byte {
	head := replyHead("unused", "Content-Type: text/plain")
	head[4] = "Message-ID: <" + fill("x", 1<<20) + "@example.net>"
	return eml(head, "A very long name.")
}

func inReplyTo100000() []byte {
	ids := make([]string, 100000)
	ids[0] = "<ask-budget@example.org>"
	for i := 1; i < len(ids); i++ {
		ids[i] = fmt.Sprintf("<id-%d@example.net>", i)
	}
	head := replyHead("big-irt", "Content-Type: text/plain")
	head[5] = "In-Reply-To: " + strings.Join(ids, " ")
	return eml(head, "In reply to everything.")
}

func html1MB() []byte {
	return eml(replyHead("big-html", "Content-Type: text/html; charset=utf-8"),
		"<html><body>"+fill("<div><span><b><i><blockquote><table><tr><td>", 1<<20)+"thanks")
}
