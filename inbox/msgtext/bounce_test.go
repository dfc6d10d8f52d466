package msgtext

import (
	"strings"
	"testing"
)

// bounceHeaderCases are reports known by their header fields, and mail of
// people that must not be taken for one.
var bounceHeaderCases = []struct {
	name, from, fromName, subject string
	fields                        map[string]string
	want                          string // "family: why" prefix; "" for no report
}{
	{"postfix subject", "mailer-daemon@smtp.example.net", "Mail Delivery System", "Undelivered Mail Returned to Sender", nil, `postfix: subject "undelivered mail returned to sender"`},
	{"postfix delay", "mailer-daemon@smtp.example.net", "Mail Delivery System", "Delayed Mail (still being retried)", nil, "postfix: subject"},
	{"sendmail", "mailer-daemon@relay.example.net", "Mail Delivery Subsystem", "Returned mail: see transcript for details", nil, `sendmail: subject "returned mail"`},
	{"sendmail warning", "mailer-daemon@relay.example.net", "", "Warning: could not send message for past 4 hours", nil, "sendmail: subject"},
	{"exim header", "mailer-daemon@mail.example.net", "Mail Delivery System", "Mail delivery failed: returning message to sender",
		map[string]string{"X-Failed-Recipients": "bob@example.com"}, "exim: X-Failed-Recipients"},
	{"exim subject", "someone@mail.example.net", "", "Mail delivery failed: returning message to sender", nil, "exim: subject"},
	{"exim delay", "mailer-daemon@mail.example.net", "", "Warning: message 1vAbCd-000Xyz-Q2 delayed 24 hours", nil, "exim: subject"},
	{"qmail", "mailer-daemon@qmail.example.net", "", "failure notice", nil, "qmail: subject"},
	{"courier", "", "Courier mail server at courier.example.net", "NOTICE: mail delivery status.", nil, "courier: subject"},
	{"opensmtpd", "mailer-daemon@smtpd.example.net", "Mailer Daemon", "Delivery status notification: error", nil, "opensmtpd: subject"},
	{"dsn gmail", "mailer-daemon@googlemail.com", "Mail Delivery Subsystem", "Delivery Status Notification (Failure)", nil, "gmail: subject"},
	{"dsn elsewhere", "mailer-daemon@mx.example.net", "", "Delivery Status Notification (Failure)", nil, "dsn: subject"},
	{"dsn ses", "mailer-daemon@email-bounces.amazonses.com", "", "Delivery Status Notification (Failure)", nil, "amazon-ses: subject"},
	{"exchange guid", "microsoftexchange329e71ec88ae4615bbc36ab6ce41109e@example.net", "Microsoft Outlook", "Undeliverable: Budget", nil, "exchange: from microsoftexchange"},
	{"exchange de", "postmaster@beispiel.de", "", "Unzustellbar: Budget", nil, "exchange: subject"},
	{"exchange fr", "postmaster@exemple.fr", "", "Non remis : Budget", nil, "exchange: subject"},
	{"exchange es", "postmaster@ejemplo.es", "", "No se puede entregar: Budget", nil, "exchange: subject"},
	{"exchange it", "postmaster@esempio.it", "", "Non recapitabile: Budget", nil, "exchange: subject"},
	{"exchange nl", "postmaster@voorbeeld.nl", "", "Onbestelbaar: Budget", nil, "exchange: subject"},
	{"exchange pt", "postmaster@exemplo.pt", "", "Não é possível entregar: Budget", nil, "exchange: subject"},
	{"exchange sv", "postmaster@exempel.se", "", "Olevererbart: Budget", nil, "exchange: subject"},
	{"exchange pl", "postmaster@przyklad.pl", "", "Nie można dostarczyć: Budget", nil, "exchange: subject"},
	{"exchange ru", "postmaster@primer.ru", "", "Недоставляемое: Budget", nil, "exchange: subject"},
	{"exchange ja encoded", "postmaster@example.jp", "", "=?UTF-8?B?6YWN5L+h5LiN6IO9OiBCdWRnZXQ=?=", nil, `exchange: subject "配信不能"`},
	{"exchange zh", "postmaster@example.cn", "", "无法送达: Budget", nil, "exchange: subject"},
	{"exchange ko", "postmaster@example.kr", "", "배달 못 함: Budget", nil, "exchange: subject"},
	{"office365 domain", "postmaster@contoso.onmicrosoft.com", "Microsoft Outlook", "Undeliverable: Budget", nil, "office365: subject"},
	{"outlook.com", "postmaster@outlook.com", "", "Undeliverable: Budget", nil, "outlook.com: subject"},
	{"domino", "postmaster@example.com", "", "DELIVERY FAILURE: User bob not listed in Domino Directory", nil, "domino: subject"},
	{"notes", "postmaster@notes.example.com", "Mail Router", "Undeliverable message", nil, "notes: subject"},
	{"groupwise", "gwia@gw.example.com", "", "Message status - undeliverable", nil, "groupwise: subject"},
	{"messaging server", "postmaster@ims.example.net", "", "Delivery Notification: Delivery has failed", nil, "messaging-server: subject"},
	{"imail", "postmaster@imail.example.net", "", "Undeliverable Mail", nil, "imail,mailmarshal: subject"},
	{"interscan", "postmaster@imss.example.net", "", "Mail could not be delivered", nil, "interscan: subject"},
	{"mailfoundry", "mailer-daemon@mf.example.net", "", "Message delivery has failed", nil, "mailfoundry: subject"},
	{"messagelabs", "mailer-daemon@messagelabs.com", "", "Mail Delivery Failure", nil, "messagelabs: subject"},
	{"amavis name beats subject", "postmaster@mail.example.net", "Content-filter at mail.example.net", "Undeliverable mail, MTA-BLOCKED", nil, `amavis: from "Content-filter`},
	{"yandex", "mailer-daemon@yandex.ru", "", "Недоставленное сообщение", nil, "yandex: subject"},
	{"ezweb", "Postmaster@ezweb.ne.jp", "", "Mail System Error - Returned Mail", nil, "au-kddi: subject"},
	{"fml", "ml-admin@lists.example.jp", "", "NOT MEMBER article from ada@example.org (Re: Budget)", nil, "fml: subject"},
	{"mailman hold", "budget-owner@lists.example.org", "", "Your message to Budget-team awaits moderator approval", nil, "mailman: subject"},
	{"mailman reply", "alice@example.net", "", "Your message to Bob was great, thanks", nil, ""},
	{"fml loop", "ml-admin@lists.example.jp", "", "Loop Alert: Budget", nil, "fml: subject"},
	{"james exact", "postmaster@james.example.net", "", "[BOUNCE]", nil, `apache-james: subject "[BOUNCE]"`},
	{"verizon local", "post_master@vtext.com", "", "Returned: Budget", nil, "verizon: from post_master@vtext.com"},
	{"daemon only", "mailer-daemon@mx.example.net", "", "Your message", nil, "mta: from mailer-daemon@mx.example.net"},
	{"daemon name only", "bounces@mx.example.net", "Mail Delivery Subsystem", "Your message", nil, `mta: from "Mail Delivery Subsystem"`},
	{"daemon at a carrier", "mailer-daemon@tmomail.net", "", "", nil, "t-mobile: from"},
	{"daemon at docomo", "mailer-daemon@docomo.ne.jp", "", "", nil, "docomo: from"},

	// People.
	{"person", "alice@example.net", "Alice Martin", "Re: Budget review for Q1", nil, ""},
	{"person at gmail", "bob.chen@gmail.com", "Bob Chen", "Re: Budget review for Q1", nil, ""},
	{"person called postmaster", "pat.postmaster@example.net", "Pat Postmaster", "Re: Budget review for Q1", nil, ""},
	{"person whose name starts like a daemon's", "mail@example.net", "Mail Systems Team of Example", "Re: Budget review for Q1", nil, ""},
	{"reply to a bounce", "alice@example.net", "", "Re: Undeliverable: Budget review for Q1", nil, ""},
	{"forward of a bounce", "bob@example.com", "", "Fwd: Undelivered Mail Returned to Sender", nil, ""},
	{"subject continuing a label", "alice@example.net", "", "Returned mail from the post office", nil, ""},
	{"subject mentioning failure", "alice@example.net", "", "Failure notice templates for the website", nil, ""},
	{"hex tail alone", "0123456789abcdef0123@example.net", "", "Hello", nil, ""},
	{"field present but empty", "alice@example.net", "", "Hello", map[string]string{"X-Failed-Recipients": " "}, ""},
}

