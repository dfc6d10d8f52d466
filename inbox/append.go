package inbox

import (
	"fmt"
	"time"

	"github.com/emersion/go-imap/v2"
)

// Append stores raw in mailbox with the flags (RFC 3501 APPEND), under the
// watchdog: how notifications reach the INBOX and drafts reach Drafts.
func (conn *Conn) Append(mailbox string, raw []byte, flags []imap.Flag, date time.Time) error {
	return conn.guard("APPEND to "+mailbox, func() error {
		cmd := conn.c.Append(mailbox, int64(len(raw)), &imap.AppendOptions{Flags: flags, Time: date})
		if _, err := cmd.Write(raw); err != nil {
			cmd.Close()
			return fmt.Errorf("imap: APPEND to %s: %w", mailbox, err)
		}
		if err := cmd.Close(); err != nil {
			return fmt.Errorf("imap: APPEND to %s: %w", mailbox, err)
		}
		if _, err := cmd.Wait(); err != nil {
			return fmt.Errorf("imap: APPEND to %s: %w", mailbox, err)
		}
		conn.stats.Appends.Add(1)
		return nil
	})
}

// HasMessageID reports whether mailbox holds a message with the
// Message-ID (without angle brackets): how a retried APPEND after a crash
// finds out it already happened. It selects the mailbox.
func (conn *Conn) HasMessageID(mailbox, messageID string) (bool, error) {
	var found bool
	err := conn.guard("SEARCH in "+mailbox, func() error {
		if _, err := conn.c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
			return fmt.Errorf("imap: SELECT %s: %w", mailbox, err)
		}
		criteria := &imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "Message-ID", Value: "<" + messageID + ">"}}}
		data, err := conn.c.UIDSearch(criteria, nil).Wait()
		if err != nil {
			return fmt.Errorf("imap: SEARCH %s for Message-ID %s: %w", mailbox, messageID, err)
		}
		found = len(data.AllUIDs()) > 0
		return nil
	})
	return found, err
}
