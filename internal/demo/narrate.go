package demo

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"gratitude"
	"gratitude/store"
)

// narrator tells, in plain words, what happened in the demo's store since
// it last looked: the real daemon's decisions, read back from its records.
type narrator struct {
	w       io.Writer
	st      *store.Store
	acct    int64
	loc     *time.Location
	seen    int64 // last message seq told about
	outbox  int64 // last outbox id told about
	reqs    map[int64]gratitude.Request
	drafts  map[int64]bool
	thanks  map[string]string // thank-you Message-ID → whom it thanks
	lastDay string
	later   []string // lines told after what was sent
}

func newNarrator(w io.Writer, st *store.Store, acct int64, loc *time.Location) *narrator {
	return &narrator{w: w, st: st, acct: acct, loc: loc, reqs: map[int64]gratitude.Request{}, drafts: map[int64]bool{},
		thanks: map[string]string{}}
}

// say prints one line of the story at a moment of the demo's clock.
func (n *narrator) say(at time.Time, format string, args ...any) {
	stamp := at.In(n.loc).Format("Mon 15:04")
	if day := stamp[:3]; day == n.lastDay {
		stamp = "   " + stamp[3:]
	} else {
		n.lastDay = day
	}
	fmt.Fprintf(n.w, "%s  %s\n", stamp, fmt.Sprintf(format, args...))
}

// gratitude prints what the program did, indented under the moment.
func (n *narrator) gratitude(format string, args ...any) {
	fmt.Fprintf(n.w, "           → %s\n", fmt.Sprintf(format, args...))
}

// observe tells what the last pass did.
func (n *narrator) observe(ctx context.Context) error {
	for _, step := range []func(context.Context) error{n.messages, n.requests, n.draftsWritten, n.sent} {
		if err := step(ctx); err != nil {
			return err
		}
	}
	for _, l := range n.later {
		n.gratitude("%s", l)
	}
	n.later = nil
	return nil
}

// messages tells about mail set aside (auto-replies, bounces, lists) and
// commands read.
func (n *narrator) messages(ctx context.Context) error {
	seen, err := n.st.SeenAfter(ctx, n.acct, n.seen)
	if err != nil {
		return err
	}
	for _, m := range seen {
		n.seen = m.Seq
		switch {
		case m.Class == gratitude.ClassIgnored && isMachine(m.Reason):
			n.gratitude("set aside %s's %q: %s, so nobody counts it as help", nameOf(m.From), m.Subject, m.Reason)
		case m.Class == gratitude.ClassCommand && m.Mailbox != "Sent":
			n.gratitude("read Ada's command mail %q", m.Subject)
		}
	}
	return nil
}

func isMachine(reason string) bool {
	for _, p := range []string{"auto-reply", "out-of-office", "bounce", "delivery-report", "mailing-list", "bulk"} {
		if strings.HasPrefix(reason, p) {
			return true
		}
	}
	return false
}

// requests tells about new requests, new helpers and state changes.
func (n *narrator) requests(ctx context.Context) error {
	reqs, err := n.st.Requests(ctx, n.acct, "")
	if err != nil {
		return err
	}
	for _, r := range reqs {
		old, known := n.reqs[r.ID]
		if !known {
			n.gratitude("tracks request #%d %q, asked of %s", r.ID, r.Subject, names(r.Asked))
		}
		for _, h := range r.Helpers {
			if old.Helper(h.Email) == nil {
				n.gratitude("%s helped with #%d: “%s”", nameOr(h.Name, h.Email), r.ID, clip(h.Excerpt, 70))
			}
		}
		switch {
		case known && old.State != r.State && r.State == gratitude.StateThanked:
			n.later = append(n.later, fmt.Sprintf("#%d is now %s", r.ID, stateWords(r.State)))
		case known && old.State != r.State:
			n.gratitude("#%d is now %s", r.ID, stateWords(r.State))
		}
		n.reqs[r.ID] = r
	}
	return nil
}

