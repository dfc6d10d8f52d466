package main

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"
)

// aliceFromTwoAddresses has Alice answer the ask from her own address and
// from her work address, in the thread.
func aliceFromTwoAddresses(w *loopWorld) {
	w.watching()
	w.ownerSends(loopAsk(w), false)
	for i, r := range []struct{ from, id string }{
		{"Alice Martin <alice@example.net>", "r-alice@example.net"},
		{"Alice Martin <alice.m@work.example>", "r-alice@work.example"},
	} {
		w.put("INBOX", mailAt([]string{"From: " + r.from, "To: Ada Lovelace <ada@example.org>", "Subject: Re: Budget review for Q1",
			"Date: " + w.t0.Add(time.Duration(2+i)*time.Hour).Format(time.RFC1123Z), "Message-ID: <" + r.id + ">",
			"In-Reply-To: <ask-budget@example.org>", "Content-Type: text/plain; charset=utf-8"}, "Hi Ada,\n\nThe travel line is counted twice.\n"))
	}
	w.runOnce(4 * time.Hour)
}

// `people link` makes Alice's two addresses one person: `people --json`
// then has one row for her with both addresses, her help on the request
// counted once, and the fields it always had. Unknown addresses, an
// address linked to its own person and a word that is no address are
// refused; `people unlink` parts them again.
func TestPeopleLinkOnTheCommandLine(t *testing.T) {
	w := newLoopWorld(t)
	aliceFromTwoAddresses(w)
	if p := peopleByEmail(t, w); len(p) != 3 || p["alice.m@work.example"].HelpedMe != 1 {
		t.Fatalf("before linking: %+v", p)
	}
	r := w.cli("people", "link", "Alice.M@work.example", "alice@example.net")
	if r.code != 0 || !strings.Contains(r.stdout, "alice@example.net, alice.m@work.example") {
		t.Fatalf("people link: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	p := peopleByEmail(t, w)
	a := p["alice@example.net"]
	if len(p) != 2 || a.HelpedMe != 1 || a.Asked != 1 || !slices.Equal(a.Emails, []string{"alice@example.net", "alice.m@work.example"}) {
		t.Errorf("after linking: %+v; want Alice once, both addresses, helped once", p)
	}
	raw := w.cli("people", "--json").stdout
	for _, field := range []string{`"email"`, `"name"`, `"helped_me"`, `"thanked"`, `"asked"`, `"i_helped"`, `"last_help_at"`, `"emails"`, `"last_contact_at"`} {
		if !strings.Contains(raw, field) {
			t.Errorf("people --json lacks %s:\n%s", field, raw)
		}
	}
	if out := w.cli("people").stdout; !strings.Contains(out, "also alice.m@work.example") {
		t.Errorf("people does not show Alice's second address:\n%s", out)
	}
	for _, c := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"eve@example.com", "alice@example.net"}, 1, "no such person"},
		{[]string{"alice@example.net", "alice.m@work.example"}, 1, "one person already"},
		{[]string{"alice@example.net", "ALICE@example.net"}, 1, "itself"},
		{[]string{"alice", "bob@example.com"}, 2, "not an email address"},
	} {
		if r := w.cli(append([]string{"people", "link"}, c.args...)...); r.code != c.code || !strings.Contains(r.stderr, c.says) {
			t.Errorf("people link %v: exit %d, %q; want %d saying %q", c.args, r.code, r.stderr, c.code, c.says)
		}
	}
	if r := w.cli("people", "unlink", "alice.m@work.example"); r.code != 0 {
		t.Fatalf("people unlink: exit %d\n%s", r.code, r.stderr)
	}
	if p := peopleByEmail(t, w); len(p) != 3 {
		t.Errorf("after unlinking: %+v, want Alice's addresses apart again", p)
	}
}

// The People page over plain HTTP: its chart counts Alice's two answers
// apart until the owner links her addresses with the page's form; then
// the ledger has one row with both addresses and the month's bar counts
// her once. An unknown address and a second link are refused on the
// page, nothing links without a session, and unlinking parts them again.
func TestThePeoplePageLinksTwoAddressesAndDrawsTheMonths(t *testing.T) {
	w := newLoopWorld(t)
	base := w.withWeb()
	aliceFromTwoAddresses(w)
	w.startDaemon(5 * time.Hour)
	waitUntil(t, 30*time.Second, "the web page", func() bool {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
		}
		return err == nil
	})
	link := w.openLink()
	c := newWebClient(t, base)
	c.signIn(link)
	code, body := c.do("GET", "/people", nil, nil)
	if code != 200 || !strings.Contains(body, `<svg class="chart" role="img"`) || !strings.Contains(body, "November 2026: 2 received") {
		t.Fatalf("People before linking: %d\n%s", code, body)
	}
	form := url.Values{"address": {"alice.m@work.example"}, "into": {"alice@example.net"}}
	if code, _ := newWebClient(t, base).do("POST", "/people/link", form, nil); code != http.StatusUnauthorized {
		t.Errorf("link without a session: %d, want 401", code)
	}
	if code, body := c.do("POST", "/people/link", url.Values{"address": {"eve@example.com"}, "into": {"alice@example.net"}}, nil); code != http.StatusNotFound || !strings.Contains(body, "no such person") {
		t.Errorf("link an unknown address: %d\n%s", code, body)
	}
	if code, body := c.do("POST", "/people/link", form, nil); code != http.StatusSeeOther {
		t.Fatalf("link: %d\n%s", code, body)
	}
	_, body = c.do("GET", "/people", nil, nil)
	_, ledger, _ := strings.Cut(body, `id="h-ledger"`)
	rows := strings.Count(ledger, "<tr>") - 1 // the head's row
	if rows != 2 || !strings.Contains(body, "also alice.m@work.example") || !strings.Contains(body, "November 2026: 1 received") {
		t.Errorf("People after linking: %d rows\n%s", rows, body)
	}
	if strings.Contains(body, " style=") {
		t.Errorf("the page has an inline style, which the CSP refuses:\n%s", body)
	}
	if code, body := c.do("POST", "/people/link", form, nil); code != http.StatusConflict || !strings.Contains(body, "one person already") {
		t.Errorf("link again: %d\n%s", code, body)
	}
	if code, body := c.do("POST", "/people/unlink", url.Values{"address": {"alice.m@work.example"}}, nil); code != http.StatusSeeOther {
		t.Fatalf("unlink: %d\n%s", code, body)
	}
	if _, body := c.do("GET", "/people", nil, nil); !strings.Contains(body, "November 2026: 2 received") || strings.Contains(body, "also alice.m@work.example") {
		t.Errorf("People after unlinking:\n%s", body)
	}
}
