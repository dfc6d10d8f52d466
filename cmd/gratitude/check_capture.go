package main

import (
	"cmp"
	"context"
	"crypto/rand"
	"fmt"
	"slices"
	"strings"
	"time"

	"gratitude"
	"gratitude/inbox"
	"gratitude/inbox/classify"
	"gratitude/internal/config"
	"gratitude/internal/daemon"
	"gratitude/mailer"
)

// Waiting for the test message: the first look comes after pollMin, the
// next ones further apart up to pollMax; once one copy is there, the
// other gets copySettle (at most a quarter of --wait) to follow.
const (
	pollMin    = 100 * time.Millisecond
	pollMax    = time.Second
	copySettle = 10 * time.Second
)

// defaultCaptureWait is how long check waits for its test message.
const defaultCaptureWait = time.Minute

// captureTest is check's test of the capture address: a message from the
// owner to the owner, the capture address in Bcc (an envelope recipient
// only), as an ask BCC'd from a mail client reaches the mailbox.
type captureTest struct {
	cfg       *config.Config
	conn      *inbox.Conn
	want      inbox.Folders // as configured
	folders   inbox.Folders // as found
	messageID string
	wait      time.Duration
}

// captureMessage is the test message: unique Message-ID, Auto-Submitted
// (so a running gratitude, like any mail robot, ignores it) and a text
// saying what it is.
func captureMessage(cfg *config.Config, messageID string, now time.Time) ([]byte, error) {
	owner := gratitude.Address{Name: cfg.Owner.Name, Email: cfg.Owner.Email}
	short, _, _ := strings.Cut(strings.TrimPrefix(messageID, "gratitude.check."), "@")
	return mailer.Render(&mailer.Message{
		From: owner, To: []gratitude.Address{owner},
		Subject:   "gratitude check: capture test " + short,
		MessageID: messageID, Date: now, Kind: "check", AutoSubmitted: true,
		Text: fmt.Sprintf("`gratitude check` sent this message to you and, as a Bcc, to your capture address %s, "+
			"to see how your mail server delivers mail to it.\n\nIt is not an ask: gratitude ignores it, and check "+
			"deletes it once it has seen it arrive. If it is still here, check was stopped before it could: delete it.\n",
			cfg.Capture.Address),
	})
}

// newCheckMessageID is a Message-ID nobody else uses, in the owner's domain.
func newCheckMessageID(owner string) string {
	_, domain, _ := strings.Cut(owner, "@")
	return "gratitude.check." + strings.ToLower(rand.Text())[:12] + "@" + domain
}

// checkCapture sends the test message, waits for it, says on one line how
// gratitude will know mail to the capture address on this server, and
// removes every copy it finds.
func (a *app) checkCapture(ctx context.Context, c *checker, conn *inbox.Conn, folders inbox.Folders, wait time.Duration) {
	t := &captureTest{cfg: a.cfg, conn: conn, want: daemon.Folders(a.cfg), folders: folders,
		messageID: newCheckMessageID(a.cfg.Owner.Email), wait: wait}
	raw, err := captureMessage(a.cfg, t.messageID, a.clock.Now())
	if err != nil {
		c.line("FAIL", "capture", "building the test message: "+err.Error())
		return
	}
	owner, capture := a.cfg.Owner.Email, a.cfg.Capture.Address
	if err := mailer.Send(ctx, daemon.SMTPOptions(a.cfg), owner, []string{owner, capture}, raw); err != nil {
		c.line("FAIL", "capture", fmt.Sprintf("sending the test message to %s and %s: %v", owner, capture, err))
		return
	}
	copies, err := t.find(ctx)
	var status string
	var lines []string
	switch {
	case ctx.Err() != nil:
		status, lines = "FAIL", []string{"stopped before the test message arrived (" + ctx.Err().Error() + ")"}
	case err != nil:
		status, lines = "FAIL", []string{"reading the mailbox for the test message: " + err.Error()}
	default:
		status, lines = t.verdict(copies)
	}
	removed, rmErr := t.remove(copies) // on the IMAP watchdog, not ctx: stopped or not, clean up
	if rmErr != nil && status == "ok" {
		status = "warn"
	}
	lines[0] += "; " + removed
	c.line(status, "capture", strings.Join(lines, "\n"+strings.Repeat(" ", 20)))
}

