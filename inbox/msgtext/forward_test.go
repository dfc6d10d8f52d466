package msgtext

import (
	"strings"
	"testing"
	"time"
)

var (
	ada   = Address{Name: "Ada Lovelace", Email: "ada@example.org"}
	bob   = Address{Name: "Bob Example", Email: "bob@example.com"}
	carol = Address{Name: "Carol", Email: "carol@example.com"}
	// nov23 is 2026-11-23 10:05 UTC, the date every case forwards.
	nov23 = time.Date(2026, 11, 23, 10, 5, 0, 0, time.UTC)
)

// forwardCases are inline forwards as clients write them; shared with
// the fuzz seed corpus.
var forwardCases = []struct {
	name    string
	subject string
	plain   string
	want    Forwarded
}{
	{
		name:    "GmailEnglish",
		subject: "Fwd: VPN help",
		plain: "Can you take this one?\n\n---------- Forwarded message ---------\nFrom: Ada Lovelace <ada@example.org>\n" +
			"Date: Mon, Nov 23, 2026 at 10:05 AM\nSubject: VPN help\nTo: Bob Example <bob@example.com>, Carol <carol@example.com>\n" +
			"Cc: dave@example.com\n\nHow do I set up the VPN?\n",
		want: Forwarded{From: ada, To: []Address{bob, carol}, Cc: []Address{{Email: "dave@example.com"}},
			Date: nov23, Subject: "VPN help", Body: "How do I set up the VPN?", Note: "Can you take this one?"},
	},
	{
		name:    "GmailGerman",
		subject: "WG: VPN",
		plain: "---------- Weitergeleitete Nachricht ---------\nVon: Ada Lovelace <ada@example.org>\n" +
			"Date: Mo., 23. Nov. 2026 um 10:05 Uhr\nSubject: VPN\nTo: Bob Example <bob@example.com>\n\nWie richte ich das VPN ein?",
		want: Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "VPN", Body: "Wie richte ich das VPN ein?"},
	},
	{
		name:    "GmailFrench",
		subject: "Fwd: Aide",
		plain: "Pour info\n\n---------- Forwarded message ---------\nDe\u00a0: Ada Lovelace <ada@example.org>\n" +
			"Date: lun. 23 nov. 2026 à 10:05\nSubject: Aide\nTo: Bob Example <bob@example.com>\n\nTu peux m'aider ?",
		want: Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "Aide", Body: "Tu peux m'aider ?", Note: "Pour info"},
	},
	{
		name:    "GmailSpanish",
		subject: "Fwd: Ayuda",
		plain: "---------- Mensaje reenviado ---------\nDe: Ada Lovelace <ada@example.org>\n" +
			"Date: lun, 23 nov 2026 a las 10:05\nSubject: Ayuda\nTo: Bob Example <bob@example.com>\n\n¿Me ayudas?",
		want: Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "Ayuda", Body: "¿Me ayudas?"},
	},
	{
		name:    "GmailBoldMarkersFromHTML",
		subject: "Fwd: Server",
		plain: "---------- Forwarded message ---------\n*From:* Ada Lovelace <ada@example.org>\n" +
			"*Date:* Mon, Nov 23, 2026 at 10:05 AM\n*Subject:* Server\n*To:* Bob Example <bob@example.com>\n\nIs it down?",
		want: Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "Server", Body: "Is it down?"},
	},
	{
		name:    "OutlookDesktopOriginalMessage",
		subject: "FW: Printer",
		plain: "FYI\n\n-----Original Message-----\nFrom: Ada Lovelace [mailto:ada@example.org]\n" +
			"Sent: Monday, November 23, 2026 10:05 AM\nTo: Bob Example <bob@example.com>; Carol <carol@example.com>\n" +
			"Subject: Printer\n\nThe printer is broken.",
		want: Forwarded{From: ada, To: []Address{bob, carol}, Date: nov23, Subject: "Printer", Body: "The printer is broken.", Note: "FYI"},
	},
	{
		name:    "OutlookDesktopRuleWithLastFirstNames",
		subject: "FW: Printer",
		plain: "________________________________\nFrom: Lovelace, Ada <ada@example.org>\n" +
			"Sent: Monday, November 23, 2026 10:05 AM\nTo: Example, Bob <bob@example.com>\nSubject: Printer\n\nBroken.",
		want: Forwarded{From: Address{Name: "Lovelace, Ada", Email: "ada@example.org"},
			To: []Address{{Name: "Example, Bob", Email: "bob@example.com"}}, Date: nov23, Subject: "Printer", Body: "Broken."},
	},
	{
		name:    "OutlookGerman",
		subject: "WG: Drucker",
		plain: "Kannst du helfen?\n\n-----Ursprüngliche Nachricht-----\nVon: Ada Lovelace <ada@example.org>\n" +
			"Gesendet: Montag, 23. November 2026 10:05\nAn: Bob Example <bob@example.com>\nCc: Carol <carol@example.com>\n" +
			"Betreff: Drucker\n\nDer Drucker ist kaputt.",
		want: Forwarded{From: ada, To: []Address{bob}, Cc: []Address{carol}, Date: nov23, Subject: "Drucker",
			Body: "Der Drucker ist kaputt.", Note: "Kannst du helfen?"},
	},
	{
		name:    "OutlookFrenchHeaderBlock",
		subject: "TR: Imprimante",
		plain: "De : Ada Lovelace <ada@example.org>\nEnvoyé : lundi 23 novembre 2026 10:05\n" +
			"À : Bob Example <bob@example.com>\nCc : Carol <carol@example.com>\nObjet : Imprimante\n\nL'imprimante est en panne.",
		want: Forwarded{From: ada, To: []Address{bob}, Cc: []Address{carol}, Date: nov23, Subject: "Imprimante",
			Body: "L'imprimante est en panne."},
	},
	{
		name:    "OutlookSpanish",
		subject: "RV: Impresora",
		plain: "________________________________\nDe: Ada Lovelace <ada@example.org>\n" +
			"Enviado el: lunes, 23 de noviembre de 2026 10:05\nPara: Bob Example <bob@example.com>\nCC: Carol <carol@example.com>\n" +
			"Asunto: Impresora\n\nLa impresora está rota.",
		want: Forwarded{From: ada, To: []Address{bob}, Cc: []Address{carol}, Date: nov23, Subject: "Impresora",
			Body: "La impresora está rota."},
	},
	{
		name:    "OutlookWebBoldMarkers",
		subject: "FW: Server",
		plain: "________________________________\n*From:* Ada Lovelace <ada@example.org>\n" +
			"*Sent:* Monday, November 23, 2026 10:05 AM\n*To:* Bob Example <bob@example.com>\n*Subject:* Server\n\nIs it down?",
		want: Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "Server", Body: "Is it down?"},
	},
	{
		name:    "AppleMailEnglishQuoted",
		subject: "Fwd: Help",
		plain: "See below.\n\nBegin forwarded message:\n\n> From: Ada Lovelace <ada@example.org>\n> Subject: Help\n" +
			"> Date: 23 November 2026 at 11:05:00 GMT+1\n> To: Bob Example <bob@example.com>\n> \n> Can you help?\n",
		want: Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "Help", Body: "Can you help?", Note: "See below."},
	},
	{
		name:    "AppleMailGerman",
		subject: "WG: Hilfe",
		plain: "Anfang der weitergeleiteten Nachricht:\n\nVon: Ada Lovelace <ada@example.org>\nBetreff: Hilfe\n" +
			"Datum: 23. November 2026 um 11:05:00 MEZ\nAn: Bob Example <bob@example.com>\n\nKannst du helfen?",
		want: Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "Hilfe", Body: "Kannst du helfen?"},
	},
	{
		name:    "AppleMailFrench",
		subject: "Fwd: Aide",
		plain: "Début du message réexpédié :\n\nDe: Ada Lovelace <ada@example.org>\nObjet: Aide\n" +
			"Date: 23 novembre 2026 à 11:05:00 UTC+1\nÀ: Bob Example <bob@example.com>\n\nTu peux m'aider ?",
		want: Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "Aide", Body: "Tu peux m'aider ?"},
	},
	{
		name:    "AppleMailSpanish",
		subject: "Fwd: Ayuda",
		plain: "Inicio del mensaje reenviado:\n\nDe: Ada Lovelace <ada@example.org>\nAsunto: Ayuda\n" +
			"Fecha: 23 de noviembre de 2026, 11:05:00 GMT+1\nPara: Bob Example <bob@example.com>\n\n¿Me ayudas?",
		want: Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "Ayuda", Body: "¿Me ayudas?"},
	},
	{
		name:    "ThunderbirdEnglish",
		subject: "Fwd: Help",
		plain: "-------- Forwarded Message --------\nSubject: \tHelp\nDate: \tMon, 23 Nov 2026 11:05:00 +0100\n" +
			"From: \tAda Lovelace <ada@example.org>\nTo: \tBob Example <bob@example.com>\n\n\nCan you help?",
		want: Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "Help", Body: "Can you help?"},
	},
	{
		name:    "ThunderbirdGerman",
		subject: "Fwd: Hilfe",
		plain: "-------- Weitergeleitete Nachricht --------\nBetreff: \tHilfe\nDatum: \t23.11.26 10:05\n" +
			"Von: \tAda Lovelace <ada@example.org>\nAn: \tBob Example <bob@example.com>\n\nKannst du helfen?",
		want: Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "Hilfe", Body: "Kannst du helfen?"},
	},
	{
		name:    "ThunderbirdFrench",
		subject: "Fwd: Aide",
		plain: "-------- Message transféré --------\nSujet : \tAide\nDate : \t11/23/26 10:05 AM\n" +
			"De : \tAda Lovelace <ada@example.org>\nPour : \tBob Example <bob@example.com>\n\nTu peux m'aider ?",
		want: Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "Aide", Body: "Tu peux m'aider ?"},
	},
	{
		name:    "ThunderbirdSpanish",
		subject: "Fwd: Ayuda",
		plain: "-------- Mensaje reenviado --------\nAsunto: \tAyuda\nFecha: \t23/11/26 10:05\n" +
			"De: \tAda Lovelace <ada@example.org>\nPara: \tBob Example <bob@example.com>\n\n¿Me ayudas?",
		want: Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "Ayuda", Body: "¿Me ayudas?"},
	},
	{
		name:    "WrappedHeadersQuotedNamesAndBareName",
		subject: "Fwd: Lunch",
		plain: "---------- Forwarded message ---------\nFrom: \"Lovelace, Ada\" <ada@example.org>\n" +
			"Date: Mon, Nov 23, 2026 at 10:05 AM\nSubject: Lunch on\n Friday\nTo: Bob Example <bob@example.com>, Carol\n" +
			"<carol@example.com>, Dave\n\nLunch?",
		want: Forwarded{From: Address{Name: "Lovelace, Ada", Email: "ada@example.org"},
			To: []Address{bob, carol, {Name: "Dave"}}, Date: nov23, Subject: "Lunch on Friday", Body: "Lunch?"},
	},
	{
		name:    "SubjectFallsBackToForwardingSubject",
		subject: "Fwd: [help] Printer",
		plain:   "---------- Forwarded message ---------\nFrom: Ada Lovelace\n\nBroken.",
		want:    Forwarded{From: Address{Name: "Ada Lovelace"}, Subject: "[help] Printer", Body: "Broken."},
	},
}

