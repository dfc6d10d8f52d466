package templates

import (
	"strings"
	"testing"
	"time"
)

// assertHas fails unless text has every one of want.
func assertHas(t *testing.T, what, text string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, text)
		}
	}
}

// assertHasNot fails if text has any of bad.
func assertHasNot(t *testing.T, what, text string, bad ...string) {
	t.Helper()
	for _, b := range bad {
		if strings.Contains(text, b) {
			t.Errorf("%s has %q:\n%s", what, b, text)
		}
	}
}

func TestSubjectsOfTheNewMessages(t *testing.T) {
	s := mustLoad(t, "")
	for name, want := range map[Name]string{
		Thanks:       "Re: " + sampleSubject,
		Card:         "Thank-yous ready: " + sampleSubject,
		CommandsHelp: "Not understood: aprove alice",
		Status:       "Status: " + sampleSubject + " (#42, resolved)",
		Refused:      "Not carried out: 3 messages not proven to come from you",
	} {
		if r := mustRender(t, s, name, Sample(name)); r.Subject != want {
			t.Errorf("%s: subject %q, want %q", name, r.Subject, want)
		}
	}
}

func TestCardShowsEveryDraftAndHowToAnswer(t *testing.T) {
	s := mustLoad(t, "")
	v := Sample(Card).(CardView)
	v.Drafts = append(v.Drafts, CardDraft{ID: 9, Helper: Person{Email: "dan@example.com"}, Text: "Dan,\n\n<b>Thanks</b> for {{.Everything}}.\n\nAda\n"})
	r := mustRender(t, s, Card, v)
	for _, d := range v.Drafts {
		assertHas(t, "card text", r.Text, strings.TrimSpace(d.Text))
	}
	assertHas(t, "card text", r.Text,
		"To Alice Martin <alice@example.org> (draft 7):", "To dan@example.com (draft 9):",
		"- approve: send them all", "- approve alice:", "- skip dan@example.com:", "- edit alice,", `a line with only "--"`,
		"above the quoted card", "also in your Drafts folder", "carol@example.com helped outside this thread",
		"Or on the command line: gratitude approve --request 42")
	assertHas(t, "card HTML", r.HTML, "&lt;b&gt;Thanks&lt;/b&gt; for {{.Everything}}.", "<code>approve alice</code>", "<code>skip dan@example.com</code>", "<code>--</code>")
	assertHasNot(t, "card HTML", r.HTML, "<b>Thanks")
}

func TestCardWithOneDraft(t *testing.T) {
	v := Sample(Card).(CardView)
	v.Drafts, v.InDrafts, v.NoDraft, v.ReplyHint = v.Drafts[1:], false, nil, ""
	r := mustRender(t, mustLoad(t, ""), Card, v)
	if r.Subject != "Thank-you ready: "+sampleSubject {
		t.Errorf("subject %q", r.Subject)
	}
	assertHas(t, "card", r.Text, "Here is the thank-you written for Bob Okafor.", "- approve: send it", "- skip bob:", "- edit bob,")
	assertHasNot(t, "card", r.Text, "approve bob", "Drafts folder", "outside this thread")
}

func TestCommandsHelpQuotesTheUnknownLines(t *testing.T) {
	s := mustLoad(t, "")
	v := Sample(CommandsHelp).(CommandsView)
	r := mustRender(t, s, CommandsHelp, v)
	assertHas(t, "help", r.Text, "#42", "these lines are not commands:\n\n> aprove alice\n> send them all, and thank Carol too\n",
		"This was carried out:\n- resolved\n")
	for _, cmd := range []string{"resolved (or done)", "approve:", "approve NAME", "skip NAME", "edit NAME",
		"snooze 3d, snooze friday or snooze 2026-12-01", "cancel", "helped ADDRESS", "not-helped ADDRESS", "status"} {
		assertHas(t, "help", r.Text, "- "+cmd)
	}
	assertHas(t, "help", r.Text, `up to a line with only "--"`)
	assertHas(t, "help HTML", r.HTML, "aprove alice\nsend them all, and thank Carol too</blockquote>")
	assertHasNot(t, "help", r.Text, "Nothing was carried out", "could not tell which request")

	v = CommandsView{OwnerName: sampleOwner, Unknown: []string{"<script>please " + strings.Repeat("approve ", 20)}, Now: sampleNow}
	r = mustRender(t, s, CommandsHelp, v)
	assertHas(t, "help", r.Text, "this line is not a command:\n\n> <script>please approve", "Nothing was carried out.", "could not tell which request you meant")
	assertHasNot(t, "help HTML", r.HTML, "<script>")
	if len([]rune(r.Subject)) > len("Not understood: ")+60 || !strings.HasSuffix(r.Subject, "…") {
		t.Errorf("subject %q, want the line clipped", r.Subject)
	}
}

