package msgtext

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// excerptCases are shared with the fuzz seed corpus.
var excerptCases = []struct {
	name  string
	plain string
	max   int
	want  string
}{
	{"DropsEnglishQuoteHeaderAndQuotedLines",
		"Hi Ada,\n\nThe VPN profile is on the wiki under IT > Remote.\n\nOn Mon, Nov 23, 2026 at 10:05 AM Ada Lovelace <ada@example.org> wrote:\n> How do I set up the VPN?\n> Thanks, Ada",
		200, "The VPN profile is on the wiki under IT > Remote."},
	{"DropsWrappedGmailAttribution",
		"Done, see the ticket.\n\nOn Mon, Nov 23, 2026 at 10:05 AM Ada Lovelace <\nada@example.org> wrote:\n\n> Could you?",
		200, "Done, see the ticket."},
	{"DropsGermanQuoteHeaderAndSignature",
		"Hallo Ada,\n\nich habe dir den Schlüssel in den Briefkasten gelegt.\n\nViele Grüße,\nBob\n\nAm Mo., 23. Nov. 2026 um 10:05 Uhr schrieb Ada Lovelace <ada@example.org>:\n> Kannst du mir den Schlüssel geben?",
		200, "ich habe dir den Schlüssel in den Briefkasten gelegt."},
	{"DropsFrenchQuoteHeaderWithNarrowSpace",
		"Bonjour Ada,\n\nJe t'envoie le fichier ce soir.\n\nCordialement,\nBob\n\nLe lun. 23 nov. 2026 à 10:05, Ada Lovelace <ada@example.org> a\u202fécrit\u00a0:\n> Tu as le fichier ?",
		200, "Je t'envoie le fichier ce soir."},
	{"DropsSpanishQuoteHeader",
		"Hola Ada,\n\nYa está arreglado.\n\nSaludos,\nBob\n\nEl lun, 23 nov 2026 a las 10:05, Ada Lovelace (<ada@example.org>) escribió:\n> ¿Puedes arreglarlo?",
		200, "Ya está arreglado."},
	{"DropsOutlookOriginalMessage",
		"Fixed it this morning.\n\n-----Original Message-----\nFrom: Ada Lovelace <ada@example.org>\nSent: Monday, November 23, 2026 10:05 AM\nTo: Bob <bob@example.com>\nSubject: Printer\n\nThe printer is broken.",
		200, "Fixed it this morning."},
	{"DropsGermanOutlookOriginalMessage",
		"Erledigt.\n\n-----Ursprüngliche Nachricht-----\nVon: Ada Lovelace\nGesendet: Montag, 23. November 2026 10:05\nAn: Bob\nBetreff: Drucker\n\nDer Drucker ist kaputt.",
		200, "Erledigt."},
	{"DropsFrenchOutlookOriginalMessage",
		"C'est fait.\n\n-----Message d'origine-----\nDe : Ada Lovelace\nEnvoyé : lundi 23 novembre 2026 10:05\nÀ : Bob\nObjet : Imprimante\n\nL'imprimante est en panne.",
		200, "C'est fait."},
	{"DropsSpanishOutlookOriginalMessage",
		"Hecho.\n\n-----Mensaje original-----\nDe: Ada Lovelace\nEnviado el: lunes, 23 de noviembre de 2026 10:05\nPara: Bob\nAsunto: Impresora\n\nLa impresora está rota.",
		200, "Hecho."},
	{"DropsOutlookHeaderBlockWithoutSeparator",
		"Sure, Tuesday works.\n\nFrom: Ada Lovelace <ada@example.org>\nSent: Monday, November 23, 2026 10:05 AM\nTo: Bob <bob@example.com>\nSubject: Meeting\n\nDoes Tuesday work?",
		200, "Sure, Tuesday works."},
	{"DropsLocalizedOutlookHeaderBlocks",
		"Passt.\n\nVon: Ada Lovelace <ada@example.org>\nGesendet: Montag, 23. November 2026 10:05\nAn: Bob\nBetreff: Termin\n\nPasst Dienstag?",
		200, "Passt."},
	{"DropsFrenchOutlookHeaderBlock",
		"Parfait.\n\nDe : Ada Lovelace <ada@example.org>\nEnvoyé : lundi 23 novembre 2026 10:05\nÀ : Bob\nObjet : Réunion\n\nMardi ?",
		200, "Parfait."},
	{"DropsSpanishOutlookHeaderBlock",
		"Perfecto.\n\nDe: Ada Lovelace <ada@example.org>\nEnviado: lunes, 23 de noviembre de 2026 10:05\nPara: Bob\nAsunto: Reunión\n\n¿El martes?",
		200, "Perfecto."},
	{"DropsOutlookWebBoldHeaderBlockAfterRule",
		"On it.\n\n________________________________\n*From:* Ada Lovelace <ada@example.org>\n*Sent:* Monday, November 23, 2026 10:05 AM\n*Subject:* Server\n\nServer down?",
		200, "On it."},
	{"DropsDashDashSignature",
		"The password is in the vault.\n-- \nBob Example\nSenior Admin\n+1 555 0100",
		200, "The password is in the vault."},
	{"DropsSentFromMyIPhone",
		"Yes, I'll bring it tomorrow.\n\nSent from my iPhone\n\n> On 23 Nov 2026, at 10:05, Ada wrote:",
		200, "Yes, I'll bring it tomorrow."},
	{"DropsGermanIPhoneSignature",
		"Bringe ich morgen mit.\n\nVon meinem iPhone gesendet",
		200, "Bringe ich morgen mit."},
	{"DropsFrenchIPhoneSignature",
		"Je l'apporte demain.\n\nEnvoyé de mon iPhone",
		200, "Je l'apporte demain."},
	{"DropsSpanishIPhoneSignature",
		"Lo traigo mañana.\n\nEnviado desde mi iPhone",
		200, "Lo traigo mañana."},
	{"DropsGetOutlookForAndroid",
		"Will do.\n\nGet Outlook for Android<https://aka.ms/AAb9ysg>",
		200, "Will do."},
	{"DropsClosingAndName",
		"Hi Ada,\n\nI restarted the build server, it's green again.\n\nCheers,\nBob",
		200, "I restarted the build server, it's green again."},
	{"DropsClosingWithTwoNameLines",
		"The form is signed.\n\nBest regards,\nBob Example\nACME Corp",
		200, "The form is signed."},
	{"DropsClosingAndNameOnOneLine",
		"Here is the invoice.\n\nThanks, Bob",
		200, "Here is the invoice."},
	{"KeepsThanksThatIsASentence",
		"Thanks, that was easy to fix after all.",
		200, "Thanks, that was easy to fix after all."},
	{"DropsGermanClosing",
		"Anbei die Datei.\n\nViele Grüße\nBob",
		200, "Anbei die Datei."},
	{"DropsGreetingOnSameLine",
		"Hi Ada, the key is under the mat.",
		200, "the key is under the mat."},
	{"KeepsInterleavedAnswers",
		"On Mon, Nov 23, 2026 at 10:05 AM Ada Lovelace <ada@example.org> wrote:\n> Can you do Tuesday?\nYes, Tuesday is fine.\n> And bring the cable?\nI will bring two.",
		200, "Yes, Tuesday is fine. I will bring two."},
	{"CutsAtSentenceBoundary",
		"First sentence is short. Second sentence is a bit longer than that! Third one?",
		70, "First sentence is short. Second sentence is a bit longer than that!"},
	{"CutsLongFirstSentenceAtWordWithEllipsis",
		"This first sentence goes on and on without any punctuation for a very long time",
		30, "This first sentence goes on…"},
	{"CollapsesWhitespace",
		"Line one\nline   two.\n\n\nLine three.",
		200, "Line one line two. Line three."},
	{"NeverReturnsOwnerQuoteAfterHTMLRule",
		"Got it.\n\n________________________________\nFrom: Ada Lovelace\nSent: Monday\nTo: Bob\nSubject: x\n\nAda's question",
		200, "Got it."},
	{"QuotedOnlyIsEmpty",
		"> only quoted\n> text",
		200, ""},
	{"DropsPolishAttributionAndClosing",
		"Cześć Ada,\n\nZamów Schufę od razu online.\n\nPozdrawiam,\nKasia\n\nW dniu 17.11.2026 o 18:02, Carol Schmidt pisze:\n> Kasia, kannst du Ada helfen?",
		200, "Zamów Schufę od razu online."},
	{"DropsRussianAttribution",
		"Открой счёт в банке до того, как искать квартиру.\n\n17.11.2026 23:10, Dan Okafor пишет:\n> Olga, any advice for Ada?",
		200, "Открой счёт в банке до того, как искать квартиру."},
	{"DropsChineseAttributionWithFullWidthColon",
		"住在 Mitte 的话通勤最方便。\n\n祝好，\n王芳\n\n在 2026年11月19日 09:20，Alice Martin 写道：\n> Fang, you lived in Berlin, didn't you?",
		200, "住在 Mitte 的话通勤最方便。"},
	{"DropsGnusWritesAttribution",
		"Carol Schmidt <carol@beispiel.de> writes:\n\n> A friend of mine is moving here.\n\nWelcome! Try Wedding.",
		200, "Welcome! Try Wedding."},
	{"DropsMuttAddressAttribution",
		"* Ada Lovelace <ada@example.org> [2026-11-16 09:12 +0100]:\n> What about the travel line?\n\nAgree with Alice.",
		200, "Agree with Alice."},
	{"KeepsAnAddressLineNotFollowedByQuotes",
		"Write to Luc Moreau <luc@exemple.fr>:\nhe can come on Monday.",
		200, "Write to Luc Moreau <luc@exemple.fr>: he can come on Monday."},
	{"DropsPortugueseSingularAbraco",
		"Fale com o Rui, ele é notário em Valência.\n\nAbraço,\nJoão",
		200, "Fale com o Rui, ele é notário em Valência."},
}

