package inbox_test

import (
	"testing"
	"time"

	"gratitude/inbox"
	"gratitude/internal/testmail"

	"github.com/emersion/go-imap/v2"
)

// appendServers are the servers the APPEND tests run against.
func appendServers(t *testing.T) map[string]string {
	t.Helper()
	d := testmail.NewDovecot(t, testmail.DovecotOptions{})
	if err := d.AddUser(owner, password); err != nil {
		t.Fatal(err)
	}
	return map[string]string{"memory": newMem(t).Addr(), "dovecot": d.Addr()}
}

func TestAppendThenFindByMessageID(t *testing.T) {
	for name, addr := range appendServers(t) {
		t.Run(name, func(t *testing.T) {
			stats := &inbox.Stats{}
			conn := dial(t, optionsFor(t, addr), stats)
			raw := testMail(7, "Nudge")
			if found, err := conn.HasMessageID("INBOX", "msg-7@example.org"); err != nil || found {
				t.Fatalf("before APPEND: found %v, %v", found, err)
			}
			if err := conn.Append("INBOX", raw, []imap.Flag{imap.FlagDraft}, testNow); err != nil {
				t.Fatal(err)
			}
			if found, err := conn.HasMessageID("INBOX", "msg-7@example.org"); err != nil || !found {
				t.Fatalf("after APPEND: found %v, %v", found, err)
			}
			if found, _ := conn.HasMessageID("INBOX", "msg-7@example.or"); found {
				t.Error("a Message-ID that is only a prefix of the stored one was found")
			}
			if got := stats.Snapshot().Appends; got != 1 {
				t.Errorf("appends = %d, want 1", got)
			}
			if err := conn.Append("No Such Folder", raw, nil, time.Time{}); err == nil {
				t.Error("APPEND to a missing folder succeeded")
			}
			if err := conn.Append("INBOX", testMail(8, "Keep me"), nil, testNow); err != nil {
				t.Fatal(err)
			}
			if err := conn.RemoveMessageID("INBOX", "msg-7@example.org"); err != nil {
				t.Fatal(err)
			}
			if found, _ := conn.HasMessageID("INBOX", "msg-7@example.org"); found {
				t.Error("the removed message is still there")
			}
			if found, _ := conn.HasMessageID("INBOX", "msg-8@example.org"); !found {
				t.Error("another message was removed with it")
			}
			if err := conn.RemoveMessageID("INBOX", "msg-7@example.org"); err != nil {
				t.Errorf("removing what is already gone: %v", err)
			}
		})
	}
}
