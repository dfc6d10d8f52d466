package classify

import (
	"slices"
	"strings"
	"testing"

	"gratitude/inbox/capture"
)

func TestEveryDeliveryTraceIsFetched(t *testing.T) {
	for _, f := range deliveryTraces {
		if !slices.ContainsFunc(HeaderFields, func(h string) bool { return strings.EqualFold(h, f.fieldName()) }) {
			t.Errorf("%s is read by CaptureTrace but not in HeaderFields, so never fetched", f.fieldName())
		}
	}
}

// traceFuzzSeeds are trace field values in the forms delivery agents
// write them, and the forms that must not count.
var traceFuzzSeeds = []struct{ field, value string }{
	{"Delivered-To", "ada+thanks@example.org"},
	{"Delivered-To", "example.org-ada+thanks.3d@example.org"},
	{"Delivered-To", "=?utf-8?q?ada+thanks@example.org?="},
	{"Received", "from a (b [192.0.2.1]) by c (Postfix) with ESMTPS id X\r\n\tfor <ada+thanks@example.org>; Tue, 24 Nov 2026 09:00:00 +0100"},
	{"Received", "from a by c with esmtps (Exim 4.97) id 1t-2\r\n\tfor ada+thanks.friday@example.org; Tue, 24 Nov 2026 09:00:00 +0100"},
	{"Received", "from a (x for <ada+thanks@example.org>) by c; Tue, 24 Nov 2026 09:00:00 +0100"},
	{"Received", `by c id "for <ada+thanks@example.org>"; date`},
	{"Received", "for"},
	{"Received", "(((for <ada+thanks@example.org>"},
	{"X-Apparently-To", "ada+thanks@example.org via 192.0.2.1; Tue, 24 Nov 2026 09:00:00 +0000"},
	{"Original-Recipient", "rfc822;ada+thanks@example.org"},
	{"X-Envelope-To", "<ada+thanks@example.org> (uid 0)"},
	{"X-MS-Exchange-Organization-OriginalEnvelopeRecipients", "=?us-ascii?Q?ada+thanks@example.org?="},
	{"X-Forwarded-For", "ada@example.net ada+thanks@example.org"},
}

// FuzzCaptureTrace checks that CaptureTrace reads any trace field without
// failing, names only a trace it reads, and finds the capture address only
// where the field's text holds it (as written, or in an encoded word of
// Exchange's field).
func FuzzCaptureTrace(f *testing.F) {
	for _, s := range traceFuzzSeeds {
		f.Add(s.field, s.value, "ada+thanks@example.org")
	}
	f.Fuzz(func(t *testing.T, field, value, captureAddr string) {
		if !slices.ContainsFunc(deliveryTraces, func(tf traceField) bool { return tf.fieldName() == field }) {
			return
		}
		h := ParseHeader([]byte(field + ": " + value + "\r\n\r\n"))
		trace, detail, ok := CaptureTrace(&h, captureAddr)
		if !ok {
			if trace != "" || detail != "" {
				t.Errorf("not found, yet trace %q detail %q", trace, detail)
			}
			return
		}
		if !slices.ContainsFunc(deliveryTraces, func(tf traceField) bool { return tf.name == trace }) && trace != "To" && trace != "Cc" && trace != "Bcc" {
			t.Errorf("trace %q is no trace CaptureTrace reads", trace)
		}
		local, _, _ := strings.Cut(strings.Trim(strings.TrimSpace(captureAddr), "<>"), "@")
		if !strings.Contains(strings.ToLower(value), strings.ToLower(local)) && !strings.Contains(value, "=?") {
			t.Errorf("%s: %q found %q in %q", trace, captureAddr, detail, value)
		}
		if _, ok := capture.Match(captureAddr, captureAddr); !ok {
			t.Errorf("found %q, which does not match itself", captureAddr)
		}
	})
}
