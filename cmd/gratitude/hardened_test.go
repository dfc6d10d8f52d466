package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gratitude/store"
)

// The attacks of the hardening review (issue "Trust, hardened"), each on
// go-imap's in-memory server and go-smtp; the ones that need a real
// server run again on Postfix and Dovecot in stack_attacks_test.go.

// statusOf reads `status --json`.
func statusOf(t *testing.T, w *loopWorld) (rep struct {
	Messages map[string]int64 `json:"messages"`
	Commands map[string]int   `json:"commands"`
}) {
	t.Helper()
	if err := jsonOf(w.cli("status", "--json").stdout, &rep); err != nil {
		t.Fatal(err)
	}
	return rep
}

// toStranger is a message of Ada's to someone outside, whose Message-ID a
// forger then borrows.
func toStranger(w *loopWorld, id string) []byte {
	return mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: Mallory <mallory@evil.example>",
		"Subject: The slides you asked for", "Date: " + w.t0.Add(5*time.Hour+30*time.Minute).Format(time.RFC1123Z),
		"Message-ID: <" + id + ">", "Content-Type: text/plain; charset=utf-8"}, "Here are the slides.\n\nAda")
}

func TestAForgedCommandCannotBorrowTheOwnersSentCopy(t *testing.T) {
	for _, order := range []string{"forgery-first", "both-at-once"} {
		t.Run(order, func(t *testing.T) {
			w := newLoopWorld(t)
			answered(w)
			resolvedWithCard(t, w)
			before := statusOf(t, w)
			const id = "genuine-to-mallory@example.org"
			forged := command(w, id, "ada+thanks@example.org", "#1", "", "approve", 5*time.Hour+30*time.Minute)
			w.put("INBOX", forged)
			if order == "forgery-first" {
				w.runOnce(5*time.Hour + 31*time.Minute)
			}
			// Ada's client files its copy of the genuine mail a little later.
			w.put("Sent", toStranger(w, id))
			w.runOnce(5*time.Hour + 32*time.Minute)
			w.runOnce(6 * time.Hour)
			if n := len(w.smtp.Messages()); n != 0 {
				t.Fatalf("the forgery borrowing Ada's Sent copy got %d thank-yous sent", n)
			}
			rep := statusOf(t, w)
			wantRefused := 0 // read second, a reused Message-ID is no command at all
			if order == "forgery-first" {
				wantRefused = 1 // refused as soon as the Sent copy says otherwise
			}
			if rep.Commands["done"] != 1 || rep.Commands["refused"] != wantRefused {
				t.Errorf("commands %v: want only the genuine resolve carried out, %d refused", rep.Commands, wantRefused)
			}
			// Ada's genuine message is kept as her own, never as a copy of
			// the forgery.
			if rep.Messages["duplicate"] != before.Messages["duplicate"] {
				t.Errorf("duplicates %d → %d: Ada's genuine mail was taken for a copy", before.Messages["duplicate"], rep.Messages["duplicate"])
			}
		})
	}
}

func TestAGenuineCommandIsProvenByItsLateSentCopy(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	card := resolvedWithCard(t, w)
	approve := command(w, "cmd-late-copy@example.org", "ada+thanks@example.org", "Re: card #1", card.header.Get("Message-Id"),
		"approve\n\nAda", 6*time.Hour)
	w.put("INBOX", approve)
	w.runOnce(6*time.Hour + time.Minute)
	if n := len(w.smtp.Messages()); n != 0 {
		t.Fatalf("%d sent before the Sent copy came", n)
	}
	w.put("Sent", approve)
	w.runOnce(6*time.Hour + 2*time.Minute)
	if n := len(w.smtp.Messages()); n != 1 {
		t.Fatalf("%d thank-yous sent after the matching Sent copy, want 1", n)
	}
}