// watched are the folders gratitude reads mail to the capture address
// in: INBOX and the capture folder, if any.
func (t *captureTest) watched() []string {
	if t.folders.Capture == "" {
		return []string{t.folders.Inbox}
	}
	return []string{t.folders.Inbox, t.folders.Capture}
}

// find waits for the test message in the watched folders until both
// copies (the owner's and the capture address's) are there, the second
// has had its time to follow the first (see copySettle), or t.wait is
// over. With fewer
// than two found, it then searches every other folder once.
func (t *captureTest) find(ctx context.Context) ([]inbox.Copy, error) {
	deadline := time.Now().Add(t.wait)
	pause := pollMin
	for {
		timer := time.NewTimer(pause)
		select {
		case <-ctx.Done():
			timer.Stop()
			return nil, ctx.Err()
		case <-timer.C:
		}
		copies, err := t.look(t.watched())
		if err != nil || len(copies) >= 2 {
			return copies, err
		}
		if settle := time.Now().Add(min(copySettle, t.wait/4)); len(copies) == 1 && settle.Before(deadline) {
			deadline = settle
		}
		if time.Now().After(deadline) {
			return t.lookElsewhere(copies)
		}
		pause = min(2*pause, pollMax, time.Until(deadline)+pollMin)
	}
}

// lookElsewhere adds to copies those in the folders gratitude does not
// watch.
func (t *captureTest) lookElsewhere(copies []inbox.Copy) ([]inbox.Copy, error) {
	all, err := t.conn.SearchableFolders()
	if err != nil {
		return copies, err
	}
	var others []string
	for _, f := range all {
		if !slices.Contains(t.watched(), f) {
			others = append(others, f)
		}
	}
	more, err := t.look(others)
	return append(copies, more...), err
}

// look searches folders for the test message.
func (t *captureTest) look(folders []string) ([]inbox.Copy, error) {
	var out []inbox.Copy
	for _, f := range folders {
		copies, err := t.conn.CopiesOf(f, t.messageID)
		if err != nil {
			return out, err
		}
		out = append(out, copies...)
	}
	return out, nil
}

// verdict is the capture line for the copies found: ok when mail to the
// capture address is known by where it lands or by a trace, warn when it
// lands in INBOX with none (asks proven by their copy in Sent still
// work), FAIL when it reaches no folder gratitude reads. A copy in Sent is
// one the SMTP server filed there, no delivery.
func (t *captureTest) verdict(copies []inbox.Copy) (string, []string) {
	capture := t.cfg.Capture.Address
	var inInbox, elsewhere []inbox.Copy
	copies = slices.DeleteFunc(slices.Clone(copies), func(cp inbox.Copy) bool {
		return cp.Mailbox == t.folders.Sent // filed there by the SMTP server (Gmail does): no delivery
	})
	for _, cp := range copies {
		switch cp.Mailbox {
		case t.folders.Capture:
			return "ok", []string{fmt.Sprintf("arrives in folder %q: tracked by where it is", cp.Mailbox)}
		case t.folders.Inbox:
			inInbox = append(inInbox, cp)
		default:
			elsewhere = append(elsewhere, cp)
		}
	}
	for _, cp := range inInbox {
		h := classify.ParseHeader(cp.Header)
		if trace, _, ok := classify.CaptureTrace(&h, capture); ok {
			return "ok", []string{fmt.Sprintf("arrives in %s, recognised by %s", cp.Mailbox, traceValue(&h, trace, capture))}
		}
	}
	notRead := t.notRead(elsewhere)
	if len(inInbox) == 0 {
		if len(elsewhere) == 0 {
			return "FAIL", t.neverArrived()
		}
		return "FAIL", append([]string{fmt.Sprintf("the test message to %s reached only %s, which gratitude does not read",
			capture, folderList(elsewhere))}, notRead...)
	}
	out := t.untraced(inInbox)
	out = slices.Insert(out, 1, notRead...)
	if len(copies) == 1 {
		out = append(out, fmt.Sprintf("(one copy only: the server delivered it once for %s and %s, or not to %s at all)",
			t.cfg.Owner.Email, capture, capture))
	}
	return "warn", out
}

