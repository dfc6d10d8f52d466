package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"net/textproto"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"gratitude/internal/testmail"

	"github.com/emersion/go-smtp"
)

// loopWorld is the owner's mailbox on go-imap's in-memory server, a go-smtp
// server taking what gratitude sends, and a config pointing at both.
type loopWorld struct {
	t      *testing.T
	imap   *testmail.MemIMAP
	smtp   *testmail.SMTP
	config string
	env    []string
	t0     time.Time
	// smtpDown makes the SMTP server answer 451 to every DATA while set.
	smtpDown *atomic.Bool
	watched  bool // the daemon has read the mailbox once (watching)
}

func newLoopWorld(t *testing.T) *loopWorld {
	t.Helper()
	mem := testmail.NewMemIMAP(t, testmail.MemOptions{})
	if err := mem.AddUser(testOwner, testPass); err != nil {
		t.Fatal(err)
	}
	down := &atomic.Bool{}
	srv := testmail.NewSMTP(t, testmail.SMTPOptions{Reply: func(stage, _ string) *smtp.SMTPError {
		if stage == testmail.SMTPData && down.Load() {
			return &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "try again later"}
		}
		return nil
	}})
	ih, ip := splitHostPort(t, mem.Addr())
	sh, sp := splitHostPort(t, srv.Addr())
	dir := t.TempDir()
	cfg := fmt.Sprintf(`owner: {name: Ada Lovelace, email: %s}
database: %s
timezone: UTC
imap: {host: %s, port: %s, security: insecure, password: "${GRATITUDE_TEST_IMAP_PASSWORD}"}
smtp: {host: %s, port: %s, security: insecure}
reminders: {quiet_hours: "off", digest: "off"}
http: {listen: "off"}
`, testOwner, filepath.Join(dir, "g.db"), ih, ip, sh, sp)
	return &loopWorld{t: t, imap: mem, smtp: srv, config: writeFile(t, filepath.Join(dir, "g.yaml"), cfg),
		env: []string{"GRATITUDE_TEST_IMAP_PASSWORD=" + testPass}, t0: time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC), smtpDown: down}
}

// at is the test's clock: t0 plus d, as --now wants it.
func (w *loopWorld) at(d time.Duration) string { return w.t0.Add(d).Format(time.RFC3339) }

func (w *loopWorld) put(mailbox string, raw []byte) {
	w.t.Helper()
	if _, err := w.imap.Append(testOwner, mailbox, raw); err != nil {
		w.t.Fatal(err)
	}
}

// watching has the daemon read the mailbox once before the test's mail
// arrives (a day before t0), as a daemon that was running all along would
// have: what comes afterwards is live, not history.
// Only the first call reads.
func (w *loopWorld) watching() {
	if !w.watched {
		w.watched = true
		w.runOnce(-24 * time.Hour)
	}
}

// runOnce runs one full pass at t0+d.
func (w *loopWorld) runOnce(d time.Duration) result {
	w.t.Helper()
	r := runBin(w.t, w.env, "--config", w.config, "--log-format", "json", "--now", w.at(d), "run", "--once")
	if r.code != 0 {
		w.t.Fatalf("run --once at +%v: exit %d\n%s", d, r.code, r.stderr)
	}
	return r
}

func (w *loopWorld) cli(args ...string) result {
	w.t.Helper()
	return runBin(w.t, w.env, append([]string{"--config", w.config, "--log-format", "json"}, args...)...)
}

// folder reads every message of a folder with its header and body.
func (w *loopWorld) folder(name string) []folderMessage {
	w.t.Helper()
	return folderAt(w.t, w.imap.Addr(), testOwner, name)
}

// ownerSends files what the owner's client sends: the copy in Sent and,
// for mail to the owner's own addresses, the delivered copy in INBOX.
func (w *loopWorld) ownerSends(raw []byte, toSelf bool) {
	w.put("Sent", raw)
	if toSelf {
		w.put("INBOX", raw)
	}
}

