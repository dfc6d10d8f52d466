package classify

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"

	"gratitude"
	"gratitude/inbox/capture"

	"github.com/emersion/go-message/mail"
)

// BodyHash is what two copies of one of the owner's messages are compared
// by: the SHA-256 of its readable text with line ends, trailing blanks and
// trailing empty lines normalised, so a copy re-encoded on the way
// (quoted-printable, CRLF, a charset) hashes the same. "" for no text.
func BodyHash(plain string) string {
	lines := strings.Split(strings.ReplaceAll(plain, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r\u00a0")
	}
	norm := strings.TrimRight(strings.Join(lines, "\n"), "\n")
	if strings.TrimSpace(norm) == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(norm))
	return hex.EncodeToString(sum[:16])
}

// awaitsProof says whether an earlier copy of a Message-ID waits for proof
// (command mail, a held ask): another copy of it must be read whole, for
// it proves the mail only if it says the same.
func awaitsProof(c gratitude.Class) bool {
	return c == gratitude.ClassCommand || c == gratitude.ClassHeld
}

// inSent reports whether m was read from the owner's Sent folder, which
// nobody else writes to.
func (r *Rules) inSent(m *msg) bool {
	return r.Owner.Sent != "" && m.Mailbox == r.Owner.Sent
}

// anotherCopy classifies a second copy of mail that awaits proof. A copy
// that holds the same commands, or the ask again outside Sent, is a
// duplicate carrying its hash (in Sent, it proves the commands if the
// hashes match). The ask's copy in Sent makes the request itself. Anything
// else is the owner's own message under a reused Message-ID: classified on
// its own merits and kept, its hash showing the mail it shares the id with
// was forged.
func (r *Rules) anotherCopy(m *msg, c *Context) Verdict {
	if m.Body == nil {
		return Verdict{NeedBody: true}
	}
	var v Verdict
	switch held := m.KnownClass == gratitude.ClassHeld; {
	case held && r.inSent(m):
		v = r.fresh(m, c)
	case held || r.holdsCommands(m, c):
		v = duplicate(m)
	default:
		v = r.fresh(m, c)
	}
	v.BodyHash = BodyHash(text(m).Plain)
	return v
}

// holdsCommands says whether the owner's message is command mail by where
// it went (a card's address, a reply to gratitude's mail, #ID to the
// capture address).
func (r *Rules) holdsCommands(m *msg, c *Context) bool {
	h := &m.Header
	detail, captured := r.capturedIn(m)
	_, ok := r.commandKind(h, c, threadRefs(h), captured, capture.ParseOptions(detail, r.askedAt(m), r.Owner.Location))
	return ok
}

// proven reports whether the owner's message needs no further proof: read
// from Sent, or vouched for by trusted DKIM.
func (r *Rules) proven(m *msg) bool {
	return r.inSent(m) || DKIMPassFor(&m.Header, r.Owner.AuthservID, r.ownerDomain())
}

// unproven is the owner's mail read outside Sent that would change the
// ledger or a request: only its copy in Sent (or trusted DKIM) counts.
func unproven(what string) Verdict {
	return Verdict{Class: gratitude.ClassIgnored, Reason: ReasonOwnerUnproven + ": " + what + "; only its copy in Sent counts"}
}

// held is an ask read outside Sent and not vouched for by trusted DKIM:
// anyone can deliver to the capture address with the owner in From. It
// waits, like command mail, for its copy in Sent (which then makes the
// request) and is refused and reported once if none comes.
func (r *Rules) held(m *msg, v Verdict) Verdict {
	ask, ok := v.Event.(gratitude.Asked)
	if !ok || r.proven(m) {
		return v
	}
	h := &m.Header
	ev := gratitude.Commanded{MessageID: h.MessageID, At: ask.At, From: h.FromAddress(), Subject: h.Subject,
		Ask: &ask, BodyHash: BodyHash(text(m).Plain)}
	return Verdict{Class: gratitude.ClassHeld, Reason: "ask read outside Sent; held until its copy in Sent proves it",
		Event: ev, BodyHash: ev.BodyHash}
}

// bccToOwner reports the owner's mail read outside Sent that reached the
// owner's mailbox by Bcc: none of the owner's addresses is among its
// visible recipients, and someone else is. It may be an ask whose capture
// address the server left no trace of (Postfix over LMTP, one transaction
// for several recipients) in a client that files no Sent copy. A list's
// copy of the owner's post (List-Id) reached her through the list, not by
// Bcc.
func (r *Rules) bccToOwner(m *msg) bool {
	h := &m.Header
	if r.Owner.Sent == "" || m.Mailbox == r.Owner.Sent || h.Fields.Get("List-Id") != "" {
		return false
	}
	others := false
	for _, list := range [][]*mail.Address{h.To, h.Cc} {
		for _, a := range list {
			if r.isOwner(a.Address) {
				return false
			}
			others = others || a.Address != ""
		}
	}
	return others
}

// untraced holds such mail as an ask that is never tracked on its own:
// the owner is told, and tracks it by forwarding it to the capture address.
func (r *Rules) untraced(m *msg) Verdict {
	v := r.ask(m, "", capture.Options{})
	ask, ok := v.Event.(gratitude.Asked)
	if !ok {
		return v
	}
	ask.Untraced = true
	h := &m.Header
	ev := gratitude.Commanded{MessageID: h.MessageID, At: ask.At, From: h.FromAddress(), Subject: h.Subject,
		Ask: &ask, BodyHash: BodyHash(text(m).Plain)}
	return Verdict{Class: gratitude.ClassHeld, Event: ev, BodyHash: ev.BodyHash,
		Reason: ReasonOwnerNoCapture + ": reached your mailbox by Bcc with no trace of the capture address; held, and you are told"}
}
