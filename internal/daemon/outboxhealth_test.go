package daemon

import (
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/config"
	"gratitude/internal/outbox"
)

// Each cause is said with what it is about and what to do.
func TestStuckMessagesAreDescribedWithTheirCauseAndWhatToDo(t *testing.T) {
	now := time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC)
	cfg := &config.Config{}
	cfg.IMAP.Mailboxes.Drafts = "Draft"
	d := &Daemon{cfg: cfg}
	for _, c := range []struct {
		stuck outbox.Stuck
		want  []string
	}{
		{outbox.Stuck{Cause: outbox.CauseNoFolder, Target: gratitude.TargetDrafts, Count: 3, Since: now.Add(-time.Hour)},
			[]string{`3 messages for the Drafts folder "Draft" cannot be filed (waiting since 2026-11-25T08:00:00Z, never attempted)`,
				"the folder does not exist on the server; create it, or set imap.mailboxes.drafts to one that does"}},
		{outbox.Stuck{Cause: outbox.CauseOverdue, Target: gratitude.TargetSMTP, Count: 1, Attempted: 1, Since: now.Add(-2 * time.Hour),
			LastError: "smtp: DATA: 451 try later"},
			[]string{"1 message to send by SMTP is overdue: due since 2026-11-25T07:00:00Z (2h0m0s ago), not attempted again",
				"is `gratitude run` running?", "(last error: smtp: DATA: 451 try later)"}},
		{outbox.Stuck{Cause: outbox.CauseFailed, Count: 2, Since: now.Add(-3 * time.Hour),
			Latest: gratitude.SendFailure{Kind: "thank-you", To: "alice@example.net", Subject: "Re: Budget", Error: "550 no such user", At: now.Add(-time.Hour)}},
			[]string{`2 messages could not be sent and were given up in the last 24h0m0s, the latest a thank-you to alice@example.net ("Re: Budget") at 2026-11-25T08:00:00Z: 550 no such user`}},
	} {
		got := d.describeStuck(c.stuck, now)
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q\nlacks %q", c.stuck.Cause, got, w)
			}
		}
	}
	cfg.IMAP.Mailboxes.Drafts = ""
	got := d.describeStuck(outbox.Stuck{Cause: outbox.CauseNoFolder, Target: gratitude.TargetDraftsRemove, Count: 1, Since: now}, now)
	if want := "1 draft of mail already sent cannot be removed from the Drafts folder (waiting since 2026-11-25T09:00:00Z, never attempted): " +
		"no Drafts folder was found on the server"; !strings.HasPrefix(got, want) {
		t.Errorf("no folder found:\n%q\nwant it to start %q", got, want)
	}
}