// languageName names a draft's language for the story.
func languageName(code string) string {
	names := map[string]string{"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian",
		"pt": "Portuguese", "nl": "Dutch"}
	if n, ok := names[code]; ok {
		return n
	}
	return "English"
}

// draftsWritten tells about new thank-you drafts, with their words.
func (n *narrator) draftsWritten(ctx context.Context) error {
	ds, err := n.st.Drafts(ctx, n.acct, 0)
	if err != nil {
		return err
	}
	for _, d := range ds {
		if !n.drafts[d.ID] {
			n.drafts[d.ID] = true
			n.thanks[d.MessageID] = nameOr(d.To.Name, d.To.Email)
			n.gratitude("wrote a thank-you to %s for #%d (draft %d, in %s), in reply to their message:", nameOr(d.To.Name, d.To.Email),
				d.RequestID, d.ID, languageName(d.Language))
			for _, l := range strings.Split(strings.TrimRight(d.Text, "\n"), "\n") {
				fmt.Fprintf(n.w, "               | %s\n", l)
			}
		}
	}
	return nil
}

// sent tells about what left the outbox.
func (n *narrator) sent(ctx context.Context) error {
	out, err := n.st.Outbox(ctx, n.acct)
	if err != nil {
		return err
	}
	for _, o := range out {
		if o.ID <= n.outbox {
			continue
		}
		n.outbox = o.ID
		if o.State == gratitude.OutFailed {
			n.gratitude("could not deliver a %s: %s", o.Kind, o.LastError)
			continue
		}
		if line := deliveryWords(o, n.thanks[o.MessageID]); line != "" {
			n.gratitude("%s", line)
		}
	}
	return nil
}

// deliveryWords says what one delivered message was, or "" to say
// nothing; whom is the helper a thank-you is for.
func deliveryWords(o gratitude.Outgoing, whom string) string {
	switch {
	case o.Kind == "nudge":
		return fmt.Sprintf("nudged Ada in her INBOX: nobody has answered #%d yet", o.RequestID)
	case o.Kind == "followup-draft":
		return "put a polite follow-up in Ada's Drafts, addressed and threaded, ready to send"
	case o.Kind == "card":
		return fmt.Sprintf("sent Ada an approval card for #%d: reply approve, skip or edit", o.RequestID)
	case o.Kind == "thank-you" && o.Target == gratitude.TargetSMTP:
		return fmt.Sprintf("sent the thank-you to %s from Ada's address, threaded under their reply", whom)
	case o.Kind == "thank-you" && o.Target == gratitude.TargetDrafts:
		return fmt.Sprintf("put the thank-you to %s in Ada's Drafts too", whom)
	case o.Kind == "thank-you" && o.Target == gratitude.TargetSent:
		return fmt.Sprintf("filed a copy of the thank-you to %s in Ada's Sent, and took its draft out of Drafts", whom)
	case gratitude.IsReminder(o.Kind), o.Kind == "digest", o.Kind == "status", o.Kind == "commands":
		return fmt.Sprintf("sent Ada a %s", strings.ReplaceAll(o.Kind, "-", " "))
	}
	return ""
}

func stateWords(s gratitude.State) string {
	switch s {
	case gratitude.StateThanked:
		return "thanked: every helper has been thanked"
	case gratitude.StateResolved:
		return "resolved"
	}
	return string(s)
}

func names(as []gratitude.Address) string {
	var out []string
	for _, a := range as {
		out = append(out, nameOr(a.Name, a.Email))
	}
	return strings.Join(out, " and ")
}

func nameOr(name, email string) string {
	if name != "" {
		return name
	}
	return nameOf(email)
}

// nameOf is the demo person's name for an address.
func nameOf(email string) string {
	for _, p := range demoCast {
		if strings.EqualFold(p.Email, email) {
			return p.Name
		}
	}
	return email
}

// clip cuts s to at most n runes, at a word, with "…".
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndex(cut, " "); i > n/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,.;:") + "…"
}
