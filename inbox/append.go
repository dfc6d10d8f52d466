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
		uids, err := conn.searchMessageID(mailbox, messageID, true)
		found = len(uids) > 0
		return err
	})
	return found, err
}

// RemoveMessageID deletes the messages with the Message-ID from mailbox: a
// draft once its message was sent. They are flagged \Deleted and, where the
// server has UIDPLUS (or is IMAP4rev2), expunged by UID, so no other
// message the owner flagged \Deleted is expunged with them; elsewhere they
// stay flagged for the owner's client to expunge.
func (conn *Conn) RemoveMessageID(mailbox, messageID string) error {
	_, err := conn.removeMessageID(mailbox, messageID, imap.FlagDeleted)
	return err
}
