package msgtext

import (
	"strings"
	"testing"
	"time"
)

func TestParseDateInManyLanguages(t *testing.T) {
	nov := func(day, h, m int) time.Time { return time.Date(2026, 11, day, h, m, 0, 0, time.UTC) }
	tests := []struct {
		name, in string
		langs    string // languages of the header block, comma-separated; "" when unknown
		want     time.Time
	}{
		{"EnglishMarIsMarch", "Tue, Mar 3, 2026 at 10:05 AM", "", time.Date(2026, 3, 3, 10, 5, 0, 0, time.UTC)},
		{"EnglishAbbreviations", "Fri, Jul 3, 2026 at 10:05 AM", "", time.Date(2026, 7, 3, 10, 5, 0, 0, time.UTC)},
		{"CroatianSaturdayIsNotFebruary", "sub, 28. stu 2026. u 10:05", "hr", nov(28, 10, 5)},
		{"PolishOctoberAbbreviation", "pt., 23 paź 2026 o 10:05", "pl", time.Date(2026, 10, 23, 10, 5, 0, 0, time.UTC)},
		{"ItalianThursdayIsNotJune", "gio 26 nov 2026 alle ore 10:05", "", nov(26, 10, 5)},
		{"RomanianTuesdayIsNotMarch", "marți, 24 noiembrie 2026 10:05", "", nov(24, 10, 5)},
		{"Portuguese", "seg., 23 de nov. de 2026 às 10:05", "", nov(23, 10, 5)},
		{"Dutch", "maandag 23 november 2026 10:05", "", nov(23, 10, 5)},
		{"Swedish", "den 23 november 2026 10:05", "", nov(23, 10, 5)},
		{"DanishDottedClock", "man. 23. nov. 2026 kl. 10.05", "", nov(23, 10, 5)},
		{"FinnishNumeric", "ma 23.11.2026 klo 10.05", "", nov(23, 10, 5)},
		{"FinnishMonthName", "maanantai 23. marraskuuta 2026 10.05", "", nov(23, 10, 5)},
		{"PolishGenitive", "poniedziałek, 23 listopada 2026 10:05", "pl", nov(23, 10, 5)},
		{"CroatianOctober", "petak, 23. listopada 2026. 10:05", "hr", time.Date(2026, 10, 23, 10, 5, 0, 0, time.UTC)},
		{"ListopadaUnknownLanguage", "23 listopada 2026 10:05", "", time.Time{}},
		{"CzechSpacedNumeric", "po 23. 11. 2026 v 10:05", "", nov(23, 10, 5)},
		{"CzechMonthName", "pondělí 23. listopadu 2026 10:05", "", nov(23, 10, 5)},
		{"Slovak", "pondelok 23. novembra 2026 10:05", "", nov(23, 10, 5)},
		{"HungarianYearFirst", "2026. nov. 23., H, 10:05", "", nov(23, 10, 5)},
		{"HungarianNumeric", "2026. 11. 23. 10:05", "", nov(23, 10, 5)},
		{"Turkish", "23 Kasım 2026 Pazartesi 10:05", "", nov(23, 10, 5)},
		{"TurkishShort", "23 Kas 2026 Pzt, 10:05", "", nov(23, 10, 5)},
		{"RussianGmail", "пн, 23 нояб. 2026 г. в 10:05", "", nov(23, 10, 5)},
		{"RussianMay", "пт, 22 мая 2026 г. в 10:05", "", time.Date(2026, 5, 22, 10, 5, 0, 0, time.UTC)},
		{"Ukrainian", "понеділок, 23 листопада 2026 р. 10:05", "", nov(23, 10, 5)},
		{"Bulgarian", "понеделник, 23 ноември 2026 г. 10:05", "", nov(23, 10, 5)},
		{"GreekPM", "Δευ, 23 Νοε 2026 στις 10:05 μ.μ.", "", nov(23, 22, 5)},
		{"GreekGenitive", "Δευτέρα, 23 Νοεμβρίου 2026 10:05 πμ", "", nov(23, 10, 5)},
		{"Japanese", "2026年11月23日(月) 10:05", "", nov(23, 10, 5)},
		{"JapaneseAfternoon", "2026年11月23日 午後3:05", "", nov(23, 15, 5)},
		{"ChineseQQ", "2026年11月23日(星期一) 下午3:05", "", nov(23, 15, 5)},
		{"ChineseWeekdayGlued", "2026年11月23日周一 上午10:05", "", nov(23, 10, 5)},
		{"Korean", "2026년 11월 23일 (월) 오후 3:05", "", nov(23, 15, 5)},
		{"VietnameseGmail", "Th 2, 23 thg 11, 2026 vào lúc 10:05", "", nov(23, 10, 5)},
		{"VietnameseOutlookPM", "Thứ Hai, ngày 23 tháng 11 năm 2026 3:05 CH", "", nov(23, 15, 5)},
		{"GermanSaturdayIsNotMorning", "Sa., 28. Nov. 2026 um 12:30 Uhr", "", nov(28, 12, 30)},
		{"IndonesianDottedClock", "Sen, 23 Nov 2026 pukul 10.05", "", nov(23, 10, 5)},
		{"JapaneseThunderbird", "2026/11/23 10:05", "", nov(23, 10, 5)},
		{"DutchThunderbird", "23-11-2026 10:05", "", nov(23, 10, 5)},
		{"SlashesDayFirstOutsideEnglish", "05/11/2026 10:05", "de", time.Date(2026, 11, 5, 10, 5, 0, 0, time.UTC)},
		{"SlashesMonthFirstInEnglish", "05/11/2026 10:05", "en", time.Date(2026, 5, 11, 10, 5, 0, 0, time.UTC)},
		{"ProtonOrdinal", "On Monday, November 23rd, 2026 at 10:05 AM", "", nov(23, 10, 5)},
		{"MailRuOffset", "Понедельник, 23 ноября 2026, 13:05 +03:00", "", nov(23, 10, 5)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var langs langSet
			for _, c := range strings.Split(tc.langs, ",") {
				langs |= langCode[c]
			}
			got, _ := parseDateIn(tc.in, langs)
			if !got.Equal(tc.want) {
				t.Errorf("parseDateIn(%q, %s) = %v, want %v", tc.in, tc.langs, got, tc.want)
			}
		})
	}
}

