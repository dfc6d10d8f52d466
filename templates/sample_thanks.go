package templates

// sampleThanks is a thank-you to Alice, who answered within hours and has
// helped twice before.
func sampleThanks() ThanksView {
	alice := sampleRequest().Helpers[0]
	return ThanksView{
		OwnerName:      sampleOwner,
		OwnerFirstName: "Ada",
		Signature:      "Ada Lovelace\n+44 20 7946 0958",
		Helper:         alice.Person,
		Subject:        sampleSubject,
		AskedAt:        sampleAskedAt,
		Excerpt:        alice.Excerpt,
		TookFor:        alice.FirstReplyAt.Sub(sampleAskedAt),
		HelpedBefore:   2,
		Now:            sampleNow,
	}
}

// sampleThanksIn is the sample thank-you in lang, answering an excerpt in
// that language.
func sampleThanksIn(lang string) ThanksView {
	v := sampleThanks()
	v.Language = lang
	if ex, ok := sampleExcerpts[lang]; ok {
		v.Excerpt = ex
	}
	return v
}

// sampleExcerpts is what Alice wrote, in each language of the thank-you.
var sampleExcerpts = map[string]string{
	"de": "Ich kann um zehn da sein und bringe die Sackkarre mit.",
	"fr": "Je peux être là à dix heures, j'apporte le diable.",
	"es": "Puedo estar allí a las diez y llevo la carretilla.",
	"it": "Posso esserci alle dieci, porto io il carrello.",
	"pt": "Posso estar aí às dez e levo o carrinho de mão.",
	"nl": "Ik kan er om tien uur zijn en neem de steekwagen mee.",
}

// sampleCard is the approval card for the drafts to Alice and Bob; Carol
// helped outside the thread.
func sampleCard() CardView {
	r := sampleRequest()
	return CardView{
		OwnerName: sampleOwner,
		Request:   r,
		Drafts:    sampleDrafts(r),
		InDrafts:  true,
		NoDraft:   []Person{r.Asked[2]},
		ReplyHint: "Or on the command line: gratitude approve --request 42",
		Now:       sampleNow,
	}
}

// sampleDrafts returns pending drafts to the helpers of r.
func sampleDrafts(r Request) []CardDraft {
	return []CardDraft{
		{ID: 7, Helper: r.Helpers[0].Person, State: "pending", Text: "Hi Alice,\n\nThank you for your help with \"" + sampleSubject + "\". You wrote:\n\n> I can come at ten, I'll bring the trolley.\n\nThat was exactly what I needed.\nAnd not for the first time: you have helped me twice before, which I don't take for granted.\n\nAda\n"},
		{ID: 8, Helper: r.Helpers[1].Person, State: "pending", Text: "Bob,\n\nThank you, truly. Your help with \"" + sampleSubject + "\" meant a lot.\n\"The rails are in my garage, take them. The screws are in the blue box.\" was just what I needed to hear.\n\nAll the best,\nAda\n"},
	}
}