func TestForwardInline(t *testing.T) {
	for _, tc := range forwardCases {
		t.Run(tc.name, func(t *testing.T) {
			f, ok := Forward(&Text{Plain: tc.plain}, tc.subject)
			if !ok {
				t.Fatal("no forward detected")
			}
			checkForward(t, f, &tc.want)
		})
	}
}

func checkForward(t *testing.T, got, want *Forwarded) {
	t.Helper()
	if got.From != want.From {
		t.Errorf("From = %+v, want %+v", got.From, want.From)
	}
	if !sameAddresses(got.To, want.To) {
		t.Errorf("To = %+v, want %+v", got.To, want.To)
	}
	if !sameAddresses(got.Cc, want.Cc) {
		t.Errorf("Cc = %+v, want %+v", got.Cc, want.Cc)
	}
	if !got.Date.Equal(want.Date) {
		t.Errorf("Date = %v, want %v", got.Date, want.Date)
	}
	if got.Subject != want.Subject {
		t.Errorf("Subject = %q, want %q", got.Subject, want.Subject)
	}
	if got.MessageID != want.MessageID {
		t.Errorf("MessageID = %q, want %q", got.MessageID, want.MessageID)
	}
	if got.Body != want.Body {
		t.Errorf("Body = %q, want %q", got.Body, want.Body)
	}
	if got.Note != want.Note {
		t.Errorf("Note = %q, want %q", got.Note, want.Note)
	}
}

