package inbox

import (
	"fmt"
	"slices"

	"github.com/emersion/go-imap/v2"
)

// Copy is one message found in a folder by its Message-ID: where, and its
// whole header as the server stored it (delivery fields included).
type Copy struct {
	Mailbox string
	UID     imap.UID
	Header  []byte
}

// CopiesOf finds the messages of mailbox with the Message-ID (without
// angle brackets) and fetches their headers, leaving them unread: how
// `gratitude check` sees what the server delivered. It selects the
// mailbox read-only.
func (conn *Conn) CopiesOf(mailbox, messageID string) ([]Copy, error) {
	var out []Copy
	err := conn.guard("SEARCH in "+mailbox, func() error {
		uids, err := conn.searchMessageID(mailbox, messageID, true)
		if err != nil || len(uids) == 0 {
			return err
		}
		section := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, Peek: true}
		msgs, err := conn.c.Fetch(imap.UIDSetNum(uids...), &imap.FetchOptions{UID: true,
			BodySection: []*imap.FetchItemBodySection{section}}).Collect()
		if err != nil {
			return fmt.Errorf("imap: FETCH the header of %s in %s: %w", messageID, mailbox, err)
		}
		for _, m := range msgs {
			out = append(out, Copy{Mailbox: mailbox, UID: m.UID, Header: m.FindBodySection(section)})
		}
		return nil
	})
	return out, err
}

// searchMessageID selects mailbox (read-only when readOnly) and returns
// the UIDs of its messages with the Message-ID. The caller guards it.
func (conn *Conn) searchMessageID(mailbox, messageID string, readOnly bool) ([]imap.UID, error) {
	conn.selected = "" // not a sync's selection any more
	if _, err := conn.c.Select(mailbox, &imap.SelectOptions{ReadOnly: readOnly}).Wait(); err != nil {
		return nil, fmt.Errorf("imap: SELECT %s: %w", mailbox, err)
	}
	criteria := &imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "Message-ID", Value: "<" + messageID + ">"}}}
	data, err := conn.c.UIDSearch(criteria, nil).Wait()
	if err != nil {
		return nil, fmt.Errorf("imap: SEARCH %s for Message-ID %s: %w", mailbox, messageID, err)
	}
	return data.AllUIDs(), nil
}

// Removed is what RemoveCopies did in one folder.
type Removed struct {
	Count int // messages flagged
	// Expunged: they are gone (UIDPLUS, or IMAP4rev2, let them be
	// expunged by UID); else they stay flagged for the owner's client.
	Expunged bool
}

// RemoveCopies deletes the messages of mailbox with the Message-ID, as
// RemoveMessageID does, flagging them \Seen too: where the server cannot
// expunge by UID they stay behind flagged \Deleted, and must not show as
// unread mail in the meantime.
func (conn *Conn) RemoveCopies(mailbox, messageID string) (Removed, error) {
	return conn.removeMessageID(mailbox, messageID, imap.FlagDeleted, imap.FlagSeen)
}

// removeMessageID flags the messages of mailbox with the Message-ID and
// \Deleted (among flags), and expunges them by UID where the server can:
// never a plain EXPUNGE, which would take every message the owner flagged
// \Deleted with them.
func (conn *Conn) removeMessageID(mailbox, messageID string, flags ...imap.Flag) (Removed, error) {
	var done Removed
	err := conn.guard("removing from "+mailbox, func() error {
		uids, err := conn.searchMessageID(mailbox, messageID, false)
		if err != nil || len(uids) == 0 {
			return err // none: already gone
		}
		set := imap.UIDSetNum(uids...)
		store := &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: flags}
		if err := conn.c.Store(set, store, nil).Close(); err != nil {
			return fmt.Errorf("imap: flag %s in %s deleted: %w", messageID, mailbox, err)
		}
		done.Count = len(uids)
		if caps := conn.c.Caps(); caps.Has(imap.CapUIDPlus) || caps.Has(imap.CapIMAP4rev2) {
			if err := conn.c.UIDExpunge(set).Close(); err != nil {
				return fmt.Errorf("imap: expunge %s from %s: %w", messageID, mailbox, err)
			}
			done.Expunged = true
		}
		return nil
	})
	return done, err
}

// SearchableFolders names every folder a message can be in: all the
// server lists but those that cannot be selected and Gmail's "All Mail"
// (\All), which holds a copy of everything.
func (conn *Conn) SearchableFolders() ([]string, error) {
	list, err := conn.listAll()
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range list {
		if slices.Contains(l.Attrs, imap.MailboxAttrNoSelect) || slices.Contains(l.Attrs, imap.MailboxAttrNonExistent) ||
			slices.Contains(l.Attrs, imap.MailboxAttrAll) {
			continue
		}
		out = append(out, l.Mailbox)
	}
	return out, nil
}