func (w *loopWorld) state(t *testing.T) requestView {
	t.Helper()
	var reqs []requestView
	r := w.cli("list", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &reqs); err != nil || len(reqs) != 1 {
		t.Fatalf("list --json: %v %s", err, r.stdout)
	}
	return reqs[0]
}

func loopAsk(w *loopWorld) []byte {
	return mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: Alice Martin <alice@example.net>, Bob Chen <bob@example.com>",
		"Bcc: ada+thanks@example.org", "Subject: Budget review for Q1", "Date: " + w.t0.Format(time.RFC1123Z),
		"Message-ID: <ask-budget@example.org>", "Content-Type: text/plain; charset=utf-8"},
		"Could you two look at the Q1 budget before Friday?\n\nAda")
}

// answered sets up the ask, Alice's answer and Bob's out-of-office reply,
// and reads them.
func answered(w *loopWorld) {
	w.watching()
	w.ownerSends(loopAsk(w), false)
	w.put("INBOX", mailAt([]string{"From: Alice Martin <alice@example.net>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Budget review for Q1", "Date: " + w.t0.Add(2*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-alice@example.net>", "In-Reply-To: <ask-budget@example.org>", "References: <ask-budget@example.org>",
		"Content-Type: text/plain; charset=utf-8"},
		"Hi Ada,\n\nThe travel line is counted twice; I fixed it in the sheet.\n\nBest,\nAlice\n\n> Could you two look at the Q1 budget"))
	w.put("INBOX", mailAt([]string{"From: Bob Chen <bob@example.com>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Automatic reply: Budget review for Q1", "Date: " + w.t0.Add(3*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <ooo-bob@example.com>", "In-Reply-To: <ask-budget@example.org>", "Auto-Submitted: auto-replied",
		"Content-Type: text/plain; charset=utf-8"}, "I am out of the office until Monday."))
	w.runOnce(4 * time.Hour)
}

// command is the owner's mail with commands: to addr, answering inReplyTo.
func command(w *loopWorld, id, to, subject, inReplyTo, body string, d time.Duration) []byte {
	h := []string{"From: Ada Lovelace <ada@example.org>", "To: " + to, "Subject: " + subject,
		"Date: " + w.t0.Add(d).Format(time.RFC1123Z), "Message-ID: <" + id + ">", "Content-Type: text/plain; charset=utf-8"}
	if inReplyTo != "" {
		h = append(h, "In-Reply-To: "+inReplyTo, "References: "+inReplyTo)
	}
	return mailAt(h, body)
}

// resolvedWithCard resolves the request by mail to the capture address
// with #1 and returns the approval card that comes back.
func resolvedWithCard(t *testing.T, w *loopWorld) folderMessage {
	t.Helper()
	w.ownerSends(command(w, "cmd-resolve@example.org", "ada+thanks@example.org", "#1 budget", "", "resolved\n\nAda", 5*time.Hour), true)
	w.runOnce(5*time.Hour + time.Minute)
	cards := ofKind(w.folder("INBOX"), "card")
	if len(cards) != 1 {
		t.Fatalf("%d approval cards in INBOX, want 1", len(cards))
	}
	return cards[0]
}

func TestTheWholeLoopAskAnswerResolveApproveThanksOnce(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	if s := w.state(t); s.State != "answered" || len(s.Helpers) != 1 || s.Helpers[0].Email != "alice@example.net" {
		t.Fatalf("after the replies: %+v; want answered with Alice only (Bob's auto-reply is no help)", s)
	}
	card := resolvedWithCard(t, w)
	drafts := w.folder("Drafts")
	if len(drafts) != 1 || !strings.Contains(drafts[0].header.Get("To"), "alice@example.net") ||
		drafts[0].header.Get("In-Reply-To") != "<r-alice@example.net>" {
		t.Fatalf("Drafts: %d messages %v; want Alice's thank-you, threaded under her reply", len(drafts), drafts)
	}
	if !strings.Contains(card.body, "approve") || !strings.Contains(card.header.Get("Reply-To"), "ada+thanks.c") {
		t.Fatalf("card Reply-To %q, body:\n%s", card.header.Get("Reply-To"), card.body)
	}
	// The owner answers the card, top-posting above the quoted card.
	quoted := "> " + strings.ReplaceAll(strings.TrimSpace(card.body), "\n", "\n> ")
	reply := command(w, "cmd-approve@example.org", card.header.Get("Reply-To"), "Re: "+card.header.Get("Subject"),
		card.header.Get("Message-Id"), "approve\n\nOn Mon, gratitude wrote:\n"+quoted, 6*time.Hour)
	w.ownerSends(reply, true)
	w.runOnce(6*time.Hour + time.Minute)

	sent := w.smtp.Messages()
	if testing.Verbose() {
		t.Logf("card:\n%s\nthank-you:\n%s", card.body, sent[0].Data)
	}
	if len(sent) != 1 || len(sent[0].To) != 1 || sent[0].To[0] != "alice@example.net" {
		t.Fatalf("SMTP got %d messages; want one thank-you to Alice", len(sent))
	}
	ty := string(sent[0].Data)
	for _, want := range []string{"In-Reply-To: <r-alice@example.net>", "References: <ask-budget@example.org> <r-alice@example.net>",
		"travel line is counted twice", "Subject: Re: Budget review for Q1"} {
		if !strings.Contains(strings.ReplaceAll(ty, "=\r\n", ""), want) {
			t.Errorf("thank-you lacks %q:\n%s", want, ty)
		}
	}
	if strings.Contains(ty, "Auto-Submitted") || strings.Contains(ty, "X-Gratitude-Kind") {
		t.Errorf("the thank-you is marked as machine mail:\n%s", ty)
	}
	tyHeader, _ := textproto.NewReader(bufio.NewReader(bytes.NewReader(sent[0].Data))).ReadMIMEHeader()
	copies := 0
	for _, m := range w.folder("Sent") {
		if m.header.Get("Message-Id") == tyHeader.Get("Message-Id") {
			copies++
		}
	}
	if copies != 1 {
		t.Errorf("%d copies of the thank-you in Sent, want 1", copies)
	}
	if d := w.folder("Drafts"); len(d) != 0 {
		t.Errorf("the draft is still in Drafts (%d)", len(d))
	}
	if s := w.state(t); s.State != "thanked" || !s.Helpers[0].Thanked {
		t.Errorf("after the thank-you: %+v; want thanked", s)
	}
	w.runOnce(7 * time.Hour)
	w.runOnce(30 * 24 * time.Hour)
	if n := len(w.smtp.Messages()); n != 1 {
		t.Errorf("running again sent %d messages in all, want still 1", n)
	}
}

func TestAForgedApproveSendsNothingAndIsReported(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	card := resolvedWithCard(t, w)
	// Someone else writes "approve" as Ada to the capture address with #1:
	// delivered to INBOX, but no copy in Ada's Sent, no card token, no DKIM.
	forged := command(w, "forged@evil.example", "ada+thanks@example.org", "#1", card.header.Get("Message-Id"), "approve", 6*time.Hour)
	w.put("INBOX", forged)
	w.runOnce(6*time.Hour + time.Minute) // within the grace period: waits for a Sent copy
	w.runOnce(6*time.Hour + 10*time.Minute)
	if n := len(w.smtp.Messages()); n != 0 {
		t.Fatalf("a forged approve sent %d messages", n)
	}
	var rep struct {
		Commands map[string]int `json:"commands"`
	}
	if err := json.Unmarshal([]byte(w.cli("status", "--json").stdout), &rep); err != nil || rep.Commands["refused"] != 1 {
		t.Errorf("status commands %v, %v; want one refused", rep.Commands, err)
	}
	refused := ofKind(w.folder("INBOX"), "refused")
	if len(refused) != 1 || !strings.Contains(strings.ReplaceAll(refused[0].body, "=\r\n", ""), "no copy in Sent") {
		t.Fatalf("%d refusal notices; want one saying why:\n%v", len(refused), refused)
	}
	// A helper's "approve" is never a command.
	w.put("INBOX", mailAt([]string{"From: Alice Martin <alice@example.net>", "To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Budget review for Q1", "Date: " + w.t0.Add(7*time.Hour).Format(time.RFC1123Z),
		"Message-ID: <r-alice-2@example.net>", "In-Reply-To: <r-alice@example.net>"}, "approve"))
	w.runOnce(8 * time.Hour)
	if n := len(w.smtp.Messages()); n != 0 {
		t.Errorf("Alice's \"approve\" sent %d messages", n)
	}
}

func TestATokenOfAnotherCardOrAnExpiredOneIsRefused(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	card := resolvedWithCard(t, w)
	addr := card.header.Get("Reply-To") // <ada+thanks.cN.TOKEN@example.org>
	local, domain, _ := strings.Cut(strings.Trim(addr, "<>"), "@")
	parts := strings.Split(local, ".")
	other := strings.Join([]string{parts[0], "c999", parts[2]}, ".") + "@" + domain
	// No Sent copy (sent from elsewhere): only the token could prove it.
	w.put("INBOX", command(w, "other-card@example.org", other, "Re: card", "", "approve", 6*time.Hour))
	w.runOnce(6*time.Hour + 10*time.Minute)
	if n := len(w.smtp.Messages()); n != 0 {
		t.Fatalf("another card's token sent %d messages", n)
	}
	// The right token, 31 days later: expired.
	w.put("INBOX", command(w, "expired@example.org", strings.Trim(addr, "<>"), "Re: card", "", "approve", 31*24*time.Hour))
	w.runOnce(31*24*time.Hour + 10*time.Minute)
	if n := len(w.smtp.Messages()); n != 0 {
		t.Fatalf("an expired card's token sent %d messages", n)
	}
	// The right token in time works, once Sent has been read again after
	// it came (a forward of the card just before would have spent it).
	w.put("INBOX", command(w, "good@example.org", strings.Trim(addr, "<>"), "Re: card", "", "approve", 6*time.Hour+20*time.Minute))
	w.runOnce(6*time.Hour + 21*time.Minute)
	if n := len(w.smtp.Messages()); n != 0 {
		t.Fatalf("the card's own token, before Sent was read again: %d messages sent, want 0 yet", n)
	}
	w.runOnce(6*time.Hour + 22*time.Minute)
	if n := len(w.smtp.Messages()); n != 1 {
		t.Errorf("the card's own token: %d messages sent, want 1", n)
	}
}

func TestAnEditByReplySendsTheEditedText(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	card := resolvedWithCard(t, w)
	body := "edit alice\nAlice, you saved my Friday. Lunch is on me.\n\nAda\n--\napprove\n\n> " + strings.ReplaceAll(card.body, "\n", "\n> ")
	w.ownerSends(command(w, "cmd-edit@example.org", card.header.Get("Reply-To"), "Re: card", card.header.Get("Message-Id"), body, 6*time.Hour), true)
	w.runOnce(6*time.Hour + time.Minute)
	sent := w.smtp.Messages()
	if len(sent) != 1 {
		t.Fatalf("%d messages sent, want the edited thank-you", len(sent))
	}
	text := strings.ReplaceAll(string(sent[0].Data), "=\r\n", "")
	if !strings.Contains(text, "you saved my Friday. Lunch is on me.") || strings.Contains(text, "travel line") {
		t.Errorf("the thank-you is not the edited text:\n%s", sent[0].Data)
	}
}

func TestAnEditWithoutApproveReplacesTheCopyInDrafts(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	card := resolvedWithCard(t, w)
	before := w.folder("Drafts")
	if len(before) != 1 {
		t.Fatalf("%d drafts before the edit, want Alice's", len(before))
	}
	w.ownerSends(command(w, "cmd-edit-only@example.org", card.header.Get("Reply-To"), "Re: card", card.header.Get("Message-Id"),
		"edit alice\nAlice, you saved my Friday.\n\nAda", 6*time.Hour), true)
	w.runOnce(6*time.Hour + time.Minute)
	after := w.folder("Drafts")
	if len(after) != 1 {
		t.Fatalf("%d copies in Drafts after the edit, want the edited one alone", len(after))
	}
	body := strings.ReplaceAll(after[0].body, "=\r\n", "")
	if !strings.Contains(body, "you saved my Friday.") {
		t.Errorf("the copy in Drafts is not the edited text:\n%s", after[0].body)
	}
	if after[0].header.Get("Message-Id") == before[0].header.Get("Message-Id") {
		t.Errorf("the edited copy kept the old Message-ID %s", before[0].header.Get("Message-Id"))
	}
	if n := len(w.smtp.Messages()); n != 0 {
		t.Fatalf("an edit alone sent %d messages", n)
	}
	// Approving it sends the edited text, once, and empties Drafts.
	w.ownerSends(command(w, "cmd-approve-edited@example.org", card.header.Get("Reply-To"), "Re: card", card.header.Get("Message-Id"),
		"approve", 6*time.Hour+10*time.Minute), true)
	w.runOnce(6*time.Hour + 11*time.Minute)
	sent := w.smtp.Messages()
	if len(sent) != 1 || !strings.Contains(strings.ReplaceAll(string(sent[0].Data), "=\r\n", ""), "you saved my Friday.") {
		t.Fatalf("%d messages sent, want the edited thank-you once", len(sent))
	}
	if !strings.Contains(string(sent[0].Data), after[0].header.Get("Message-Id")) {
		t.Errorf("the thank-you went out under another Message-ID than its draft's %s", after[0].header.Get("Message-Id"))
	}
	if d := w.folder("Drafts"); len(d) != 0 {
		t.Errorf("%d copies left in Drafts after approval", len(d))
	}
}

func TestAThankYouTheOwnerSentHimselfIsNotSentAgain(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	card := resolvedWithCard(t, w)
	// Ada sends her own thank-you from her client (it lands in Sent).
	w.ownerSends(mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: Alice Martin <alice@example.net>",
		"Subject: Re: Budget review for Q1", "Date: " + w.t0.Add(5*time.Hour+30*time.Minute).Format(time.RFC1123Z),
		"Message-ID: <ada-own-thanks@example.org>", "In-Reply-To: <r-alice@example.net>",
		"References: <ask-budget@example.org> <r-alice@example.net>"}, "Alice, thank you so much!"), false)
	w.runOnce(5*time.Hour + 31*time.Minute)
	if s := w.state(t); s.State != "thanked" {
		t.Fatalf("state %s after Ada thanked Alice herself", s.State)
	}
	// An approve that comes later finds nothing to send.
	w.ownerSends(command(w, "cmd-late-approve@example.org", card.header.Get("Reply-To"), "Re: card", card.header.Get("Message-Id"), "approve", 6*time.Hour), true)
	w.runOnce(6*time.Hour + time.Minute)
	if n := len(w.smtp.Messages()); n != 0 {
		t.Errorf("%d thank-yous sent after Ada sent her own", n)
	}
	var drafts []draftView
	if err := json.Unmarshal([]byte(w.cli("drafts", "--json").stdout), &drafts); err != nil || len(drafts) != 1 || drafts[0].State != "skipped" {
		t.Errorf("drafts %+v, %v; want Alice's skipped", drafts, err)
	}
	if d := w.folder("Drafts"); len(d) != 0 {
		t.Errorf("the skipped draft is still in Drafts (%d)", len(d))
	}
}