func sameAddresses(a, b []Address) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestForwardFromRFC822Attachment(t *testing.T) {
	raw := msg("From: Bob <bob@example.com>", "Subject: Fwd: Printer", "Content-Type: multipart/mixed; boundary=fw", "",
		"--fw", "Content-Type: text/plain; charset=utf-8", "", "Please handle this.",
		"--fw", "Content-Type: message/rfc822", "Content-Disposition: attachment; filename=Printer.eml", "",
		"From: =?UTF-8?Q?Ada_Lovel=C3=A2ce?= <Ada@Example.org>",
		"To: Bob Example <bob@example.com>, carol@example.com",
		"Cc: \"Dave D.\" <dave@example.com>",
		"Date: Mon, 23 Nov 2026 11:05:00 +0100",
		"Subject: =?ISO-8859-1?Q?Drucker_kaputt_=FC?=",
		"Message-ID: <abc.123@mail.example.org>",
		"Content-Type: text/plain; charset=utf-8", "",
		"The printer is broken.",
		"--fw--")
	x, err := Extract(raw)
	if err != nil {
		t.Fatal(err)
	}
	f, ok := Forward(x, "Fwd: Printer")
	if !ok {
		t.Fatal("no forward detected")
	}
	checkForward(t, f, &Forwarded{
		From:      Address{Name: "Ada Lovelâce", Email: "ada@example.org"},
		To:        []Address{bob, {Email: "carol@example.com"}},
		Cc:        []Address{{Name: "Dave D.", Email: "dave@example.com"}},
		Date:      nov23,
		Subject:   "Drucker kaputt ü",
		MessageID: "abc.123@mail.example.org",
		Body:      "The printer is broken.",
		Note:      "Please handle this.",
	})
}

