package main

import (
	"strings"
	"testing"
	"time"
)

// approvedAndSent runs the loop up to Alice's thank-you leaving, at
// t0+6h01, and returns the card.
func approvedAndSent(t *testing.T, w *loopWorld) folderMessage {
	t.Helper()
	answered(w)
	card := resolvedWithCard(t, w)
	w.ownerSends(command(w, "cmd-approve@example.org", card.header.Get("Reply-To"), "Re: "+card.header.Get("Subject"),
		card.header.Get("Message-Id"), "approve", 6*time.Hour), true)
	w.runOnce(6*time.Hour + time.Minute)
	if n := len(w.smtp.Messages()); n != 1 {
		t.Fatalf("%d messages sent, want Alice's thank-you", n)
	}
	return card
}

func TestASecondApproveByMailSaysWhenTheThankYouWentAndSendsNothing(t *testing.T) {
	w := newLoopWorld(t)
	card := approvedAndSent(t, w)
	w.ownerSends(command(w, "cmd-approve-again@example.org", card.header.Get("Reply-To"), "Re: "+card.header.Get("Subject"),
		card.header.Get("Message-Id"), "approve\n\nAda", 8*time.Hour), true)
	w.runOnce(8*time.Hour + time.Minute)
	if n := len(w.smtp.Messages()); n != 1 {
		t.Errorf("%d messages sent in all, want still Alice's one thank-you", n)
	}
	replies := ofKind(w.folder("INBOX"), "commands")
	if len(replies) != 1 {
		t.Fatalf("%d replies to the second approve, want 1", len(replies))
	}
	body := strings.ReplaceAll(replies[0].body, "=\r\n", "")
	for _, want := range []string{"The thank-you to Alice Martin was already sent on Mon 23 Nov 15:01.", "Nothing was sent again."} {
		if !strings.Contains(body, want) {
			t.Errorf("the reply lacks %q:\n%s", want, body)
		}
	}
	for _, bad := range []string{"not a command", "Commands go on"} {
		if strings.Contains(body, bad) {
			t.Errorf("the reply says %q of a command:\n%s", bad, body)
		}
	}
	if s := replies[0].header.Get("Subject"); s != "Already thanked: Alice Martin" {
		t.Errorf("the reply's subject is %q", s)
	}
}

func TestApproveOnTheCommandLineOfASentDraftSaysWhenItWent(t *testing.T) {
	w := newLoopWorld(t)
	approvedAndSent(t, w)
	for _, args := range [][]string{{"approve", "1"}, {"approve", "--request", "1"}} {
		r := w.cli(append([]string{"--now", w.at(9 * time.Hour)}, args...)...)
		if r.code != 0 {
			t.Errorf("%v: exit %d, want 0 (nothing to do)\n%s%s", args, r.code, r.stdout, r.stderr)
		}
		want := "the thank-you to Alice Martin <alice@example.net> was already sent on Mon 23 Nov 2026 15:01; nothing was sent again"
		if !strings.Contains(r.stdout, want) {
			t.Errorf("%v printed:\n%s\nwant %q", args, r.stdout, want)
		}
	}
	if n := len(w.smtp.Messages()); n != 1 {
		t.Errorf("%d messages sent in all, want still Alice's one thank-you", n)
	}
}
