package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"gratitude/internal/testmail"
)

// webStack is the attack stack (Ada's mailbox on Dovecot behind Postfix,
// her cast on example.org) with the web page on, and a week of Ada's mail:
// four requests in four states, the Q1 budget resolved with two helpers'
// thank-yous waiting.
type webStack struct {
	*attackStack
	base string // the page's address, http://127.0.0.1:PORT
	port int
}

// Who writes in the web stack's story.
const (
	adaFrom   = "Ada Lovelace <" + ada + ">"
	aliceFrom = "Alice Martin <alice@example.org>"
	bobFrom   = "Bob Chen <bob@example.org>"
	carolFrom = "Carol Schmidt <carol@example.org>"
	danFrom   = "Dan Okafor <dan@example.org>"
)

// newWebStack starts the stack with the web page on a free loopback port.
func newWebStack(t *testing.T) *webStack {
	t.Helper()
	s := newAttackStack(t)
	if err := s.dc.AddUser("dan@example.org", testPass); err != nil {
		t.Fatal(err)
	}
	port, err := testmail.FreePort()
	if err != nil {
		t.Fatal(err)
	}
	cfg := strings.Replace(readFile(t, s.config), `http: {listen: "off"}`, fmt.Sprintf(`http: {listen: "127.0.0.1:%d"}`, port), 1)
	writeFile(t, s.config, cfg)
	return &webStack{attackStack: s, base: fmt.Sprintf("http://127.0.0.1:%d", port), port: port}
}

// ask is Ada's ask, sent through Postfix to rcpts and the capture address,
// with its copy in Sent.
func (s *webStack) ask(id, to, subject, body string, d time.Duration, rcpts ...string) {
	s.t.Helper()
	raw := s.mail(adaFrom, to, subject, id, "", d, body, "Bcc: "+capture)
	s.adaSends(append(rcpts, capture), raw, id)
}

// reply is a helper's answer to Ada in the thread of inReplyTo.
func (s *webStack) reply(from, id, subject, inReplyTo, body string, d time.Duration) {
	s.t.Helper()
	s.submit(strings.Trim(from[strings.Index(from, "<"):], "<>"), []string{ada}, s.mail(from, adaFrom, "Re: "+subject, id, inReplyTo, d, body), id)
}

// story tells Ada's week: the grant summary (Carol helped, Ada thanked her
// herself: thanked), the offsite venue (Dan never answered: open, past its
// nudge), the projector (Bob answered: answered) and the Q1 budget (Alice
// and Carol answered; resolved, both thank-yous drafted). It returns the
// budget request's ID.
func (s *webStack) story() int64 {
	s.t.Helper()
	s.runOnce(-6 * 24 * time.Hour) // watching since before the week
	s.ask("ask-grant@example.org", carolFrom, "Proofread the grant summary", "Carol, could you proofread the one-page summary of the grant application? It goes out on Friday.\n\nAda", -5*24*time.Hour, "carol@example.org")
	s.reply(carolFrom, "r-carol-grant@example.org", "Proofread the grant summary", "<ask-grant@example.org>", "Hi Ada,\n\nDone: I tightened the second paragraph and fixed the budget table's totals.\n\nCarol", -5*24*time.Hour+3*time.Hour)
	s.ask("ask-venue@example.org", danFrom, "Venue ideas for the team offsite", "Dan, do you know a venue for twenty people in March, near a train station?\n\nAda", -4*24*time.Hour, "dan@example.org")
	s.ask("ask-projector@example.org", bobFrom, "Could I borrow your projector on Thursday?", "Bob, may I borrow the projector for Thursday's workshop?\n\nAda", -2*24*time.Hour, "bob@example.org")
	s.reply(bobFrom, "r-bob-projector@example.org", "Could I borrow your projector on Thursday?", "<ask-projector@example.org>", "Sure, it is in my office; the key is at the front desk.\n\nBob", -2*24*time.Hour+time.Hour)
	s.ask("ask-budget@example.org", aliceFrom+", "+bobFrom, "Budget review for Q1", "Could you two look at the Q1 budget before Friday?\n\nAda", 0, "alice@example.org", "bob@example.org")
	s.reply(aliceFrom, "r-alice@example.org", "Budget review for Q1", "<ask-budget@example.org>", "Hi Ada,\n\nThe travel line is counted twice; I fixed it in the sheet.\n\nAlice", 2*time.Hour)
	s.reply(carolFrom, "r-carol@example.org", "Budget review for Q1", "<ask-budget@example.org>", "Hi Ada,\n\nBob asked me to look too: the VAT on the catering is missing, so add 19 percent.\n\nCarol", 3*time.Hour)
	s.runOnce(4 * time.Hour)
	thanks := s.mail(adaFrom, carolFrom, "Re: Proofread the grant summary", "ty-carol-grant@example.org", "<r-carol-grant@example.org>",
		4*time.Hour+10*time.Minute, "Thank you, Carol! The totals would have embarrassed me.\n\nAda")
	s.adaSends([]string{"carol@example.org"}, thanks, "ty-carol-grant@example.org")
	s.runOnce(4*time.Hour + 20*time.Minute)
	ids := s.requestIDs()
	for _, subject := range []string{"Proofread the grant summary", "Budget review for Q1"} {
		if r := s.cli("--now", s.at(5*time.Hour), "resolve", fmt.Sprint(ids[subject])); r.code != 0 {
			s.t.Fatalf("resolve %q: exit %d\n%s", subject, r.code, r.stderr)
		}
	}
	return ids["Budget review for Q1"]
}

