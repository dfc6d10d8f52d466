package classify_test

import (
	"slices"
	"strings"
	"testing"

	"gratitude/inbox/classify"
)

// askFields are the owner's own fields of the ask every row delivers: to
// Bob, with the capture address in Bcc (gone from the delivered copy).
const askFields = `From: Ada Lovelace <ada@example.org>
To: Bob Chen <bob@example.com>
Subject: Could I borrow your ladder on Saturday?
Date: Tue, 24 Nov 2026 09:02:00 +0100
Message-ID: <ladder-7f3a@example.org>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
`

// traceCase is the header block one system delivers, and the trace
// CaptureTrace must name in it ("" for none).
type traceCase struct {
	name    string
	capture string // "" is ada+thanks@example.org
	header  string // lines above askFields, in the order the system writes them
	trace   string
	detail  string
}

// deliveredCopies are Bcc'd copies of the ask as each provider or mail
// server files them in the owner's mailbox. Written for this test from
// what each system documents it adds (see deliveryTraces).
var deliveredCopies = []traceCase{
	{name: "Gmail", header: `Delivered-To: ada+thanks@example.org
Received: by 2002:a05:7010:4e2f:b0:7a1:1c3e:90ab with SMTP id q15csp1183422mdb;
        Tue, 24 Nov 2026 00:02:04 -0800 (PST)
X-Received: by 2002:a17:907:7b8c:b0:a9e:45f1:11d0 with SMTP id jv12mr4410151ejc.9.1795942924117;
        Tue, 24 Nov 2026 00:02:04 -0800 (PST)
Return-Path: <ada@example.org>
Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. [198.51.100.41])
        by mx.google.com with SMTPS id a640c23a62f3a-aa51b2f1d2csor1234567ejc.8.2026.11.24.00.02.03
        for <ada+thanks@example.org>
        (Google Transport Security);
        Tue, 24 Nov 2026 00:02:04 -0800 (PST)
`, trace: "Delivered-To"},
	{name: "Google Workspace, routing adds X-Gm-Original-To", header: `Delivered-To: ada@example.org
Received: by 2002:a05:7010:4e2f:b0:7a1:1c3e:90ab with SMTP id q15csp1183499mdb;
        Tue, 24 Nov 2026 00:02:05 -0800 (PST)
X-Gm-Original-To: ada+thanks@example.org
Return-Path: <ada@example.org>
`, trace: "X-Gm-Original-To"},
	{name: "Fastmail", header: `Return-Path: <ada@example.org>
Received: from compute3.internal (compute3.nyi.internal [10.202.2.43])
	 by sloti32n04 (Cyrus 3.11.0-alpha0-1108-g3a29173c6-fm-20261120.001-g3a29173c) with LMTPA;
	 Tue, 24 Nov 2026 03:02:05 -0500
X-Cyrus-Session-Id: sloti32n04-1795942925-2201184-2-10487322918441733013
X-Sieve: CMU Sieve 3.0
X-Spam-score: 0.0
X-Delivered-to: ada+thanks@example.org
X-Mail-from: ada@example.org
Received: from mx3 ([10.202.2.202])
  by compute3.internal (LMTPProxy); Tue, 24 Nov 2026 03:02:05 -0500
`, trace: "X-Delivered-To"},
	{name: "Fastmail, through an alias that targets the capture address", header: `Return-Path: <ada@example.org>
X-Resolved-to: ada+thanks@example.org
X-Delivered-to: help@example.org
X-Mail-from: ada@example.org
`, trace: "X-Resolved-To"},
	{name: "Microsoft 365", header: `Received: from AM8PR07MB7602.eurprd07.prod.outlook.com (2603:10a6:20b:3a1::14)
 by DU0PR07MB9119.eurprd07.prod.outlook.com with HTTPS; Tue, 24 Nov 2026
 08:02:06 +0000
Received: from DB8P191CA0011.EURP191.PROD.OUTLOOK.COM (2603:10a6:10:130::21)
 by AM8PR07MB7602.eurprd07.prod.outlook.com (2603:10a6:20b:3a1::14) with
 Microsoft SMTP Server (version=TLS1_2,
 cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8182.19; Tue, 24 Nov
 2026 08:02:06 +0000
X-MS-Exchange-Organization-OriginalEnvelopeRecipients: ada+thanks@example.org
X-MS-Exchange-Organization-Recipient-P2-Type: Bcc
X-MS-Exchange-Organization-MessageDirectionality: Incoming
`, trace: "X-MS-Exchange-Organization-OriginalEnvelopeRecipients"},
	{name: "Exchange, recipients as an encoded word", header: `X-MS-Exchange-Organization-OriginalEnvelopeRecipients: =?us-ascii?Q?ada+thanks.3d@example.org?=
X-MS-Exchange-Organization-Recipient-P2-Type: Bcc
`, trace: "X-MS-Exchange-Organization-OriginalEnvelopeRecipients", detail: "3d"},
	{name: "iCloud (Oracle Messaging Server)", header: `Return-path: <ada@example.org>
Received: from st43p00im-smtpin007.me.com ([203.0.113.7])
 by ms44018.mac.com (Oracle Communications Messaging Server 8.1.0.23.20231005 64bit
 (built Oct  5 2023)) with ESMTPS id <0S4Q00A1B2C3D400@ms44018.mac.com> for
 ada+thanks@example.org (ORCPT ada+thanks@example.org); Tue, 24 Nov 2026 08:02:07 +0000 (GMT)
`, trace: classify.TraceReceivedFor},
	{name: "iCloud, with Original-recipient", header: `Return-path: <ada@example.org>
Received: from st43p00im-smtpin007.me.com ([203.0.113.7])
 by ms44018.mac.com (Oracle Communications Messaging Server 8.1.0.23.20231005 64bit
 (built Oct  5 2023)) with ESMTPS id <0S4Q00A1B2C3D401@ms44018.mac.com> for
 ada+thanks@example.org; Tue, 24 Nov 2026 08:02:07 +0000 (GMT)
Original-recipient: rfc822;ada+thanks@example.org
`, trace: "Original-Recipient"},
	{name: "Yahoo", header: `X-Apparently-To: ada+thanks@example.org via 203.0.113.17; Tue, 24 Nov 2026 08:02:08 +0000
Return-Path: <ada@example.org>
Received: from 198.51.100.25 (EHLO smtp.example.org)
  by 203.0.113.17 with SMTP; Tue, 24 Nov 2026 08:02:08 +0000
`, trace: "X-Apparently-To"},
	{name: "Proton, through Bridge", header: `Return-Path: <ada@example.org>
X-Original-To: ada+thanks@example.org
Delivered-To: ada+thanks@example.org
Received: from smtp.example.org (smtp.example.org [198.51.100.25]) (using TLSv1.3
 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519
 server-signature RSA-PSS (2048 bits) server-digest SHA256) (No client
 certificate requested) by mailin021.protonmail.ch (Postfix) with ESMTPS id
 4Z1QfG3c5Vz9vRb for <ada+thanks@example.org>; Tue, 24 Nov 2026 08:02:09 +0000 (UTC)
X-Pm-Spamscore: 0
X-Pm-Origin: external
`, trace: "Delivered-To"},
	{name: "Postfix local(8), Maildir", header: `Return-Path: <ada@example.org>
X-Original-To: ada+thanks@example.org
Delivered-To: ada+thanks@example.org
Received: from smtp.example.org (smtp.example.org [198.51.100.25])
	by mail.example.org (Postfix) with ESMTPS id 4Z1QfG3c5Vz1wLc;
	Tue, 24 Nov 2026 09:02:10 +0100 (CET)
`, trace: "Delivered-To"},
	{name: "Postfix virtual(8), mailbox domain rewritten", header: `Return-Path: <ada@example.org>
X-Original-To: ada+thanks.3d@example.org
Delivered-To: ada+thanks.3d@mailbox.example.net
Received: from smtp.example.org (smtp.example.org [198.51.100.25])
	by mail.example.org (Postfix) with ESMTPS id 4Z1QfG3c5Vz1wLd;
	Tue, 24 Nov 2026 09:02:10 +0100 (CET)
`, trace: "X-Original-To", detail: "3d"},
	{name: "Dovecot LDA under Postfix pipe(8) flags=DRhu", header: `Return-Path: <ada@example.org>
Delivered-To: ada+thanks@example.org
Received: from smtp.example.org (smtp.example.org [198.51.100.25])
	by mail.example.org (Postfix) with ESMTPS id 4Z1QfG3c5Vz1wLe;
	Tue, 24 Nov 2026 09:02:11 +0100 (CET)
`, trace: "Delivered-To"},
	{name: "Dovecot LMTP, the copy alone in its transaction", header: `Return-Path: <ada@example.org>
Delivered-To: ada+thanks@example.org
Received: from mail.example.org ([192.0.2.10])
	by imap.example.org with LMTP
	id 8BZkKJ3hQmf9XAAAYBR4xQ
	(envelope-from <ada@example.org>)
	for <ada+thanks@example.org>; Tue, 24 Nov 2026 09:02:12 +0100
Received: from smtp.example.org (smtp.example.org [198.51.100.25])
	by mail.example.org (Postfix) with ESMTPS id 4Z1QfG3c5Vz1wLf
	for <ada+thanks@example.org>; Tue, 24 Nov 2026 09:02:12 +0100 (CET)
`, trace: "Delivered-To"},
	{name: "Dovecot LMTP, the copy among the recipients of an alias; the MX saw it alone", header: `Return-Path: <ada@example.org>
Received: from mail.example.org ([192.0.2.10])
	by imap.example.org with LMTP
	id 8BZkKJ3hQmf9XAAAYBR4xR
	(envelope-from <ada@example.org>); Tue, 24 Nov 2026 09:02:13 +0100
Received: from smtp.example.org (smtp.example.org [198.51.100.25])
	by mail.example.org (Postfix) with ESMTPS id 4Z1QfG3c5Vz1wLg
	for <ada+thanks.friday@example.org>; Tue, 24 Nov 2026 09:02:13 +0100 (CET)
`, trace: classify.TraceReceivedFor, detail: "friday"},
	{name: "Exim, envelope_to_add", header: `Return-path: <ada@example.org>
Envelope-to: ada+thanks@example.org
Delivery-date: Tue, 24 Nov 2026 09:02:15 +0100
Received: from smtp.example.org ([198.51.100.25])
	by mail.example.org with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384
	(Exim 4.97)
	(envelope-from <ada@example.org>)
	id 1tFq3L-00051c-2K
	for ada+thanks@example.org;
	Tue, 24 Nov 2026 09:02:15 +0100
`, trace: "Envelope-To"},
	{name: "Exim, no Envelope-to: the bare for clause", header: `Return-path: <ada@example.org>
Received: from smtp.example.org ([198.51.100.25])
	by mail.example.org with esmtps  (TLS1.3) tls TLS_AES_256_GCM_SHA384
	(Exim 4.97)
	(envelope-from <ada@example.org>)
	id 1tFq3L-00051c-2L
	for ada+thanks@example.org;
	Tue, 24 Nov 2026 09:02:16 +0100
`, trace: classify.TraceReceivedFor},
	{name: "qmail with vpopmail", header: `Return-Path: <ada@example.org>
Delivered-To: example.org-ada+thanks@example.org
Received: (qmail 23817 invoked by uid 89); 24 Nov 2026 08:02:17 -0000
Received: from unknown (HELO smtp.example.org) (198.51.100.25)
  by mail.example.org with ESMTPS (ECDHE-RSA-AES256-GCM-SHA384 encrypted); 24 Nov 2026 08:02:17 -0000
`, trace: "Delivered-To"},
	{name: "fetchmail-style X-Envelope-To", header: `X-Envelope-To: <ada+thanks@example.org> (uid 1000)
Return-Path: <ada@example.org>
`, trace: "X-Envelope-To"},
	{name: "Gmail forwarding to the capture address", header: `Delivered-To: ada@example.net
X-Forwarded-To: ada+thanks@example.org
X-Forwarded-For: ada@example.net ada+thanks@example.org
Delivered-To: ada@example.net
`, trace: "X-Forwarded-To"},
	{name: "case differs: servers fold it, and so does capture.Match", header: `Delivered-To: ADA+Thanks@Example.ORG
`, trace: "Delivered-To"},
	{name: "the capture address in Bcc, as a Sent copy keeps it", header: `Bcc: ada+thanks.noremind@example.org
`, trace: "Bcc", detail: "noremind"},
}

