package msgtext

import (
	"strings"
	"testing"
)

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

// oooLangCases are, per language, a responder's subject and the first
// lines of a vacation reply sent under the original subject (as Gmail's
// responder does), then replies written by people who mention being
// away in passing. All shared with the fuzz seed corpus.
var oooLangCases = []struct {
	name, subject, plain string
	want                 bool
}{
	// English, and the machines that answer in it.
	{"en/Subject", "Automatic reply: Budget review for Q1", "", true},
	{"en/Body", "Re: Budget review for Q1", "Hello,\n\nThank you for your email. I am currently out of the office with limited access to email and will return on Monday 24 November.\n\nFor urgent matters, please contact Carol Jones.\n\nBest regards,\nAlice", true},
	{"en/OutlookOld", "Out of Office AutoReply: Printer", "", true},
	{"en/RequestTracker", "[rt.example.org #1234] AutoReply: Printer", "", true},
	{"en/TicketSubject", "[Acme Support] Your ticket #48213 has been created", "", true},
	{"en/TicketBody", "Re: Printer", "Dear Ada,\n\nThank you for contacting Acme Support. We have received your request (#48213) and one of our agents will get back to you within one business day.", true},
	{"en/TicketNumberGap", "Printer", "Hello Ada Lovelace,\nYour support request (number 48213) has been logged.\nPlease keep this number for reference.", true},
	{"en/Ack", "Re: Printer", "Thanks, we received your message and will reply within two working days.", true},
	{"en/AutomatedNotice", "Re: Printer", "This is an automated response. Please do not reply to this email.", true},
	{"en/ReturnDate", "Re: Printer", "Hi there,\nI will be out of the office from 20 December, returning 5 January.", true},
	{"en/CurlyApostrophe", "Re: Printer", "I’m out of the office until Monday.", true},
	{"en/GermanKeyboardApostrophe", "Re: Printer", "I´m currently out of office.", true},
	{"en/NoBreakSpaces", "Re: Printer", "I\u00a0am\u00a0currently out of\u00a0the office.", true},
	{"en/LabelOnFirstLine", "Re: Printer", "Out of office until 5 January.\nFor urgent matters call Carol.", true},
	// German.
	{"de/Subject", "Automatische Antwort: Umzugskartons gesucht", "", true},
	{"de/Body", "Re: Umzugskartons gesucht", "Guten Tag,\n\nich bin vom 22.12.2026 bis einschließlich 06.01.2027 im Urlaub und habe keinen Zugriff auf meine E-Mails.\nIn dringenden Fällen wenden Sie sich bitte an Frau Weber.", true},
	{"de/TicketSubject", "Ihre Anfrage ist bei uns eingegangen [#2026-1187]", "", true},
	{"de/SwissSpelling", "AW: Umzugskartons", "Ich bin zurzeit ausser Haus und ab dem 7. Januar wieder erreichbar.", true},
	// French.
	{"fr/Subject", "Réponse automatique : Recommandation pour un plombier", "", true},
	{"fr/Body", "Re: Recommandation pour un plombier", "Bonjour,\nJe suis absente du bureau jusqu'au 5 janvier inclus avec un accès limité à ma messagerie.\nJe prendrai connaissance de votre message dès mon retour.", true},
	{"fr/TicketBody", "Re: Plombier", "Madame, Monsieur,\nNous avons bien reçu votre demande et la traiterons dans les meilleurs délais.", true},
	// Spanish.
	{"es/Subject", "Respuesta automática: ¿Conoces un buen abogado?", "", true},
	{"es/Body", "Re: ¿Conoces un buen abogado?", "Hola:\nEstaré de vacaciones hasta el 7 de enero, sin acceso al correo.\nResponderé a tu mensaje a mi regreso.", true},
	// Italian.
	{"it/Subject", "Risposta automatica: Cerco un idraulico", "", true},
	{"it/Body", "Re: Cerco un idraulico", "Buongiorno,\nsono in ferie fino al 6 gennaio con accesso limitato alla posta.\nRisponderò al mio rientro.", true},
	// Portuguese.
	{"pt/Subject", "Resposta automática: Indicação de contador", "", true},
	{"pt/Body", "Re: Indicação de contador", "Olá,\nEstou de férias até 10 de janeiro e sem acesso ao e-mail.\nResponderei assim que regressar.", true},
	// Dutch.
	{"nl/Subject", "Automatisch antwoord: Verhuisdozen", "", true},
	{"nl/Body", "Re: Verhuisdozen", "Beste,\nIk ben tot en met 4 januari met vakantie en lees mijn e-mail niet.\nVoor dringende zaken kunt u contact opnemen met Pieter.", true},
	// Swedish, Danish, Norwegian.
	{"sv/Subject", "Automatiskt svar: Flytthjälp i helgen", "", true},
	{"sv/Body", "Sv: Flytthjälp i helgen", "Hej!\nJag är på semester till och med 6 januari och läser inte min e-post.\nI brådskande ärenden, kontakta Anna.", true},
	{"da/Subject", "Automatisk svar: Anbefaling af en tømrer", "", true},
	{"da/Body", "Sv: Anbefaling af en tømrer", "Hej,\nJeg holder ferie til og med den 2. januar og har ikke adgang til min mail.", true},
	{"no/Subject", "Autosvar: Tips om barnehage", "", true},
	{"no/Body", "SV: Tips om barnehage", "Hei,\nJeg er for tiden på ferie og har begrenset tilgang til e-post.\nI hastesaker, kontakt Kari Nordmann.", true},
	// Finnish.
	{"fi/Subject", "Automaattinen vastaus: Muuttoapu", "", true},
	{"fi/Body", "VS: Muuttoapu", "Hei,\nolen lomalla 6.1.2027 asti enkä lue sähköpostiani.\nKiireellisissä asioissa ota yhteyttä Mattiin.", true},
	// Polish.
	{"pl/Subject", "Odpowiedź automatyczna: Polecenie hydraulika", "", true},
	{"pl/Body", "Odp: Polecenie hydraulika", "Dzień dobry,\njestem na urlopie do 7 stycznia i nie mam dostępu do poczty.\nW pilnych sprawach proszę o kontakt z Anną Kowalską.", true},
	{"pl/NoDiacritics", "Odpowiedz automatyczna: Polecenie hydraulika", "", true},
	// Czech, Slovak.
	{"cs/Subject", "Automatická odpověď: Doporučení na instalatéra", "", true},
	{"cs/Body", "Re: Doporučení na instalatéra", "Dobrý den,\ndo 6. ledna jsem na dovolené bez přístupu k e-mailu.\nNa váš e-mail odpovím po návratu.", true},
	{"sk/Subject", "Automatická odpoveď: Odporúčanie na elektrikára", "", true},
	{"sk/Body", "Re: Odporúčanie na elektrikára", "Dobrý deň,\nsom na dovolenke do 5. januára s obmedzeným prístupom k e-mailu.\nOdpoviem po návrate.", true},
	// Hungarian.
	{"hu/Subject", "Automatikus válasz: Villanyszerelőt keresek", "", true},
	{"hu/Body", "Re: Villanyszerelőt keresek", "Tisztelt Feladó!\nJanuár 6-ig szabadságon vagyok, e-mailjeimet nem olvasom.\nVisszatérésem után válaszolok.", true},
	// Romanian.
	{"ro/Subject", "Răspuns automat: Recomandare instalator", "", true},
	{"ro/Body", "Re: Recomandare instalator", "Bună ziua,\nSunt în concediu până pe 6 ianuarie, cu acces limitat la e-mail.\nVoi răspunde la întoarcere.", true},
	{"ro/CedillaS", "Re: Recomandare", "Bună ziua,\nÎn prezent mă aflu în deplasare.", true},
	// Croatian.
	{"hr/Subject", "Automatski odgovor: Preporuka za vodoinstalatera", "", true},
	{"hr/Body", "Re: Preporuka za vodoinstalatera", "Poštovani,\ntrenutno sam na godišnjem odmoru do 7. siječnja.\nOdgovorit ću na vašu poruku po povratku.", true},
	// Turkish.
	{"tr/Subject", "Otomatik yanıt: Tesisatçı önerisi", "", true},
	{"tr/SubjectUpper", "OTOMATİK YANIT: Tesisatçı önerisi", "", true},
	{"tr/Body", "Ynt: Tesisatçı önerisi", "Merhaba,\n6 Ocak tarihine kadar yıllık izindeyim ve e-postalarıma erişimim sınırlı.\nAcil durumlarda lütfen Ayşe Hanım ile iletişime geçiniz.", true},
	// Russian, Ukrainian.
	{"ru/Subject", "Автоматический ответ: Посоветуйте сантехника", "", true},
	{"ru/Body", "Re: Посоветуйте сантехника", "Здравствуйте!\nЯ нахожусь в отпуске до 9 января, доступ к почте ограничен.\nПо срочным вопросам обращайтесь к Ирине.", true},
	{"ru/TicketBody", "Re: Сантехник", "Уважаемый клиент!\nВаше обращение № 58213 зарегистрировано. Мы ответим в течение суток.", true},
	{"uk/Subject", "Автоматична відповідь: Порадьте електрика", "", true},
	{"uk/Body", "Re: Порадьте електрика", "Добрий день!\nЯ перебуваю у відпустці до 8 січня.\nВідповім на ваш лист після повернення.", true},
	// Greek.
	{"el/Subject", "Αυτόματη απάντηση: Σύσταση για υδραυλικό", "", true},
	{"el/SubjectUpper", "ΑΥΤΟΜΑΤΗ ΑΠΑΝΤΗΣΗ: Σύσταση για υδραυλικό", "", true},
	{"el/Body", "Re: Σύσταση για υδραυλικό", "Καλησπέρα σας,\nΒρίσκομαι εκτός γραφείου έως τις 7 Ιανουαρίου.\nΘα απαντήσω στο μήνυμά σας μόλις επιστρέψω.", true},
	// Japanese.
	{"ja/Subject", "自動応答: 配管工の紹介", "", true},
	{"ja/BracketSubject", "【自動返信】お問い合わせありがとうございます", "", true},
	{"ja/Body", "Re: 配管工の紹介", "お世話になっております。\n誠に申し訳ございませんが、12月28日から1月5日まで休暇のため不在にしております。\n戻り次第ご返信いたします。", true},
	// Chinese, both scripts.
	{"zh-Hans/Subject", "自动回复：推荐一位水管工", "", true},
	{"zh-Hans/Body", "回复: 推荐一位水管工", "您好，\n我目前正在休假，1月6日返回，期间无法及时查看邮件。\n如有急事请联系王小姐。", true},
	{"zh-Hant/Subject", "自動回覆: 推薦水電師傅", "", true},
	{"zh-Hant/Body", "回覆: 推薦水電師傅", "您好：\n我目前不在辦公室，將於1月6日返回。\n返回後會儘快回覆您的郵件。", true},
	// Korean.
	{"ko/Subject", "자동 회신: 배관공 추천 부탁드립니다", "", true},
	{"ko/Body", "RE: 배관공 추천 부탁드립니다", "안녕하세요.\n1월 6일까지 휴가 중입니다. 복귀 후 회신드리겠습니다.", true},
	// Vietnamese.
	{"vi/Subject", "Trả lời tự động: Giới thiệu thợ sửa ống nước", "", true},
	{"vi/Body", "Re: Giới thiệu thợ sửa ống nước", "Xin chào,\nTôi hiện đang nghỉ phép đến ngày 6/1 và sẽ trả lời email khi quay lại.", true},
	// Encodings the subject may still carry.
	{"EncodedWordUTF8", "=?UTF-8?B?6Ieq5Yqo5Zue5aSNOiDmiZPljbDmnLo=?=", "", true},
	{"EncodedWordLatin1", "=?ISO-8859-1?Q?R=E9ponse_automatique_:_Imprimante?=", "", true},
	{"DecomposedAccent", "Re\u0301ponse automatique : Imprimante", "", true},
	{"FoldedHeader", "Automatic reply:\r\n Printer", "", true},

	// People, not machines.
	{"en/PastVacation", "Re: Budget review for Q1", "Sorry for the slow answer, I was on vacation last week.\nThe numbers look right to me; only the travel line seems high.", false},
	{"en/OutTomorrow", "Re: Budget review for Q1", "Looks good to me.\nI will be out of office tomorrow but here is the answer: approve it.\nAlice", false},
	{"en/HolidayNextWeek", "Re: Printer", "Hi Ada,\nI'm on holiday next week, so here is the fix now: restart the spooler.\nCheers, Bob", false},
	{"en/ThanksForMessage", "Re: Printer", "Thanks for your message! The printer needs a new driver.", false},
	{"en/SupportPerson", "Re: Printer", "Hi Ada,\nthanks for reaching out. Please restart the print spooler and try again.", false},
	{"en/PlanningSubject", "Re: Out of office planning for Q3", "Let's cover the summer with two people.", false},
	{"en/PlanningFreshSubject", "Out of office planning for Q3", "", false},
	{"en/SettingsSubject", "Auto-reply rules in Outlook", "", false},
	{"en/QuestionSubject", "Out of office?", "", false},
	{"en/ForwardedAutoReply", "Fwd: Automatic reply: Printer", "Look what Bob's mailbox says.", false},
	{"en/PhotosSubject", "On vacation: photos from Crete", "", false},
	{"en/LongReply", "Re: Printer", "Hi Ada,\nthe printer on the second floor needs a new fuser; the part is on order.\nUntil then please use the one by the kitchen.\nI am out of the office until Monday, so ask Carol if it breaks again.", false},
	{"en/AnswerAboveQuote", "Re: Printer", "Sure, restart it.\n\nOn Mon, 16 Nov 2026 at 09:12, Bob <bob@example.com> wrote:\n> I am out of the office until Monday.", false},
	{"en/AnswerAboveOutlookOriginal", "RE: Printer", "Try the new driver.\n\n-----Original Message-----\nAutomatic reply: Printer\nI am currently out of the office.", false},
	{"de/PastVacation", "Re: Umzugskartons", "Hallo Ada,\nich war letzte Woche im Urlaub, deshalb erst jetzt: Ich habe noch zehn Kartons im Keller.\nViele Grüße", false},
	{"de/NotInOfficeOpener", "AW: Umzugskartons", "Nicht im Büro, aber kurz: die Kartons stehen im Keller.", false},
	{"tr/OnLeaveOpener", "Ynt: Tesisatçı", "İzindeyim, ama kısaca: Mehmet Usta'yı ara.", false},
	{"ru/AwayOpener", "Re: Сантехник", "Отсутствую до понедельника, но коротко: позвони Сергею.", false},
	{"ja/OnHolidayOpener", "Re: 配管工", "休暇中ですが、田中さんがおすすめです。", false},
	{"de/OutTomorrow", "AW: Umzugskartons", "Ich bin morgen nicht im Büro, aber du kannst die Kartons bei meinem Nachbarn abholen.", false},
	{"fr/NextWeek", "Re: Plombier", "Bonjour Ada,\nJe suis en vacances la semaine prochaine, mais je te conseille Marc, il est très bien.", false},
	{"es/BackFromHoliday", "Re: Abogado", "Hola Ada,\nacabo de volver de vacaciones. Te recomiendo a Lucía Pérez, es muy buena.", false},
	{"it/BackFromHoliday", "Re: Idraulico", "Ciao Ada, sono appena tornata dalle ferie: ti consiglio Marco.", false},
	{"nl/PastAbsence", "Re: Verhuisdozen", "Ik was vorige week afwezig, maar ik heb nog dozen over.", false},
	{"sv/PastVacation", "Sv: Flytthjälp", "Hej! Jag var på semester förra veckan men jag kan hjälpa till på lördag.", false},
	{"pl/PastVacation", "Odp: Hydraulik", "Cześć, byłam na urlopie, dlatego odpisuję dopiero teraz. Polecam pana Nowaka.", false},
	{"tr/PastLeave", "Re: Tesisatçı", "Merhaba, geçen hafta izindeydim, kusura bakma. Mehmet Usta'yı öneririm.", false},
	{"ru/PastVacation", "Re: Сантехник", "Привет! Я был в отпуске, поэтому отвечаю поздно. Позвони Сергею.", false},
	{"ja/PastHoliday", "Re: 配管工", "先週は休暇でしたので返信が遅くなりました。田中さんがおすすめです。", false},
	{"zh-Hans/PastHoliday", "回复: 水管工", "不好意思，上周在休假，回复晚了。推荐你找李师傅。", false},
	{"zh-Hans/SettingsSubject", "自动回复功能怎么设置？", "", false},
	{"ko/PastHoliday", "RE: 배관공", "지난주에 휴가였어서 답장이 늦었습니다. 김 기사님을 추천드려요.", false},
	{"de/CarSubject", "Auto: Reifenwechsel im Frühjahr", "", false},
}

