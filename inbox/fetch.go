package inbox

import (
	"fmt"

	"gratitude"
	"gratitude/inbox/classify"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

var headerSection = &imap.FetchItemBodySection{
	Specifier:    imap.PartSpecifierHeader,
	HeaderFields: classify.HeaderFields,
	Peek:         true,
}

// fetchHeaders streams the header fields of uids, one message at a time;
// every message received kicks the watchdog, so a long batch is bounded by
// silence, not by its total duration.
func (s *Syncer) fetchHeaders(conn *Conn, cur *gratitude.MailboxCursor, uids []imap.UID) ([]*Message, error) {
	opts := &imap.FetchOptions{
		UID: true, Flags: true, InternalDate: true, RFC822Size: true,
		BodySection: []*imap.FetchItemBodySection{headerSection},
	}
	msgs := make([]*Message, 0, len(uids))
	err := conn.guard("UID FETCH (headers)", func() error {
		cmd := conn.c.Fetch(imap.UIDSetNum(uids...), opts)
		for data := cmd.Next(); data != nil; data = cmd.Next() {
			conn.dog.kick()
			m, err := readHeaderItems(data)
			if err != nil {
				cmd.Close()
				return err
			}
			if m.UID == 0 {
				continue // an unsolicited FETCH (flag change) without UID
			}
			m.Mailbox, m.UIDValidity = cur.Mailbox, cur.UIDValidity
			s.Stats.HeaderFetches.Add(1)
			msgs = append(msgs, m)
		}
		return cmd.Close()
	})
	if err != nil {
		return nil, fmt.Errorf("imap: fetch headers from %q: %w", cur.Mailbox, err)
	}
	return msgs, nil
}

func readHeaderItems(data *imapclient.FetchMessageData) (*Message, error) {
	m := &Message{}
	for item := data.Next(); item != nil; item = data.Next() {
		switch item := item.(type) {
		case imapclient.FetchItemDataUID:
			m.UID = item.UID
		case imapclient.FetchItemDataFlags:
			m.Flags = item.Flags
		case imapclient.FetchItemDataInternalDate:
			m.InternalDate = item.Time
		case imapclient.FetchItemDataRFC822Size:
			m.Size = item.Size
		case imapclient.FetchItemDataBodySection:
			raw, err := readHeaderBlock(item.Literal)
			if err != nil {
				return nil, err
			}
			m.Header = classify.ParseHeader(raw)
		}
	}
	return m, nil
}

// fetchBodies fetches the (size-capped) bodies of msgs[i] for i in which.
func (s *Syncer) fetchBodies(conn *Conn, msgs []*Message, which []int) error {
	byUID := make(map[imap.UID]*Message, len(which))
	uids := make([]imap.UID, 0, len(which))
	for _, i := range which {
		byUID[msgs[i].UID] = msgs[i]
		uids = append(uids, msgs[i].UID)
	}
	section := &imap.FetchItemBodySection{Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: maxBodyBytes}}
	opts := &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}}
	err := conn.guard("UID FETCH (bodies)", func() error {
		cmd := conn.c.Fetch(imap.UIDSetNum(uids...), opts)
		for data := cmd.Next(); data != nil; data = cmd.Next() {
			conn.dog.kick()
			if err := readBodyItems(data, byUID); err != nil {
				cmd.Close()
				return err
			}
		}
		return cmd.Close()
	})
	if err != nil {
		return fmt.Errorf("imap: fetch bodies: %w", err)
	}
	s.Stats.BodyFetches.Add(int64(len(uids)))
	return nil
}

func readBodyItems(data *imapclient.FetchMessageData, byUID map[imap.UID]*Message) error {
	var uid imap.UID
	var body []byte
	for item := data.Next(); item != nil; item = data.Next() {
		switch item := item.(type) {
		case imapclient.FetchItemDataUID:
			uid = item.UID
		case imapclient.FetchItemDataBodySection:
			var err error
			if body, err = readLimited(item.Literal, maxBodyBytes); err != nil {
				return err
			}
		}
	}
	if m := byUID[uid]; m != nil {
		m.Body = body
	}
	return nil
}
