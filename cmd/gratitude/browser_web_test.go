package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// The page in Chromium on Postfix and Dovecot: `gratitude open` signs the
// browser in, Today shows the budget's helpers, a click on Approve sends
// Alice her thank-you through Postfix into her INBOX, and the request's
// page says it was sent. The link does not sign in a second browser; a
// page on another port that posts to the page changes nothing; a name
// rebound to this machine gets nothing; an Approve the page refuses (the
// request was cancelled meanwhile) says why on the card. Every page is
// photographed on the way (see screenshots).
func TestTheWebPageInChromiumOnPostfixAndDovecot(t *testing.T) {
	s := newWebStack(t)
	s.story()
	s.serve(5*time.Hour + time.Minute)
	b := newBrowser(t, chromedp.Flag("host-resolver-rules", "MAP rebind.test 127.0.0.1"))
	link := s.openLink()

	alice, carol := signInToToday(t, b, s.base, link)
	approveAlice(t, b, s, alice)
	// Before the attacks, so that Health shows no warnings about them.
	t.Run("screenshots", func(t *testing.T) { screenshots(t, b.in(t), s, carol) })
	t.Run("the link works once", func(t *testing.T) { linkWorksOnce(t, b.in(t).fresh(), s, link) })
	t.Run("a cross-origin post changes nothing", func(t *testing.T) { crossOriginChangesNothing(t, b.in(t), s, carol) })
	t.Run("a foreign host is refused", func(t *testing.T) { foreignHostRefused(t, b.in(t), s) })
	t.Run("a refused approve says why", func(t *testing.T) { refusalShownInPlace(t, b.in(t), s, carol) })
}

// signInToToday opens the link (the page spends it by itself, and the
// session cookie is out of scripts' reach) and checks Today: the budget
// with both helpers' thank-yous, the answered projector, the unanswered
// venue. It returns Alice's and Carol's draft IDs.
func signInToToday(t *testing.T, b *browser, base, link string) (alice, carol string) {
	t.Helper()
	b.do("opening the sign-in link", chromedp.Navigate(link), chromedp.WaitVisible(chromedp.CSS("#h-drafts")))
	if url := run(b, "reading the address", chromedp.Location()); url != base+"/" {
		t.Errorf("signed in at %s, want %s/", url, base)
	}
	if c := run(b, "reading the cookies scripts see", chromedp.Evaluate[string]("document.cookie")); c != "" {
		t.Errorf("scripts can read the cookies %q; the session's must be HttpOnly", c)
	}
	today := b.text()
	for _, want := range []string{"Budget review for Q1", "To Alice Martin", "To Carol Schmidt",
		"The travel line is counted twice", "the VAT on the catering is missing",
		"Answered: is it done?", "Could I borrow your projector on Thursday?",
		"Nobody answered", "Venue ideas for the team offsite"} {
		if !strings.Contains(today, want) {
			t.Errorf("Today does not say %q:\n%s", want, today)
		}
	}
	draftID := func(name string) string {
		a := run(b, "finding "+name+"'s draft", chromedp.AttributeValue(chromedp.CSS(`article.draft[aria-label="Thank-you to `+name+`"]`), "id"))
		return strings.TrimPrefix(a.Value, "draft-")
	}
	return draftID("Alice Martin"), draftID("Carol Schmidt")
}

// approveAlice clicks Approve on Alice's card on Today, waits for her
// thank-you in her own INBOX, follows the request's link and waits for
// the page to say the thank-you was sent.
func approveAlice(t *testing.T, b *browser, s *webStack, id string) {
	t.Helper()
	card := "#draft-" + id
	if n := s.thankYousIn("alice@example.org"); n != 0 {
		t.Fatalf("Alice has %d thank-yous before the click", n)
	}
	b.do("clicking Approve on Alice's card", chromedp.Click(chromedp.CSS(card+` form[action$="/approve"] button`)),
		chromedp.WaitNotPresent(chromedp.CSS(card+".draft-pending")))
	waitUntil(t, 30*time.Second, "Alice's thank-you in her INBOX", func() bool { return s.thankYousIn("alice@example.org") == 1 })
	if n := s.thankYousIn("carol@example.org"); n != 0 {
		t.Errorf("Carol got %d thank-yous; only Alice's was approved", n)
	}
	b.do("following the request's link", chromedp.Click(chromedp.CSS(`#live h3 a`)),
		chromedp.WaitVisible(chromedp.CSS("header.top nav")), chromedp.WaitVisible(chromedp.CSS(card+".draft-sent")))
	h1 := run(b, "reading the request's title", chromedp.Text(chromedp.CSS("main h1")))
	if !strings.Contains(h1, "Budget review for Q1") {
		t.Errorf("the request's page is titled %q", h1)
	}
	if state := run(b, "reading Alice's card", chromedp.Text(chromedp.CSS(card+" .dstate"))); !strings.HasPrefix(state, "sent ") {
		t.Errorf("Alice's card says %q, want sent …", state)
	}
}

