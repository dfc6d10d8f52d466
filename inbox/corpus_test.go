package inbox_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/inbox"
	"gratitude/inbox/classify"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-message/textproto"
	"go.yaml.in/yaml/v3"
)

// corpusExpect is one entry of testdata/corpus/expect.yaml.
type corpusExpect struct {
	Class           string            `yaml:"class"`
	Reason          string            `yaml:"reason"`
	Request         int64             `yaml:"request"`
	From            string            `yaml:"from"`
	Helper          *bool             `yaml:"helper"`
	ExcerptContains string            `yaml:"excerpt_contains"`
	ExcerptExcludes []string          `yaml:"excerpt_excludes"`
	Thanks          *bool             `yaml:"thanks"`
	Asked           []string          `yaml:"asked"`
	Subject         string            `yaml:"subject"`
	Options         map[string]any    `yaml:"options"`
	Forward         map[string]string `yaml:"forward"`
	NeedsSentCopy   bool              `yaml:"needs_sent_copy"`
	Mailbox         string            `yaml:"mailbox"`
	Flags           []string          `yaml:"flags"`
	Helpers         []string          `yaml:"helpers"`
	Client          string            `yaml:"client"`
	Language        string            `yaml:"language"`
	Notes           string            `yaml:"notes"`
}

var berlin, _ = time.LoadLocation("Europe/Berlin")

// corpusOwner and corpusBatch are the fixed world the corpus is written in
// (testdata/corpus/README.md).
func corpusOwner() inbox.Owner {
	return inbox.Owner{
		Addresses:    []string{"ada@example.org", "ada.lovelace@example.com"},
		Capture:      "ada+thanks@example.org",
		SubjectTags:  []string{"[help]"},
		Keywords:     []string{"gratitude"},
		Location:     berlin,
		NoReplyAfter: 72 * time.Hour,
		Sent:         "Sent",
	}
}

func corpusBatch() *inbox.Batch {
	req := func(id int64, subject, norm string, at time.Time, asked ...string) gratitude.Request {
		r := gratitude.Request{ID: id, Subject: subject, NormSubject: norm, AskedAt: at, State: gratitude.StateOpen}
		for _, a := range asked {
			r.Asked = append(r.Asked, gratitude.Address{Email: a})
		}
		return r
	}
	return &inbox.Batch{
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

// fetchedHeader keeps only the fields the sync engine fetches, so the test
// classifies exactly what the daemon would see.
func fetchedHeader(t *testing.T, raw []byte) []byte {
	t.Helper()
	h, err := textproto.ReadHeader(bufio.NewReader(bytes.NewReader(raw)))
	if err != nil {
		t.Fatalf("header: %v", err)
	}
	var keep textproto.Header
	fields := h.Fields()
	var kept [][2]string
	for fields.Next() {
		if slices.ContainsFunc(inbox.HeaderFields, func(f string) bool { return strings.EqualFold(f, fields.Key()) }) {
			kept = append(kept, [2]string{fields.Key(), fields.Value()})
		}
	}
	for i := len(kept) - 1; i >= 0; i-- { // Add prepends
		keep.Add(kept[i][0], kept[i][1])
	}
	var b bytes.Buffer
	if err := textproto.WriteHeader(&b, keep); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// classifyCorpus runs the classifier as the sync engine does: header
// fields first, the body only when asked for.
func classifyCorpus(t *testing.T, raw []byte, want corpusExpect) (inbox.Verdict, bool) {
	t.Helper()
	mailbox := want.Mailbox
	if mailbox == "" {
		mailbox = "INBOX"
	}
	m := &inbox.Message{Mailbox: mailbox, UIDValidity: 1, UID: 1, Header: classify.ParseHeader(fetchedHeader(t, raw)),
		InternalDate: time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC), Size: int64(len(raw))}
	for _, f := range want.Flags {
		m.Flags = append(m.Flags, imap.Flag(f))
	}
	rules := &inbox.Rules{Owner: corpusOwner()}
	b := corpusBatch()
	v := rules.Classify(m, b)
	if !v.NeedBody {
		return v, false
	}
	m.Body = raw
	return rules.Classify(m, b), true
}

func loadCorpus(t *testing.T) (string, map[string]corpusExpect) {
	t.Helper()
	dir := filepath.Join("..", "testdata", "corpus")
	data, err := os.ReadFile(filepath.Join(dir, "expect.yaml"))
	if err != nil {
		t.Fatalf("corpus expectations: %v", err)
	}
	var exp map[string]corpusExpect
	if err := yaml.Unmarshal(data, &exp); err != nil {
		t.Fatalf("expect.yaml: %v", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	if len(files) < 300 {
		t.Fatalf("corpus has %d messages, want at least 300 (step 9)", len(files))
	}
	for _, f := range files {
		if _, ok := exp[filepath.Base(f)]; !ok {
			t.Errorf("%s has no entry in expect.yaml", filepath.Base(f))
		}
	}
	return dir, exp
}

func TestCorpusClassification(t *testing.T) {
	dir, exp := loadCorpus(t)
	for name, want := range exp {
		t.Run(strings.TrimSuffix(name, ".eml"), func(t *testing.T) {
			raw, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			v, _ := classifyCorpus(t, raw, want)
			checkVerdict(t, want, v)
		})
	}
}
