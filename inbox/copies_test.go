package inbox_test

import (
	"bytes"
	"slices"
	"testing"
)

// CopiesOf finds every copy of a Message-ID in a folder with its whole
// header, and RemoveCopies deletes them and nothing
// else; SearchableFolders lists the folders they could be in.
func TestCopiesOfFindsEachCopyAndRemoveCopiesTakesOnlyThem(t *testing.T) {
	for name, addr := range appendServers(t) {
		t.Run(name, func(t *testing.T) {
			conn := dial(t, optionsFor(t, addr), nil)
			copy1 := append([]byte("Delivered-To: ada+thanks@example.org\r\n"), testMail(7, "Capture test")...)
			for _, raw := range [][]byte{copy1, testMail(7, "Capture test"), testMail(8, "Keep me")} {
				if err := conn.Append("INBOX", raw, nil, testNow); err != nil {
					t.Fatal(err)
				}
			}
			copies, err := conn.CopiesOf("INBOX", "msg-7@example.org")
			if err != nil || len(copies) != 2 {
				t.Fatalf("CopiesOf: %d copies, %v; want 2", len(copies), err)
			}
			if !bytes.HasPrefix(copies[0].Header, []byte("Delivered-To: ada+thanks@example.org\r\n")) ||
				!bytes.Contains(copies[1].Header, []byte("Message-ID: <msg-7@example.org>")) || copies[0].Mailbox != "INBOX" {
				t.Errorf("headers:\n%s\n%s", copies[0].Header, copies[1].Header)
			}
			if bytes.Contains(copies[0].Header, []byte("\r\n\r\n\r\n")) {
				t.Error("the header runs into the body")
			}
			if none, err := conn.CopiesOf("INBOX", "msg-9@example.org"); err != nil || len(none) != 0 {
				t.Errorf("CopiesOf a Message-ID nobody has: %d, %v", len(none), err)
			}
			folders, err := conn.SearchableFolders()
			if err != nil || !slices.Contains(folders, "INBOX") {
				t.Errorf("SearchableFolders: %q, %v", folders, err)
			}
			done, err := conn.RemoveCopies("INBOX", "msg-7@example.org")
			if err != nil || done.Count != 2 || !done.Expunged {
				t.Fatalf("RemoveCopies: %+v, %v; want 2 expunged (the server has UIDPLUS)", done, err)
			}
			if left, _ := conn.CopiesOf("INBOX", "msg-7@example.org"); len(left) != 0 {
				t.Errorf("%d copies left", len(left))
			}
			if found, _ := conn.HasMessageID("INBOX", "msg-8@example.org"); !found {
				t.Error("another message was removed with them")
			}
			if done, err := conn.RemoveCopies("INBOX", "msg-7@example.org"); err != nil || done.Count != 0 {
				t.Errorf("removing what is already gone: %+v, %v", done, err)
			}
		})
	}
}