func TestStatusSaysWhereEachHelperStands(t *testing.T) {
	s := mustLoad(t, "")
	v := Sample(Status).(StatusView)
	r := mustRender(t, s, Status, v)
	assertHas(t, "status", r.Text, "was resolved on Thu 19 Nov", "You asked Alice Martin, Bob Okafor and carol@example.com on Mon 16 Nov 17:40.",
		"- Alice Martin, 2 replies, the first on Mon 16 Nov: thanked (draft 7 sent)",
		"- Bob Okafor, replied on Tue 17 Nov: thank-you drafted, waiting for your approval (draft 8)",
		"- carol@example.com, replied on Wed 18 Nov: skipped, no thank-you (draft 9)",
		"Next: a reminder to thank Bob Okafor, on Wed 25 Nov 09:57.")
	assertHas(t, "status HTML", r.HTML, "<li>Bob Okafor, replied on Tue 17 Nov: thank-you drafted, waiting for your approval (draft 8)</li>")

	v.Drafts[1].State = "approved"
	v.Request.Helpers[0].Thanked = false
	v.Drafts = v.Drafts[1:]
	v.NextReminder, v.NextReminderAt = "", time.Time{}
	r = mustRender(t, s, Status, v)
	assertHas(t, "status", r.Text, "Alice Martin, 2 replies, the first on Mon 16 Nov: not thanked yet", "thank-you approved, about to be sent (draft 8)", "No reminder is planned.")

	for state, want := range map[string]string{"open": "is open", "answered": "is not resolved yet", "thanked": "is done: resolved on Thu 19 Nov", "cancelled": "is cancelled", "odd": "is odd."} {
		r = mustRender(t, s, Status, StatusView{Request: Request{ID: 5, Subject: "x", ResolvedAt: v.Request.ResolvedAt}, State: state, Now: sampleNow})
		assertHas(t, state, r.Text, want, "Nobody has answered yet.")
	}
}

func TestRefusedListsEachMessageAndWhatToDo(t *testing.T) {
	s := mustLoad(t, "")
	r := mustRender(t, s, Refused, Sample(Refused))
	assertHas(t, "refused", r.Text, "Some messages that looked like commands or asks of yours", "they were not carried out",
		`1. Sun 22 Nov 13:12, from Ada Lovelace <ada@example.org>, "Re: Thank-yous ready: `, `2. Mon 23 Nov 06:12, from ada@example.org, "approve":`,
		"DKIM failed", "Sent folder", "reply to gratitude's card", "copy saying the same", "at most once a day",
		`To track the ask above (3), reply to this message with the word "track".`)
	assertHas(t, "refused html", r.HTML, `<li value="3">`, "reply to this message with the word “track”")
	v := Sample(Refused).(RefusedView)
	v.Items = v.Items[1:2]
	r = mustRender(t, s, Refused, v)
	if r.Subject != "Not carried out: 1 message not proven to come from you" {
		t.Errorf("subject %q", r.Subject)
	}
	assertHas(t, "refused", r.Text, "A message that looked like commands or asks of yours", "so it was not carried out")
	if strings.Contains(r.Text, `"track"`) || strings.Contains(r.HTML, "track") {
		t.Errorf("a notice listing no untraced ask tells how to track:\n%s", r.Text)
	}
	v = Sample(Refused).(RefusedView)
	v.Items[0].Trackable = true
	r = mustRender(t, s, Refused, v)
	assertHas(t, "two to track", r.Text, `the asks above (1, 3), reply to this message with the word "track", or "track 1" for one of them.`)
}

func TestCommandsReplyToASecondApproveSaysWhenTheThankYouWent(t *testing.T) {
	s := mustLoad(t, "")
	v := CommandsView{OwnerName: sampleOwner, Request: sampleRequest(), Now: sampleNow,
		Already: []AlreadyThanked{{Helper: Person{Name: "Alice Martin", Email: "alice@example.org"}, At: sampleNow.Add(-26 * time.Hour)}}}
	r := mustRender(t, s, CommandsHelp, v)
	if r.Subject != "Already thanked: Alice Martin" {
		t.Errorf("subject %q", r.Subject)
	}
	assertHas(t, "reply", r.Text, "#42", "The thank-you to Alice Martin was already sent on Sun 22 Nov 07:12.", "Nothing was sent again.")
	assertHasNot(t, "reply", r.Text, "not a command", "Commands go on", "Nothing was carried out", "- resolved")
	assertHas(t, "reply HTML", r.HTML, "The thank-you to Alice Martin was already sent on Sun 22 Nov 07:12.", "Nothing was sent again.")
	assertHasNot(t, "reply HTML", r.HTML, "not a command", "Commands go on")

	v.Already[0].At = time.Time{}
	assertHas(t, "reply", mustRender(t, s, CommandsHelp, v).Text, "The thank-you to Alice Martin is already approved and about to be sent.")
}

func TestCommandsReplyNamesACommandThatCouldNotBeDoneAsOne(t *testing.T) {
	s := mustLoad(t, "")
	v := CommandsView{OwnerName: sampleOwner, Request: sampleRequest(), Now: sampleNow, Done: []string{"resolved"},
		Problems: []string{`skip zoe: no helper of request #42 is called "zoe"`}}
	r := mustRender(t, s, CommandsHelp, v)
	if r.Subject != `Not done: skip zoe: no helper of request #42 is called "zoe"` {
		t.Errorf("subject %q", r.Subject)
	}
	assertHas(t, "reply", r.Text, "This could not be done:\n- skip zoe: no helper of request #42 is called \"zoe\"", "This was carried out:\n- resolved")
	assertHasNot(t, "reply", r.Text, "not a command", "Commands go on")
}
