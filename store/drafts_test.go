package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"gratitude"
)

// resolvedWithAlice is the budget request, answered by Alice, resolved.
func resolvedWithAlice(t *testing.T, s *Store, acct int64) gratitude.Request {
	t.Helper()
	ctx := context.Background()
	commit(t, s, acct, "Sent", 1, []gratitude.SeenMessage{askMsg(1)})
	reqs, _ := s.Requests(ctx, acct, "")
	commit(t, s, acct, "INBOX", 7, []gratitude.SeenMessage{replyMsg(1, alice, "r-alice@example.net", reqs[0].ID)})
	r, err := s.Update(ctx, acct, reqs[0].ID, t0.Add(2*time.Hour), gratitude.Deciding(gratitude.Resolve{At: t0.Add(2 * time.Hour)}, t0.Add(2*time.Hour)))
	if err != nil || r.State != gratitude.StateResolved {
		t.Fatalf("resolve: %v %s", err, r.State)
	}
	return r
}

func draftFor(r gratitude.Request, to gratitude.Address, id string) gratitude.Draft {
	return gratitude.Draft{RequestID: r.ID, To: to, MessageID: id, InReplyTo: "r-alice@example.net",
		Subject: "Re: Budget", Text: "Thank you."}
}

func thankYouOut(d gratitude.Draft, to ...string) gratitude.Outgoing {
	return gratitude.Outgoing{RequestID: d.RequestID, Kind: "thank-you", Target: gratitude.TargetSMTP, Sender: "ada@example.org",
		Recipients: to, MessageID: d.MessageID, Raw: []byte("Message-ID: <" + d.MessageID + ">\r\n\r\nThank you.\r\n"),
		Then: []gratitude.Target{gratitude.TargetSent, gratitude.TargetDraftsRemove}}
}

