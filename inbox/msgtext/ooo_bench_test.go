package msgtext

import "testing"

// oooBenchSubjects are what a sync meets: mostly plain subjects and
// replies, a few encoded words, now and then an auto-reply.
var oooBenchSubjects = append(append([]string{}, subjectSamples...),
	"Automatic reply: Could you review the Q3 budget draft?",
	"Re: Out of office planning for Q3",
	"Réponse automatique : Recommandation pour un plombier",
	"=?UTF-8?B?6Ieq5Yqo5Zue5aSNOiDmiZPljbDmnLo=?=",
	"Moving to Berlin, any advice? I would love to hear from anyone who did it recently",
	"[Ticket #48213] Re: Could you review the Q3 budget draft?", // a tag with a number: the tails are looked for
	"Read: Could you review the Q3 budget draft?",
)

func BenchmarkOutOfOfficeSubject(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range oooBenchSubjects {
			OutOfOffice(s, "")
		}
	}
}

// BenchmarkOutOfOfficeSubjectPlain is the common case alone: an ASCII
// subject that is no auto-reply.
func BenchmarkOutOfOfficeSubjectPlain(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		OutOfOffice("Re: Could you review the Q3 budget draft?", "")
	}
}

func BenchmarkOutOfOfficeBody(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, tc := range oooCases {
			OutOfOffice("", tc.plain)
		}
	}
}

// BenchmarkOutOfOfficeWorld is the subject and first lines of the
// auto-replies and answers of issue 15, in 25 languages.
func BenchmarkOutOfOfficeWorld(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, tc := range autoReplyWorld {
			OutOfOffice(tc.subject, tc.plain)
		}
	}
}