// forwardInline is Ada forwarding the card to someone, the way Gmail
// quotes it: the card's headers (Reply-To too) above its text.
func forwardInline(w *loopWorld, card folderMessage, to, id string) []byte {
	body := fmt.Sprintf("Look what my mail robot sends me!\n\n---------- Forwarded message ---------\nFrom: gratitude <ada@example.org>\n"+
		"Date: %s\nSubject: %s\nTo: Ada Lovelace <ada@example.org>\nReply-To: %s\n\n%s\n",
		card.header.Get("Date"), card.header.Get("Subject"), card.header.Get("Reply-To"), card.body)
	return mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: " + to, "Subject: Fwd: " + card.header.Get("Subject"),
		"Date: " + w.t0.Add(5*time.Hour+30*time.Minute).Format(time.RFC1123Z), "Message-ID: <" + id + ">",
		"Content-Type: text/plain; charset=utf-8"}, body)
}

// forwardAttached is Ada forwarding the card as a message/rfc822 part.
func forwardAttached(w *loopWorld, card folderMessage, to, id string) []byte {
	var orig strings.Builder
	for _, k := range []string{"From", "To", "Reply-To", "Subject", "Date", "Message-Id", "Content-Type"} {
		if v := card.header.Get(k); v != "" {
			fmt.Fprintf(&orig, "%s: %s\r\n", k, v)
		}
	}
	orig.WriteString("\r\n" + strings.ReplaceAll(card.body, "\r\n", "\n"))
	body := "--b1\nContent-Type: text/plain; charset=utf-8\n\nSee the attached.\n\n--b1\nContent-Type: message/rfc822\n" +
		"Content-Disposition: attachment\n\n" + orig.String() + "\n--b1--\n"
	return mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: " + to, "Subject: Fwd: " + card.header.Get("Subject"),
		"Date: " + w.t0.Add(5*time.Hour+30*time.Minute).Format(time.RFC1123Z), "Message-ID: <" + id + ">",
		"MIME-Version: 1.0", `Content-Type: multipart/mixed; boundary="b1"`}, body)
}

func TestAForwardedCardsAddressTakesNoMoreCommands(t *testing.T) {
	for name, fwd := range map[string]func(*loopWorld, folderMessage, string, string) []byte{
		"inline": forwardInline, "attached": forwardAttached,
	} {
		t.Run(name, func(t *testing.T) {
			w := newLoopWorld(t)
			answered(w)
			card := resolvedWithCard(t, w)
			w.ownerSends(fwd(w, card, "Carol <carol@evil.example>", "fwd-card@example.org"), false)
			w.runOnce(5*time.Hour + 31*time.Minute)
			// Carol answers the card's address as Ada.
			w.put("INBOX", command(w, "carol-forged@evil.example", card.header.Get("Reply-To"), "Re: card", "", "approve", 6*time.Hour))
			w.runOnce(6*time.Hour + time.Minute)
			w.runOnce(6*time.Hour + 10*time.Minute)
			if n := len(w.smtp.Messages()); n != 0 {
				t.Fatalf("a command to a forwarded card's address got %d thank-yous sent", n)
			}
			if rep := statusOf(t, w); rep.Commands["refused"] != 1 {
				t.Errorf("commands %v: want Carol's refused", rep.Commands)
			}
			// Ada herself can still approve: her Sent copy proves it.
			w.ownerSends(command(w, "ada-approve@example.org", card.header.Get("Reply-To"), "Re: card", card.header.Get("Message-Id"),
				"approve", 7*time.Hour), true)
			w.runOnce(7*time.Hour + time.Minute)
			if n := len(w.smtp.Messages()); n != 1 {
				t.Errorf("Ada's own approve: %d sent, want 1", n)
			}
		})
	}
}

// autoRespond is a client-side vacation rule that sets no header: it
// answers every notice in INBOX it has not answered yet, from Ada's
// address to the notice's Reply-To, with a copy in Sent.
func autoRespond(t *testing.T, w *loopWorld, answered map[string]bool, text string, d time.Duration) int {
	t.Helper()
	n := 0
	for _, m := range w.folder("INBOX") {
		id := m.header.Get("Message-Id")
		if m.header.Get("X-Gratitude-Kind") == "" || answered[id] {
			continue
		}
		answered[id] = true
		n++
		reply := command(w, fmt.Sprintf("vacation-%d-%d@example.org", d, n), m.header.Get("Reply-To"),
			"Re: "+m.header.Get("Subject"), id, text, d)
		w.ownerSends(reply, true)
	}
	return n
}

