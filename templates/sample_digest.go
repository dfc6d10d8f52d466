package templates

import "time"

// sampleDigest is a late weekly digest with every section filled.
func sampleDigest() DigestView {
	people := samplePeople()
	r := sampleRequest()
	return DigestView{
		Now:       sampleNow,
		Since:     sampleNow.Add(-week),
		Late:      true,
		DueAt:     sampleNow.Add(-2 * time.Hour),
		OwnerName: sampleOwner,
		ReplyHint: `Reply "resolved 42" or "cancel 42" to act on a request from here.`,
		Open: []DigestRequest{{
			Request: Request{ID: 45, Subject: "Anyone have a spare bike pump?", AskedAt: sampleNow.Add(-2 * day), Asked: people[2:]},
			Age:     2 * day,
		}},
		Answered: []DigestRequest{{
			Request: Request{ID: 44, Subject: "Recommendations for a plumber", AskedAt: sampleNow.Add(-5 * day), Asked: people[:1], Helpers: r.Helpers[:1]},
			Age:     5 * day,
		}},
		Unthanked: []DigestRequest{{Request: r, Age: sampleNow.Sub(r.AskedAt), Unthanked: r.Helpers[1:]}},
		HelpedSince: []LedgerLine{
			{Person: people[0], Count: 2, Since: sampleNow.Add(-6 * day)},
			{Person: people[1], Count: 1, Since: sampleNow.Add(-6 * day)},
		},
		LongestUnthanked: []LedgerLine{{Person: people[1], Count: 1, Since: r.Helpers[1].FirstReplyAt}},
		NeverHelpedBack:  []LedgerLine{{Person: people[0], Count: 4, Since: time.Date(2026, time.March, 2, 0, 0, 0, 0, time.UTC)}},
		Failures: []Failure{{
			Kind: "thank-you", To: "bob@example.net", Subject: "Re: " + sampleSubject,
			Error: "550 5.1.1 mailbox unavailable", At: sampleNow.Add(-day),
		}},
	}
}
