package msgtext

import (
	"strings"
	"testing"
)

// BenchmarkForward reads every client and language's forward once.
func BenchmarkForward(b *testing.B) {
	for b.Loop() {
		for _, tc := range forwardCases {
			Forward(&Text{Plain: tc.plain}, tc.subject)
		}
	}
}

// replySample is an everyday reply: a few lines, a signature, and the
// quoted original under an Outlook header block; Excerpt looks for the
// separator on every line, so the label and separator tables are met there.
var replySample = strings.Repeat("Thanks, the numbers look right to me; one question on line 12.\n", 8) +
	"--\nBob Chen\nExample Corp.\n\n________________________________\nFrom: Ada Lovelace <ada@example.org>\n" +
	"Sent: Monday, November 23, 2026 10:05 AM\nTo: Bob Chen <bob@example.com>\nSubject: Budget\n\n" +
	strings.Repeat("Could you review the budget draft before Friday?\n", 20)

func BenchmarkExcerptReply(b *testing.B) {
	for b.Loop() {
		Excerpt(replySample, 300)
	}
}
