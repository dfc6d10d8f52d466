package templates

import "time"

// sampleCommands is the reply to a mail that resolved request 42 and
// held two lines that are not commands.
func sampleCommands() CommandsView {
	return CommandsView{
		OwnerName: sampleOwner,
		Request:   sampleRequest(),
		Unknown:   []string{"aprove alice", "send them all, and thank Carol too"},
		Done:      []string{"resolved"},
		Now:       sampleNow,
	}
}

// sampleStatus is a resolved request: Alice thanked, Bob's draft waiting,
// Carol (who helped outside the thread) skipped.
func sampleStatus() StatusView {
	r := sampleRequest()
	carol := Helper{Person: r.Asked[2], FirstReplyAt: sampleAskedAt.Add(50 * time.Hour), Replies: 1}
	r.Helpers = append(r.Helpers, carol)
	drafts := sampleDrafts(r)
	drafts[0].State = "sent"
	drafts = append(drafts, CardDraft{ID: 9, Helper: carol.Person, State: "skipped", Text: "Hi carol@example.com,\n\nThank you.\n\nAda\n"})
	return StatusView{
		OwnerName:      sampleOwner,
		Request:        r,
		State:          "resolved",
		Drafts:         drafts,
		NextReminder:   "a reminder to thank Bob Okafor",
		NextReminderAt: sampleNow.Add(2*day + 45*time.Minute),
		Now:            sampleNow,
	}
}

// sampleRefused is two forged approvals refused since yesterday, and an
// ask that reached the mailbox by Bcc with no trace of the capture address.
func sampleRefused() RefusedView {
	return RefusedView{
		OwnerName: sampleOwner,
		Items: []RefusedItem{
			{N: 1, From: "Ada Lovelace <ada@example.org>", Subject: "Re: Thank-yous ready: " + sampleSubject,
				Reason: "no copy in your Sent folder, not sent to the card's address, no trusted DKIM signature", At: sampleNow.Add(-20 * time.Hour)},
			{N: 2, From: "ada@example.org", Subject: "approve", Reason: "no copy in your Sent folder, not sent to a card's address, DKIM failed", At: sampleNow.Add(-3 * time.Hour)},
			{N: 3, From: "Ada Lovelace <ada@example.org>", Subject: "Could you review my talk?", Trackable: true,
				Reason: "not tracked: it reached your mailbox by Bcc, but nothing in it shows it was sent to ada+thanks@example.org",
				At:     sampleNow.Add(-2 * time.Hour)},
		},
		Now: sampleNow,
	}
}

func sampleAlert() AlertView {
	return AlertView{OwnerName: sampleOwner, Since: sampleNow.Add(-75 * time.Minute), Mailbox: "ada@imap.example.org",
		Error: "imap: login as ada@example.org failed: authentication rejected; check imap.username or use an app password",
		Now:   sampleNow}
}