func TestOutOfOfficeLanguages(t *testing.T) {
	for _, tc := range oooLangCases {
		t.Run(tc.name, func(t *testing.T) {
			got := OutOfOffice(tc.subject, tc.plain)
			reason := AutoReplyReason(tc.subject, tc.plain)
			if got != tc.want {
				t.Errorf("OutOfOffice(%q, %q) = %v (%s), want %v", tc.subject, tc.plain, got, reason, tc.want)
			}
			if (reason != "") != got {
				t.Errorf("AutoReplyReason = %q while OutOfOffice = %v", reason, got)
			}
		})
	}
}

// TestOutOfOfficeLanguagesCovered keeps a subject and a body example for
// every language with sentences in the table.
func TestOutOfOfficeLanguagesCovered(t *testing.T) {
	for _, l := range oooTable {
		if len(l.sentences) == 0 {
			continue
		}
		var subject, body bool
		for _, tc := range oooLangCases {
			if !tc.want || !strings.HasPrefix(tc.name, l.lang+"/") {
				continue
			}
			subject = subject || tc.plain == ""
			body = body || tc.plain != ""
		}
		if !subject || !body {
			t.Errorf("%s: subject example %v, body example %v", l.lang, subject, body)
		}
	}
}

func TestAutoReplyReason(t *testing.T) {
	for _, tc := range []struct{ subject, plain, want string }{
		{"Automatische Antwort: Drucker", "", `subject (de): "automatische antwort"`},
		{"Re: Drucker", "Ich bin bis 6.1. nicht im Büro.", `text (de): "ich bin bis … nicht im büro"`},
		{"Autosvar: Tips om barnehage", "", `subject (sv,da,no): "autosvar"`},
		{"Re: Printer", "Fixed.", ""},
	} {
		if got := AutoReplyReason(tc.subject, tc.plain); got != tc.want {
			t.Errorf("AutoReplyReason(%q, %q) = %q, want %q", tc.subject, tc.plain, got, tc.want)
		}
	}
}

