package daemon

import (
	"errors"
	"fmt"
	"strings"

	"gratitude/inbox"
)

// watchOrder is the order of every pass: Sent first, so an ask is
// recorded before the replies to it are read; then the capture folder,
// where asks are filed, before INBOX, where replies arrive.
func watchOrder(f inbox.Folders) []string {
	if f.Capture == "" {
		return []string{f.Sent, f.Inbox}
	}
	return []string{f.Sent, f.Capture, f.Inbox}
}

// missingFolders says which folders the daemon goes on without, and what
// to do about each: Drafts (drafts are then shown on cards only) and a
// capture folder configured but not found (mail filed there is not read).
// err is FindFolders' error; nil when nothing is missing.
func missingFolders(want, found inbox.Folders, err error) error {
	var fe inbox.FoldersError
	errors.As(err, &fe)
	var missing []string
	if found.Drafts == "" {
		what := fmt.Sprintf("the Drafts folder %q does not exist on the server", want.Drafts)
		if want.Drafts == "" {
			what = "the server has no Drafts folder"
		}
		missing = append(missing, fmt.Sprintf("%s%s: create it, or set imap.mailboxes.drafts "+
			"to one that does; until then thank-you drafts are shown on approval cards only", what, because(fe.About("imap.mailboxes.drafts"))))
	}
	if want.Capture != "" && found.Capture == "" {
		missing = append(missing, fmt.Sprintf("the capture folder %q cannot be watched%s: create it, or set capture.folder "+
			"to the folder your server files capture mail in, or to off; until then mail filed there is not read",
			want.Capture, because(fe.About("capture.folder"))))
	}
	if len(missing) == 0 {
		return nil
	}
	return errors.New(strings.Join(missing, "; "))
}

// because puts why in parentheses after a space; "" stays "".
func because(why string) string {
	if why == "" {
		return ""
	}
	return " (" + why + ")"
}
