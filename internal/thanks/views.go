package thanks

import (
	"gratitude"
	"gratitude/internal/owner"
	"gratitude/templates"
)

func requestView(r gratitude.Request) templates.Request {
	v := templates.Request{ID: r.ID, Subject: r.Subject, AskedAt: r.AskedAt, ResolvedAt: r.ResolvedAt}
	for _, a := range r.Asked {
		v.Asked = append(v.Asked, templates.Person{Name: a.Name, Email: a.Email})
	}
	for _, h := range r.Helpers {
		v.Helpers = append(v.Helpers, templates.Helper{Person: templates.Person{Name: h.Name, Email: h.Email},
			Excerpt: h.Excerpt, FirstReplyAt: h.FirstReplyAt, Replies: h.Replies, Thanked: h.Thanked()})
	}
	return v
}

func cardDrafts(ds []gratitude.Draft) []templates.CardDraft {
	out := make([]templates.CardDraft, 0, len(ds))
	for _, d := range ds {
		out = append(out, templates.CardDraft{ID: d.ID, Helper: templates.Person{Name: d.To.Name, Email: d.To.Email},
			Text: d.Text, State: string(d.State)})
	}
	return out
}

func alreadyView(ts []owner.Thanked) []templates.AlreadyThanked {
	var out []templates.AlreadyThanked
	for _, t := range ts {
		out = append(out, templates.AlreadyThanked{Helper: templates.Person{Name: t.Who.Name, Email: t.Who.Email}, At: t.At})
	}
	return out
}