// notTheCapture are copies that bear no trace of the capture address,
// whatever they look like.
var notTheCapture = []traceCase{
	{name: "Dovecot LMTP, several recipients in one transaction (issue 22): nothing left", header: `Return-Path: <ada@example.org>
Received: from mail.example.org ([192.0.2.10])
	by imap.example.org with LMTP
	id 8BZkKJ3hQmf9XAAAYBR4xS
	(envelope-from <ada@example.org>); Tue, 24 Nov 2026 09:02:14 +0100
Received: from smtp.example.org (smtp.example.org [198.51.100.25])
	by mail.example.org (Postfix) with ESMTPS id 4Z1QfG3c5Vz1wLh;
	Tue, 24 Nov 2026 09:02:14 +0100 (CET)
`},
	{name: "the owner's plain address is not the capture address", header: `Delivered-To: ada@example.org
Received: from smtp.example.org (smtp.example.org [198.51.100.25])
	by mail.example.org (Postfix) with ESMTPS id 4Z1QfG3c5Vz1wLj
	for <ada@example.org>; Tue, 24 Nov 2026 09:02:20 +0100 (CET)
`},
	{name: "Delivered-To forged in the body", header: `Received: from smtp.example.org (smtp.example.org [198.51.100.25])
	by mail.example.org (Postfix) with ESMTPS id 4Z1QfG3c5Vz1wLk;
	Tue, 24 Nov 2026 09:02:21 +0100 (CET)
` + askFields + `
Delivered-To: ada+thanks@example.org
Received: by mail.example.org for <ada+thanks@example.org>; Tue, 24 Nov 2026 09:02:21 +0100
`},
	{name: "for <capture> inside a comment of another header", header: `Authentication-Results: mail.example.org; spf=pass (mail.example.org: 198.51.100.25 may send
 for <ada+thanks@example.org>) smtp.mailfrom=ada@example.org
Received: from smtp.example.org (smtp.example.org [198.51.100.25])
	by mail.example.org (Postfix) with ESMTPS id 4Z1QfG3c5Vz1wLm;
	Tue, 24 Nov 2026 09:02:22 +0100 (CET)
`},
	{name: "for <capture> inside a comment of a Received", header: `Received: from smtp.example.org (HELO was "x" for <ada+thanks@example.org>)
	by mail.example.org (Postfix) with ESMTPS id 4Z1QfG3c5Vz1wLn;
	Tue, 24 Nov 2026 09:02:23 +0100 (CET)
`},
	{name: "for <capture> inside a quoted string of a Received", header: `Received: from smtp.example.org by mail.example.org with ESMTP id "x for <ada+thanks@example.org>";
	Tue, 24 Nov 2026 09:02:24 +0100 (CET)
`},
	{name: "an encoded word in Delivered-To is no address", header: `Delivered-To: =?utf-8?q?ada+thanks@example.org?=
`},
	{name: "an encoded word in a Received for clause is no address", header: `Received: from smtp.example.org by mail.example.org with ESMTP id 4Z1QfG3c5Vz1wLp
	for =?utf-8?q?ada+thanks=40example.org?=; Tue, 24 Nov 2026 09:02:25 +0100 (CET)
`},
	{name: "the capture address as a display name is no recipient", header: `Cc: "=?utf-8?q?ada+thanks=40example.org?=" <carol@example.net>
`},
	{name: "a Kelvin sign is no k", header: "Delivered-To: ada+than\u212As@example.org\n"},
	{name: "look-alikes", header: `Delivered-To: ada+thanksgiving@example.org
X-Original-To: ada+thanks@example.org.evil.example
Envelope-to: ada+thanks@other.example
`},
	{name: "Exchange says Bcc but names nobody", header: `X-MS-Exchange-Organization-Recipient-P2-Type: Bcc
X-MS-Exchange-Organization-MessageDirectionality: Incoming
`},
	{name: "a qmail prepend other than the domain is not undone", capture: "thanks@example.org", header: `Delivered-To: no-thanks@example.org
`},
	{name: "a for clause below the receiving servers' own is not read", header: strings.Repeat(`Received: from relay.example.net by relay.example.net with ESMTP id 4Z1Q;
	Tue, 24 Nov 2026 09:02:26 +0100
`, 16) + `Received: from smtp.example.org by mail.example.org with ESMTP id 4Z1R
	for <ada+thanks@example.org>; Tue, 24 Nov 2026 09:02:26 +0100
`},
}

