package inbox_test

import "fmt"

// testMail builds a small RFC 5322 message with a unique Message-ID.
func testMail(i int, subject string) []byte {
	return []byte(fmt.Sprintf("From: Alice <alice@example.org>\r\n"+
		"To: Ada <ada@example.org>\r\n"+
		"Subject: %s %d\r\n"+
		"Date: Mon, 23 Nov 2026 10:%02d:00 +0000\r\n"+
		"Message-ID: <msg-%d@example.org>\r\n"+
		"MIME-Version: 1.0\r\n"+
		"Content-Type: text/plain; charset=utf-8\r\n"+
		"\r\n"+
		"Body of message %d: can you help with the budget?\r\n", subject, i, i%60, i, i))
}
