package msgtext

// The writers of delivery-failure reports (bounces) and the signals their
// reports leave: the data behind BounceHeader and BounceText (bounce.go).
// Phrases are written naturally and compared folded, as the out-of-office
// phrases are (ooo_phrases.go): case and accents do not matter, "[a|b]"
// offers alternatives and "…" stands for up to bounceMaxGap bytes (an
// address, a host name, a subject).
//
// Only evidence counts: a From local part or display name no person
// uses, a header field only reports carry, a label opening the subject,
// or a sentence opening the text. A From domain is never evidence (people
// write from gmail.com too): it only names who wrote a report that the
// evidence already showed, so a Postfix report from icloud.com is Apple's.
//
// Sources: the formats as the MTAs and services write them and as the
// bounce classifiers that cover them (sisimai's families) describe them;
// the tests (bounce_test.go) and the corpus (testdata/corpus/*-bounce-*)
// hold messages written for this project, none copied.

// bounceFamily is one writer of reports.
type bounceFamily struct {
	name     string
	domains  []string // From domains (and their subdomains) that name it
	locals   []string // From local parts only its reports use
	names    []string // From display names only its reports use
	fields   []string // header fields only its reports carry
	exact    []string // whole subjects (after white space is trimmed)
	subjects []string // labels opening a subject, followed by a separator or the end
	opens    []string // phrases opening a subject, whatever follows
	texts    []string // sentences opening the text
	// needs: when set, a sentence of texts counts only if the opening
	// also holds one of these (a sentence a person might write too).
	needs []string
}

