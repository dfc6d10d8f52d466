package classify

import (
	"mime"
	"net/mail"
	"strings"

	"gratitude/inbox/capture"
)

// TraceReceivedFor names the trace of a "for <address>" clause in a
// Received field (RFC 5321 section 4.4).
const TraceReceivedFor = "Received for"

// traceField is a header field in which a delivery names the envelope
// recipient it delivered to: the trace's name for people, the field when
// the name is not the field's, and how to read that field's addresses.
type traceField struct {
	name, field string
	words       func(string) []string
}

// fieldName is the header field the trace is read from.
func (f traceField) fieldName() string {
	if f.field == "" {
		return f.name
	}
	return f.field
}

// deliveryTraces are the fields CaptureTrace reads after To, Cc and Bcc,
// in this order, each with where it comes from. A delivery adds its field
// on top, so only the first traceValuesMax values of each are read.
// Delivery agents write plain ASCII here, never RFC 2047 encoded words,
// so none is decoded (but for Exchange's field, below).
var deliveryTraces = []traceField{
	// RFC 9228. Postfix local(8) and virtual(8) add it for the final
	// envelope recipient (local(8) lower-cases it), and pipe(8) and, from
	// Postfix 3.5, lmtp(8) with flag D (Dovecot's LDA is run by pipe(8)
	// with flags=DRhu); Dovecot's LMTP server adds it
	// when the transaction has one recipient (lmtp_hdr_delivery_address,
	// none with several: checked on Dovecot 2.3.19, see
	// internal/testmail's Postfix tests); qmail-local(8) adds
	// "Delivered-To: local@domain", local as qmail-send rewrote it: with
	// vpopmail's virtualdomains entry "example.org:example.org" (qmail-send
	// prepends "example.org-"), deliveredToWords reads it. Gmail adds it on
	// every delivery. Dovecot's LDA (dovecot-lda) itself adds nothing
	// (checked on 2.3.19).
	{"Delivered-To", "", deliveredToWords},
	// Fastmail: "X-Delivered-to" is the RCPT TO address, "X-Resolved-to"
	// the address it resolved to after aliases (fastmail.help, "The email
	// delivery process"). SparkPost-relayed forwards (Gandi aliases) write
	// X-Delivered-To too (gitlab-org/gitlab issue 462824).
	{"X-Delivered-To", "", fieldWords},
	{"X-Resolved-To", "", fieldWords},
	// Postfix local(8), virtual(8), and pipe(8) or lmtp(8) with flag O: the
	// recipient as given to Postfix, before aliases (enable_original_recipient,
	// on by default). Proton's inbound Postfix adds it with Delivered-To.
	{"X-Original-To", "", fieldWords},
	// Exim's envelope_to_add (Debian's default transports set it):
	// "Envelope-to: a, b" when one delivery carries several.
	{"Envelope-To", "", fieldWords},
	// Written by hosts for fetchmail's multidrop "envelope" option (its
	// default header), in the form "<addr> (comment)".
	{"X-Envelope-To", "", fieldWords},
	// Google Workspace routing, "Add X-Gm-Original-To header".
	{"X-Gm-Original-To", "", fieldWords},
	// Yahoo and AOL: "X-Apparently-To: addr via 192.0.2.1; date"
	// (fetchmail issue 28 quotes it).
	{"X-Apparently-To", "", fieldWords},
	// RFC 3798 "rfc822;addr": Oracle (Sun) Messaging Server, iCloud's
	// inbound MTA, adds it on delivery (Messaging Server Technical
	// Reference, "Format of captured message copies").
	{"Original-Recipient", "", fieldWords},
	// Exchange: the envelope recipients, which Exchange writes as RFC 2047
	// encoded words at times (Microsoft Q&A 595439). Whether Exchange
	// Online keeps it on a message read over IMAP is not documented
	// (MS-OXCMAIL 2.2.3.2.28 drops most X-MS-Exchange-Organization-*
	// fields); X-MS-Exchange-Organization-Recipient-P2-Type: Bcc says a
	// copy came by Bcc but names no address.
	{"X-MS-Exchange-Organization-OriginalEnvelopeRecipients", "", encodedFieldWords},
	// Gmail's automatic forwarding: X-Forwarded-To names where it forwarded
	// to, X-Forwarded-For the forwarding address and that target.
	{"X-Forwarded-To", "", fieldWords},
	{"X-Forwarded-For", "", fieldWords},
	// RFC 5321 section 4.4: "for <path>" (Postfix, Sendmail, Dovecot LMTP,
	// Gmail), "for addr" (Exim, Oracle Messaging Server). Postfix, Exim and
	// Dovecot write it only when the transaction had one recipient (Exim
	// FAQ Q0010), which a Bcc'd copy often shares with others.
	{TraceReceivedFor, "Received", receivedFor},
}

// traceValuesMax is how many values of one trace field are read, from the
// top: the receiving servers' own, not a sender's fields below them.
const traceValuesMax = 16