func TestBounceHeader(t *testing.T) {
	for _, tc := range bounceHeaderCases {
		t.Run(tc.name, func(t *testing.T) {
			b, ok := BounceHeader(tc.from, tc.fromName, tc.subject, func(k string) string { return tc.fields[k] })
			switch {
			case tc.want == "" && ok:
				t.Errorf("taken for a report: %s", b)
			case tc.want != "" && !ok:
				t.Errorf("not known as a report, want %s…", tc.want)
			case ok && !strings.HasPrefix(strings.ToLower(b.String()), strings.ToLower(tc.want)):
				t.Errorf("%s, want %s…", b, tc.want)
			}
		})
	}
}

// bounceTextCases are texts of reports whose header fields may say
// nothing, and texts of people.
var bounceTextCases = []struct {
	name, from, plain string
	want              string // "family: why" prefix; "" for no report
	notice            bool
}{
	{"postfix", "", "This is the mail system at host smtp.example.net.\n\nI'm sorry to have to inform you that your message could not\nbe delivered.", "postfix: text", false},
	{"sendmail", "", "The original message was received at Mon, 16 Nov 2026 09:12:05 +0100\nfrom smtp.example.org [192.0.2.25]\n", "sendmail: text", false},
	{"sendmail fatal errors", "", "   ----- The following addresses had permanent fatal errors -----\n<bob@example.com>\n", "sendmail: text", false},
	{"exim", "", "This message was created automatically by mail delivery software.\n\nA message that you sent could not be delivered", "exim: text", false},
	{"exim via gmx", "mailer-daemon@gmx.net", "This message was created automatically by mail delivery software.\n", "gmx: text", false},
	{"qmail", "", "Hi. This is the qmail-send program at qmail.example.net.\nI'm afraid I wasn't able to deliver your message", "qmail: text", false},
	{"courier", "", "This is a delivery status notification from courier.example.net,\nrunning the Courier mail server, version 1.1.8.", "courier: text", false},
	{"opensmtpd", "", "Hi!\n\nThis is the MAILER-DAEMON, please DO NOT REPLY to this email.\n", "opensmtpd: text", false},
	{"dragonfly", "", "This is the DragonFly Mail Agent v0.11 at dma.example.net.\n\nThere was an error delivering your mail to <bob@example.com>.", "dragonfly: text", false},
	{"exchange en", "", "Delivery has failed to these recipients or groups:\n\nbob@example.com\n", "exchange: text", false},
	{"exchange de", "", "Die Zustellung an folgende Empfänger oder Gruppen ist fehlgeschlagen:\n\nbob@example.com", "exchange: text", false},
	{"exchange fr", "", "La remise à ces destinataires ou groupes a échoué :\n\nbob@example.com", "exchange: text", false},
	{"exchange ja", "", "次の受信者またはグループへの配信に失敗しました:\n\nbob@example.com", "exchange: text", false},
	{"exchange 2003", "", "Your message did not reach some or all of the intended recipients.\n\n      Subject:\tBudget", "exchange: text", false},
	{"gmail after a heading", "mailer-daemon@googlemail.com", "\n** Address not found **\n\nDelivery to the following recipient failed permanently:\n\n     bob@example.com\n", "gmail: text", false},
	{"gmail delay", "", "** Message not delivered yet **\n\nThere was a temporary problem delivering your message to bob@example.com.", "gmail: text", false},
	{"google groups", "", "We're writing to let you know that the group you tried to contact (budget) may not exist", "google-groups: text", false},
	{"yahoo", "", "Sorry, we were unable to deliver your message to the following address.\n\n<bob@example.com>:", "yahoo: text", false},
	{"amazon ses dsn", "", "An error occurred while trying to deliver the mail to the following recipients:\nbob@example.com", "amazon-ses: text", false},
	{"sendgrid", "", "This is an automatically generated message from SendGrid.\n\nI'm sorry to have to tell you", "sendgrid: text", false},
	{"domino", "", "Your message\n\n  Subject: Budget review for Q1\n\nwas not delivered to:\n\n  bob@example.com\n\nbecause:", "domino: text", false},
	{"notes", "", "------- Failure Reasons  --------\n\nUser not listed in public Name & Address Book", "notes: text", false},
	{"groupwise", "", "The message that you sent was undeliverable to the following:\n\tbob@example.com (user not found)", "groupwise: text", false},
	{"messaging server", "", "This report relates to a message you sent with the following header fields:\n\n  Message-id: <ask@example.org>", "messaging-server: text", false},
	{"interscan", "", "The following e-mail could not be delivered to one or more recipients.", "interscan: text", false},
	{"mailfoundry", "", "Unable to deliver message to: <bob@example.com>\nDelivery failed for the following reason:", "mailfoundry: text", false},
	{"barracuda", "", "Your message could not be delivered because the destination server was unreachable within the allowed queue period.", "barracuda: text", false},
	{"mfilter", "", "このメールは「m-FILTER」が自動的に生成して送信しています。\n宛先のメールアドレスが存在しません。", "mfilter: text", false},
	{"amavis", "", "This nondelivery report was generated by the program amavisd-new at host\nmail.example.net.", "amavis: text", false},
	{"telekom", "", "|------------------------- Failed addresses follow: ---------------------|\n <bob@example.com> ... unknown user", "telekom: text", false},
	{"mail.ru", "", "Это письмо создано автоматически сервером Mail.Ru, отвечать на него не нужно.", "mail.ru: text", false},
	{"biglobe", "", "   ----- The following addresses had delivery problems -----\n<bob@example.com>", "biglobe: text", false},
	{"kddi", "no-reply@mmsmta.dion.ne.jp", "Your mail sent on: Mon, 16 Nov 2026 17:12:00 +0900\n    Could not be delivered to: <bob@example.com>\n    As their mailbox is full.", "au-kddi: text", false},
	{"ezweb", "", "The user(s) account is disabled.\n\n<bob@ezweb.ne.jp>: 550 user unknown", "au-kddi: text", false},
	{"verizon vzwpix", "sysadmin@vzwpix.com", "Message could not be delivered to mobile.\nError: No valid recipients for this MM", "verizon: text", false},
	{"verizon vtext", "", "Error: Error message below:\n550 - Requested action not taken: no such user here\n\nMessage details:", "verizon: text", false},
	{"james notify", "", "Error message below:\n550 - Requested action not taken: no such user here\n\nMessage details:\n  Subject: Budget review for Q1\n  Sent date: Mon Nov 16 08:12:00 GMT 2026\n  MAIL FROM: ada@example.org\n", "apache-james: text", false},
	{"error message of a person", "", "Error message below: #REF! in cell C12. Otherwise the sheet is fine.", "", false},
	{"james", "", "Hi. This is the James mail server at mail.example.net.\nI'm afraid I wasn't able to deliver your message", "apache-james: text", false},
	{"mailman hold text", "", "Your mail to 'Budget-team' with the subject\n\n    Budget review for Q1\n\nIs being held until the list moderator can review it for approval.", "mailman: text", false},
	{"mailman not allowed", "", "You are not allowed to post to this mailing list, and your message has been\nautomatically rejected.", "mailman: text", false},
	{"listserv", "", "You are not authorized to send mail to the BUDGET-L list from your ada@example.org\naccount.", "listserv: text", false},
	{"fml", "", "You are not a member of this mailing list <ml@lists.example.jp>.\n\nIf you know the general guide", "fml: text", false},
	{"ses json", "", `{"notificationType":"Bounce","bounce":{"bounceType":"Permanent"}}`, `amazon-ses: notificationType "Bounce"`, false},
	{"ses json in sns envelope", "", "{\n  \"Type\" : \"Notification\",\n  \"Message\" : \"{\\\"eventType\\\":\\\"Bounce\\\",\\\"bounce\\\":{}}\"\n}", `amazon-ses: eventType "Bounce"`, false},
	{"ses delivery notice", "", `{"notificationType":"Delivery","delivery":{}}`, `amazon-ses: notificationType "Delivery"`, true},
	{"ses complaint notice", "", `{"notificationType":"Complaint","complaint":{}}`, `amazon-ses: notificationType "Complaint"`, true},
	{"ses delay", "", `{"eventType":"DeliveryDelay","deliveryDelay":{}}`, `amazon-ses: eventType "DeliveryDelay"`, false},

	// People.
	{"answer", "", "Hi Ada,\n\nthe travel line looks fine.\n\nAlice", "", false},
	{"quoted report", "", "Your mail to Bob bounced for me too:\n\n> Delivery has failed to these recipients or groups:\n> bob@example.com\n", "", false},
	{"report pasted after own words", "", "Ada, sorry, this is what came back:\n\nThis is the mail system at host smtp.example.org.\n", "", false},
	{"report after a greeting", "", "Hi Ada,\nThis is the mail system at host smtp.example.org.\n", "", false},
	{"report below a quote", "", "> Could you look over the sheet?\n\nThis is the mail system at host smtp.example.org.\n", "", false},
	{"report below an attribution", "", "On Mon, 16 Nov 2026 at 09:12, Ada Lovelace <ada@example.org> wrote:\nThe original message was received at noon\n", "", false},
	{"a colleague explaining", "", "Your message was not delivered to Bob, he left in October. I look after the budget now: the travel line is fine.", "", false},
	{"phrase inside a sentence", "", "I think the original message was received at the office, not at home.", "", false},
	{"json of something else", "", `{"notificationType_note":"see below","total":3}`, "", false},
	{"json mentioning bounce later", "", `{"comment":"the notificationType was Bounce yesterday"}`, "", false},
}