// linkWorksOnce opens the spent link in a fresh browser: refused (403,
// "used already"), and the page still wants a sign-in.
func linkWorksOnce(t *testing.T, fresh *browser, s *webStack, link string) {
	// The sign-in page's GET answers 200 and the page submits itself: the
	// POST's answer is the first that is not a 200.
	resp := fresh.responseFrom(link, func(r *network.Response) bool { return r.Status != http.StatusOK }, chromedp.Navigate(link))
	if resp.Status != http.StatusForbidden {
		t.Errorf("the spent link's POST got %d, want 403", resp.Status)
	}
	fresh.do("reading the refusal", chromedp.WaitVisible(chromedp.CSS(".signin .problem")))
	if text := fresh.text(); !strings.Contains(text, "This sign-in link was used already") {
		t.Errorf("the spent link's page says:\n%s", text)
	}
	fresh.do("opening Today without a session", chromedp.Navigate(s.base+"/"), chromedp.WaitVisible(chromedp.CSS(".signin")))
	if url := run(fresh, "reading the address", chromedp.Location()); url != s.base+"/signin" {
		t.Errorf("Today without a session is %s, want the sign-in page", url)
	}
}

// crossOriginChangesNothing has a page on another port post Approve for
// Carol's draft, in the signed-in browser: refused (403), her draft still
// waits and nothing reaches her.
func crossOriginChangesNothing(t *testing.T, b *browser, s *webStack, carol string) {
	target := fmt.Sprintf("%s/drafts/%s/approve", s.base, carol)
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `<!doctype html><title>Win a prize</title><form method="post" action="%s"><input type="hidden" name="x" value="1"></form>`+
			`<script>document.forms[0].submit()</script>`, target)
	}))
	defer evil.Close()
	// The first answer from the page is the POST's (or, were it carried
	// out, the draft's page it redirects to).
	resp := b.responseFrom(s.base, nil, chromedp.Navigate(evil.URL))
	if resp.URL != target || resp.Status != http.StatusForbidden {
		t.Errorf("the cross-origin POST got %d from %s, want 403 from %s", resp.Status, resp.URL, target)
	}
	b.do("reading the refusal", chromedp.WaitVisible(chromedp.CSS("body")))
	if text := b.text(); !strings.Contains(text, "cross-origin request refused") {
		t.Errorf("the cross-origin POST was answered:\n%s", text)
	}
	if st := s.draftStates()["carol@example.org"]; st != "pending" {
		t.Errorf("Carol's draft is %q after the cross-origin POST, want pending", st)
	}
	if n := s.thankYousIn("carol@example.org"); n != 0 {
		t.Errorf("Carol got %d thank-yous from the cross-origin POST", n)
	}
}

// foreignHostRefused asks for the page under a name rebound to this
// machine (DNS rebinding): 421, and nothing of the page.
func foreignHostRefused(t *testing.T, b *browser, s *webStack) {
	resp := run(b, "opening the page as rebind.test", chromedp.NavigateResponse(fmt.Sprintf("http://rebind.test:%d/", s.port)))
	if resp.Status != http.StatusMisdirectedRequest {
		t.Errorf("rebind.test got %d, want 421", resp.Status)
	}
	if text := b.text(); strings.Contains(text, "Budget review") || !strings.Contains(text, "421") {
		t.Errorf("rebind.test was shown:\n%s", text)
	}
}

// refusalShownInPlace cancels the budget behind the page's back, then
// clicks Approve on Carol's card, now stale: the page refuses (409) and
// the card says why, in place; nothing reaches Carol.
func refusalShownInPlace(t *testing.T, b *browser, s *webStack, carol string) {
	card := "#draft-" + carol
	b.do("opening Carol's draft", chromedp.Navigate(s.base+"/drafts/"+carol), chromedp.WaitVisible(chromedp.CSS(card+" .actions")))
	if r := s.cli("cancel", strconv.FormatInt(s.requestIDs()["Budget review for Q1"], 10)); r.code != 0 {
		t.Fatalf("cancel: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	resp := b.responseFrom(s.base+"/drafts/"+carol+"/approve", nil, chromedp.Click(chromedp.CSS(card+` form[action$="/approve"] button`)))
	if resp.Status != http.StatusConflict {
		t.Errorf("approving a draft of a cancelled request got %d, want 409", resp.Status)
	}
	b.do("waiting for the card to say why", chromedp.WaitVisible(chromedp.CSS(card+" .problem")))
	t.Logf("the card says: %s", run(b, "reading the problem", chromedp.Text(chromedp.CSS(card+" .problem"))))
	if n := s.thankYousIn("carol@example.org"); n != 0 {
		t.Errorf("Carol got %d thank-yous for a cancelled request", n)
	}
}
