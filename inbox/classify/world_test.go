package classify_test

import (
	"bytes"
	"slices"
	"strings"
	"time"

	"gratitude"
	"gratitude/inbox/classify"
)

var berlin, _ = time.LoadLocation("Europe/Berlin")

// corpusOwner and corpusContext are the fixed world the corpus is written
// in (testdata/corpus/README.md), as the inbox tests' corpusOwner and
// corpusBatch give it.
func corpusOwner() classify.Owner {
	return classify.Owner{
		Addresses:    []string{"ada@example.org", "ada.lovelace@example.com"},
		Capture:      "ada+thanks@example.org",
		SubjectTags:  []string{"[help]"},
		Keywords:     []string{"gratitude"},
		Location:     berlin,
		NoReplyAfter: 72 * time.Hour,
		Sent:         "Sent",
	}
}

func corpusContext() *classify.Context {
	req := func(id int64, subject, norm string, at time.Time, asked ...string) gratitude.Request {
		r := gratitude.Request{ID: id, Subject: subject, NormSubject: norm, AskedAt: at, State: gratitude.StateOpen}
		for _, a := range asked {
			r.Asked = append(r.Asked, gratitude.Address{Email: a})
		}
		return r
	}
	return &classify.Context{
		Threads: map[string]int64{
			"ask-budget@example.org": 1, "ask-berlin@example.org": 2,
			"ask-plombier@example.org": 3, "ask-abogado@example.org": 4,
			"gratitude.nudge.1.x9@example.org": 1, "gratitude.card.2.k3@example.org": 2,
		},
		Own: map[string]int64{"gratitude.nudge.1.x9@example.org": 1, "gratitude.card.2.k3@example.org": 2},
		Recent: []gratitude.Request{
			req(1, "Budget review for Q1", "budget review for q1", time.Date(2026, 11, 16, 8, 12, 0, 0, time.UTC), "alice@example.net", "bob@example.com"),
			req(2, "Moving to Berlin, any advice?", "moving to berlin, any advice?", time.Date(2026, 11, 10, 9, 0, 0, 0, time.UTC), "carol@beispiel.de", "dan@example.net", "erin@example.com"),
			req(3, "Recommandation pour un plombier", "recommandation pour un plombier", time.Date(2026, 11, 12, 9, 0, 0, 0, time.UTC), "francoise@exemple.fr"),
			req(4, "¿Conoces un buen abogado?", "¿conoces un buen abogado?", time.Date(2026, 11, 13, 9, 0, 0, 0, time.UTC), "jose@ejemplo.es"),
		},
	}
}

// headerFields answers BODY.PEEK[HEADER.FIELDS (classify.HeaderFields)] for
// raw the way a tolerant IMAP server does, keeping the fields' bytes as they
// are (NULs, bare CRs, invalid UTF-8): the header block ends at the first
// empty line, a line starting with white space continues the field before
// it, a line without a colon is no field. (The sync engine's cap on the
// block's size is inbox's, tested there.)
func headerFields(raw []byte) []byte {
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
			keep = ok && slices.ContainsFunc(classify.HeaderFields, func(f string) bool {
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
	return append(out, "\r\n"...)
}
