package inbox_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/emersion/go-imap/v2/imapclient"

	"gratitude/inbox"
)

// The capture folder is found by the capture address's detail, in any
// case, at the top or under INBOX; a configured one must exist; none is
// no error.
func TestFindFoldersFindsTheCaptureFolder(t *testing.T) {
	srv := newMem(t)
	adminDo(t, srv.Addr(), func(c *imapclient.Client) error {
		for _, name := range []string{"INBOX/Thanks", "Asks", "thanksgiving"} {
			if err := c.Create(name, nil).Wait(); err != nil {
				return err
			}
		}
		return nil
	})
	conn := dial(t, optionsFor(t, srv.Addr()), nil)
	for _, tt := range []struct {
		want    inbox.Folders
		capture string
	}{
		{inbox.Folders{CaptureDetail: "thanks"}, "INBOX/Thanks"},
		{inbox.Folders{CaptureDetail: "ASKS"}, "Asks"},
		{inbox.Folders{CaptureDetail: "thank"}, ""},
		{inbox.Folders{CaptureDetail: "Drafts"}, ""}, // a folder in use for something else is none
		{inbox.Folders{}, ""},
		{inbox.Folders{Capture: "Asks", CaptureDetail: "thanks"}, "Asks"},
	} {
		got, err := conn.FindFolders(tt.want)
		if err != nil || got.Capture != tt.capture || got.Sent != "Sent" {
			t.Errorf("%+v: capture %q, sent %q, err %v; want capture %q", tt.want, got.Capture, got.Sent, err, tt.capture)
		}
	}
	got, err := conn.FindFolders(inbox.Folders{Capture: "Requests"})
	var fe inbox.FoldersError
	if !errors.As(err, &fe) || got.Capture != "" || got.Sent != "Sent" || got.Drafts != "Drafts" ||
		!strings.Contains(fe.About("capture.folder"), `folder "Requests" not found on the server (it has: `) {
		t.Errorf("a configured capture folder that does not exist: %+v, %v; want it named under capture.folder", got, err)
	}
	if _, err := conn.FindFolders(inbox.Folders{Capture: "INBOX"}); !strings.Contains(fmt.Sprint(err), "capture.folder") {
		t.Errorf("INBOX as the capture folder: %v; want refused under capture.folder", err)
	}
}