func TestACommandUnderAReusedMessageIDIsNotACommand(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	resolvedWithCard(t, w)
	// Ada once wrote to Alice; that copy is in her Sent.
	w.ownerSends(mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: Alice Martin <alice@example.net>",
		"Subject: Lunch?", "Date: " + w.t0.Add(5*time.Hour+10*time.Minute).Format(time.RFC1123Z), "Message-ID: <lunch@example.org>"},
		"Lunch on Friday?"), false)
	w.runOnce(5*time.Hour + 11*time.Minute)
	// Alice forges a command as Ada under that Message-ID.
	w.put("INBOX", command(w, "lunch@example.org", "ada+thanks@example.org", "#1", "", "edit alice\nYou are fired.\n--\napprove", 6*time.Hour))
	w.runOnce(6*time.Hour + 10*time.Minute)
	if n := len(w.smtp.Messages()); n != 0 {
		t.Fatalf("a forged command under a reused Message-ID sent %d messages", n)
	}
}

func TestACommandThatCannotBeDoneIsAnsweredAndBlocksNothing(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	card := resolvedWithCard(t, w)
	w.ownerSends(command(w, "cmd-odd@example.org", card.header.Get("Reply-To"), "Re: card", card.header.Get("Message-Id"),
		"not-helped alice@example.net\napprove", 6*time.Hour), true)
	w.runOnce(6*time.Hour + time.Minute)
	w.runOnce(6*time.Hour + 2*time.Minute) // a second pass must not fail on it
	if n := len(w.smtp.Messages()); n != 0 {
		t.Errorf("%d thank-yous sent to someone who did not help", n)
	}
	if help := ofKind(w.folder("INBOX"), "commands"); len(help) != 1 {
		t.Errorf("%d replies about what could not be done, want 1", len(help))
	}
}

