package inbox_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// updateHostile rewrites testdata/hostile from the generator below:
//
//	go test ./inbox -run TestHostileCorpusIsGenerated -update-hostile
var updateHostile = flag.Bool("update-hostile", false, "rewrite testdata/hostile from the generator")

// hostileDir holds the stored hostile messages.
var hostileDir = filepath.Join("..", "testdata", "hostile")

// maxStoredHostile is the largest message kept as a file; bigger ones are
// built by the tests each time instead of being committed.
const maxStoredHostile = 64 << 10

// hostileCase is one hostile or broken message and how it is made.
type hostileCase struct {
	name  string        // file name without ".eml"
	about string        // one line for the README
	build func() []byte // deterministic
	big   bool          // built by the tests, never stored
}

// hostileCases is every hostile message, stored and generated.
func hostileCases() []hostileCase {
	var all []hostileCase
	for _, group := range [][]hostileCase{mimeCases(), textCases(), headerCases(), trustCases(), bigCases()} {
		all = append(all, group...)
	}
	return all
}

// hostileMessage is a hostile case's bytes, ready to classify.
type hostileMessage struct {
	name string
	raw  []byte
}

// loadHostile reads the stored messages and builds the big ones.
func loadHostile(t *testing.T) []hostileMessage {
	t.Helper()
	var out []hostileMessage
	for _, c := range hostileCases() {
		if c.big {
			out = append(out, hostileMessage{c.name, c.build()})
			continue
		}
		raw, err := os.ReadFile(filepath.Join(hostileDir, c.name+".eml"))
		if err != nil {
			t.Fatalf("%v (regenerate with -update-hostile)", err)
		}
		out = append(out, hostileMessage{c.name, raw})
	}
	return out
}

func TestHostileCorpusIsGenerated(t *testing.T) {
	cases := hostileCases()
	if stored := len(cases) - countBig(cases); stored < 30 {
		t.Fatalf("%d stored hostile messages, want at least 30", stored)
	}
	want := map[string][]byte{"README.md": hostileReadme(cases)}
	for _, c := range cases {
		if !c.big {
			want[c.name+".eml"] = c.build()
		}
	}
	if *updateHostile {
		writeHostile(t, want)
	}
	for name, data := range want {
		if len(data) > maxStoredHostile {
			t.Errorf("%s is %d bytes: mark it big instead of storing it", name, len(data))
		}
		got, err := os.ReadFile(filepath.Join(hostileDir, name))
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s differs from its generator (run with -update-hostile): %v", name, err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(hostileDir, "*.eml"))
	for _, f := range files {
		if _, ok := want[filepath.Base(f)]; !ok {
			t.Errorf("%s has no generator", f)
		}
	}
}

func countBig(cases []hostileCase) int {
	n := 0
	for _, c := range cases {
		if c.big {
			n++
		}
	}
	return n
}

func writeHostile(t *testing.T, files map[string][]byte) {
	t.Helper()
	if err := os.MkdirAll(hostileDir, 0o755); err != nil {
		t.Fatal(err)
	}
	old, _ := filepath.Glob(filepath.Join(hostileDir, "*.eml"))
	for _, f := range old {
		os.Remove(f)
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(hostileDir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// hostileReadme lists every case with what it is.
func hostileReadme(cases []hostileCase) []byte {
	var b strings.Builder
	b.WriteString(readmeHead)
	b.WriteString("| file | what it is |\n|---|---|\n")
	for _, c := range cases {
		if !c.big {
			fmt.Fprintf(&b, "| `%s.eml` | %s |\n", c.name, c.about)
		}
	}
	b.WriteString("\nBuilt by the tests on every run, never stored (too big to commit):\n\n")
	b.WriteString("| name | what it is |\n|---|---|\n")
	for _, c := range cases {
		if c.big {
			fmt.Fprintf(&b, "| `%s` | %s |\n", c.name, c.about)
		}
	}
	return []byte(b.String())
}

const readmeHead = `# Hostile and broken messages

Messages built to break a mail reader: truncated and malformed MIME, lying
charsets, NUL bytes, huge headers, forged owner mail. Every file is made by
the generator in ` + "`inbox/hostile_*_test.go`" + ` (never edit one by hand;
change the generator and run
` + "`go test ./inbox -run TestHostileCorpusIsGenerated -update-hostile`" + `,
which also rewrites this README). Nothing here is real mail: the people and
addresses are those of ` + "`testdata/corpus/README.md`" + `'s world.

` + "`inbox/hostile_test.go`" + ` classifies each one as the sync engine does
(header fields first, capped as a FETCH is, then the capped body when the
verdict asks) and asserts a class and reason, bounded time and memory;
` + "`inbox/hostile_sync_test.go`" + ` syncs them all from an in-memory IMAP server.
Most are shaped to reach the body reader: replies in the thread of tracked
request 1 (` + "`<ask-budget@example.org>`" + `) or the owner's mail to the capture
address. The files are bytes, not text (` + "`.gitattributes`" + `): line ends,
NULs and invalid UTF-8 are the point.

`

// eml joins header lines and body lines with CRLF, a blank line between.
func eml(head []string, body ...string) []byte {
	return []byte(strings.Join(head, "\r\n") + "\r\n\r\n" + strings.Join(body, "\r\n"))
}

// replyHead is Alice answering the tracked budget ask (request 1).
func replyHead(id string, extra ...string) []string {
	return slices.Concat([]string{
		"From: Alice Martin <alice@example.net>",
		"To: Ada Lovelace <ada@example.org>",
		"Subject: Re: Budget review for Q1",
		"Date: Fri, 20 Nov 2026 10:00:00 +0100",
		"Message-ID: <" + id + "@example.net>",
		"In-Reply-To: <ask-budget@example.org>",
		"References: <ask-budget@example.org>",
		"MIME-Version: 1.0",
	}, extra)
}

// askHead is Ada asking Grace, with the capture address in Bcc.
func askHead(id string, extra ...string) []string {
	return slices.Concat([]string{
		"From: Ada Lovelace <ada@example.org>",
		"To: Grace Hopper <grace@example.com>",
		"Bcc: ada+thanks@example.org",
		"Subject: Can you look at my piano?",
		"Date: Fri, 20 Nov 2026 09:00:00 +0100",
		"Message-ID: <" + id + "@example.org>",
		"MIME-Version: 1.0",
	}, extra)
}