func TestTheOwnersOwnAutoResponderStartsNoLoop(t *testing.T) {
	for name, text := range map[string]string{
		"unrecognised":  "Your mail has arrived. I read mail on Fridays and will answer then.",
		"out-of-office": "I am out of the office until Monday 7 December with limited access to email.",
	} {
		t.Run(name, func(t *testing.T) {
			w := newLoopWorld(t)
			answered(w)
			resolvedWithCard(t, w)
			seen := map[string]bool{}
			d := 6 * time.Hour
			for pass := 0; pass < 5; pass++ {
				autoRespond(t, w, seen, text, d)
				w.runOnce(d + time.Minute)
				d += time.Hour
			}
			helps := len(ofKind(w.folder("INBOX"), "commands"))
			want := 1
			if name == "out-of-office" {
				want = 0
			}
			if helps > want {
				t.Errorf("%d replies to Ada's auto-responder after 5 passes, want at most %d", helps, want)
			}
			if n := len(w.smtp.Messages()); n != 0 {
				t.Errorf("%d messages sent", n)
			}
		})
	}
}

func TestRepliesToTheOwnerAreCappedPerHour(t *testing.T) {
	w := newLoopWorld(t)
	writeFile(t, w.config, readFile(t, w.config)+"notify: {replies_per_hour: 2}\n")
	answered(w)
	resolvedWithCard(t, w)
	for i := range 5 {
		w.ownerSends(command(w, fmt.Sprintf("cmd-gibberish-%d@example.org", i), "ada+thanks@example.org", "#1",
			"", "please frobnicate", 6*time.Hour), true)
	}
	w.runOnce(6*time.Hour + time.Minute)
	if n := len(ofKind(w.folder("INBOX"), "commands")); n != 2 {
		t.Errorf("%d replies within the hour, want notify.replies_per_hour = 2", n)
	}
}

// bigCc is a Cc of n addresses.
func bigCc(n int) string {
	var b strings.Builder
	for i := range n {
		if i > 0 {
			b.WriteString(",\r\n ")
		}
		fmt.Fprintf(&b, "p%d@victims.example", i)
	}
	return b.String()
}

func TestAForgedAskToTheWorldMakesNoRequestAndNoDraft(t *testing.T) {
	w := newLoopWorld(t)
	w.watching()
	w.put("INBOX", mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: ada+thanks@example.org",
		"Cc: " + bigCc(100_000), "Subject: Please all wire me money",
		"Date: " + w.t0.Format(time.RFC1123Z), "Message-ID: <forged-ask@evil.example>",
		"Content-Type: text/plain; charset=utf-8"}, "Answer this one, everybody."))
	w.runOnce(time.Minute)
	w.runOnce(time.Hour)
	w.runOnce(4 * 24 * time.Hour)
	if r := w.cli("list", "--json"); strings.TrimSpace(r.stdout) != "[]" {
		t.Errorf("requests: %s", r.stdout)
	}
	if d := w.folder("Drafts"); len(d) != 0 {
		t.Errorf("%d drafts, want none", len(d))
	}
	if rep := statusOf(t, w); rep.Commands["refused"] != 1 {
		t.Errorf("commands %v: want the forged ask refused (and reported)", rep.Commands)
	}
	if n := len(ofKind(w.folder("INBOX"), "refused")); n != 1 {
		t.Errorf("%d refusal reports, want 1", n)
	}
}

