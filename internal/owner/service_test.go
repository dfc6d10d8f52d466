package owner_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"gratitude"
	"gratitude/internal/owner"
	"gratitude/internal/record"
	"gratitude/store"
)

var t0 = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// drafter keeps drafts in the real store as the thanks runner does, with
// a one-line text instead of a template, and counts what it was asked.
type drafter struct {
	st       *store.Store
	acct     int64
	presents []int64
}

func (d *drafter) Draft(ctx context.Context, req gratitude.Request, now time.Time) (int, error) {
	var out []gratitude.Draft
	for _, h := range req.Helpers {
		if h.Thanked() || h.Skipped {
			continue
		}
		out = append(out, gratitude.Draft{RequestID: req.ID, To: gratitude.Address{Name: h.Name, Email: h.Email},
			MessageID: fmt.Sprintf("thanks-%d-%s@gratitude.test", req.ID, h.Email), InReplyTo: h.LastMessageID,
			Subject: "Re: " + req.Subject, Text: "Thank you, " + h.Name, State: gratitude.DraftPending})
	}
	return len(out), d.st.AddDrafts(ctx, d.acct, out, now)
}

func (d *drafter) Present(ctx context.Context, requestID int64, now time.Time) error {
	d.presents = append(d.presents, requestID)
	return d.st.DeliverDrafts(ctx, d.acct, requestID, nil, now)
}

func (d *drafter) Approve(ctx context.Context, dr gratitude.Draft, now time.Time) error {
	o := gratitude.Outgoing{RequestID: dr.RequestID, Kind: "thank-you", Target: gratitude.TargetSMTP, Sender: "ada@example.org",
		Recipients: []string{dr.To.Email}, Subject: dr.Subject, MessageID: dr.MessageID, Raw: []byte("Subject: thanks\r\n\r\nThanks\r\n")}
	return d.st.ApproveDraft(ctx, d.acct, dr, []gratitude.Outgoing{o}, now)
}

func (d *drafter) Edit(ctx context.Context, dr gratitude.Draft, text string, now time.Time) error {
	old := dr.MessageID
	dr.Text, dr.MessageID = text, old+".edited"
	return d.st.EditDraft(ctx, d.acct, dr, old, nil, now)
}

func (d *drafter) Drop(ctx context.Context, dr gratitude.Draft, reason string, now time.Time) error {
	return d.st.SkipDraft(ctx, d.acct, dr, reason, now)
}

// world is a store holding one request that Alice and Carol answered.
type world struct {
	svc *owner.Service
	st  *store.Store
	dr  *drafter
	req int64
}

// askedOnly is a store holding one ask, of who, that nobody answered.
func askedOnly(t *testing.T, subject, who string) (*store.Store, int64, int64) {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	acct, err := st.Account(ctx, "ada@example.org")
	if err != nil {
		t.Fatal(err)
	}
	ask := gratitude.SeenMessage{MessageID: "ask@example.org", Mailbox: "Sent", UIDValidity: 1, UID: 1, From: "ada@example.org",
		Subject: subject, Class: gratitude.ClassAsk, SeenAt: t0, Event: gratitude.Asked{MessageID: "ask@example.org",
			Subject: subject, NormSubject: strings.ToLower(subject), At: t0, Asked: []gratitude.Address{{Email: who}}}}
	if err := record.CommitBatch[*store.Tx](ctx, st, acct, gratitude.MailboxCursor{Mailbox: "Sent", UIDValidity: 1, LastUID: 1}, []gratitude.SeenMessage{ask}); err != nil {
		t.Fatal(err)
	}
	reqID, ok, err := st.RequestByMessageID(ctx, acct, "ask@example.org")
	if err != nil || !ok {
		t.Fatalf("the ask made no request: %v", err)
	}
	return st, acct, reqID
}

func newWorld(t *testing.T) *world {
	t.Helper()
	ctx := context.Background()
	st, acct, reqID := askedOnly(t, "Budget", "alice@example.net")
	var replies []gratitude.SeenMessage
	for i, who := range []gratitude.Address{{Name: "Alice Martin", Email: "alice@example.net"}, {Name: "Carol Diaz", Email: "carol@example.org"}} {
		id := fmt.Sprintf("r%d@example.net", i)
		replies = append(replies, gratitude.SeenMessage{MessageID: id, Mailbox: "INBOX", UIDValidity: 1, UID: uint32(i + 1),
			From: who.Email, Class: gratitude.ClassReply, SeenAt: t0, RequestID: reqID,
			Event: gratitude.Replied{MessageID: id, At: t0.Add(time.Hour), From: who, Excerpt: "Here you go.", Thread: []string{"ask@example.org"}}})
	}
	if err := record.CommitBatch[*store.Tx](ctx, st, acct, gratitude.MailboxCursor{Mailbox: "INBOX", UIDValidity: 1, LastUID: 2}, replies); err != nil {
		t.Fatal(err)
	}
	dr := &drafter{st: st, acct: acct}
	return &world{svc: &owner.Service{Store: st, Account: acct, Drafter: dr}, st: st, dr: dr, req: reqID}
}