func TestBounceText(t *testing.T) {
	for _, tc := range bounceTextCases {
		t.Run(tc.name, func(t *testing.T) {
			b, ok := BounceText(tc.from, tc.plain)
			switch {
			case tc.want == "" && ok:
				t.Errorf("taken for a report: %s", b)
			case tc.want != "" && !ok:
				t.Errorf("not known as a report, want %s…", tc.want)
			case ok && !strings.HasPrefix(strings.ToLower(b.String()), strings.ToLower(tc.want)):
				t.Errorf("%s, want %s…", b, tc.want)
			case ok && b.Notice != tc.notice:
				t.Errorf("notice %v, want %v", b.Notice, tc.notice)
			}
		})
	}
}

// TestBounceFamiliesAreTested keeps the table honest: every family that
// has evidence of its own is recognised by some case above.
func TestBounceFamiliesAreTested(t *testing.T) {
	tested := map[string]bool{}
	for _, tc := range bounceHeaderCases {
		fam, _, _ := strings.Cut(tc.want, ":")
		tested[fam] = true
	}
	for _, tc := range bounceTextCases {
		fam, _, _ := strings.Cut(tc.want, ":")
		tested[fam] = true
	}
	for _, f := range bounceFamilies {
		own := len(f.locals)+len(f.names)+len(f.fields)+len(f.exact)+len(f.subjects)+len(f.opens)+len(f.texts) > 0
		if own && !tested[f.name] {
			t.Errorf("family %s has signals of its own but no case recognises it", f.name)
		}
	}
}

