package classify_test

import (
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
// whatever its headers: the owner's ask there is held for its copy in Sent
// like one whose headers show the address; anywhere else it is no ask.
func TestTheOwnersMailInTheCaptureFolderIsCaptureMail(t *testing.T) {
	owner := corpusOwner()
	owner.CaptureFolder = "thanks"
	rules := &classify.Rules{Owner: owner}
	v := classifyIn(rules, "thanks", folderAsk)
	ev, ok := v.Event.(gratitude.Commanded)
	if v.Class != gratitude.ClassHeld || !ok || ev.Ask == nil || ev.Ask.Subject != "Which compiler for the talk?" {
		t.Errorf("in the capture folder: %s (%s), event %#v; want an ask held for its copy in Sent", v.Class, v.Reason, v.Event)
	}
	for _, mailbox := range []string{"INBOX", "Thanks", "Archive"} {
		if v := classifyIn(rules, mailbox, folderAsk); v.Class != gratitude.ClassIgnored {
			t.Errorf("in %s: %s (%s); want ignored, no trace of the capture address", mailbox, v.Class, v.Reason)
		}
	}
	if v := classifyIn(&classify.Rules{Owner: corpusOwner()}, "thanks", folderAsk); v.Class != gratitude.ClassIgnored {
		t.Errorf("with no capture folder: %s (%s); want ignored", v.Class, v.Reason)
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