func act(verb gratitude.Verb, who string) owner.Action {
	return owner.Action{Command: gratitude.Command{Verb: verb, Who: who, Line: string(verb) + " " + who}}
}

func (w *world) do(t *testing.T, acts ...owner.Action) owner.Report {
	t.Helper()
	rep, err := w.svc.Do(context.Background(), w.req, acts, t0.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func (w *world) states(t *testing.T) map[string]gratitude.DraftState {
	t.Helper()
	ds, err := w.st.Drafts(context.Background(), w.svc.Account, w.req)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]gratitude.DraftState{}
	for _, d := range ds {
		out[d.To.Email] = d.State
	}
	return out
}

func TestResolveDraftsAtOnceAndShowsThemOnceAfterEveryAction(t *testing.T) {
	w := newWorld(t)
	rep := w.do(t, act(gratitude.VerbResolve, ""), act(gratitude.VerbApprove, "alice"))
	if rep.Request.State != gratitude.StateResolved || rep.Drafted != 2 || len(rep.Problems()) != 0 {
		t.Fatalf("report %+v", rep)
	}
	if !slices.Equal(w.dr.presents, []int64{w.req}) {
		t.Errorf("presented %v, want the request once, after the approve", w.dr.presents)
	}
	if s := w.states(t); s["alice@example.net"] != gratitude.DraftApproved || s["carol@example.org"] != gratitude.DraftPending {
		t.Errorf("drafts %v", s)
	}
}

func TestApproveOnACardApprovesOnlyTheDraftsItShowed(t *testing.T) {
	w := newWorld(t)
	w.do(t, act(gratitude.VerbResolve, ""))
	ds, _ := w.st.Drafts(context.Background(), w.svc.Account, w.req)
	a := act(gratitude.VerbApprove, "")
	a.Shown = []int64{ds[0].ID}
	w.do(t, a)
	if s := w.states(t); s[ds[0].To.Email] != gratitude.DraftApproved || s[ds[1].To.Email] != gratitude.DraftPending {
		t.Errorf("drafts %v; want only the shown one approved", s)
	}
	// Approving the card again approves nothing more: its one draft is
	// on its way already, and the draft it did not show stays pending.
	rep := w.do(t, a)
	if len(rep.Problems()) != 0 || len(rep.Done()) != 0 || len(rep.Already()) != 1 || rep.Already()[0].Who.Email != ds[0].To.Email ||
		!rep.Already()[0].At.IsZero() {
		t.Errorf("approving the card again: problems %v, done %v, already %+v", rep.Problems(), rep.Done(), rep.Already())
	}
	if s := w.states(t); s[ds[1].To.Email] != gratitude.DraftPending {
		t.Errorf("drafts %v; the draft the card did not show was approved", s)
	}
}

// sendQueued does what the outbox does with each queued thank-you: it
// leaves by SMTP at at, then its draft is sent and its helper thanked.
func (w *world) sendQueued(t *testing.T, at time.Time) {
	t.Helper()
	ctx := context.Background()
	for {
		o, ok, err := w.st.ClaimOutgoing(ctx, w.svc.Account, []gratitude.Target{gratitude.TargetSMTP}, at, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			return
		}
		if err := w.st.MarkSent(ctx, o, at); err != nil {
			t.Fatal(err)
		}
		if err := record.FollowUp[*store.Tx](ctx, w.st, o, at); err != nil {
			t.Fatal(err)
		}
	}
}

func TestASecondApproveSaysWhenEachThankYouWentAndQueuesNothing(t *testing.T) {
	w := newWorld(t)
	w.do(t, act(gratitude.VerbResolve, ""), act(gratitude.VerbApprove, ""))
	sentAt := t0.Add(3 * time.Hour)
	w.sendQueued(t, sentAt)
	queued := func() int {
		out, _ := w.st.Outbox(context.Background(), w.svc.Account)
		return len(out)
	}
	before := queued()
	ds, _ := w.st.Drafts(context.Background(), w.svc.Account, w.req)
	byDraft := owner.Action{Command: gratitude.Command{Verb: gratitude.VerbApprove, Line: "approve"}, Draft: ds[0].ID}
	for _, a := range []owner.Action{act(gratitude.VerbApprove, ""), act(gratitude.VerbApprove, "alice"), byDraft} {
		rep := w.do(t, a)
		if len(rep.Problems()) != 0 || len(rep.Done()) != 0 {
			t.Errorf("%q again: problems %v, done %v; want nothing to do, and no problem", a.Line, rep.Problems(), rep.Done())
		}
		want := 1
		if a.Who == "" && a.Draft == 0 {
			want = 2
		}
		if got := rep.Already(); len(got) != want || !got[0].At.Equal(sentAt) {
			t.Errorf("%q again: already %+v; want %d thank-you(s) sent at %v", a.Line, got, want, sentAt)
		}
	}
	if n := queued(); n != before {
		t.Errorf("the approves again queued %d more messages", n-before)
	}
	// A skipped helper's draft is no thank-you sent: still a problem.
	w2 := newWorld(t)
	w2.do(t, act(gratitude.VerbResolve, ""), act(gratitude.VerbSkip, "carol"), act(gratitude.VerbApprove, "alice"))
	w2.sendQueued(t, sentAt)
	if rep := w2.do(t, act(gratitude.VerbApprove, "carol")); len(rep.Problems()) != 1 || len(rep.Already()) != 0 {
		t.Errorf("approving a skipped helper: problems %v, already %+v; want a problem", rep.Problems(), rep.Already())
	}
}

func TestSkipByDraftDropsAnApprovedThankYouAndClosesItsHelper(t *testing.T) {
	w := newWorld(t)
	w.do(t, act(gratitude.VerbResolve, ""), act(gratitude.VerbApprove, "carol"))
	ds, _ := w.st.Drafts(context.Background(), w.svc.Account, w.req)
	var carol int64
	for _, d := range ds {
		if d.To.Email == "carol@example.org" {
			carol = d.ID
		}
	}
	skip := owner.Action{Command: gratitude.Command{Verb: gratitude.VerbSkip, Line: "skip"}, Draft: carol}
	rep := w.do(t, skip)
	if len(rep.Problems()) != 0 || len(rep.Outcomes[0].Drafts) != 1 || rep.Outcomes[0].Drafts[0].State != gratitude.DraftSkipped {
		t.Fatalf("skip: %+v", rep)
	}
	if h := rep.Request.Helper("carol@example.org"); h == nil || !h.Skipped {
		t.Errorf("carol is not closed: %+v", h)
	}
	out, err := w.st.Outbox(context.Background(), w.svc.Account)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range out {
		if o.State == gratitude.OutQueued {
			t.Errorf("a thank-you is still queued: %+v", o)
		}
	}
	if rep := w.do(t, skip); len(rep.Problems()) != 1 {
		t.Errorf("skipping a skipped draft again: %+v", rep.Outcomes)
	}
}

func TestActionsThatCannotBeDoneAreProblemsAndTheOthersGoOn(t *testing.T) {
	w := newWorld(t)
	rep := w.do(t, act(gratitude.VerbSkip, "zoe"), act(gratitude.VerbNotHelped, "dan@example.com"),
		act(gratitude.VerbEdit, ""), act(gratitude.VerbResolve, ""))
	if got := len(rep.Problems()); got != 3 || rep.Request.State != gratitude.StateResolved {
		t.Errorf("problems %v, state %s; want 3 problems and the request resolved", rep.Problems(), rep.Request.State)
	}
	if _, err := w.svc.Do(context.Background(), 999, []owner.Action{act(gratitude.VerbResolve, "")}, t0); !errors.Is(err, gratitude.ErrNoSuchRequest) {
		t.Errorf("an unknown request: %v", err)
	}
}

func TestTheQueriesShowWhatTheActionsDid(t *testing.T) {
	w := newWorld(t)
	w.do(t, act(gratitude.VerbResolve, ""), act(gratitude.VerbSkip, "carol"))
	q := owner.Queries{Store: w.st, Account: w.svc.Account}
	ctx := context.Background()
	if rs, err := q.Requests(ctx, gratitude.StateResolved); err != nil || len(rs) != 1 || rs[0].ID != w.req {
		t.Errorf("resolved requests %v, %v", rs, err)
	}
	r, log, err := q.Request(ctx, w.req)
	if err != nil || r.State != gratitude.StateResolved || len(log) == 0 || log[len(log)-1].Kind != "skip" {
		t.Errorf("request %+v, log %v, %v; want resolved with the skip last", r, log, err)
	}
	if _, _, err := q.Request(ctx, 999); !errors.Is(err, gratitude.ErrNoSuchRequest) {
		t.Errorf("an unknown request: %v", err)
	}
	ds, err := q.Drafts(ctx, w.req)
	if err != nil || len(ds) != 2 {
		t.Errorf("drafts %v, %v", ds, err)
	}
	people, err := q.People(ctx)
	if err != nil || !slices.ContainsFunc(people, func(p gratitude.Person) bool { return p.Email == "alice@example.net" }) {
		t.Errorf("people %v, %v; want Alice among them", people, err)
	}
}