func TestCaptureTraceNamesWhatEachDeliveryLeaves(t *testing.T) {
	for _, tc := range append(slices.Clone(deliveredCopies), notTheCapture...) {
		t.Run(tc.name, func(t *testing.T) {
			capture := tc.capture
			if capture == "" {
				capture = "ada+thanks@example.org"
			}
			raw := tc.header
			if !strings.Contains(raw, "Message-ID:") {
				raw += askFields
			}
			h := classify.ParseHeader([]byte(strings.ReplaceAll(raw+"\nHi Bob, could I?\n", "\n", "\r\n")))
			trace, detail, ok := classify.CaptureTrace(&h, capture)
			if trace != tc.trace || detail != tc.detail || ok != (tc.trace != "") {
				t.Errorf("CaptureTrace = %q, %q, %v; want %q, %q", trace, detail, ok, tc.trace, tc.detail)
			}
		})
	}
}

func TestCaptureTraceWithoutACaptureAddressFindsNothing(t *testing.T) {
	h := classify.ParseHeader([]byte("Delivered-To: ada+thanks@example.org\r\nTo: bob@example.com\r\n\r\n"))
	if trace, _, ok := classify.CaptureTrace(&h, " "); ok {
		t.Errorf("no capture address configured: found %q", trace)
	}
	if _, _, ok := classify.CaptureTrace(nil, "ada+thanks@example.org"); ok {
		t.Error("no header: found a trace")
	}
}

