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
	// Capture is where the server files capture mail ("" = nowhere): read
	// like INBOX, and what is read there counts as sent to the capture
	// address.
	Capture string `json:"capture,omitempty"`
	// CaptureDetail is wanted only: with Capture empty, the folder of this
	// name (see findCapture) is the capture folder, if the server has one.
	CaptureDetail string `json:"-"`
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
// the key to set. The capture folder is optional: found by its detail when
// not configured, and left empty when there is none.
func (conn *Conn) FindFolders(want Folders) (Folders, error) {
	list, err := conn.listAll()
	if err != nil {
		return want, err
	}
	got := Folders{Inbox: want.Inbox}
	if got.Inbox == "" {
		got.Inbox = "INBOX"
	}
	var problems FoldersError
	pick := func(key, configured string, attr imap.MailboxAttr, common []string) string {
		name, err := resolveFolder(list, configured, attr, common)
		if err != nil {
			problems = append(problems, FolderProblem{key, err.Error()})
		}
		return name
	}
	got.Inbox = pick("imap.mailboxes.inbox", got.Inbox, "", nil)
	got.Sent = pick("imap.mailboxes.sent", want.Sent, imap.MailboxAttrSent, commonSent)
	got.Drafts = pick("imap.mailboxes.drafts", want.Drafts, imap.MailboxAttrDrafts, commonDrafts)
	got.Capture = pickCapture(list, want, got, &problems)
	if len(problems) > 0 {
		return got, problems
	}
	return got, nil
}

// FolderProblem is a folder FindFolders could not resolve: the config key
// that names it, and why.
type FolderProblem struct {
	Key     string // imap.mailboxes.sent, capture.folder, ...
	Problem string
}

// FoldersError is every folder FindFolders could not resolve.
type FoldersError []FolderProblem

// Error lists the problems, each after its key.
func (e FoldersError) Error() string {
	parts := make([]string, len(e))
	for i, p := range e {
		parts[i] = p.Key + ": " + p.Problem
	}
	return "imap: " + strings.Join(parts, "; ")
}

// About is the problem with the folder key names, "" when it has none.
func (e FoldersError) About(key string) string {
	for _, p := range e {
		if p.Key == key {
			return p.Problem
		}
	}
	return ""
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

// pickCapture resolves the capture folder: the configured one must exist;
// else the one named after the detail, if any. It must be none of the
// other folders, or the owner's every message there would be an ask.
func pickCapture(list []*imap.ListData, want, got Folders, problems *FoldersError) string {
	if want.Capture == "" {
		name := findCapture(list, want.CaptureDetail)
		if name == got.Inbox || name == got.Sent || name == got.Drafts {
			return "" // a folder named so, but in use for something else
		}
		return name
	}
	name, err := resolveFolder(list, want.Capture, "", nil)
	if err == nil && (name == got.Inbox || name == got.Sent || name == got.Drafts) {
		err = fmt.Errorf("%q is also where your other mail is, so all of yours there would count as asks; "+
			"name a folder only capture mail is filed in, or off", name)
	}
	if err != nil {
		*problems = append(*problems, FolderProblem{"capture.folder", err.Error()})
		return ""
	}
	return name
}

// findCapture finds the folder named detail, at the top or as a child of
// INBOX (with the server's delimiter), in any case; "" when there is none
// or detail is empty. A name that matches exactly wins.
func findCapture(list []*imap.ListData, detail string) string {
	if detail == "" {
		return ""
	}
	found := ""
	for _, l := range list {
		if slices.Contains(l.Attrs, imap.MailboxAttrNoSelect) || slices.Contains(l.Attrs, imap.MailboxAttrNonExistent) {
			continue
		}
		name := l.Mailbox
		if l.Delim != 0 {
			if parent, child, ok := strings.Cut(name, string(l.Delim)); ok && strings.EqualFold(parent, "INBOX") {
				name = child
			}
		}
		switch {
		case name == detail:
			return l.Mailbox
		case found == "" && strings.EqualFold(name, detail):
			found = l.Mailbox
		}
	}
	return found
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
