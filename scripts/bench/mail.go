package main

import (
	"fmt"
	"strings"

	"gratitude/inbox"
)

func headerFieldsForReport() []string { return inbox.HeaderFields }

var filler = strings.Repeat("Thanks for the notes on the draft; a few more thoughts follow. ", 30)

// realisticMail is a plain message of about 3 KB with the header fields real
// mail carries (Received lines, DKIM, threading), most of which the sync
// must not fetch.
func realisticMail(i int) []byte {
	return []byte(fmt.Sprintf("Return-Path: <p%d@example.net>\r\n"+
		"Delivered-To: ada@example.org\r\n"+
		"Received: from mx.example.net (mx.example.net [192.0.2.%d]) by mail.example.org with ESMTPS id %x; Mon, 2 Nov 2026 10:00:00 +0000\r\n"+
		"Received: from [10.0.0.%d] by mx.example.net with ESMTPSA; Mon, 2 Nov 2026 09:59:58 +0000\r\n"+
		"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.net; s=sel; h=from:to:subject:date:message-id; bh=%040x; b=%0120x\r\n"+
		"Authentication-Results: mail.example.org; dkim=pass header.d=example.net; spf=pass\r\n"+
		"From: Person %d <p%d@example.net>\r\nTo: Ada Lovelace <ada@example.org>\r\nCc: team@example.net\r\n"+
		"Subject: Re: project notes, part %d\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n"+
		"Message-ID: <bench-%d@example.net>\r\nIn-Reply-To: <bench-%d@example.net>\r\nReferences: <bench-%d@example.net>\r\n"+
		"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"+
		"X-Mailer: Example Mail 1.0\r\n\r\n%s\r\n",
		i, i%250, i, i%250, i, i, i, i, i, i, i-1, i-1, filler))
}
