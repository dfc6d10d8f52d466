package msgtext

import "testing"

// oooCases are shared with the fuzz seed corpus.
var oooCases = []struct {
	name, subject, plain string
	want                 bool
}{
	{"OutlookEnglishSubject", "Automatic reply: Printer", "I am out of the office until Monday.", true},
	{"OutOfOfficeSubject", "Out of Office: Printer", "", true},
	{"AutoReplySubject", "Auto-Reply: Printer", "", true},
	{"AutoreplySubject", "[Autoreply] Printer", "", true},
	{"GermanSubject", "Abwesenheitsnotiz: Drucker", "", true},
	{"GermanAutomaticSubject", "Automatische Antwort: Drucker", "", true},
	{"FrenchSubject", "Réponse automatique : Imprimante", "", true},
	{"FrenchAbsentSubject", "Absent du bureau - retour le 30", "", true},
	{"SpanishSubject", "Respuesta automática: Impresora", "", true},
	{"SpanishOfficeSubject", "Fuera de la oficina", "", true},
	{"ItalianSubject", "Risposta automatica: Stampante", "", true},
	{"ItalianFuoriSede", "Fuori sede fino al 30", "", true},
	{"EnglishFirstLine", "Printer", "I am out of the office until 30 November.\nFor urgent matters call Carol.", true},
	{"EnglishCurrentlyOut", "Re: Printer", "Hello,\nI'm currently out of office with limited access to email.", true},
	{"CurlyApostrophe", "Re: Printer", "I’m currently out of office.", true},
	{"GermanFirstLine", "Re: Drucker", "Vielen Dank für Ihre Nachricht.\nIch bin bis zum 30.11. nicht im Büro.", true},
	{"FrenchFirstLine", "Re: Imprimante", "Bonjour,\nJe suis absente jusqu'au 30 novembre.", true},
	{"SpanishFirstLine", "Re: Impresora", "Estoy fuera de la oficina hasta el lunes.", true},
	{"BodyStartsWithPhrase", "Re: Printer", "Out of office: back on Monday.", true},
	{"NormalReply", "Re: Printer", "Fixed it, try again.", false},
	{"PhraseDeepInBody", "Re: Printer", "Fixed it.\nTry again.\nI was out of office last week, sorry for the delay.", false},
	{"ThirdLineTooLate", "Re: Printer", "Hi,\nFixed.\nI am out of the office tomorrow.", false},
	{"PastTense", "Re: Printer", "Sorry, I was out of office last week.", false},
	{"SubjectMentionInMiddle", "Re: Policy for out of office replies", "", false},
	{"SubjectOutOfOfficeHours", "Out of office hours support", "", false},
	{"ReplyToAnAutoReply", "Re: Automatic reply: Printer", "Are you back?", false},
	{"QuotedAutoReply", "Re: x", "> I am out of the office\nAre you back?", false},
}

func TestOutOfOffice(t *testing.T) {
	for _, tc := range oooCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := OutOfOffice(tc.subject, tc.plain); got != tc.want {
				t.Errorf("OutOfOffice(%q, %q) = %v, want %v", tc.subject, tc.plain, got, tc.want)
			}
		})
	}
}
