package classify

import (
	"net/mail"
	"strings"

	"github.com/emersion/go-message"
	gomail "github.com/emersion/go-message/mail"

	"gratitude"
)

// A mailing list or group address the owner asked: the members' answers
// come back through the list, marked by List-Id, and count like any reply
// in the thread. The helper is the member who wrote, never the list: a
// list that rewrites From for DMARC ("Alice via Friends <friends@…>")
// names the author in X-Original-From or Reply-To.

// listReply reports whether mail set aside as list mail (List-Id, or a
// list's Precedence) is in a tracked thread all the same: an answer to an
// ask the owner sent to a list.
func listReply(why string, h *Header, tracked bool) bool {
	if !tracked || h.Fields.Get("List-Id") == "" {
		return false
	}
	return strings.HasPrefix(why, ReasonMailingList) || strings.HasPrefix(why, ReasonBulk)
}

// listAuthor is who wrote list mail: From, unless the list put its own
// address there, then X-Original-From or a Reply-To that is not the list.
// It is "" with the reason the mail counts for nobody: the list wrote it,
// or the owner did.
func (r *Rules) listAuthor(h *Header) (*mail.Address, string) {
	list := listAddress(h)
	from := h.From[0]
	author := from
	if rewritten(from, list) || isListID(from.Address, h.Fields.Get("List-Id")) {
		author = nil
		for _, k := range []string{"X-Original-From", "Reply-To"} {
			for _, a := range fieldAddresses(h, k) {
				if a.Address != "" && !strings.EqualFold(a.Address, list) {
					author = a
					break
				}
			}
			if author != nil {
				break
			}
		}
	}
	switch {
	case author == nil:
		return nil, ReasonMailingList + ": the list " + from.Address + " wrote it in its own name and names no author"
	case r.isOwner(author.Address):
		return nil, ReasonMailingList + ": your own message, come back through the list"
	}
	return author, ""
}

// listAddress is the list's posting address (List-Post: <mailto:…>); ""
// when the list names none.
func listAddress(h *Header) string {
	v := strings.TrimSpace(h.Fields.Get("List-Post"))
	i := strings.Index(strings.ToLower(v), "mailto:")
	if i < 0 {
		return ""
	}
	addr := v[i+len("mailto:"):]
	if j := strings.IndexAny(addr, ">?, "); j >= 0 {
		addr = addr[:j]
	}
	return gratitude.NormalizeEmail(addr)
}

// isListID reports an address that is the list's own by its List-Id:
// finance@lists.example.com for <finance.lists.example.com>, and its
// -bounces, -owner and -request addresses.
func isListID(addr, listID string) bool {
	id := listID
	if i := strings.LastIndexByte(id, '<'); i >= 0 {
		id = id[i+1:]
	}
	id = strings.ToLower(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(id), ">")))
	local, domain, ok := strings.Cut(strings.ToLower(addr), "@")
	if !ok || id == "" {
		return false
	}
	for _, suffix := range []string{"-bounces", "-owner", "-request"} {
		local = strings.TrimSuffix(local, suffix)
	}
	return local+"."+domain == id
}

// rewritten reports a From the list made its own: its posting address,
// or a display name "Alice Martin via Friends" (Google Groups, Mailman).
func rewritten(from *mail.Address, list string) bool {
	return list != "" && strings.EqualFold(from.Address, list) || strings.Contains(strings.ToLower(from.Name), " via ")
}

// fieldAddresses reads the addresses of one fetched header field.
func fieldAddresses(h *Header, key string) []*mail.Address {
	return addressList(gomail.Header{Header: message.Header{Header: h.Fields}}, key)
}