func TestForwardOfAForwardYieldsTheMessageForwarded(t *testing.T) {
	tests := []struct{ name, subject, plain, from, subj string }{
		{"GmailInsideRussianOutlook", "FW: Fwd: Printer",
			"Ада, смотри ниже.\n\nОт: Bob Example <bob@example.com>\n" +
				"Отправлено: понедельник, 23 ноября 2026 г. 10:05\nКому: Ada Lovelace <ada@example.org>\nТема: Fwd: Printer\n\n" +
				"FYI\n\n---------- Forwarded message ---------\nFrom: Carol <carol@example.com>\n" +
				"Date: Sun, Nov 22, 2026 at 9:00 AM\nSubject: Printer\nTo: Bob Example <bob@example.com>\n\nBroken.",
			"bob@example.com", "Fwd: Printer"},
		{"GermanInsideGmail", "Fwd: WG: Drucker",
			"---------- Forwarded message ---------\nFrom: Bob Example <bob@example.com>\n" +
				"Date: Mon, Nov 23, 2026 at 10:05 AM\nSubject: WG: Drucker\nTo: Ada Lovelace <ada@example.org>\n\n\n" +
				"-----Ursprüngliche Nachricht-----\nVon: Carol <carol@example.com>\nGesendet: Sonntag, 22. November 2026 09:00\n" +
				"An: Bob Example <bob@example.com>\nBetreff: Drucker\n\nKaputt.",
			"bob@example.com", "WG: Drucker"},
		{"RussianAppleQuotedTwice", "Fwd: Fwd: Help",
			"Начало переадресованного сообщения:\n\n> От: Bob Example <bob@example.com>\n> Тема: Fwd: Help\n" +
				"> Дата: 23 ноября 2026 г., 10:05:00 UTC\n> Кому: Ada Lovelace <ada@example.org>\n> \n> " +
				"> Begin forwarded message:\n> > \n> > From: Carol <carol@example.com>\n> > Subject: Help\n",
			"bob@example.com", "Fwd: Help"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, ok := Forward(&Text{Plain: tc.plain}, tc.subject)
			if !ok {
				t.Fatal("no forward detected")
			}
			if f.From.Email != tc.from || f.Subject != tc.subj {
				t.Errorf("From %s, Subject %q; want %s, %q", f.From.Email, f.Subject, tc.from, tc.subj)
			}
			if !strings.Contains(f.Body, "carol@example.com") {
				t.Errorf("the inner forward is not in the body: %q", f.Body)
			}
		})
	}
}

