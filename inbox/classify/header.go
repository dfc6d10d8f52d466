package classify

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	netmail "net/mail"
	"strings"
	"time"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // RFC 2047 words in any charset
	"github.com/emersion/go-message/mail"
	"github.com/emersion/go-message/textproto"

	"gratitude/inbox/msgtext"
)

// HeaderFields are the only header fields fetched for a new message
// (BODY.PEEK[HEADER.FIELDS (…)]): enough to tell asks, replies, commands,
// auto-replies, lists and bounces apart without downloading bodies. The
// line before last is every delivery trace CaptureTrace reads
// (deliveryTraces); the last, msgtext.BounceFields.
var HeaderFields = []string{
	"From", "Sender", "Reply-To", "To", "Cc", "Bcc", "Subject", "Date",
	"Message-ID", "In-Reply-To", "References", "Thread-Index",
	"Auto-Submitted", "Precedence", "X-Autoreply", "X-Autorespond",
	"List-Id", "List-Unsubscribe", "List-Post", "X-Original-From", "Return-Path", "Content-Type", "Authentication-Results",
	"Delivered-To", "X-Delivered-To", "X-Resolved-To", "X-Original-To", "Envelope-To", "X-Envelope-To",
	"X-Gm-Original-To", "X-Apparently-To", "Original-Recipient",
	"X-MS-Exchange-Organization-OriginalEnvelopeRecipients", "X-Forwarded-To", "X-Forwarded-For", "Received",
	"X-Failed-Recipients", // msgtext.BounceFields
}

// Header is the classify-ready view of one message's fetched header fields.
type Header struct {
	MessageID  string // without angle brackets; synthetic (see Synthetic) when absent
	Synthetic  bool   // MessageID was derived from other fields
	From       []*mail.Address
	To         []*mail.Address
	Cc         []*mail.Address
	Bcc        []*mail.Address
	Subject    string
	Date       time.Time        // zero when missing or unreadable
	InReplyTo  []string         // without angle brackets, bad tokens skipped (msgid.go)
	References []string         // likewise, capped by count
	Fields     textproto.Header // every fetched field, raw, for classifiers

	norm     string // NormSubject, once worked out
	normDone bool
}

// NormSubject is the subject as a reply and its original share (see
// msgtext.NormalizeSubject), worked out once per message.
func (h *Header) NormSubject() string {
	if !h.normDone {
		h.norm, h.normDone = msgtext.NormalizeSubject(h.Subject), true
	}
	return h.norm
}

// ParseHeader reads a header block as fetched. It is tolerant: a field that
// cannot be decoded is left empty rather than failing the message, since one
// broken header must never stop a sync; in In-Reply-To and References only
// the bad tokens are dropped, never the whole field.
func ParseHeader(raw []byte) Header {
	raw = ensureBlankLine(raw)
	// A reader sized to the block: the default 4 KiB buffer per message is
	// most of a sync's garbage.
	th, err := textproto.ReadHeader(bufio.NewReaderSize(bytes.NewReader(raw), min(len(raw), 4096)))
	if err != nil && th.Len() == 0 {
		th = textproto.Header{}
	}
	mh := mail.Header{Header: message.Header{Header: th}}
	h := Header{Fields: th}
	h.From = addressList(mh, "From")
	h.To = addressList(mh, "To")
	h.Cc = addressList(mh, "Cc")
	h.Bcc = addressList(mh, "Bcc")
	if s, err := mh.Subject(); err == nil {
		h.Subject = s
	} else {
		h.Subject = mh.Get("Subject")
	}
	h.Date = parseDate(th.Get("Date"))
	h.MessageID = messageID(mh)
	h.InReplyTo = msgIDList(th.Get("In-Reply-To"), inReplyToKeep, 0)
	h.References = msgIDList(th.Get("References"), refsKeepFirst, refsKeepLast)
	if h.MessageID == "" {
		h.MessageID, h.Synthetic = syntheticID(th), true
	}
	return h
}

// rfc5322Date is the Date form almost every message uses; "2" reads a
// one- or two-digit day.
const rfc5322Date = "Mon, 2 Jan 2006 15:04:05 -0700"

// parseDate reads a Date field, zero when unreadable. The usual form is
// tried first, as one layout; anything else goes to net/mail's parser,
// which tries its several dozen.
func parseDate(s string) time.Time {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(rfc5322Date, s); err == nil {
		return t
	}
	t, _ := netmail.ParseDate(s)
	return t
}

// FromAddress is the first From address, lower-cased, or "".
func (h *Header) FromAddress() string {
	if len(h.From) == 0 {
		return ""
	}
	return strings.ToLower(h.From[0].Address)
}

func addressList(h mail.Header, key string) []*mail.Address {
	list, err := h.AddressList(key)
	if err != nil {
		return nil
	}
	return list
}

// messageID reads the Message-ID field as go-message does, but takes a stray
// CR or LF inside it (a bare line end some mailers leave before the id) for
// the folding white space it was meant to be.
func messageID(mh mail.Header) string {
	id, err := mh.MessageID()
	if err == nil || !strings.ContainsAny(mh.Get("Message-Id"), "\r\n") {
		return id
	}
	var spaced mail.Header
	spaced.Set("Message-Id", lineEndsAsSpace.Replace(mh.Get("Message-Id")))
	id, _ = spaced.MessageID()
	return id
}

// lineEndsAsSpace turns each CR and LF into a space, leaving every other
// byte, valid UTF-8 or not, as it is.
var lineEndsAsSpace = strings.NewReplacer("\r", " ", "\n", " ")

// syntheticID names a message that has no Message-ID by the fields that stay
// the same in every copy of it (Sent and INBOX alike).
func syntheticID(h textproto.Header) string {
	sum := sha256.New()
	for _, k := range []string{"Date", "From", "To", "Cc", "Subject"} {
		sum.Write([]byte(strings.TrimSpace(h.Get(k))))
		sum.Write([]byte{0})
	}
	return hex.EncodeToString(sum.Sum(nil)[:16]) + "@no-message-id.gratitude.invalid"
}

// ensureBlankLine terminates a header block so the reader sees its end even
// when a server returned it without the final empty line.
func ensureBlankLine(raw []byte) []byte {
	if bytes.HasSuffix(raw, []byte("\r\n\r\n")) || bytes.HasSuffix(raw, []byte("\n\n")) {
		return raw
	}
	out := make([]byte, 0, len(raw)+4)
	out = append(out, bytes.TrimRight(raw, "\r\n")...)
	return append(out, "\r\n\r\n"...)
}