func TestForwardFromOutlookWebHTML(t *testing.T) {
	raw := msg("Subject: FW: Server", "Content-Type: text/html; charset=utf-8", "",
		`<html><body><div>Can you look?</div><hr style="display:inline-block;width:98%" tabindex="-1">`,
		`<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000">`,
		`<b>From:</b> Ada Lovelace &lt;ada@example.org&gt;<br><b>Sent:</b> Monday, November 23, 2026 10:05 AM<br>`,
		`<b>To:</b> Bob Example &lt;bob@example.com&gt;<br><b>Subject:</b> Server</font><div>&nbsp;</div></div>`,
		`<div><p>Is the server down?</p></div></body></html>`)
	x, err := Extract(raw)
	if err != nil {
		t.Fatal(err)
	}
	f, ok := Forward(x, "FW: Server")
	if !ok {
		t.Fatalf("no forward detected in %q", x.Plain)
	}
	checkForward(t, f, &Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "Server",
		Body: "Is the server down?", Note: "Can you look?"})
}

func TestForwardFromGmailHTML(t *testing.T) {
	raw := msg("Subject: Fwd: VPN", "Content-Type: text/html; charset=utf-8", "",
		`<div dir="ltr"><br><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>`,
		`From: <strong class="gmail_sendername" dir="auto">Ada Lovelace</strong> <span dir="auto">&lt;<a href="mailto:ada@example.org">ada@example.org</a>&gt;</span><br>`,
		`Date: Mon, Nov 23, 2026 at 10:05 AM<br>Subject: VPN<br>To: Bob Example &lt;<a href="mailto:bob@example.com">bob@example.com</a>&gt;<br></div><br><br>`,
		`<div dir="ltr">How do I set up the VPN?</div></div></div>`)
	x, err := Extract(raw)
	if err != nil {
		t.Fatal(err)
	}
	f, ok := Forward(x, "Fwd: VPN")
	if !ok {
		t.Fatalf("no forward detected in %q", x.Plain)
	}
	checkForward(t, f, &Forwarded{From: ada, To: []Address{bob}, Date: nov23, Subject: "VPN", Body: "How do I set up the VPN?"})
}