// CaptureTrace reports whether h shows that the message was addressed or
// delivered to the capture address (capture.Match: any case, option detail
// after it). trace names, for people, the first field that shows it, in
// this order: "To", "Cc", "Bcc", then the delivery traces ("Delivered-To",
// "X-Original-To", … and TraceReceivedFor); detail is the option detail on
// the address found there.
func CaptureTrace(h *Header, captureAddr string) (trace, detail string, ok bool) {
	if h == nil || strings.TrimSpace(captureAddr) == "" {
		return "", "", false
	}
	for _, list := range []struct {
		name  string
		addrs []*mail.Address
	}{{"To", h.To}, {"Cc", h.Cc}, {"Bcc", h.Bcc}} {
		for _, a := range list.addrs {
			if detail, ok := capture.Match(a.Address, captureAddr); ok {
				return list.name, detail, true
			}
		}
	}
	for _, f := range deliveryTraces {
		values := h.Fields.Values(f.fieldName())
		for _, v := range values[:min(len(values), traceValuesMax)] {
			for _, w := range f.words(v) {
				if detail, ok := capture.Match(w, captureAddr); ok {
					return f.name, detail, true
				}
			}
		}
	}
	return "", "", false
}

// DeliveryTraces lists the delivery traces h bears, whatever address they
// name, each as "Field: value" ("Received for <addr>" for a Received
// field's clause), in the order CaptureTrace reads them: what a server
// wrote of the envelope recipients when it delivered the message, for
// telling the owner why no trace names the capture address.
func DeliveryTraces(h *Header) []string {
	if h == nil {
		return nil
	}
	var out []string
	for _, f := range deliveryTraces {
		values := h.Fields.Values(f.fieldName())
		for _, v := range values[:min(len(values), traceValuesMax)] {
			if f.name == TraceReceivedFor {
				for _, a := range receivedFor(v) {
					out = append(out, TraceReceivedFor+" "+a)
				}
				continue
			}
			if v = strings.Join(strings.Fields(v), " "); v != "" {
				out = append(out, f.name+": "+v)
			}
		}
	}
	return out
}

// fieldWords splits a trace field's value into the words an address may
// be: comments dropped, white space, commas and semicolons between words,
// a quoted string one word of its own that is never an address.
func fieldWords(v string) []string {
	return words(stripComments(v))
}

// words splits a value without comments at white space, commas and
// semicolons; a quoted string is the word `""`.
func words(v string) []string {
	var out []string
	start := -1
	flush := func(i int) {
		if start >= 0 {
			out = append(out, v[start:i])
			start = -1
		}
	}
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '"':
			flush(i)
			i = quotedEnd(v, i)
			out = append(out, `""`)
		case c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',' || c == ';':
			flush(i)
		case start < 0:
			start = i
		}
	}
	flush(len(v))
	return out
}

// quotedEnd is the index of the quote closing the quoted string opened at
// v[open], or the last index of v when it is not closed.
func quotedEnd(v string, open int) int {
	for i := open + 1; i < len(v); i++ {
		switch v[i] {
		case '\\':
			i++
		case '"':
			return i
		}
	}
	return len(v) - 1
}

// deliveredToWords is fieldWords of a Delivered-To value, with, for an
// address qmail-send rewrote for a virtual domain whose prepend is the
// domain itself ("example.org-ada+thanks@example.org", as vpopmail sets
// it up), the address as sent. A prepend other than the domain is not
// undone: "no-thanks@example.org" must never read as "thanks@example.org".
func deliveredToWords(v string) []string {
	out := fieldWords(v)
	for _, w := range out {
		at := strings.LastIndexByte(w, '@')
		if at < 0 {
			continue
		}
		domain := strings.TrimSuffix(w[at+1:], ">")
		local := strings.TrimPrefix(w[:at], "<")
		if rest, ok := cutPrepend(local, domain); ok {
			out = append(out, rest+"@"+domain)
		}
	}
	return out
}

// cutPrepend returns local without a leading "domain-" (domain compared
// ASCII case-insensitively), and whether it had one.
func cutPrepend(local, domain string) (string, bool) {
	n := len(domain)
	if domain == "" || len(local) <= n+1 || local[n] != '-' {
		return "", false
	}
	for i := range n {
		a, b := local[i], domain[i]
		if a|0x20 != b|0x20 || (a|0x20 < 'a' || a|0x20 > 'z') && a != b {
			return "", false
		}
	}
	return local[n+1:], true
}

// encodedFieldWords is fieldWords of a value that may be written as RFC
// 2047 encoded words.
func encodedFieldWords(v string) []string {
	if dec, err := new(mime.WordDecoder).DecodeHeader(v); err == nil {
		v = dec
	}
	return fieldWords(v)
}

// receivedFor is the address of each "for" clause of a Received field:
// the word after "for", before the date that follows the last semicolon,
// comments (Oracle's "(ORCPT …)", qmail's "(qmail 1 invoked for bounce)")
// dropped.
func receivedFor(v string) []string {
	v = stripComments(v)
	if i := strings.LastIndexByte(v, ';'); i >= 0 {
		v = v[:i]
	}
	w := words(v)
	var out []string
	for i := 0; i+1 < len(w); i++ {
		if strings.EqualFold(w[i], "for") {
			out = append(out, w[i+1])
		}
	}
	return out
}