func TestExcerpt(t *testing.T) {
	for _, tc := range excerptCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Excerpt(tc.plain, tc.max)
			if got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if utf8.RuneCountInString(got) > tc.max {
				t.Errorf("excerpt of %d runes exceeds %d", utf8.RuneCountInString(got), tc.max)
			}
		})
	}
}

func TestExcerptRespectsTinyAndZeroMax(t *testing.T) {
	if got := Excerpt("Done it.", 0); got != "" {
		t.Errorf("max 0: %q", got)
	}
	if got := Excerpt("Done it.", 1); got != "…" {
		t.Errorf("max 1: %q", got)
	}
	if got := Excerpt(strings.Repeat("x", 50), 10); got != strings.Repeat("x", 9)+"…" {
		t.Errorf("no space: %q", got)
	}
}

func TestExcerptOfHTMLRepliesNeverQuotesOwner(t *testing.T) {
	tests := []struct {
		name string
		raw  []byte
		want string
	}{
		{"GmailHTMLReply", msg("Content-Type: text/html; charset=UTF-8", "",
			`<div dir="ltr">Hi Ada,<div><br></div><div>The key is with Carol.</div><div><br></div><div>Best,</div><div>Bob</div></div><br>`,
			`<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon, Nov 23, 2026 at 10:05 AM Ada Lovelace &lt;<a href="mailto:ada@example.org">ada@example.org</a>&gt; wrote:<br></div>`,
			`<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex"><div dir="ltr">Where is the key?</div></blockquote></div>`),
			"The key is with Carol."},
		{"OutlookHTMLReply", msg("Content-Type: text/html; charset=utf-8", "",
			`<html><body><div class=WordSection1><p class=MsoNormal>Done, it's on your desk.<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>`,
			`<div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm">`,
			`<p class=MsoNormal><b>From:</b> Ada Lovelace &lt;ada@example.org&gt; <br><b>Sent:</b> Monday, November 23, 2026 10:05 AM<br><b>To:</b> Bob &lt;bob@example.com&gt;<br><b>Subject:</b> Report<o:p></o:p></p></div></div>`,
			`<p class=MsoNormal>Can you print the report?<o:p></o:p></p></div></body></html>`),
			"Done, it's on your desk."},
		{"AppleHTMLReply", msg("Content-Type: text/html; charset=utf-8", "",
			`<html><body><div>Sure thing!</div><div><br></div><div><br><blockquote type="cite"><div>On 23 Nov 2026, at 10:05, Ada Lovelace &lt;ada@example.org&gt; wrote:</div><br><div><div>Can you?</div></div></blockquote></div></body></html>`),
			"Sure thing!"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x, err := Extract(tc.raw)
			if err != nil {
				t.Fatal(err)
			}
			if got := Excerpt(x.Plain, 200); got != tc.want {
				t.Errorf("got  %q\nwant %q\nfrom %q", got, tc.want, x.Plain)
			}
		})
	}
}