// TestOOOTable checks every phrase of the table, expanded: well formed,
// and found where it is meant to be found.
func TestOOOTable(t *testing.T) {
	for _, l := range oooTable {
		for _, p := range append(append([]string{}, l.labels...), l.sentences...) {
			if n := len(expandAlternatives(p)); n > 300 {
				t.Errorf("%s %q: %d readings", l.lang, p, n)
			}
		}
	}
	for _, e := range oooIx().entries {
		if strings.ContainsAny(e.phrase, "[]|") || e.phrase != strings.TrimSpace(e.phrase) {
			t.Errorf("%s %q: alternatives left after expansion", e.lang, e.phrase)
		}
		for _, piece := range e.pieces {
			if piece == "" || piece != strings.TrimSpace(piece) {
				t.Errorf("%s %q: piece %q", e.lang, e.phrase, piece)
			}
		}
		filled := strings.ReplaceAll(e.phrase, "…", " 12 ")
		switch e.kind {
		case oooLabel:
			for _, s := range []string{filled, filled + ": x", "[" + filled + "] x", filled + " until 5 May"} {
				if !OutOfOffice(s, "") {
					t.Errorf("%s label %q: subject %q not found", e.lang, e.phrase, s)
				}
			}
			if OutOfOffice("Re: "+filled+": x", "") {
				t.Errorf("%s label %q: found after a reply prefix", e.lang, e.phrase)
			}
		case oooSentence:
			if !OutOfOffice("", "Hello,\n"+filled+".") {
				t.Errorf("%s sentence %q: not found in a first line", e.lang, e.phrase)
			}
			if !OutOfOffice(filled, "") {
				t.Errorf("%s sentence %q: not found opening a subject", e.lang, e.phrase)
			}
		case oooReceipt:
			if f, _ := AutoReply(filled+": x", ""); f != ReadReceipt {
				t.Errorf("%s receipt %q: subject %q is %v", e.lang, e.phrase, filled+": x", f)
			}
			if OutOfOffice("", filled+": x") {
				t.Errorf("%s receipt %q: found opening a line", e.lang, e.phrase)
			}
			if strings.HasSuffix(filled, ")") || !isWordRune([]rune(filled)[len([]rune(filled))-1]) {
				continue
			}
			if OutOfOffice(filled+" x", "") {
				t.Errorf("%s receipt %q: found without a colon", e.lang, e.phrase)
			}
		case oooOpener:
			if OutOfOffice(filled, filled) {
				t.Errorf("%s opener %q: taken for an auto-reply", e.lang, e.phrase)
			}
			ack := "Hi,\n" + filled + "\nx\nwe have received your request."
			if f, _ := AutoReply("", ack); f != Acknowledgement {
				t.Errorf("%s opener %q: counted among the first lines of %q", e.lang, e.phrase, ack)
			}
		case oooTail:
			if f, _ := AutoReply("[Ticket #12] Printer "+filled, ""); f != Acknowledgement {
				t.Errorf("%s tail %q: not found after a ticket tag", e.lang, e.phrase)
			}
			for _, s := range []string{"Printer " + filled, "[Printer] x " + filled, "[Ticket #12] " + filled + " x"} {
				if OutOfOffice(s, "") {
					t.Errorf("%s tail %q: found in %q", e.lang, e.phrase, s)
				}
			}
		}
	}
	t.Logf("%d entries from %d languages", len(oooIx().entries), len(oooTable))
}