func TestForwardRejectsNonForwards(t *testing.T) {
	tests := []struct {
		name, subject, plain string
		report               bool
	}{
		{"PlainMessage", "Printer", "The printer is broken, can you help?", false},
		{"GmailReply", "Re: Printer", "Fixed.\n\nOn Mon, Nov 23, 2026 at 10:05 AM Ada Lovelace <ada@example.org> wrote:\n> Broken.", false},
		{"OutlookReplyHeaderBlock", "RE: Printer",
			"Fixed.\n\nFrom: Ada Lovelace <ada@example.org>\nSent: Monday, November 23, 2026 10:05 AM\nTo: Bob\nSubject: Printer\n\nBroken.", false},
		{"GermanOutlookReply", "AW: Drucker",
			"Erledigt.\n\n-----Ursprüngliche Nachricht-----\nVon: Ada\nGesendet: Montag, 23. November 2026 10:05\nAn: Bob\nBetreff: Drucker\n\nKaputt.", false},
		{"ForwardMarkerOnlyInsideQuote", "Re: Fwd: x",
			"Thanks!\n\n> ---------- Forwarded message ---------\n> From: Carol <carol@example.com>", false},
		{"ReplyQuotingAForwardBelowAttribution", "Re: Fwd: x",
			"Thanks!\n\nOn Mon, Nov 23, 2026 at 10:05 AM Ada wrote:\n---------- Forwarded message ---------\nFrom: Carol", false},
		{"RuleWithoutHeaders", "Notes", "Agenda\n________________________________\nItem one", false},
		{"DeliveryReport", "Undelivered Mail", "---------- Forwarded message ---------\nFrom: Ada", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if f, ok := Forward(&Text{Plain: tc.plain, Report: tc.report}, tc.subject); ok {
				t.Errorf("forward detected: %+v", f)
			}
		})
	}
	if _, ok := Forward(nil, "Fwd: x"); ok {
		t.Error("nil Text is a forward")
	}
}

func TestForwardNoteKeepsForwarderText(t *testing.T) {
	f, ok := Forward(&Text{Plain: "  Bob, can you help Ada?\nThanks  \n\n-------- Forwarded Message --------\nFrom: Ada <ada@example.org>\n\nx"}, "")
	if !ok || f.Note != "Bob, can you help Ada?\nThanks" || !strings.Contains(f.Body, "x") {
		t.Errorf("forward = %+v, %v", f, ok)
	}
}
