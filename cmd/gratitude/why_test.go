package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// `why` tells what became of each message and which rule decided, in
// words and in JSON, and fails naming what to check for one never read.
func TestWhySaysWhatBecameOfAMessageAndWhy(t *testing.T) {
	w := newLoopWorld(t)
	answered(w)
	for id, want := range map[string][]string{
		"<r-alice@example.net>":  {"in INBOX (uid", `from alice@example.net, "Re: Budget review for Q1"`, "reply, request #1", "why: answer in a tracked thread"},
		"ooo-bob@example.com":    {"ignored, request #1", "why: auto-reply: Auto-Submitted: auto-replied"},
		"ask-budget@example.org": {"in Sent (uid", "ask, request #1"},
	} {
		r := w.cli("why", id)
		if r.code != 0 {
			t.Fatalf("why %s: exit %d\n%s", id, r.code, r.stderr)
		}
		for _, s := range want {
			if !strings.Contains(r.stdout, s) {
				t.Errorf("why %s does not say %q:\n%s", id, s, r.stdout)
			}
		}
	}
	r := w.cli("why", "--json", "ooo-bob@example.com")
	var v whyView
	if err := json.Unmarshal([]byte(r.stdout), &v); err != nil || len(v.Copies) != 1 || v.Copies[0].Class != "ignored" ||
		!strings.HasPrefix(v.Copies[0].Reason, "auto-reply") || v.Copies[0].RequestID != 1 || v.Copies[0].Mailbox != "INBOX" {
		t.Errorf("why --json: %v\n%s", err, r.stdout)
	}
	if r := w.cli("why", "never-seen@example.org"); r.code != 1 || !strings.Contains(r.stderr, "no message <never-seen@example.org> was read") {
		t.Errorf("why of a message never read: exit %d\n%s", r.code, r.stderr)
	}
}