func TestFoldAppend(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"  Out\tof  OFFICE \r\n", "out of office"},
		{"Réponse automatique", "reponse automatique"},
		{"Re\u0301ponse", "reponse"},
		{"I’m", "i'm"},
		{"AUßER HAUS", "ausser haus"},
		{"ΕΚΤΟΣ ΓΡΑΦΕΊΟΥ", "εκτοσ γραφειου"},
		{"Εκτός", "εκτοσ"},
		{"OTOMATİK YANIT", "otomatik yanit"},
		{"Odpowiedź Łódź", "odpowiedz lodz"},
		{"自动回复：", "自动回复:"},
		{"soft\u00adhyphen zero\u200bwidth", "softhyphen zerowidth"},
		{"a\u00a0b\u3000c", "a b c"},
		{"5–6 — x", "5-6 - x"},
		{"자동 회신", "자동 회신"},
		{"ｼﾞﾄﾞｳ", "シトウ"},
	} {
		if got := string(foldAppend(nil, tc.in)); got != tc.want {
			t.Errorf("foldAppend(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzOutOfOffice(f *testing.F) {
	for _, tc := range oooCases {
		f.Add(tc.subject, tc.plain)
	}
	for _, tc := range oooLangCases {
		f.Add(tc.subject, tc.plain)
	}
	for _, tc := range autoReplyWorld {
		f.Add(tc.subject, tc.plain)
	}
	f.Add("=?UTF-8?Q?Automatic_reply=3A?= x", "")
	f.Add("[", "\xff\xfe")
	f.Add("[[[[[[", "…")
	f.Fuzz(func(t *testing.T, subject, plain string) {
		defer watchdog()()
		got := OutOfOffice(subject, plain)
		reason := AutoReplyReason(subject, plain)
		if got != OutOfOffice(subject, plain) || reason != AutoReplyReason(subject, plain) {
			t.Fatal("not deterministic")
		}
		if (reason != "") != got {
			t.Fatalf("AutoReplyReason = %q while OutOfOffice = %v", reason, got)
		}
		if family, _ := AutoReply(subject, plain); (family != NotAutoReply) != got {
			t.Fatalf("AutoReply = %v while OutOfOffice = %v", family, got)
		}
		checkUTF8(t, "AutoReplyReason", reason)
		folded := foldAppend(nil, subject)
		checkUTF8(t, "foldAppend", string(folded))
		if string(foldAppend(nil, string(folded))) != string(folded) {
			t.Fatalf("folding %q twice differs", subject)
		}
	})
}
