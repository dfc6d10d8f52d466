package classify

import (
	"strings"

	"gratitude/inbox/msgtext"
)

// Reasons a message is ignored; stable strings (status, tests and the
// corpus rely on them). A reason is recorded as "<code>: <detail>".
const (
	ReasonAutoReply      = "auto-reply"
	ReasonOutOfOffice    = "out-of-office"
	ReasonBulk           = "bulk"
	ReasonMailingList    = "mailing-list"
	ReasonBounce         = "bounce"
	ReasonDeliveryReport = "delivery-report"
	ReasonCalendar       = "calendar"
	ReasonNotTracked     = "not-tracked"
	ReasonOwnerNoCapture = "owner-no-capture"
	ReasonOwnerUnproven  = "owner-unproven"
	ReasonReusedID       = "reused-message-id"
	ReasonNoSender       = "no-sender"
	ReasonOthersCommand  = "others-command"
)

// automatic says why a message was written by a machine rather than a
// person (RFC 3834 and common practice), from its header fields alone; ""
// when nothing says so. Such mail never makes a helper and is never answered.
func automatic(h *Header) string {
	f := &h.Fields
	from := h.FromAddress()
	name := ""
	if len(h.From) > 0 {
		name = h.From[0].Name
	}
	if b, ok := msgtext.BounceHeader(from, name, h.Subject, f.Get); ok {
		return ReasonBounce + ": " + b.String()
	}
	nullSender := strings.TrimSpace(f.Get("Return-Path")) == "<>"
	if from == "" && nullSender {
		return ReasonBounce + ": null return path"
	}
	if ct := strings.ToLower(f.Get("Content-Type")); strings.HasPrefix(ct, "multipart/report") {
		if strings.Contains(ct, "delivery-status") {
			return ReasonBounce + ": rfc3464: multipart/report"
		}
		return ReasonDeliveryReport + ": multipart/report"
	}
	if why := autoSubmitted(h); why != "" {
		return why
	}
	prec := strings.ToLower(strings.TrimSpace(f.Get("Precedence")))
	switch prec {
	case "bulk", "junk":
		return ReasonBulk + ": Precedence: " + prec
	case "list":
		return ReasonMailingList + ": Precedence: list"
	}
	if f.Get("List-Id") != "" {
		return ReasonMailingList + ": List-Id " + strings.TrimSpace(f.Get("List-Id"))
	}
	if why := textAutoReply(h.Subject, ""); why != "" {
		return why
	}
	if nullSender {
		// Sent with no address to bounce to (RFC 5321 4.5.5): only
		// reports and automatic replies are, never a person's mail.
		return ReasonBounce + ": null return path, from " + from
	}
	return ""
}

// textAutoReply is the reason for an automatic reply told by its subject
// and first lines alone (msgtext.AutoReply), under its family's code: an
// absence is out-of-office, a ticket receipt or a challenge auto-reply, a
// text read receipt delivery-report; "" when a person wrote it.
func textAutoReply(subject, plain string) string {
	f, why := msgtext.AutoReply(subject, plain)
	switch f {
	case msgtext.Absence:
		return ReasonOutOfOffice + ": " + why
	case msgtext.Acknowledgement:
		return ReasonAutoReply + ": " + why
	case msgtext.ReadReceipt:
		return ReasonDeliveryReport + ": read receipt, " + why
	}
	return ""
}

// autoSubmitted says why a message declares itself machine-written (RFC
// 3834 Auto-Submitted, or the older X-Autoreply / X-Autorespond); "" when
// it does not. Applied to the owner's own mail too: their vacation
// responder answering a helper is not a thank-you, and a notification of
// this program whose Message-ID a relay rewrote is not a follow-up.
func autoSubmitted(h *Header) string {
	f := &h.Fields
	if v := strings.ToLower(strings.TrimSpace(f.Get("Auto-Submitted"))); v != "" && !strings.HasPrefix(v, "no") {
		return ReasonAutoReply + ": Auto-Submitted: " + v
	}
	for _, k := range []string{"X-Autoreply", "X-Autorespond"} {
		if f.Get(k) != "" {
			return ReasonAutoReply + ": " + k
		}
	}
	return ""
}
