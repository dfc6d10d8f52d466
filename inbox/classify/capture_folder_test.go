package classify_test

import (
	"reflect"
	"testing"

	"gratitude"
	"gratitude/inbox/classify"
)

// folderAsk is the copy of Ada's ask to Grace, BCC'd to the capture
// address, that a server delivering several recipients at once filed in
// the capture folder: no header names the capture address.
const folderAsk = "From: Ada Lovelace <ada@example.org>\r\nTo: Grace Hopper <grace@example.com>\r\n" +
	"Subject: Which compiler for the talk?\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\n" +
	"Message-ID: <compiler@example.org>\r\n\r\nGrace, which compiler would you show?\r\n"

// classifyIn classifies raw as read from mailbox, fetching the body when
// the first verdict asks for it, as the sync engine does.
func classifyIn(rules *classify.Rules, mailbox, raw string) classify.Verdict {
	m := &classify.Message{Mailbox: mailbox, Header: classify.ParseHeader(headerFields([]byte(raw)))}
	v := rules.Classify(m, corpusContext())
	if v.NeedBody {
		m.Body = []byte(raw)
		v = rules.Classify(m, corpusContext())
	}
	return v
}

// Mail read from the capture folder was sent to the capture address,
// whatever its headers: the owner's ask there gets the verdict of a copy
// whose header names the capture address (held for its copy in Sent);
// anywhere else, or with no capture folder, it does not.
func TestTheOwnersMailInTheCaptureFolderIsCaptureMail(t *testing.T) {
	owner := corpusOwner()
	owner.CaptureFolder = "thanks"
	rules := &classify.Rules{Owner: owner}
	traced := classifyIn(rules, "INBOX", "Delivered-To: ada+thanks@example.org\r\n"+folderAsk)
	if ev, ok := traced.Event.(gratitude.Commanded); traced.Class != gratitude.ClassHeld || !ok || ev.Ask == nil {
		t.Fatalf("the copy whose Delivered-To names the capture address: %s (%s); want an ask held for its copy in Sent",
			traced.Class, traced.Reason)
	}
	if v := classifyIn(rules, "thanks", folderAsk); !reflect.DeepEqual(v, traced) {
		t.Errorf("in the capture folder: %s (%s), event %#v; want what the traced copy gets: %s (%s), event %#v",
			v.Class, v.Reason, v.Event, traced.Class, traced.Reason, traced.Event)
	}
	for _, mailbox := range []string{"INBOX", "Thanks", "Archive"} {
		if v := classifyIn(rules, mailbox, folderAsk); v.Reason == traced.Reason {
			t.Errorf("in %s: %s (%s); want no capture ask, no header names the capture address", mailbox, v.Class, v.Reason)
		}
	}
	if v := classifyIn(&classify.Rules{Owner: corpusOwner()}, "thanks", folderAsk); v.Reason == traced.Reason {
		t.Errorf("with no capture folder: %s (%s); want no capture ask", v.Class, v.Reason)
	}
}

// A command to the capture address alone ("#ID" opening the subject) is
// command mail in the capture folder too, where the server's copy names
// only the owner.
func TestACommandInTheCaptureFolderIsCommandMail(t *testing.T) {
	owner := corpusOwner()
	owner.CaptureFolder = "thanks"
	raw := "From: Ada Lovelace <ada@example.org>\r\nTo: Ada Lovelace <ada@example.org>\r\n" +
		"Subject: #1\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\nMessage-ID: <cmd-1@example.org>\r\n\r\nresolved\r\n"
	if v := classifyIn(&classify.Rules{Owner: owner}, "thanks", raw); v.Class != gratitude.ClassCommand || v.RequestID != 1 {
		t.Errorf("in the capture folder: %s (%s) about %d; want command mail about request 1", v.Class, v.Reason, v.RequestID)
	}
}