func TestAnAskReadBeforeItsSentCopyIsTrackedOnceTheCopyComes(t *testing.T) {
	w := newLoopWorld(t)
	w.put("INBOX", loopAsk(w))
	w.runOnce(time.Minute)
	if r := w.cli("list", "--json"); strings.TrimSpace(r.stdout) != "[]" {
		t.Fatalf("tracked before any proof: %s", r.stdout)
	}
	w.put("Sent", loopAsk(w))
	w.runOnce(2 * time.Minute)
	if s := w.state(t); s.Subject != "Budget review for Q1" || len(s.Asked) != 2 {
		t.Fatalf("after the Sent copy: %+v", s)
	}
	if rep := statusOf(t, w); rep.Commands["refused"] != 0 {
		t.Errorf("commands %v: nothing should be refused", rep.Commands)
	}
}

func TestAFollowUpDraftGoesToNoMoreThanTheCap(t *testing.T) {
	w := newLoopWorld(t)
	w.watching()
	var to []string
	for i := range 25 {
		to = append(to, fmt.Sprintf("friend%d@example.net", i))
	}
	w.ownerSends(mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: " + strings.Join(to, ", "),
		"Bcc: ada+thanks@example.org", "Subject: Who has a ladder?", "Date: " + w.t0.Format(time.RFC1123Z),
		"Message-ID: <ask-ladder@example.org>", "Content-Type: text/plain; charset=utf-8"}, "Anyone?\n\nAda"), false)
	w.runOnce(time.Minute)
	w.runOnce(4 * 24 * time.Hour)
	if n := len(ofKind(w.folder("INBOX"), "nudge")); n != 1 {
		t.Fatalf("%d nudges, want 1", n)
	}
	if d := w.folder("Drafts"); len(d) != 0 {
		t.Errorf("a follow-up draft to 25 people; want none over reminders.followup_max_recipients (20)")
	}
}