// neverArrived says where check looked and what to check.
func (t *captureTest) neverArrived() []string {
	return []string{fmt.Sprintf("the test message sent to %s and %s reached none of your folders within %v: "+
		"the capture address does not reach this mailbox", t.cfg.Capture.Address, t.cfg.Owner.Email, t.wait),
		"check that your server delivers " + t.cfg.Capture.Address + " to this mailbox (plus addresses on, or an alias; " +
			"or set capture.address to one that arrives), that smtp sends where imap reads, and your spam filter; " +
			"--wait 5m waits longer"}
}

// untraced says what the server delivered to INBOX, what that costs and
// what to set so that mail to the capture address is known.
func (t *captureTest) untraced(copies []inbox.Copy) []string {
	capture := t.cfg.Capture.Address
	var traces []string
	postfix, lmtp := false, false
	for _, cp := range copies {
		h := classify.ParseHeader(cp.Header)
		for _, tr := range classify.DeliveryTraces(&h) {
			if !slices.Contains(traces, tr) {
				traces = append(traces, tr)
			}
		}
		for _, r := range h.Fields.Values("Received") {
			postfix = postfix || strings.Contains(r, "(Postfix)")
			lmtp = lmtp || strings.Contains(strings.Join(strings.Fields(r), " "), "with LMTP")
		}
	}
	wrote := "the server added no Delivered-To, X-Original-To or Received \"for\""
	if len(traces) > 0 {
		wrote = "the server wrote only " + strings.Join(traces, ", ")
	}
	n := "1 copy"
	if len(copies) > 1 {
		n = fmt.Sprintf("%d copies", len(copies))
	}
	out := []string{fmt.Sprintf("the test message reached %s (%s), but nothing on it names %s: %s", copies[0].Mailbox, n, capture, wrote),
		"asks you BCC from a mail client that files no copy in Sent (or drops the Bcc from it) will be reported to you, not tracked; to track them:"}
	out = append(out, t.folderAdvice()...)
	if postfix && lmtp {
		out = append(out, "- or have the server name the recipient: Postfix hands the copies to Dovecot over LMTP in one transaction, "+
			"so Dovecot adds no Delivered-To; lmtp_destination_recipient_limit = 1 in Postfix's main.cf makes it one recipient per delivery, "+
			"and Dovecot adds Delivered-To: "+capture+" (name your transport in place of lmtp if virtual_transport names another)")
	} else {
		out = append(out, "- or have the server add Delivered-To (or X-Original-To) naming the recipient of each copy; "+
			"with Postfix delivering to Dovecot over LMTP, lmtp_destination_recipient_limit = 1 in main.cf does")
	}
	return out
}