func TestBounceFamilyOf(t *testing.T) {
	for from, want := range map[string]string{
		"mailer-daemon@googlemail.com": "gmail", "MAILER-DAEMON@email-bounces.amazonses.com": "amazon-ses",
		"postmaster@nam12.prod.protection.outlook.com": "office365", "postmaster@outlook.com": "outlook.com",
		"mailer-daemon@example.net": "", "no-at-sign": "", "postmaster@": "",
	} {
		if got := BounceFamilyOf(from); got != want {
			t.Errorf("BounceFamilyOf(%q) = %q, want %q", from, got, want)
		}
	}
}

func BenchmarkBounceHeader(b *testing.B) {
	none := func(string) string { return "" }
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range oooBenchSubjects {
			BounceHeader("alice@example.net", "Alice Martin", s, none)
		}
	}
}

// BenchmarkBounceText is what a sync meets in tracked threads: answers of
// people (the texts of the out-of-office cases), no report among them.
func BenchmarkBounceText(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, tc := range oooCases {
			BounceText("alice@example.net", tc.plain)
		}
	}
}

func FuzzBounce(f *testing.F) {
	for _, tc := range bounceHeaderCases {
		f.Add(tc.from, tc.fromName, tc.subject, "")
	}
	for _, tc := range bounceTextCases {
		f.Add(tc.from, "", "", tc.plain)
	}
	f.Add("microsoftexchange0123456789abcdef0123456789abcdef@x", "\xff", "[BOUNCE", "{\"eventType\\\"")
	f.Fuzz(func(t *testing.T, from, name, subject, plain string) {
		defer watchdog()()
		h, hok := BounceHeader(from, name, subject, func(string) string { return plain })
		b, bok := BounceText(from, plain)
		if hok != (h.Family != "") || bok != (b.Family != "") {
			t.Fatalf("found %v %v with families %q %q", hok, bok, h.Family, b.Family)
		}
		checkUTF8(t, "BounceHeader", h.String())
		checkUTF8(t, "BounceText", b.String())
	})
}