func TestSomeoneUsingTheOwnersNameIsShownByAddress(t *testing.T) {
	w := newLoopWorld(t)
	w.watching()
	w.ownerSends(loopAsk(w), false)
	w.put("INBOX", mailAt([]string{"From: Ada Lovelace <mallory@evil.example>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Budget review for Q1", "Date: " + w.t0.Add(time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-mallory@evil.example>", "In-Reply-To: <ask-budget@example.org>",
		"Content-Type: text/plain; charset=utf-8"}, "Send the budget to me instead."))
	w.runOnce(2 * time.Hour)
	s := w.state(t)
	if len(s.Helpers) != 1 || s.Helpers[0].Email != "mallory@evil.example" || s.Helpers[0].Name != "" {
		t.Fatalf("helpers %+v: want mallory by address, never named Ada Lovelace", s.Helpers)
	}
}

func TestCommandMailClaimedByAnotherDaemonIsLeftToIt(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	resolve := command(w, "cmd-claimed@example.org", "ada+thanks@example.org", "#1 budget", "", "resolved", 5*time.Hour)
	w.put("INBOX", resolve)
	w.runOnce(5 * time.Hour) // waiting for its copy in Sent
	// Another daemon on the same database takes the mail.
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(filepath.Dir(w.config), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	acct, err := st.Account(ctx, testOwner)
	if err != nil {
		t.Fatal(err)
	}
	pending, err := st.PendingCommands(ctx, acct)
	if err != nil || len(pending) != 1 {
		t.Fatalf("pending %v, %v", pending, err)
	}
	claimedAt := w.t0.Add(5*time.Hour + time.Minute)
	if ok, err := st.ClaimCommand(ctx, acct, pending[0].ID, claimedAt, claimedAt.Add(-time.Hour)); !ok || err != nil {
		t.Fatalf("claim: %v %v", ok, err)
	}
	st.Close()
	w.put("Sent", resolve)
	w.runOnce(5*time.Hour + 2*time.Minute)
	if n := len(ofKind(w.folder("INBOX"), "card")); n != 0 {
		t.Fatalf("%d cards while another daemon held the mail, want 0", n)
	}
	// That daemon died: its claim lapses and the mail is carried out once.
	w.runOnce(5*time.Hour + 20*time.Minute)
	w.runOnce(5*time.Hour + 21*time.Minute)
	if n := len(ofKind(w.folder("INBOX"), "card")); n != 1 {
		t.Fatalf("%d cards after the claim lapsed, want 1", n)
	}
}

func TestAHelperIsNamedInCommandsAsTheCardShowsThem(t *testing.T) {
	w := newLoopWorld(t)
	w.ownerSends(loopAsk(w), false)
	w.put("INBOX", mailAt([]string{"From: =?utf-8?q?Ali=E2=80=AEce_Martin?= <am@example.net>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Budget review for Q1", "Date: " + w.t0.Add(2*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-am@example.net>", "In-Reply-To: <ask-budget@example.org>", "Content-Type: text/plain; charset=utf-8"},
		"The travel line is counted twice.\n\nAlice"))
	w.runOnce(4 * time.Hour)
	card := resolvedWithCard(t, w)
	if strings.Contains(card.body, "\u202e") || !strings.Contains(card.body, "Alice Martin") {
		t.Fatalf("the card shows the name as %q", card.body)
	}
	w.ownerSends(command(w, "cmd-approve-alice@example.org", card.header.Get("Reply-To"), "Re: card", card.header.Get("Message-Id"),
		"approve alice", 6*time.Hour), true)
	w.runOnce(6*time.Hour + time.Minute)
	if n := len(w.smtp.Messages()); n != 1 {
		t.Fatalf("\"approve alice\", as the card shows her: %d sent, want 1", n)
	}
}

func TestAForgedThanksInTheInboxClosesNoHelper(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	thanks := mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: Alice Martin <alice@example.net>",
		"Subject: Re: Budget review for Q1", "Date: " + w.t0.Add(4*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <ada-thanks-alice@example.org>", "In-Reply-To: <r-alice@example.net>",
		"References: <ask-budget@example.org> <r-alice@example.net>", "Content-Type: text/plain; charset=utf-8"},
		"Thank you so much, Alice!\n\nAda")
	w.put("INBOX", thanks)
	w.runOnce(5 * time.Hour)
	if s := w.state(t); len(s.Helpers) != 1 || s.Helpers[0].Thanked {
		t.Fatalf("helpers %+v: a thank-you only in INBOX, From: Ada, closed Alice", s.Helpers)
	}
	// Its copy in Sent is Ada's own, and counts.
	w.put("Sent", thanks)
	w.runOnce(5*time.Hour + time.Minute)
	if s := w.state(t); !s.Helpers[0].Thanked {
		t.Fatalf("helpers %+v: Ada's thanks in Sent did not count", s.Helpers)
	}
}

// The review of the first hardening found a forger could copy the text of
// the mail Ada sent them along with its Message-ID.
func TestAForgeryCopyingTheTextOfAdasMailBorrowsNothing(t *testing.T) {
	t.Run("ask", func(t *testing.T) {
		w := newLoopWorld(t)
		const id = "genuine-to-mallory@example.org"
		body := "Here are the slides.\n\nAda"
		w.put("INBOX", mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: ada+thanks@example.org",
			"Cc: " + bigCc(15), "Subject: Please all wire me money", "Date: " + w.t0.Format(time.RFC1123Z),
			"Message-ID: <" + id + ">", "Content-Type: text/plain; charset=utf-8"}, body))
		w.runOnce(time.Minute)
		w.put("Sent", mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: Mallory <mallory@evil.example>",
			"Subject: The slides you asked for", "Date: " + w.t0.Format(time.RFC1123Z),
			"Message-ID: <" + id + ">", "Content-Type: text/plain; charset=utf-8"}, body))
		w.runOnce(2 * time.Minute)
		w.runOnce(4 * 24 * time.Hour)
		if r := w.cli("list", "--json"); strings.TrimSpace(r.stdout) != "[]" {
			t.Errorf("the forged ask is tracked: %.300s", r.stdout)
		}
		if d := w.folder("Drafts"); len(d) != 0 {
			t.Errorf("%d drafts, want none", len(d))
		}
	})
	t.Run("command", func(t *testing.T) {
		w := newLoopWorld(t)
		answered(w)
		resolvedWithCard(t, w)
		const id = "genuine-to-mallory@example.org"
		body := "Approve, thanks!\n\nAda"
		w.put("INBOX", command(w, id, "ada+thanks@example.org", "#1", "", body, 5*time.Hour+30*time.Minute))
		w.runOnce(5*time.Hour + 31*time.Minute)
		w.put("Sent", mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: Mallory <mallory@evil.example>",
			"Subject: Your expense report", "Date: " + w.t0.Add(5*time.Hour+30*time.Minute).Format(time.RFC1123Z),
			"Message-ID: <" + id + ">", "Content-Type: text/plain; charset=utf-8"}, body))
		w.runOnce(5*time.Hour + 32*time.Minute)
		w.runOnce(6 * time.Hour)
		if n := len(w.smtp.Messages()); n != 0 {
			t.Fatalf("borrowed text and id: %d thank-yous sent", n)
		}
	})
}

