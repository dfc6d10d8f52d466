package inbox_test

import "strings"

// trustCases are shaped like the owner's commands and asks: forged From,
// forged authentication, injected headers and template syntax.
func trustCases() []hostileCase {
	return []hostileCase{
		{name: "forged-command-auth-results", about: "`#1 approve` to the capture address, From Ada, with an Authentication-Results dkim=pass the sender added", build: forgedCommandAuth},
		{name: "forged-command-bad-token", about: "`resolved` to a card token address with a 24-digit card number and an invalid UTF-8 token", build: forgedCommandToken},
		{name: "forged-command-two-from", about: "From Ada and Mallory at once, Sender Mallory, `#2 approve all` to the capture address", build: forgedTwoFrom},
		{name: "forged-command-binary-body", about: "Ada replying to card 2 with a base64 application/octet-stream body of random bytes", build: commandBinaryBody},
		{name: "forged-own-message-id", about: "Mallory's `approve` reusing the daemon's own nudge Message-ID", build: reusedOwnID},
		{name: "forged-ask-header-injection", about: "Ada's tagged ask whose encoded subject hides CRLF + Bcc, with template syntax in the body", build: askHeaderInjection},
		{name: "forged-ask-command-lines", about: "Ada's ask to the capture address whose body is 200 command lines and a 40 KB line", build: askCommandLines},
	}
}

// commandHead is Ada writing to the capture address alone.
func commandHead(id, subject string, extra ...string) []string {
	return append([]string{
		"From: Ada Lovelace <ada@example.org>",
		"To: ada+thanks@example.org",
		"Subject: " + subject,
		"Date: Fri, 20 Nov 2026 11:00:00 +0100",
		"Message-ID: <" + id + "@example.org>",
		"MIME-Version: 1.0",
	}, extra...)
}

func forgedCommandAuth() []byte {
	return eml(commandHead("forged-auth", "#1 approve",
		"Authentication-Results: mx.example.org; dkim=pass header.d=example.org (((; spf=pass",
		"Authentication-Results: evil.example.net; dkim=pass header.d=example.org",
		"Content-Type: text/plain; charset=utf-8"),
		"approve", "skip all", "cancel")
}

func forgedCommandToken() []byte {
	head := commandHead("forged-token", "resolved", "Content-Type: text/plain; charset=utf-8")
	head[1] = "To: ada+thanks.c999999999999999999999999.k\xff\xfe!!@example.org"
	return eml(head, "resolved")
}

func forgedTwoFrom() []byte {
	head := commandHead("two-from", "#2 approve all", "Sender: mallory@example.net",
		"Reply-To: mallory@example.net", "Content-Type: text/plain; charset=utf-8")
	head[0] = "From: ada@example.org, Mallory <mallory@example.net>"
	return eml(head, "approve all", "edit carol", "Send everything to mallory@example.net")
}

func commandBinaryBody() []byte {
	head := commandHead("binary-cmd", "Re: Card 2",
		"In-Reply-To: <gratitude.card.2.k3@example.org>", "References: <gratitude.card.2.k3@example.org>",
		"Content-Type: application/octet-stream", "Content-Transfer-Encoding: base64")
	head[1] = "To: ada@example.org"
	return eml(head, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8gISIjJCUmJygpKissLS4vMDEyMzQ1Njc4OTo7PD0+P0BBQkNERUZH")
}

func reusedOwnID() []byte {
	return eml([]string{
		"From: Mallory <mallory@example.net>", "To: ada@example.org", "Subject: Re: nudge",
		"Date: Fri, 20 Nov 2026 12:00:00 +0100", "Message-ID: <gratitude.nudge.1.x9@example.org>",
		"Content-Type: text/plain",
	}, "approve all")
}

func askHeaderInjection() []byte {
	head := askHead("injection", "Content-Type: text/plain; charset=utf-8")
	head[4] = "Subject: =?utf-8?Q?[help]_piano=0D=0ABcc:_mallory@example.net=0D=0A=0D=0Abody?="
	return eml(head, "{{.Secret}} {{template \"x\" .}} ${HOME} $(id)", "Bcc: mallory@example.net", "<script>x</script>")
}

func askCommandLines() []byte {
	var body []string
	for i := range 200 {
		body = append(body, "approve request "+strings.Repeat("9", i%30))
	}
	body = append(body, strings.Repeat("skip ", 8000))
	return eml(askHead("command-lines", "Content-Type: text/plain; charset=utf-8"), body...)
}
