package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
	"unicode"

	"gratitude"
)

// hostileSubject and hostileName carry bidi controls, an invisible
// character and a terminal escape sequence.
const (
	hostileSubject = "\u2066Invoice\u2067 paid\u2068\u2069 \x1b]0;owned\x07"
	hostileName    = "Alice\u202Eecila\u200B"
)

// checkShown fails when out keeps a bidi control, an invisible character
// or an escape, or lost the words around them.
func checkShown(t *testing.T, what, out string, words ...string) {
	t.Helper()
	bad := strings.IndexFunc(out, func(r rune) bool {
		return gratitude.Hidden(r) || (unicode.IsControl(r) && r != '\n')
	})
	if bad >= 0 {
		t.Errorf("%s keeps %+q:\n%s", what, out[bad:], out)
	}
	for _, w := range words {
		if !strings.Contains(out, w) {
			t.Errorf("%s lost %q:\n%s", what, w, out)
		}
	}
}

func TestCLIPrintsNamesAndSubjectsAsShown(t *testing.T) {
	at := time.Date(2025, 3, 14, 9, 0, 0, 0, time.UTC)
	req := requestView{ID: 7, Subject: hostileSubject, State: "answered", AskedAt: at,
		Asked:   []string{"bob@example.net"},
		Helpers: []helperView{{Email: "alice@example.org", Name: hostileName, Replies: 1, Excerpt: "Done\u202E.\nsee \u2066x\u2069"}}}
	var b strings.Builder
	printList(&b, []requestView{req}, time.UTC, 0)
	checkShown(t, "list", b.String(), "Invoice paid", "alice@example.org")
	b.Reset()
	data, _ := json.Marshal(map[string]any{"changes": []map[string]string{{"kind": "helper", "detail": hostileName}}})
	printShow(&b, req, []eventView{{At: at, Kind: "reply", Data: data}}, time.UTC)
	checkShown(t, "show", b.String(), "Invoice paid", "Aliceecila", "Done.\nsee x")
	b.Reset()
	printPeople(&b, []gratitude.Person{{Email: "alice@example.org", Name: hostileName}}, time.UTC)
	checkShown(t, "people", b.String(), "Aliceecila")
	b.Reset()
	printDrafts(&b, []draftView{{ID: 1, RequestID: 7, To: "alice@example.org", Subject: hostileSubject, Body: "Hi Alice\u202Eecila,\n\nthanks\n", State: "pending"}})
	checkShown(t, "drafts", b.String(), "Hi Aliceecila,", "thanks")
}