// folderAdvice says how to have mail to the capture address land in a
// folder of its own, given the capture folder configured and found.
func (t *captureTest) folderAdvice() []string {
	capture := t.cfg.Capture.Address
	sieve := fmt.Sprintf("file mail to %s in a folder with a sieve rule on the envelope recipient, and set capture.folder to it", capture)
	_, detail := t.cfg.Capture.FolderWanted()
	switch {
	case t.want.Capture != "":
		return []string{fmt.Sprintf("- have the server file mail to %s in %q (capture.folder): a sieve rule on the envelope recipient does", capture, t.want.Capture)}
	case t.folders.Capture != "":
		return []string{fmt.Sprintf("- set Dovecot's lmtp_save_to_detail_mailbox = yes: mail to %s then lands in %q, which gratitude "+
			"reads as capture mail (a sieve rule on the envelope recipient can file it there too)", capture, t.folders.Capture)}
	case detail != "":
		return []string{fmt.Sprintf("- create a folder %q and set Dovecot's lmtp_save_to_detail_mailbox = yes: mail to %s then lands "+
			"there, and gratitude reads it as capture mail (a filter of your provider can file it there too)", detail, capture), "- or " + sieve}
	}
	return []string{"- " + sieve}
}

// notRead says what to set for copies found in folders gratitude does
// not read.
func (t *captureTest) notRead(copies []inbox.Copy) []string {
	var out []string
	seen := map[string]bool{}
	for _, cp := range copies {
		if seen[cp.Mailbox] {
			continue
		}
		seen[cp.Mailbox] = true
		out = append(out, fmt.Sprintf("a copy reached folder %q, which gratitude does not read: if your server files mail to %s there, "+
			"set capture.folder: %q; if it is a spam folder, have your spam filter let your own mail through", cp.Mailbox, t.cfg.Capture.Address, cp.Mailbox))
	}
	return out
}

// remove deletes every copy of the test message: in the folders it was
// found in, and in those it may have reached since (the watched folders
// and Sent, where some providers file mail sent through them). It says
// what it did.
func (t *captureTest) remove(found []inbox.Copy) (string, error) {
	folders := append(t.watched(), t.folders.Sent)
	for _, cp := range found {
		folders = append(folders, cp.Mailbox)
	}
	var expunged, flagged []string
	var firstErr error
	for _, f := range dedup(folders) {
		if f == "" {
			continue
		}
		done, err := t.conn.RemoveCopies(f, t.messageID)
		switch {
		case err != nil:
			firstErr = cmp.Or(firstErr, err)
		case done.Count > 0 && done.Expunged:
			expunged = append(expunged, f)
		case done.Count > 0:
			flagged = append(flagged, f)
		}
	}
	var parts []string
	if len(expunged) > 0 {
		parts = append(parts, "test message removed from "+quoteList(expunged))
	}
	if len(flagged) > 0 {
		parts = append(parts, fmt.Sprintf("test message flagged \\Deleted and \\Seen in %s, not expunged (the server has no UIDPLUS, "+
			"and a plain EXPUNGE would take all you flagged deleted): your mail client expunges it", quoteList(flagged)))
	}
	if firstErr != nil {
		parts = append(parts, fmt.Sprintf("could not remove the test message (%v): delete the message with Message-ID <%s> yourself", firstErr, t.messageID))
	}
	if len(parts) == 0 {
		parts = append(parts, "no test message to remove")
	}
	return strings.Join(parts, "; "), firstErr
}

// traceValue is the trace as the owner reads it in the header: the field
// and its value naming the capture address ("Delivered-To:
// ada+thanks@example.org"), or the Received clause.
func traceValue(h *classify.Header, trace, capture string) string {
	for _, tr := range classify.DeliveryTraces(h) {
		if strings.HasPrefix(tr, trace) && strings.Contains(strings.ToLower(tr), strings.ToLower(capture)) {
			return tr
		}
	}
	return trace + ": " + capture
}

// folderList names the folders copies are in, each once.
func folderList(copies []inbox.Copy) string {
	var names []string
	for _, cp := range copies {
		names = append(names, cp.Mailbox)
	}
	names = dedup(names)
	if len(names) == 1 {
		return fmt.Sprintf("folder %q", names[0])
	}
	return "folders " + quoteList(names)
}

// quoteList is "INBOX", "thanks" and "Junk" as a list.
func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = fmt.Sprintf("%q", n)
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// dedup keeps the first of each name, in order.
func dedup(names []string) []string {
	var out []string
	for _, n := range names {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}