func TestForwardNoteAboveInOtherLanguages(t *testing.T) {
	f, ok := Forward(&Text{Plain: "Марк, посмотри, пожалуйста.\nСпасибо!\n\nОт: Ada Lovelace <ada@example.org>\n" +
		"Отправлено: понедельник, 23 ноября 2026 г. 10:05\nКому: Bob <bob@example.com>\nТема: Принтер\n\nСломался."}, "FW: Принтер")
	if !ok || f.Note != "Марк, посмотри, пожалуйста.\nСпасибо!" || f.Body != "Сломался." {
		t.Errorf("forward = %+v, %v", f, ok)
	}
}

func TestForwardRejectsLocalizedReplies(t *testing.T) {
	tests := []struct{ name, subject, plain string }{
		{"PolishOutlookReply", "Odp: Drukarka",
			"Naprawione.\n\nOd: Ada <ada@example.org>\nWysłano: poniedziałek, 23 listopada 2026 10:05\nDo: Bob\nTemat: Drukarka\n\nZepsuta."},
		{"FinnishReplyVS", "VS: Tulostin",
			"Korjattu.\n\nLähettäjä: Ada <ada@example.org>\nLähetetty: maanantai 23. marraskuuta 2026 10.05\nVastaanottaja: Bob\nAihe: Tulostin\n\nRikki."},
		{"DanishReplySV", "SV: Printer",
			"Ordnet.\n\nFra: Ada <ada@example.org>\nSendt: 23. november 2026 10:05\nTil: Bob\nEmne: Printer\n\nI stykker."},
		{"TurkishReply", "YNT: Yazıcı",
			"Düzeldi.\n\nKimden: Ada <ada@example.org>\nGönderildi: 23 Kasım 2026 Pazartesi 10:05\nKime: Bob\nKonu: Yazıcı\n\nBozuk."},
		{"RussianReply", "Отв: Принтер",
			"Готово.\n\n-----Исходное сообщение-----\nОт: Ada <ada@example.org>\nОтправлено: 23 ноября 2026 г. 10:05\nКому: Bob\nТема: Принтер\n\nСломался."},
		{"KoreanReply", "회신: 프린터",
			"고쳤어요.\n\n보낸 사람: Ada <ada@example.org>\n보낸 날짜: 2026년 11월 23일 월요일 오전 10:05\n받는 사람: Bob\n제목: 프린터\n\n고장."},
		{"DashedLineWithoutHeaders", "Notes", "Agenda\n----- Part two -----\nItem one\nItem two"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if f, ok := Forward(&Text{Plain: tc.plain}, tc.subject); ok {
				t.Errorf("forward detected: %+v", f)
			}
		})
	}
}

func TestForwardLabelTableIsConsistent(t *testing.T) {
	if len(forwardLangs) > 64 {
		t.Fatalf("%d languages do not fit a langSet", len(forwardLangs))
	}
	for _, l := range forwardLangs {
		if l.months != "" && len(splitList(l.months)) != 12 {
			t.Errorf("%s: %d month groups", l.code, len(splitList(l.months)))
		}
		if l.from == "" || l.date == "" || l.to == "" || l.subject == "" || l.forward == "" {
			t.Errorf("%s: a From, Date, To, Subject label or a forward separator is missing", l.code)
		}
	}
}

func TestForwardOutlookAttributionStyle(t *testing.T) {
	tests := []struct{ name, subject, plain string }{
		{"English", "FW: Printer", "FYI\n\nOn Monday, November 23, 2026 10:05 AM, \"Ada Lovelace\" <ada@example.org> wrote:\n\nThe printer is broken.\n"},
		{"German", "WG: Drucker", "Am 23.11.2026 um 10:05 schrieb \"Ada Lovelace\" <ada@example.org>:\n\nDer Drucker ist kaputt.\n"},
		{"French", "TR: Imprimante", "Le lun. 23 nov. 2026 à 10:05, « Ada Lovelace » <ada@example.org> a écrit :\n\nL'imprimante est en panne.\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, ok := Forward(&Text{Plain: tc.plain}, tc.subject)
			if !ok {
				t.Fatal("no forward detected")
			}
			if f.From.Email != "ada@example.org" || f.From.Name != "Ada Lovelace" || !f.Date.Equal(nov23) || f.Body == "" {
				t.Errorf("forward = %+v", f)
			}
		})
	}
	// The same attribution under a reply subject is a reply.
	if f, ok := Forward(&Text{Plain: tests[0].plain}, "RE: Printer"); ok {
		t.Errorf("a reply read as a forward: %+v", f)
	}
}
