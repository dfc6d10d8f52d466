package inbox_test

import "strings"

// headerCases break the header fields the classifier reads: addresses,
// encoded words, Message-IDs.
func headerCases() []hostileCase {
	return []hostileCase{
		{name: "addr-invalid-utf8-reply", about: "reply in the tracked thread whose From and To display names and addresses are invalid UTF-8", build: invalidUTF8Reply},
		{name: "addr-invalid-utf8-owner-ask", about: "Ada's ask to the capture address with invalid UTF-8 in her display name and in the recipients' names and addresses", build: invalidUTF8Ask},
		{name: "addr-nested-comments", about: "From with 3,000 nested comments, To with an unbalanced comment, Cc with an unterminated quoted string", build: nestedComments},
		{name: "addr-empty-from", about: "reply in the tracked thread whose From is empty, and no Return-Path", build: emptyFrom},
		{name: "header-rfc2047-malformed", about: "encoded words with bad base64, bad Q escapes, unknown charset and encoding, unterminated, in Subject and From", build: malformed2047},
		{name: "header-folded-first-line", about: "the header block starts with a continuation line, then a field name with spaces and one with no colon", build: foldedFirstLine},
		{name: "msgid-missing", about: "reply in the tracked thread with no Message-ID (a synthetic one must be made)", build: missingMessageID},
		{name: "msgid-crlf", about: "Message-ID and In-Reply-To folded with CRLF inside the angle brackets", build: crlfMessageID},
		{name: "msgid-many-fields", about: "twenty Message-ID fields, the first one empty", build: manyMessageIDs},
	}
}

func invalidUTF8Reply() []byte {
	head := replyHead("utf8-reply", "Content-Type: text/plain; charset=utf-8")
	head[0] = "From: \"Al\xffice \xc3\x28\" <al\xfeice@exa\xc0mple.net>"
	head[1] = "To: \"\xed\xa0\x80 Ada\" <ada@example.org>, \xf8\x88\x80\x80\x80@example.org"
	return eml(head, "Here are the numbers you asked for.")
}

func invalidUTF8Ask() []byte {
	head := askHead("utf8-ask", "Content-Type: text/plain; charset=utf-8")
	head[0] = "From: \"Ada \xff\xfe\" <ada@example.org>"
	head[1] = "To: \"Gr\xe9ce\" <gr\xe9ce@example.com>, \"\xc0\xaf\" <x@\xff.example>"
	return eml(head, "Could you look at my piano this week?")
}

func nestedComments() []byte {
	head := replyHead("comments", "Content-Type: text/plain; charset=utf-8")
	head[0] = "From: Alice " + strings.Repeat("(", 3000) + "deep" + strings.Repeat(")", 3000) + " <alice@example.net>"
	head[1] = "To: ada@example.org (Ada (unbalanced"
	return eml(append(head, `Cc: "Bob \"Chen <bob@example.com>`), "Comments all the way down.")
}

func emptyFrom() []byte {
	head := replyHead("empty-from", "Content-Type: text/plain; charset=utf-8")
	head[0] = "From:"
	return eml(head, "Who am I? The budget looks fine.")
}

func malformed2047() []byte {
	head := replyHead("rfc2047", "Content-Type: text/plain; charset=utf-8")
	head[0] = "From: =?utf-8?B?QW*xpY2U=?= =?utf-8?Q?Mar=ZZtin?= <alice@example.net>"
	head[2] = "Subject: Re: =?utf-8?B?invalid base64!!?= =?utf-8?Q?=ZZ=?= =?unknown-charset?Q?hi?= " +
		"=?utf-8?X?bad-encoding?= =?utf-8*en?Q?lang?= =?=?=?= =?utf-8?Q?unterminated"
	return eml(head, "The subject is a mess, the budget is not.")
}

func foldedFirstLine() []byte {
	head := replyHead("folded-first", "Content-Type: text/plain; charset=utf-8")
	return eml(append([]string{" continuation of nothing", "Field With Spaces: x", "no colon here"}, head...),
		"Body after a broken header.")
}

func missingMessageID() []byte {
	head := replyHead("unused", "Content-Type: text/plain; charset=utf-8")
	head = append(head[:4], head[5:]...)
	return eml(head, "No Message-ID on this reply, the budget is fine.")
}

func crlfMessageID() []byte {
	head := replyHead("unused", "Content-Type: text/plain; charset=utf-8")
	head[4] = "Message-ID: <crlf-id\r\n\t@example.net>"
	head[5] = "In-Reply-To: <ask-budget@example.org\r\n >"
	return eml(head, "A folded Message-ID.")
}

func manyMessageIDs() []byte {
	head := replyHead("unused", "Content-Type: text/plain; charset=utf-8")
	head[4] = "Message-ID:"
	for i := range 19 {
		head = append(head, "Message-ID: <many-"+strings.Repeat("x", i)+"@example.net>")
	}
	return eml(head, "Which one is me?")
}
