package inbox_test

import (
	"bytes"
	"slices"
	"strings"
	"time"

	"gratitude/inbox"
	"gratitude/inbox/classify"
)

// fetchedFields answers BODY.PEEK[HEADER.FIELDS (inbox.HeaderFields)] for
// raw the way a tolerant IMAP server does, then keeps of the answer what the
// engine's fetch keeps (inbox.FetchedHeaderBlock). Unlike corpus_test.go's
// fetchedHeader it never fails and keeps the fields' bytes as they are
// (NULs, bare CRs, invalid UTF-8): the header block ends at the first empty
// line, a line starting with white space continues the field before it, a
// line without a colon is no field.
func fetchedFields(raw []byte) []byte {
	var out []byte
	keep := false
	for rest := raw; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line = rest[:i+1]
		}
		rest = rest[len(line):]
		if len(bytes.TrimRight(line, "\r\n")) == 0 {
			break
		}
		if line[0] != ' ' && line[0] != '\t' {
			name, _, ok := bytes.Cut(line, []byte(":"))
			keep = ok && slices.ContainsFunc(inbox.HeaderFields, func(f string) bool {
				return strings.EqualFold(f, string(bytes.TrimSpace(name)))
			})
		}
		if keep {
			out = append(out, line...)
			if line[len(line)-1] != '\n' {
				out = append(out, "\r\n"...)
			}
		}
	}
	out = append(out, "\r\n"...)
	return bytes.Clone(inbox.FetchedHeaderBlock(out))
}

// fetchedBody is what BODY.PEEK[]<0.limit> returns of raw.
func fetchedBody(raw []byte) []byte { return raw[:min(len(raw), inbox.FetchBodyLimit)] }

// hostileResult is what classifying one message as the engine does gave.
type hostileResult struct {
	verdict   inbox.Verdict
	bodyAsked bool   // the first verdict asked for the body
	input     int    // bytes the engine held: the capped header, plus the capped body when fetched
	panicked  string // the panic and its stack, when classification panicked
}

// classifyFetched classifies raw as the sync engine does: the capped
// header fields first, then, when the verdict asks, the capped body.
func classifyFetched(hdr, body []byte, size int64) hostileResult {
	return classifyFetchedIn("INBOX", hdr, body, size)
}

// classifyFetchedIn is classifyFetched for a message read from mailbox.
func classifyFetchedIn(mailbox string, hdr, body []byte, size int64) hostileResult {
	m := &inbox.Message{Mailbox: mailbox, UIDValidity: 1, UID: 1, Header: classify.ParseHeader(hdr),
		InternalDate: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC), Size: size}
	rules := &inbox.Rules{Owner: corpusOwner()}
	b := corpusBatch()
	res := hostileResult{verdict: rules.Classify(m, b), input: len(hdr)}
	if !res.verdict.NeedBody {
		return res
	}
	res.bodyAsked, res.input = true, len(hdr)+len(body)
	m.Body = body
	res.verdict = rules.Classify(m, b)
	return res
}