// at is the stack's clock: t0 plus d, as --now wants it.
func (s *webStack) at(d time.Duration) string { return s.t0.Add(d).Format(time.RFC3339) }

// cli runs a gratitude command on the stack's config.
func (s *webStack) cli(args ...string) result {
	s.t.Helper()
	return runBin(s.t, s.env, append([]string{"--config", s.config, "--log-format", "json"}, args...)...)
}

// requestIDs maps each request's subject to its ID.
func (s *webStack) requestIDs() map[string]int64 {
	s.t.Helper()
	var reqs []requestView
	r := s.cli("list", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &reqs); err != nil {
		s.t.Fatalf("list --json: %v\n%s%s", err, r.stdout, r.stderr)
	}
	ids := map[string]int64{}
	for _, q := range reqs {
		ids[q.Subject] = q.ID
	}
	return ids
}

// serve runs `gratitude run` at t0+d until the test ends and waits until
// the page answers.
func (s *webStack) serve(d time.Duration) *runningDaemon {
	s.t.Helper()
	cmd := exec.Command(binPath, "--config", s.config, "--log-format", "json", "--now", s.at(d), "run")
	cmd.Env = append(os.Environ(), s.env...)
	rd := &runningDaemon{cmd: cmd, stderr: &testmail.SyncBuffer{}, done: make(chan error, 1)}
	cmd.Stderr = rd.stderr
	if err := cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	go func() { rd.done <- cmd.Wait() }()
	s.t.Cleanup(func() {
		cmd.Process.Kill()
		<-rd.done
		if s.t.Failed() {
			s.t.Logf("daemon log:\n%s", rd.stderr.String())
		}
	})
	waitUntil(s.t, 30*time.Second, "the web page", func() bool {
		resp, err := http.Get(s.base + "/healthz")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil
	})
	return rd
}

// openLink runs `gratitude open --no-browser` and returns the link.
func (s *webStack) openLink() string {
	s.t.Helper()
	r := s.cli("open", "--no-browser")
	link := strings.TrimSpace(r.stdout)
	if r.code != 0 || !strings.HasPrefix(link, s.base+"/signin/") {
		s.t.Fatalf("open: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	return link
}

// thankYousIn counts Ada's thank-yous for the Q1 budget in user's INBOX.
func (s *webStack) thankYousIn(user string) int {
	s.t.Helper()
	n := 0
	for _, m := range s.folder(user, "INBOX") {
		if strings.Contains(m.header.Get("From"), ada) && m.header.Get("Subject") == "Re: Budget review for Q1" {
			n++
		}
	}
	return n
}

// draftStates maps each draft's helper to the draft's state, as `drafts
// --json` reads them from the database.
func (s *webStack) draftStates() map[string]string {
	s.t.Helper()
	var drafts []draftView
	r := s.cli("drafts", "--json")
	if err := json.Unmarshal([]byte(r.stdout), &drafts); err != nil {
		s.t.Fatalf("drafts --json: %v\n%s%s", err, r.stdout, r.stderr)
	}
	out := map[string]string{}
	for _, d := range drafts {
		out[d.To] = d.State
	}
	return out
}