// bounceFamilies is the table. A phrase that several families write is
// listed once, under the family that wrote it first; the From domain
// renames it.
var bounceFamilies = []bounceFamily{
	{name: "mta",
		// Generic: the mail system of a host, software unknown.
		locals: []string{"mailer-daemon", "mailer_daemon", "mailerdaemon", "mail-daemon", "maildaemon", "postmaster", "post_master", "mail.daemon"},
		names: []string{"mail delivery system", "mail delivery subsystem", "mail delivery service", "mailer daemon", "mailer-daemon",
			"mail delivery", "mail system", "mail administrator", "internet mail delivery", "mail delivery failure", "delivery status notification",
			"mail router", "returned mail", "e-mail delivery system", "email delivery system"},
		subjects: []string{
			"non-delivery report", "non delivery report", "nondelivery notification", "non-delivery notification", "nondeliverable mail",
			"undeliverable mail returned to sender", "delivery failure notification", "delivery failure notice",
			"message delivery failure",
		},
	},
	{name: "dsn",
		// RFC 3464 reports with the usual subject (Gmail, Google Workspace,
		// Amazon SES, OpenSMTPD, Mailgun): the From domain names them.
		subjects: []string{"delivery status notification ([failure|delay|success|failed|warning])"},
	},
	{name: "postfix",
		subjects: []string{"undelivered mail returned to sender", "delayed mail (still being retried)", "successful mail delivery report"},
		texts: []string{
			"this is the mail system at host",
			"i'm sorry to have to inform you that your message could not be delivered",
		},
	},
	{name: "sendmail",
		subjects: []string{"returned mail", "warning: could not send message for past", "postmaster notify"},
		texts: []string{
			"the original message was received at",
			"----- the following addresses had permanent fatal errors -----",
			"----- transcript of session follows -----",
			"this is a warning message only",
		},
	},
	{name: "exim",
		fields:   []string{"X-Failed-Recipients"},
		subjects: []string{"mail delivery failed", "warning: message … delayed"},
		texts: []string{
			"this message was created automatically by mail delivery software",
			"a message that you sent could not be delivered to one or more of its recipients",
			"a message that you sent has not yet been delivered to one or more of its recipients",
		},
	},
	{name: "qmail",
		subjects: []string{"failure notice"},
		texts: []string{
			"hi. this is the qmail-send program at",
			"i'm afraid i wasn't able to deliver your message to the following addresses",
		},
	},
	{name: "courier",
		subjects: []string{"notice: mail delivery status"},
		texts:    []string{"this is a delivery status notification from"},
	},
	{name: "opensmtpd",
		subjects: []string{"delivery status notification: [error|delay|warning]"},
		texts:    []string{"hi! this is the mailer-daemon, please do not reply", "this is the mailer-daemon, please do not reply"},
	},
	{name: "dragonfly",
		texts: []string{"this is the dragonfly mail agent"},
	},
	{name: "exchange",
		// Microsoft Exchange and Office 365 NDRs, in the languages Outlook
		// and Exchange are localised into.
		locals: []string{"microsoftexchange"},
		subjects: []string{
			"undeliverable", "unzustellbar", "non remis", "no se puede entregar", "non recapitabile", "onbestelbaar", "niet bezorgd",
			"não é possível entregar", "nao e possivel entregar", "não entregue", "impossível entregar",
			"olevererbart", "kan inte levereras", "kan ikke leveres", "ikke levert", "ikke leveret", "ei voitu toimittaa", "toimitus epäonnistui",
			"nie można dostarczyć", "niedostarczalne", "niedostarczona", "nedoručitelné", "nedoručiteľné", "kézbesíthetetlen", "nu se poate livra",
			"недоставляемое", "не доставлено", "не удается доставить", "недоставлено", "не може да бъде доставено",
			"neisporučivo", "ni mogoče dostaviti", "nepristatoma", "nav piegādājams", "kättetoimetamatu",
			"δεν είναι δυνατή η παράδοση", "teslim edilemiyor", "teslim edilemedi", "לא ניתן למסור", "تعذر التسليم", "ไม่สามารถส่งได้",
			"không gửi được", "tidak dapat diantarkan", "配信不能", "無法傳遞", "无法传递", "无法送达", "배달 못 함", "배달되지 않음",
		},
		texts: []string{
			"delivery has failed to these recipients or groups",
			"delivery is delayed to these recipients or groups",
			"die zustellung an folgende empfänger oder gruppen ist fehlgeschlagen",
			"la remise à ces destinataires ou groupes a échoué",
			"error en la entrega a estos destinatarios o grupos",
			"recapito non riuscito per questi destinatari o gruppi",
			"bezorging is mislukt voor deze ontvangers of groepen",
			"falha na entrega para estes destinatários ou grupos",
			"次の受信者またはグループへの配信に失敗しました",
			"your message did not reach some or all of the intended recipients",
		},
	},
	{name: "gmail",
		domains: []string{"googlemail.com", "gmail.com"},
		texts: []string{
			"delivery to the following [recipient|recipients] failed permanently",
			"delivery to the following [recipient|recipients] has been delayed",
			"there was a temporary problem delivering your message to",
		},
	},
	{name: "google-groups",
		texts: []string{"we're writing to let you know that the group you tried to contact"},
	},
	{name: "google-workspace", domains: []string{"google.com"}},
	{name: "yahoo", domains: []string{"yahoo.com", "yahoo.co.jp", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "ymail.com", "yahoodns.net"},
		texts: []string{"sorry, we were unable to deliver your message to the following address"},
	},
	{name: "aol", domains: []string{"aol.com"}},
	{name: "outlook.com", domains: []string{"outlook.com", "hotmail.com", "live.com", "msn.com"}},
	{name: "office365", domains: []string{"protection.outlook.com", "onmicrosoft.com", "office365.com"}},
	{name: "apple", domains: []string{"icloud.com", "me.com", "mac.com"}},
	{name: "amazon-ses", domains: []string{"amazonses.com"},
		texts: []string{"the following message to <", "an error occurred while trying to deliver the mail to the following recipients"},
	},
	{name: "amazon-workmail", domains: []string{"awsapps.com"}},
	{name: "sendgrid", domains: []string{"sendgrid.net", "sendgrid.com"},
		texts: []string{"this is an automatically generated message from sendgrid"},
	},
	{name: "mailgun", domains: []string{"mailgun.org", "mailgun.net", "mailgun.com"}},
	{name: "postmark", domains: []string{"postmarkapp.com", "pm-bounces.com", "mtasv.net"}},
	{name: "mandrill", domains: []string{"mandrillapp.com"}},
	{name: "sparkpost", domains: []string{"sparkpostmail.com"}},
	{name: "domino",
		subjects: []string{"delivery failure", "delivery_failure", "delivery failure report"},
		texts:    []string{"your message subject: … was not delivered to"},
	},
	{name: "notes",
		subjects: []string{"undeliverable message"},
		texts:    []string{"------- failure reasons"},
	},
	{name: "groupwise",
		subjects: []string{"message status - undeliverable", "mail delivery problem"},
		texts:    []string{"the message that you sent was undeliverable to the following", "the message that you sent was not delivered to the following"},
	},
	{name: "messaging-server",
		subjects: []string{"delivery notification: delivery has failed", "delivery notification: delivery has been delayed"},
		texts:    []string{"this report relates to a message you sent with the following header fields"},
	},
	{name: "imail,mailmarshal",
		subjects: []string{"undeliverable mail"},
		texts:    []string{"body of message generated response", "your message: … could not be delivered to the following address"},
	},
	{name: "interscan",
		subjects: []string{"mail could not be delivered"},
		texts:    []string{"the following e-mail could not be delivered"},
	},
	{name: "mailfoundry",
		subjects: []string{"message delivery has failed"},
		texts:    []string{"unable to deliver message to"},
	},
	{name: "messagelabs", domains: []string{"messagelabs.com"},
		subjects: []string{"mail delivery failure"},
	},
	{name: "mimecast", domains: []string{"mimecast.com"}},
	{name: "barracuda", domains: []string{"barracuda.com", "barracudanetworks.com"},
		texts: []string{"your message could not be delivered because the destination server was unreachable"},
	},
	{name: "mfilter",
		texts: []string{"このメールは「m-filter」が自動的に生成して送信しています"},
	},
	{name: "amavis",
		names: []string{"content-filter at"},
		texts: []string{"this nondelivery report was generated by the program amavisd-new at host", "this nondelivery report was generated by the amavis"},
	},
	{name: "gmx", domains: []string{"gmx.net", "gmx.de", "gmx.com", "gmx.at", "gmx.ch"}},
	{name: "web.de", domains: []string{"web.de"}},
	{name: "1und1", domains: []string{"kundenserver.de", "1und1.de", "ionos.com", "ionos.de", "1and1.com"}},
	{name: "telekom", domains: []string{"t-online.de", "telekom.de"},
		texts: []string{"|------------------------- failed addresses follow"},
	},
	{name: "yandex", domains: []string{"yandex.ru", "yandex.com", "ya.ru"},
		subjects: []string{"недоставленное сообщение"},
	},
	{name: "mail.ru", domains: []string{"mail.ru", "corp.mail.ru"},
		texts: []string{"это письмо создано автоматически сервером"},
	},
	{name: "zoho", domains: []string{"zoho.com", "zohomail.com"}},
	{name: "biglobe", domains: []string{"biglobe.ne.jp"},
		texts: []string{"----- the following addresses had delivery problems -----"},
	},
	{name: "au-kddi", domains: []string{"ezweb.ne.jp", "au.com", "dion.ne.jp", "auone-net.jp"},
		subjects: []string{"mail system error - returned mail"},
		texts: []string{
			"your mail sent on", "your mail attempted to be delivered on",
			"the user(s) account is", "each of the following recipients was rejected by a remote mail server",
			"the following recipients did not receive this message",
		},
	},
	{name: "docomo", domains: []string{"docomo.ne.jp", "mopera.net"}},
	{name: "softbank", domains: []string{"softbank.ne.jp", "i.softbank.jp", "vodafone.ne.jp"}},
	{name: "verizon", domains: []string{"vtext.com", "vzwpix.com", "verizon.net"},
		texts: []string{"message could not be delivered to mobile", "error: error message below"},
	},
	{name: "att", domains: []string{"txt.att.net", "mms.att.net", "att.net"}},
	{name: "t-mobile", domains: []string{"tmomail.net"}},
	{name: "apache-james",
		exact: []string{"[BOUNCE]"},
		texts: []string{"hi. this is the james mail server at"},
	},
	{name: "apache-james",
		// The notice of James's Notify mailets, whose own message is
		// often empty: the details block that follows is the sign.
		texts: []string{"error message below"},
		needs: []string{"message details: subject:"},
	},
	{name: "mailman",
		opens: []string{"your message to … awaits moderator approval", "request to mailing list … rejected"},
		texts: []string{
			"your mail to … with the subject … is being held until the list moderator can review it for approval",
			"you are not allowed to post to this mailing list",
			"your message to the … mailing-list was rejected",
		},
	},
	{name: "listserv",
		texts: []string{"you are not authorized to send mail to the … list from your"},
	},
	{name: "proofpoint", domains: []string{"pphosted.com", "ppe-hosted.com"}},
	{name: "fastmail", domains: []string{"messagingengine.com", "fastmail.com"}},
	{name: "proton", domains: []string{"protonmail.ch", "proton.me", "protonmail.com"}},
	{name: "mail.com", domains: []string{"mail.com"}},
	{name: "orange", domains: []string{"orange.fr", "wanadoo.fr"}},
	{name: "naver", domains: []string{"naver.com"}},
	{name: "qq", domains: []string{"qq.com"}},
	{name: "netease", domains: []string{"163.com", "126.com", "netease.com"}},
	{name: "fml",
		subjects: []string{"loop alert", "loop back warning", "fml system error message", "spam mail from a spammer is rejected"},
		opens:    []string{"not member article from"},
		texts:    []string{"you are not a member of this mailing list", "not member article from", "duplicated message-id"},
	},
}
