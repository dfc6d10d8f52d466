package msgtext

import (
	"strings"
	"testing"
)

// BenchmarkExcerptFrom is the excerpt of each plain reply of replyWorld
// (attribution lines, header blocks, footers, closings and disclaimers
// in 30 languages): the cost per reply in a tracked thread, once its
// text is extracted.
func BenchmarkExcerptFrom(b *testing.B) {
	var plains, froms []string
	for _, tc := range replyWorld {
		if !strings.HasPrefix(tc.body, "Content-Type:") {
			plains, froms = append(plains, tc.body), append(froms, tc.from)
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, p := range plains {
			ExcerptFrom(p, 280, froms[i])
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(plains)), "ns/reply")
}

// BenchmarkExtractHTMLReply is Extract of each HTML reply of replyWorld,
// the structure that marks the quoted message followed on the way.
func BenchmarkExtractHTMLReply(b *testing.B) {
	var raws [][]byte
	for _, tc := range replyWorld {
		if strings.HasPrefix(tc.body, "Content-Type:") {
			raws = append(raws, []byte(tc.body))
		}
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, raw := range raws {
			Extract(raw)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(raws)), "ns/reply")
}
