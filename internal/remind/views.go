package remind

import (
	"time"

	"gratitude"
	"gratitude/templates"
)

func people(as []gratitude.Address) []templates.Person {
	out := make([]templates.Person, 0, len(as))
	for _, a := range as {
		out = append(out, templates.Person{Name: a.Name, Email: a.Email})
	}
	return out
}

func helpers(hs []gratitude.Helper) []templates.Helper {
	out := make([]templates.Helper, 0, len(hs))
	for _, h := range hs {
		out = append(out, templates.Helper{Person: templates.Person{Name: h.Name, Email: h.Email}, Excerpt: h.Excerpt,
			FirstReplyAt: h.FirstReplyAt, Replies: h.Replies, Thanked: h.Thanked()})
	}
	return out
}

func requestView(r gratitude.Request) templates.Request {
	return templates.Request{ID: r.ID, Subject: r.Subject, AskedAt: r.AskedAt, Asked: people(r.Asked),
		Helpers: helpers(r.Helpers), ResolvedAt: r.ResolvedAt}
}

func followUpView(owner string, r gratitude.Request, to []templates.Person, waited time.Duration) templates.FollowUpView {
	return templates.FollowUpView{OwnerName: owner, Subject: r.Subject, AskedAt: r.AskedAt, To: to, Waited: waited}
}

func digestView(d gratitude.Digest, owner string, dueAt time.Time, late bool) templates.DigestView {
	v := templates.DigestView{Now: d.Now, Since: d.Since, Late: late, DueAt: dueAt, OwnerName: owner,
		ReplyHint: "See every request with: gratitude list",
		Open:      digestRequests(d.Open, d.Now), Answered: digestRequests(d.Answered, d.Now),
		Unthanked: digestRequests(d.Unthanked, d.Now), HelpedSince: ledger(d.HelpedSince),
		LongestUnthanked: ledger(d.LongestUnthanked), NeverHelpedBack: ledger(d.NeverHelpedBack)}
	for _, f := range d.Failures {
		v.Failures = append(v.Failures, templates.Failure{Kind: f.Kind, To: f.To, Subject: f.Subject, Error: f.Error, At: f.At})
	}
	return v
}

func digestRequests(rs []gratitude.Request, now time.Time) []templates.DigestRequest {
	var out []templates.DigestRequest
	for _, r := range rs {
		out = append(out, templates.DigestRequest{Request: requestView(r), Age: now.Sub(r.AskedAt), Unthanked: helpers(r.Unthanked())})
	}
	return out
}

func ledger(ls []gratitude.LedgerLine) []templates.LedgerLine {
	var out []templates.LedgerLine
	for _, l := range ls {
		out = append(out, templates.LedgerLine{Person: templates.Person{Name: l.Who.Name, Email: l.Who.Email}, Count: l.Count, Since: l.At})
	}
	return out
}
