package daemon

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"gratitude"
	"gratitude/inbox"
	"gratitude/internal/outbox"
)

// failedShownFor is how long a message given up on keeps the outbox
// failing: a day, so a daily look at `gratitude status` sees it.
const failedShownFor = 24 * time.Hour

// folderTargets maps each IMAP target to its folder.
func folderTargets(f inbox.Folders) map[gratitude.Target]string {
	return map[gratitude.Target]string{gratitude.TargetInbox: f.Inbox, gratitude.TargetDrafts: f.Drafts,
		gratitude.TargetSent: f.Sent, gratitude.TargetDraftsRemove: f.Drafts}
}

// setKnown remembers the folders the mailbox was last found to have.
func (d *Daemon) setKnown(f inbox.Folders) {
	d.knownMu.Lock()
	defer d.knownMu.Unlock()
	d.known = &f
}

// knownFolders returns the folders last found; false before the first look.
func (d *Daemon) knownFolders() (inbox.Folders, bool) {
	d.knownMu.Lock()
	defer d.knownMu.Unlock()
	if d.known == nil {
		return inbox.Folders{}, false
	}
	return *d.known, true
}

// lastDrain is the error of the latest drain (nil: it went well).
func (d *Daemon) lastDrain() error {
	d.knownMu.Lock()
	defer d.knownMu.Unlock()
	return d.drainErr
}

func (d *Daemon) setLastDrain(err error) {
	d.knownMu.Lock()
	defer d.knownMu.Unlock()
	d.drainErr = err
}

// outboxWatch is the rule for stuck messages, from the config and the
// folders the mailbox was found to have.
func (d *Daemon) outboxWatch() outbox.Watch {
	limit := d.cfg.SMTP.RateLimit
	w := outbox.Watch{Grace: staleAfter(d.cfg), Limit: limit.N, Per: limit.Per, FailedFor: failedShownFor}
	if f, ok := d.knownFolders(); ok {
		w.Folders = folderTargets(f)
	}
	return w
}

// stuckOutbox reads the outbox and finds what keeps messages from leaving.
func (d *Daemon) stuckOutbox(ctx context.Context, now time.Time) ([]outbox.Stuck, error) {
	pending, err := d.store.PendingOutbox(ctx, d.account)
	if err != nil {
		return nil, err
	}
	failed, err := d.store.Failures(ctx, d.account, now.Add(-failedShownFor))
	if err != nil {
		return nil, err
	}
	return d.outboxWatch().Stuck(pending, failed, now), nil
}

// recordOutbox records the outbox's health: the latest drain's error and
// every message stuck in it. The component goes back to ok by itself once
// those messages leave, or can be attempted.
func (d *Daemon) recordOutbox(ctx context.Context, drainErr error) []outbox.Stuck {
	if errors.Is(drainErr, context.Canceled) {
		return nil
	}
	d.setLastDrain(drainErr)
	now := d.clock.Now()
	stuck, err := d.stuckOutbox(context.WithoutCancel(ctx), now)
	d.recordHealth(ctx, "outbox", joinErrors(drainErr, err, d.stuckError(stuck, now)))
	return stuck
}

// joinErrors joins the errors that are not nil on one line.
func joinErrors(errs ...error) error {
	var msgs []string
	for _, err := range errs {
		if err != nil {
			msgs = append(msgs, err.Error())
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	return errors.New(strings.Join(msgs, "; "))
}

// stuckError says what keeps outbox messages from leaving, and what to do
// about it; nil when nothing does.
func (d *Daemon) stuckError(stuck []outbox.Stuck, now time.Time) error {
	errs := make([]error, 0, len(stuck))
	for _, s := range stuck {
		errs = append(errs, errors.New(d.describeStuck(s, now)))
	}
	return joinErrors(errs...)
}

func (d *Daemon) describeStuck(s outbox.Stuck, now time.Time) string {
	switch s.Cause {
	case outbox.CauseNoFolder:
		return d.describeNoFolder(s)
	case outbox.CauseOverdue:
		return describeOverdue(s, now)
	}
	f := s.Latest
	return fmt.Sprintf("%s could not be sent and %s given up in the last %s, the latest a %s to %s (%q) at %s: %s; "+
		"`gratitude status` lists them: send what still matters yourself",
		count(s.Count, "message"), wasWere(s.Count), failedShownFor, f.Kind, f.To, f.Subject, stamp(f.At), f.Error)
}

// describeNoFolder names the folder a message cannot be filed in, and
// why: the configured one does not exist, or none was found.
func (d *Daemon) describeNoFolder(s outbox.Stuck) string {
	role, key, configured := folderRole(s.Target, Folders(d.cfg))
	what := fmt.Sprintf("%s for the %s folder cannot be filed", count(s.Count, "message"), role)
	if s.Target == gratitude.TargetDraftsRemove {
		what = fmt.Sprintf("%s of mail already sent cannot be removed from the %s folder", count(s.Count, "draft"), role)
	}
	why := fmt.Sprintf("no %s folder was found on the server (none is marked for it, none has a usual name); create one, or set %s",
		role, key)
	if configured != "" {
		what = strings.Replace(what, role+" folder", fmt.Sprintf("%s folder %q", role, configured), 1)
		why = fmt.Sprintf("the folder does not exist on the server; create it, or set %s to one that does", key)
	}
	return fmt.Sprintf("%s (waiting since %s, never attempted): %s", what, stamp(s.Since), why)
}

// folderRole is a target's folder as the config knows it: its role, its
// key and the name configured for it ("" when found by the server's say).
func folderRole(t gratitude.Target, want inbox.Folders) (role, key, configured string) {
	switch t {
	case gratitude.TargetInbox:
		return "INBOX", "imap.mailboxes.inbox", want.Inbox
	case gratitude.TargetSent:
		return "Sent", "imap.mailboxes.sent", want.Sent
	}
	return "Drafts", "imap.mailboxes.drafts", want.Drafts
}

// describeOverdue says which messages should have left long ago.
func describeOverdue(s outbox.Stuck, now time.Time) string {
	tried := "never attempted"
	if s.Attempted > 0 {
		tried = "not attempted again"
	}
	msg := fmt.Sprintf("%s %s %s overdue: due since %s (%s ago), %s; gratitude should have sent %s by now: "+
		"is `gratitude run` running? its log says why; `gratitude run --once` sends what is due",
		count(s.Count, "message"), targetPhrase(s.Target), isAre(s.Count), stamp(s.Since), now.Sub(s.Since).Round(time.Minute),
		tried, itThem(s.Count))
	if s.LastError != "" {
		msg += " (last error: " + s.LastError + ")"
	}
	return msg
}

func targetPhrase(t gratitude.Target) string {
	switch t {
	case gratitude.TargetSMTP:
		return "to send by SMTP"
	case gratitude.TargetInbox:
		return "for INBOX"
	case gratitude.TargetSent:
		return "for the Sent folder"
	case gratitude.TargetDraftsRemove:
		return "to remove from Drafts"
	}
	return "for the Drafts folder"
}

func stamp(t time.Time) string { return t.Format(time.RFC3339) }

// count is "1 message", "3 messages".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

func isAre(n int) string   { return pick(n, "is", "are") }
func wasWere(n int) string { return pick(n, "was", "were") }
func itThem(n int) string  { return pick(n, "it", "them") }

func pick(n int, one, more string) string {
	if n == 1 {
		return one
	}
	return more
}