func TestApproveOnTheCommandLineRefusesACancelledRequest(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	resolvedWithCard(t, w)
	if r := w.cli("--now", w.at(6*time.Hour), "cancel", "1"); r.code != 0 {
		t.Fatalf("cancel: %s", r.stderr)
	}
	if r := w.cli("--now", w.at(6*time.Hour), "approve", "1"); r.code == 0 {
		t.Errorf("approving a draft of a cancelled request succeeded:\n%s", r.stdout)
	}
	w.runOnce(7 * time.Hour)
	if n := len(w.smtp.Messages()); n != 0 {
		t.Errorf("%d thank-yous sent for a cancelled request", n)
	}
}

func TestAForwardedCardTakesNoMoreCommandsByItsAddress(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	card := resolvedWithCard(t, w)
	// Ada forwards the card to Alice: Alice now knows its address.
	w.ownerSends(mailAt([]string{"From: Ada Lovelace <ada@example.org>", "To: Alice Martin <alice@example.net>",
		"Subject: Fwd: " + card.header.Get("Subject"), "Date: " + w.t0.Add(5*time.Hour+30*time.Minute).Format(time.RFC1123Z),
		"Message-ID: <fwd-card@example.org>", "References: " + card.header.Get("Message-Id")}, "Look what I got."), false)
	w.runOnce(5*time.Hour + 31*time.Minute)
	// Alice writes "approve" as Ada to the card's address; no Sent copy.
	w.put("INBOX", command(w, "alice-forged@example.net", strings.Trim(card.header.Get("Reply-To"), "<>"), "Re: card", "", "approve", 6*time.Hour))
	w.runOnce(6*time.Hour + 10*time.Minute)
	if n := len(w.smtp.Messages()); n != 0 {
		t.Errorf("the forwarded card's address still took commands: %d sent", n)
	}
}

func jsonOf(s string, v any) error { return json.Unmarshal([]byte(s), v) }