func TestOneDraftPerHelperPerRequestAndOnlyForWhoWroteInTheThread(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	r := resolvedWithAlice(t, s, acct)
	if err := s.AddDrafts(ctx, acct, []gratitude.Draft{draftFor(r, alice, "ty1@example.org")}, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.AddDrafts(ctx, acct, []gratitude.Draft{draftFor(r, alice, "ty2@example.org")}, t0); err != nil {
		t.Fatal(err)
	}
	if ds, _ := s.Drafts(ctx, acct, r.ID); len(ds) != 1 || ds[0].MessageID != "ty1@example.org" {
		t.Fatalf("drafts %+v; want Alice's first draft only", ds)
	}
	// Bob was asked but never wrote: no draft, whatever asks for one.
	if err := s.AddDrafts(ctx, acct, []gratitude.Draft{draftFor(r, bob, "ty3@example.org")}, t0); !errors.Is(err, gratitude.ErrNotInThread) {
		t.Errorf("a draft to Bob: %v, want gratitude.ErrNotInThread", err)
	}
	if ids, _ := s.ThreadRequests(ctx, acct, []string{"ty1@example.org"}); ids["ty1@example.org"] != r.ID {
		t.Error("the thank-you's Message-ID is not in the request's thread")
	}
}

func TestApprovingSendsToTheHelperOnlyOnceAndSendingThanksThem(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	r := resolvedWithAlice(t, s, acct)
	s.AddDrafts(ctx, acct, []gratitude.Draft{draftFor(r, alice, "ty1@example.org")}, t0)
	ds, _ := s.Drafts(ctx, acct, r.ID)
	d := ds[0]
	if err := s.ApproveDraft(ctx, acct, d, []gratitude.Outgoing{thankYouOut(d, "alice@example.net", "eve@example.com")}, t0); err == nil {
		t.Fatal("a thank-you with an extra recipient was queued")
	}
	if err := s.ApproveDraft(ctx, acct, d, []gratitude.Outgoing{thankYouOut(d, "alice@example.net")}, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.ApproveDraft(ctx, acct, d, []gratitude.Outgoing{thankYouOut(d, "alice@example.net")}, t0); err == nil {
		t.Error("the same draft was approved twice")
	}
	o, ok, _ := s.ClaimOutgoing(ctx, acct, []gratitude.Target{gratitude.TargetSMTP}, t0.Add(3*time.Hour), time.Minute)
	if !ok {
		t.Fatal("nothing queued")
	}
	if err := s.MarkSent(ctx, o, t0.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.Request(ctx, acct, r.ID); got.State == gratitude.StateThanked {
		t.Error("marked thanked before the follow-up")
	}
	if cut, _ := s.SentNotFollowedUp(ctx, acct); len(cut) != 1 {
		t.Fatalf("%d sent messages await their follow-up, want 1", len(cut))
	}
	for range 2 { // a second follow-up does nothing
		if err := followUp(ctx, s, o, t0.Add(3*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	if cut, _ := s.SentNotFollowedUp(ctx, acct); len(cut) != 0 {
		t.Errorf("%d sent messages still await their follow-up", len(cut))
	}
	got, _ := s.Request(ctx, acct, r.ID)
	if got.State != gratitude.StateThanked || !got.Helper("alice@example.net").Thanked() {
		t.Errorf("after the thank-you left: %s", got.State)
	}
	if d, _ := s.Draft(ctx, acct, d.ID); d.State != gratitude.DraftSent {
		t.Errorf("draft %s, want sent", d.State)
	}
	out, _ := s.Outbox(ctx, acct)
	targets := map[gratitude.Target]int{}
	for _, o := range out {
		targets[o.Target]++
	}
	if targets[gratitude.TargetSMTP] != 1 || targets[gratitude.TargetSent] != 1 || targets[gratitude.TargetDraftsRemove] != 1 {
		t.Errorf("outbox targets %v; want the send, then its Sent copy and the draft's removal", targets)
	}
}

func TestSkippingADraftCancelsItsQueuedThankYou(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	r := resolvedWithAlice(t, s, acct)
	s.AddDrafts(ctx, acct, []gratitude.Draft{draftFor(r, alice, "ty1@example.org")}, t0)
	ds, _ := s.Drafts(ctx, acct, r.ID)
	s.ApproveDraft(ctx, acct, ds[0], []gratitude.Outgoing{thankYouOut(ds[0], "alice@example.net")}, t0)
	ds, _ = s.Drafts(ctx, acct, r.ID)
	if err := s.SkipDraft(ctx, acct, ds[0], "you thanked them yourself", t0); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.ClaimOutgoing(ctx, acct, []gratitude.Target{gratitude.TargetSMTP}, t0.Add(time.Hour), time.Minute); ok {
		t.Error("a skipped draft's thank-you can still be sent")
	}
}

func TestOnlyTheSMTPSendOfAThankYouThanksTheHelper(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	r := resolvedWithAlice(t, s, acct)
	s.AddDrafts(ctx, acct, []gratitude.Draft{draftFor(r, alice, "ty1@example.org")}, t0)
	ds, _ := s.Drafts(ctx, acct, r.ID)
	copyForDrafts := thankYouOut(ds[0])
	copyForDrafts.Target, copyForDrafts.Sender, copyForDrafts.Recipients, copyForDrafts.Then = gratitude.TargetDrafts, "", nil, nil
	if err := s.Enqueue(ctx, acct, []gratitude.Outgoing{copyForDrafts}, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.ApproveDraft(ctx, acct, ds[0], []gratitude.Outgoing{thankYouOut(ds[0], "alice@example.net")}, t0.Add(3*time.Hour)); err != nil {
		t.Fatal(err)
	}
	// The Drafts copy was cancelled by the approval; had it gone out, it
	// must not have counted as the thank-you.
	o, ok, _ := s.ClaimOutgoing(ctx, acct, []gratitude.Target{gratitude.TargetDrafts}, t0.Add(3*time.Hour), time.Minute)
	if ok {
		s.MarkSent(ctx, o, t0.Add(3*time.Hour))
		followUp(ctx, s, o, t0.Add(3*time.Hour))
	}
	if got, _ := s.Request(ctx, acct, r.ID); got.State == gratitude.StateThanked {
		t.Error("filing a copy in Drafts counted as the thank-you")
	}
}

func TestAHelperWhoComesBackGetsADraftAgain(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	r := resolvedWithAlice(t, s, acct)
	s.AddDrafts(ctx, acct, []gratitude.Draft{draftFor(r, alice, "ty1@example.org")}, t0)
	ds, _ := s.Drafts(ctx, acct, r.ID)
	s.Update(ctx, acct, r.ID, t0.Add(4*time.Hour), gratitude.Deciding(gratitude.NotHelped{Who: alice, At: t0.Add(4 * time.Hour)}, t0.Add(4*time.Hour)))
	s.SkipDraft(ctx, acct, ds[0], "no longer a helper", t0.Add(4*time.Hour))
	// Alice writes again and is a helper once more.
	commit(t, s, acct, "INBOX", 7, []gratitude.SeenMessage{replyMsg(2, alice, "r-alice-2@example.net", r.ID)})
	todo, _ := s.RequestsToDraft(ctx, acct, 10)
	if len(todo) != 1 {
		t.Fatalf("requests to draft: %d, want the request again", len(todo))
	}
	if err := s.AddDrafts(ctx, acct, []gratitude.Draft{draftFor(r, alice, "ty2@example.org")}, t0.Add(5*time.Hour)); err != nil {
		t.Fatal(err)
	}
	ds, _ = s.Drafts(ctx, acct, r.ID)
	if len(ds) != 1 || ds[0].State != gratitude.DraftPending || ds[0].MessageID != "ty2@example.org" {
		t.Errorf("drafts %+v; want Alice's written afresh", ds)
	}
}

func TestObsoleteDraftsSayWhy(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	acct := account(t, s, "ada@example.org")
	r := resolvedWithAlice(t, s, acct)
	s.AddDrafts(ctx, acct, []gratitude.Draft{draftFor(r, alice, "ty1@example.org")}, t0)
	if obs, _ := s.ObsoleteDrafts(ctx, acct); len(obs) != 0 {
		t.Fatalf("a wanted draft is obsolete: %+v", obs)
	}
	for _, tc := range []struct {
		ev  gratitude.Event
		why string
	}{
		{gratitude.OwnerWrote{MessageID: "own-thanks", At: t0.Add(3 * time.Hour), To: []gratitude.Address{alice}, Thanks: true}, "you thanked them yourself"},
		{gratitude.Cancel{At: t0.Add(3 * time.Hour)}, "the request was cancelled"},
	} {
		t.Run(tc.why, func(t *testing.T) {
			s := openTest(t)
			acct := account(t, s, "ada@example.org")
			r := resolvedWithAlice(t, s, acct)
			s.AddDrafts(ctx, acct, []gratitude.Draft{draftFor(r, alice, "ty1@example.org")}, t0)
			if _, err := s.Update(ctx, acct, r.ID, t0.Add(3*time.Hour), gratitude.Deciding(tc.ev, t0.Add(3*time.Hour))); err != nil {
				t.Fatal(err)
			}
			obs, err := s.ObsoleteDrafts(ctx, acct)
			if err != nil || len(obs) != 1 || obs[0].Why != tc.why || obs[0].To.Email != "alice@example.net" {
				t.Errorf("obsolete %+v, %v; want Alice's, because %s", obs, err, tc.why)
			}
		})
	}
}

func TestEditingADraftReplacesItsCopyButLetsOneOnItsWayArrive(t *testing.T) {
	for _, tc := range []struct {
		name      string
		claimedAt time.Duration // how long before the edit a sender claimed the old copy; 0: never
		want      gratitude.OutState
	}{
		{"still queued", 0, gratitude.OutCancelled},
		{"being put there", time.Minute, gratitude.OutSending},
		{"cut off by a crash", time.Hour, gratitude.OutCancelled},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := openTest(t)
			ctx := context.Background()
			acct := account(t, s, "ada@example.org")
			r := resolvedWithAlice(t, s, acct)
			d := draftFor(r, alice, "ty1@example.org")
			if err := s.AddDrafts(ctx, acct, []gratitude.Draft{d}, t0); err != nil {
				t.Fatal(err)
			}
			ds, _ := s.Drafts(ctx, acct, r.ID)
			d = ds[0]
			copyOut := gratitude.Outgoing{RequestID: r.ID, Kind: "thank-you", Target: gratitude.TargetDrafts, MessageID: d.MessageID, Raw: []byte("old")}
			edited := t0.Add(3 * time.Hour)
			if err := s.Enqueue(ctx, acct, []gratitude.Outgoing{copyOut}, t0); err != nil {
				t.Fatal(err)
			}
			if tc.claimedAt > 0 {
				if _, ok, err := s.ClaimOutgoing(ctx, acct, []gratitude.Target{gratitude.TargetDrafts}, edited.Add(-tc.claimedAt), 3*time.Minute); err != nil || !ok {
					t.Fatal(ok, err)
				}
			}
			d.Text, d.MessageID = "Thanks a lot.", "ty1-edited@example.org"
			newCopy := gratitude.Outgoing{RequestID: r.ID, Kind: "thank-you", Target: gratitude.TargetDrafts, MessageID: d.MessageID, Raw: []byte("new")}
			rm := gratitude.Outgoing{RequestID: r.ID, Kind: "thank-you", Target: gratitude.TargetDraftsRemove, MessageID: "ty1@example.org"}
			if err := s.EditDraft(ctx, acct, d, "ty1@example.org", []gratitude.Outgoing{rm, newCopy}, edited); err != nil {
				t.Fatal(err)
			}
			all, _ := s.Outbox(ctx, acct)
			if all[0].MessageID != "ty1@example.org" || all[0].State != tc.want {
				t.Errorf("the old copy is %s, want %s", all[0].State, tc.want)
			}
			if len(all) != 3 || all[1].Target != gratitude.TargetDraftsRemove || all[2].MessageID != "ty1-edited@example.org" {
				t.Errorf("outbox %+v; want the old copy's removal, then the new copy", all)
			}
			if ids, _ := s.ThreadRequests(ctx, acct, []string{"ty1-edited@example.org"}); ids["ty1-edited@example.org"] != r.ID {
				t.Error("the edited draft's Message-ID is not in the request's thread")
			}
		})
	}
}