func TestACardForwardedJustBeforeItIsAnsweredTakesNoCommand(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	card := resolvedWithCard(t, w)
	// Carol answers at once; Ada's client files the forward a moment later.
	w.put("INBOX", command(w, "carol-forged@evil.example", card.header.Get("Reply-To"), "Re: card", "", "approve", 5*time.Hour+30*time.Minute))
	w.runOnce(5*time.Hour + 31*time.Minute)
	w.ownerSends(forwardInline(w, card, "Carol <carol@evil.example>", "fwd-card@example.org"), false)
	w.runOnce(5*time.Hour + 32*time.Minute)
	w.runOnce(5*time.Hour + 40*time.Minute)
	if n := len(w.smtp.Messages()); n != 0 {
		t.Fatalf("forwarded card, Sent copy filed a moment late: %d thank-yous sent", n)
	}
	// A reply to the card that only its address proves still works, once
	// Sent has been read again after it.
	w.put("INBOX", command(w, "ada-by-token@example.org", card.header.Get("Reply-To"), "Re: card", "", "status", 6*time.Hour))
	w.runOnce(6*time.Hour + time.Minute)
	w.runOnce(6*time.Hour + 2*time.Minute)
	if rep := statusOf(t, w); rep.Commands["refused"] != 1 {
		t.Errorf("commands %v: the token was spent by the forward, so only Carol's should be refused so far", rep.Commands)
	}
}

func TestTheOwnersCommandsWithAnAwayNoteAreCarriedOut(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	w.ownerSends(command(w, "cmd-away@example.org", "ada+thanks@example.org", "#1", "",
		"resolved\nI am out of the office until Monday, so no rush.", 5*time.Hour), true)
	w.runOnce(5*time.Hour + time.Minute)
	if s := w.state(t); s.State != "resolved" {
		t.Fatalf("state %s: \"resolved\" above an away note was dropped", s.State)
	}
	if n := len(ofKind(w.folder("INBOX"), "commands")); n != 0 {
		t.Errorf("%d replies to the away note, want none", n)
	}
}

func TestAnAutoResponderWithoutThreadingHeadersStartsNoLoop(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	resolvedWithCard(t, w)
	seen := map[string]bool{}
	d := 6 * time.Hour
	for pass := range 5 {
		for _, m := range w.folder("INBOX") {
			id := m.header.Get("Message-Id")
			if m.header.Get("X-Gratitude-Kind") == "" || seen[id] {
				continue
			}
			seen[id] = true
			w.ownerSends(command(w, fmt.Sprintf("bare-%d-%d@example.org", pass, len(seen)), m.header.Get("Reply-To"),
				"Re: "+m.header.Get("Subject"), "", "Your mail has arrived. I read mail on Fridays.", d), true)
		}
		w.runOnce(d + time.Minute)
		d += time.Hour
	}
	if n := len(ofKind(w.folder("INBOX"), "commands")); n > 1 {
		t.Errorf("%d replies to an auto-responder that sets no In-Reply-To, want at most 1", n)
	}
}