// DeliveryTraces lists what a delivery wrote of its envelope recipients,
// whoever they were: here Postfix and Dovecot LMTP delivering Ada's own
// copy one recipient at a time, and a copy that bears no trace at all.
func TestDeliveryTracesListsWhatTheServerWroteOfTheRecipients(t *testing.T) {
	lmtp := `Return-Path: <ada@example.org>
Delivered-To: ada@example.org
Received: from mail.example.org ([192.0.2.25])
	by mail.example.org with LMTP
	id 3M1oGkK+Q2eJbAAAp7fVxA
	(envelope-from <ada@example.org>)
	for <ada@example.org>; Tue, 24 Nov 2026 09:02:03 +0100
Received: from [192.0.2.80] (unknown [192.0.2.80])
	by mail.example.org (Postfix) with ESMTPSA id 4Yk2xT0dJqz9vB;
	Tue, 24 Nov 2026 09:02:03 +0100 (CET)
`
	h := classify.ParseHeader([]byte(lmtp + askFields + "\n"))
	want := []string{"Delivered-To: ada@example.org", "Received for <ada@example.org>"}
	if got := classify.DeliveryTraces(&h); !slices.Equal(got, want) {
		t.Errorf("DeliveryTraces = %q, want %q", got, want)
	}
	bare := classify.ParseHeader([]byte("Received: from [192.0.2.80] by mail.example.org (Postfix) with ESMTPSA id 4Yk2xT0dJqz9vB;\n" +
		"\tTue, 24 Nov 2026 09:02:03 +0100 (CET)\n" + askFields + "\n"))
	if got := classify.DeliveryTraces(&bare); len(got) != 0 {
		t.Errorf("DeliveryTraces of a copy with no trace = %q, want none (To names Bob, but To is no delivery trace)", got)
	}
}
