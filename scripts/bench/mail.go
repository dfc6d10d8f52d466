package main

import (
	"fmt"
	"strings"
	"time"
)

// filler is the body text of the generated mail.
var filler = strings.Repeat("Thanks for the notes on the draft; a few more thoughts follow. ", 30)

// realisticMail is a plain message of about 3 KB with the header fields real
// mail carries (Received lines, DKIM, threading), most of which the sync
// must not fetch. It is in no tracked thread, so gratitude ignores it.
func realisticMail(i int) []byte {
	return []byte(fmt.Sprintf("Return-Path: <p%d@example.net>\r\n"+
		"Delivered-To: ada@example.org\r\n"+
		"Received: from mx.example.net (mx.example.net [192.0.2.%d]) by mail.example.org with ESMTPS id %x; Mon, 2 Nov 2026 10:00:00 +0000\r\n"+
		"Received: from [10.0.0.%d] by mx.example.net with ESMTPSA; Mon, 2 Nov 2026 09:59:58 +0000\r\n"+
		"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.net; s=sel; h=from:to:subject:date:message-id; bh=%040x; b=%0120x\r\n"+
		"Authentication-Results: mail.example.org; dkim=pass header.d=example.net; spf=pass\r\n"+
		"From: Person %d <p%d@example.net>\r\nTo: Ada Lovelace <ada@example.org>\r\nCc: team@example.net\r\n"+
		"Subject: Re: project notes, part %d\r\nDate: Mon, 2 Nov 2026 10:00:00 +0000\r\n"+
		"Message-ID: <%s>\r\nIn-Reply-To: <%s>\r\nReferences: <%s>\r\n"+
		"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n"+
		"X-Mailer: Example Mail 1.0\r\n\r\n%s\r\n",
		i, i%250, i, i%250, i, i, i, i, i, benchID(i), benchID(i-1), benchID(i-1), filler))
}

// benchID is the Message-ID (without brackets) of realisticMail(i).
func benchID(i int) string { return fmt.Sprintf("bench-%d@example.net", i) }

// helperAddr is the address of the helper asked in ask k.
func helperAddr(k int) string { return fmt.Sprintf("helper%d@example.net", k) }

// askID is the Message-ID (without brackets) of ask k.
func askID(k int) string { return fmt.Sprintf("ask-%d@example.org", k) }

// askMail is the owner's copy in Sent of an ask to one helper with a Bcc
// to the capture address: what makes gratitude track a request. It is
// dated now, so no nudge falls due while the benchmark runs.
func askMail(k int) []byte {
	return []byte(fmt.Sprintf("From: Ada Lovelace <%s>\r\nTo: Helper %d <%s>\r\nBcc: %s\r\n"+
		"Subject: Could you look at part %d of the plan?\r\nDate: %s\r\n"+
		"Message-ID: <%s>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"+
		"Hi,\r\n\r\ncould you look at part %d of the plan and tell me what you think?\r\n\r\nAda\r\n",
		owner, k, helperAddr(k), captureAddr, k, time.Now().Format(time.RFC1123Z), askID(k), k))
}

// replyMail is helper k's answer to ask k, threaded under it.
func replyMail(k int) []byte {
	return []byte(fmt.Sprintf("From: Helper %d <%s>\r\nTo: Ada Lovelace <%s>\r\n"+
		"Subject: Re: Could you look at part %d of the plan?\r\nDate: %s\r\n"+
		"Message-ID: <reply-%d@example.net>\r\nIn-Reply-To: <%s>\r\nReferences: <%s>\r\n"+
		"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"+
		"Part %d looks fine, but the travel line is counted twice.\r\n\r\n> could you look at part %d?\r\n",
		k, helperAddr(k), owner, k, time.Now().Format(time.RFC1123Z), k, askID(k), askID(k), k, k))
}

// thankYouMail is a rendered thank-you of about 1.5 KB, as the outbox holds
// it, for the outbox throughput run.
func thankYouMail(i int) []byte {
	return []byte(fmt.Sprintf("From: Ada Lovelace <%s>\r\nTo: Helper %d <%s>\r\n"+
		"Subject: Re: Could you look at part %d of the plan?\r\nDate: Mon, 2 Nov 2026 12:00:00 +0000\r\n"+
		"Message-ID: <%s>\r\nIn-Reply-To: <reply-%d@example.net>\r\nReferences: <reply-%d@example.net>\r\n"+
		"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"+
		"Dear Helper %d,\r\n\r\nthank you for looking at part %d so quickly.\r\n\r\n%s\r\n\r\nAda\r\n",
		outboxOwner, i, helperAddr(i), i, thankYouID(i), i, i, i, i, filler[:1000]))
}

// thankYouID is the Message-ID (without brackets) of thankYouMail(i).
func thankYouID(i int) string { return fmt.Sprintf("thanks-%d@example.org", i) }