func TestExcerptFromDropsTheSendersNameSigningTheText(t *testing.T) {
	for _, tc := range []struct{ name, plain, want string }{
		{"Ada Lovelace", "Could you review the budget by Friday?\n\nAda", "Could you review the budget by Friday?"},
		{"Ada Lovelace", "Could you review the budget by Friday?\nAda Lovelace", "Could you review the budget by Friday?"},
		{"Ada Lovelace", "Could you review the budget?\n\n- Ada L.", "Could you review the budget?"},
		{"Ada Lovelace", "Could you review the budget?\n\n—AL", "Could you review the budget?"},
		{"Ada Lovelace", "Could you review the budget?\n~A.", "Could you review the budget?"},
		{"Lovelace, Ada", "Could you review the budget?\n\nAda", "Could you review the budget?"},
		{"ada.lovelace", "Could you review the budget?\n\nada", "Could you review the budget?"},
		{"Ada Lovelace", "Thanks!\nAda", "Thanks!"},
		{"Al Smith", "Could you review it?\n\nAl", "Could you review it?"},
		{"Ada Lovelace", "Could you review it?\n\nAda Lovelace\nHead of Finance\nAcme Corp\n+1 555 0100", "Could you review it?"},
		// Not the sender signing, or nothing else written: kept.
		{"Ada Lovelace", "Could you ask Bob?\n\nBob", "Could you ask Bob? Bob"},
		{"Ada Lovelace", "Ada", "Ada"},
		{"", "Could you review it?\n\nAda", "Could you review it? Ada"},
		{"Ada Lovelace", "Please call Ada about it.", "Please call Ada about it."},
		{"Ada Lovelace", "Could you review the budget?\n\nal", "Could you review the budget? al"},
		{"Ada Lovelace", "Could you review it?\n\nAda\n\nP.S. Bring the slides.", "Could you review it? Ada P.S. Bring the slides."},
		{"Ada Lovelace", "Could you review it?\n\nAda\nHead of Finance", "Could you review it? Ada Head of Finance"},
		{"Bob Stone", "Who is coming? So far:\n\nBob\nCarol\nDan\nErin", "Who is coming? So far: Bob Carol Dan Erin"},
		{"info", "Could you check the invoice?\n\nInfo\nBilling line 3 is wrong\nPlease fix by Friday",
			"Could you check the invoice? Info Billing line 3 is wrong Please fix by Friday"},
		{"Olivia King", "Can we move it to 3pm?\n\nOK", "Can we move it to 3pm? OK"},
		{"Ada Lovelace", "Shall we take A or B?\n\nA", "Shall we take A or B? A"},
	} {
		if got := ExcerptFrom(tc.plain, 200, tc.name); got != tc.want {
			t.Errorf("ExcerptFrom(%q, %q) = %q, want %q", tc.plain, tc.name, got, tc.want)
		}
	}
}
