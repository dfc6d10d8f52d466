package inbox

import (
	"fmt"
	"slices"
	"strings"

	"github.com/emersion/go-imap/v2"
)

// Folders names the mailboxes gratitude uses on the server.
type Folders struct {
	Inbox  string `json:"inbox"`
	Sent   string `json:"sent"`
	Drafts string `json:"drafts"`
}

// Common folder names, tried when the server marks no SPECIAL-USE folder.
var (
	commonSent = []string{"Sent", "Sent Items", "Sent Messages", "Sent Mail", "[Gmail]/Sent Mail",
		"[Google Mail]/Sent Mail", "INBOX.Sent", "INBOX/Sent", "Gesendet", "Gesendete Elemente",
		"Gesendete Objekte", "Envoyés", "Éléments envoyés", "Enviados", "Elementos enviados"}
	commonDrafts = []string{"Drafts", "[Gmail]/Drafts", "[Google Mail]/Drafts", "INBOX.Drafts",
		"INBOX/Drafts", "Entwürfe", "Brouillons", "Borradores"}
)

// FindFolders lists the server's mailboxes and resolves the ones gratitude
// needs: a configured name must exist; an empty one is found by SPECIAL-USE
// attribute, then by common names. A folder not found is an error naming
// the key to set.
func (conn *Conn) FindFolders(want Folders) (Folders, error) {
	list, err := conn.listAll()
	if err != nil {
		return want, err
	}
	got := Folders{Inbox: want.Inbox}
	if got.Inbox == "" {
		got.Inbox = "INBOX"
	}
	var problems []string
	pick := func(key, configured string, attr imap.MailboxAttr, common []string) string {
		name, err := resolveFolder(list, configured, attr, common)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", key, err))
		}
		return name
	}
	got.Inbox = pick("imap.mailboxes.inbox", got.Inbox, "", nil)
	got.Sent = pick("imap.mailboxes.sent", want.Sent, imap.MailboxAttrSent, commonSent)
	got.Drafts = pick("imap.mailboxes.drafts", want.Drafts, imap.MailboxAttrDrafts, commonDrafts)
	if len(problems) > 0 {
		return got, fmt.Errorf("imap: %s", strings.Join(problems, "; "))
	}
	return got, nil
}

func (conn *Conn) listAll() ([]*imap.ListData, error) {
	var opts *imap.ListOptions
	if conn.c.Caps().Has(imap.CapSpecialUse) {
		opts = &imap.ListOptions{ReturnSpecialUse: true}
	}
	var list []*imap.ListData
	err := conn.guard("LIST", func() error {
		var err error
		list, err = conn.c.List("", "*", opts).Collect()
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("imap: list folders: %w", err)
	}
	return list, nil
}

// resolveFolder picks a folder from a LIST result; see FindFolders.
func resolveFolder(list []*imap.ListData, configured string, attr imap.MailboxAttr, common []string) (string, error) {
	if configured != "" {
		for _, l := range list {
			if l.Mailbox == configured || (strings.EqualFold(configured, "INBOX") && strings.EqualFold(l.Mailbox, "INBOX")) {
				return l.Mailbox, nil
			}
		}
		return "", fmt.Errorf("folder %q not found on the server (it has: %s)", configured, folderNames(list))
	}
	for _, l := range list {
		if slices.Contains(l.Attrs, attr) && !slices.Contains(l.Attrs, imap.MailboxAttrNoSelect) {
			return l.Mailbox, nil
		}
	}
	for _, name := range common {
		for _, l := range list {
			if strings.EqualFold(l.Mailbox, name) {
				return l.Mailbox, nil
			}
		}
	}
	return "", fmt.Errorf("no folder marked %s and none of the usual names (it has: %s); set it", attr, folderNames(list))
}

func folderNames(list []*imap.ListData) string {
	names := make([]string, 0, len(list))
	for _, l := range list {
		names = append(names, l.Mailbox)
	}
	if len(names) > 12 {
		names = append(names[:12], "…")
	}
	return strings.Join(names, ", ")
}
