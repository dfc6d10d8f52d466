package classify_test

import (
	"slices"
	"strings"
	"testing"

	"gratitude"
	"gratitude/inbox/classify"
	"gratitude/inbox/msgtext"
)

// TestBounceFieldsAreFetched: a field the bounce table reads but the sync
// engine never fetches would never be seen.
func TestBounceFieldsAreFetched(t *testing.T) {
	for _, f := range msgtext.BounceFields {
		if !slices.ContainsFunc(classify.HeaderFields, func(h string) bool { return strings.EqualFold(h, f) }) {
			t.Errorf("%s is read by msgtext.BounceHeader but not in HeaderFields, so never fetched", f)
		}
	}
}

// inBudgetThread is a message answering the budget ask (request 1) in the
// corpus world, with the given header fields and body.
func inBudgetThread(fields, body string) string {
	return "Return-Path: <bounces@relay.example.net>\r\nDelivered-To: ada@example.org\r\n" + fields +
		"To: ada@example.org\r\nDate: Mon, 16 Nov 2026 09:20:00 +0100\r\nMessage-ID: <report-1@relay.example.net>\r\n" +
		"In-Reply-To: <ask-budget@example.org>\r\nReferences: <ask-budget@example.org>\r\n\r\n" + body
}

// TestBouncesOfEveryKindAreSetAside runs reports whose writers leave a sign
// in the header fields the sync engine fetches (decided without the body)
// or only in their text (decided once it is fetched) through the
// classifier: each is set aside in the request's thread, never a helper.
func TestBouncesOfEveryKindAreSetAside(t *testing.T) {
	rules := &classify.Rules{Owner: corpusOwner()}
	for _, tc := range []struct {
		name, raw  string
		headerOnly bool
		want       string
	}{
		{"X-Failed-Recipients is fetched",
			inBudgetThread("From: Relay <relay@relay.example.net>\r\nSubject: Re: Budget review for Q1\r\nX-Failed-Recipients: bob@example.com\r\n", "Could not deliver.\r\n"),
			true, "bounce: exim: X-Failed-Recipients"},
		{"Exchange NDR in Polish",
			inBudgetThread("From: Administrator <admin@przyklad.pl>\r\nSubject: =?UTF-8?Q?Nie_mo=C5=BCna_dostarczy=C4=87=3A_Budget_review_for_Q1?=\r\n", "Dostarczenie nie powiodło się.\r\n"),
			true, "bounce: exchange: subject"},
		{"daemon at Gmail",
			inBudgetThread("From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\r\nSubject: Delivery Status Notification (Failure)\r\n", "Address not found\r\n"),
			true, "bounce: gmail: subject"},
		{"null return path",
			strings.Replace(inBudgetThread("From: Notifier <notify@relay.example.net>\r\nSubject: Message status\r\n", "Not delivered.\r\n"),
				"Return-Path: <bounces@relay.example.net>", "Return-Path: <>", 1),
			true, "bounce: null return path, from notify@relay.example.net"},
		{"RFC 3464 report from a gateway no table knows",
			inBudgetThread("From: Gateway <gw@relay.example.net>\r\nSubject: Message status\r\nMIME-Version: 1.0\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n",
				"--b\r\nContent-Type: text/plain\r\n\r\nNot delivered.\r\n--b\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; relay.example.net\r\n\r\nFinal-Recipient: rfc822; bob@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n--b--\r\n"),
			true, "bounce: rfc3464"},
		{"au by KDDI, known by its text",
			inBudgetThread("From: no-reply@mmsmta.dion.ne.jp\r\nSubject: Mail Delivery Notice\r\n",
				"Your mail sent on: Mon, 16 Nov 2026 17:12:00 +0900\r\n    Could not be delivered to: <bob@example.com>\r\n    As their mailbox is full.\r\n"),
			false, "bounce: au-kddi: text"},
		{"Apache James under the ask's subject",
			inBudgetThread("From: Mail Server <bouncer@mail.example.net>\r\nSubject: Re: Budget review for Q1\r\n",
				"Hi. This is the James mail server at mail.example.net.\r\nI'm afraid I wasn't able to deliver your message to the following addresses.\r\n"),
			false, "bounce: apache-james: text"},
		{"Amazon SES bounce notification",
			inBudgetThread("From: AWS Notifications <no-reply@sns.amazonaws.com>\r\nSubject: AWS Notification Message\r\n",
				"{\"notificationType\":\"Bounce\",\"bounce\":{\"bounceType\":\"Permanent\"}}\r\n"),
			false, "bounce: amazon-ses: notificationType \"Bounce\""},
		{"Amazon SES delivery notice",
			inBudgetThread("From: AWS Notifications <no-reply@sns.amazonaws.com>\r\nSubject: AWS Notification Message\r\n",
				"{\"notificationType\":\"Delivery\",\"delivery\":{}}\r\n"),
			false, "delivery-report: amazon-ses: notificationType \"Delivery\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			first, v := classifyRaw(rules, "INBOX", tc.raw, corpusContext())
			if v.Class != gratitude.ClassIgnored || !strings.HasPrefix(v.Reason, tc.want) {
				t.Fatalf("%s (%s), want ignored (%s…)", v.Class, v.Reason, tc.want)
			}
			if v.RequestID != 1 {
				t.Errorf("request %d, want 1: the report is shown in the request's history", v.RequestID)
			}
			if first.NeedBody == tc.headerOnly {
				t.Errorf("body asked for: %v; want it decided by the header fields alone: %v", first.NeedBody, tc.headerOnly)
			}
		})
	}
}

// TestPeopleWhoMentionBouncesStillHelp: an answer that quotes a report, a
// forward of one, or a person whose name is Postmaster is a reply.
func TestPeopleWhoMentionBouncesStillHelp(t *testing.T) {
	rules := &classify.Rules{Owner: corpusOwner()}
	for _, tc := range []struct{ name, raw string }{
		{"quoting an NDR", inBudgetThread("From: Alice Martin <alice@example.net>\r\nSubject: Re: Budget review for Q1\r\n",
			"The travel line looks fine. Your mail to Bob bounced for me too:\r\n\r\n> Delivery has failed to these recipients or groups:\r\n> bob@example.com\r\n")},
		{"pasting a report after her words", inBudgetThread("From: Alice Martin <alice@example.net>\r\nSubject: Re: Budget review for Q1\r\n",
			"Ada, this came back when I forwarded it:\r\n\r\nThis is the mail system at host smtp.example.org.\r\n\r\nThe sheet itself is fine.\r\n")},
		{"forwarding a report", inBudgetThread("From: Bob Chen <bob@example.com>\r\nSubject: Fwd: Undeliverable: Budget review for Q1\r\n",
			"My old address bounced it; the sheet is fine otherwise.\r\n\r\n---------- Forwarded message ---------\r\nFrom: postmaster@example.com\r\nSubject: Undeliverable: Budget review for Q1\r\n\r\nDelivery has failed to these recipients or groups:\r\n")},
		{"named Postmaster", inBudgetThread("From: Pat Postmaster <pat.postmaster@example.net>\r\nSubject: Re: Budget review for Q1\r\n",
			"Happy to help: the equipment line is too low.\r\n")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, v := classifyRaw(rules, "INBOX", tc.raw, corpusContext())
			if v.Class != gratitude.ClassReply {
				t.Errorf("%s (%s), want a reply", v.Class, v.Reason)
			}
		})
	}
}
