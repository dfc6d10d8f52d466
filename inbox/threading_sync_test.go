package inbox_test

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"testing"

	"gratitude"
	"gratitude/inbox"
	"gratitude/internal/testmail"
)

// threadStore is a memStore that keeps one request the way the real store
// does: an ask creates it, a reply in its thread (by request, or by the
// references of a reply to an ask of the same batch) is applied to it, and
// ThreadRequests finds it by any Message-ID of its thread.
type threadStore struct {
	*memStore
	mu  sync.Mutex
	req gratitude.Request
}

const threadReq = 1 // the id the one request gets

func (s *threadStore) CommitBatch(ctx context.Context, account int64, cur gratitude.MailboxCursor, msgs []gratitude.SeenMessage) error {
	if err := s.memStore.CommitBatch(ctx, account, cur, msgs); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range msgs {
		switch ev := m.Event.(type) {
		case gratitude.Asked:
			s.req, _ = gratitude.Apply(s.req, ev, testNow)
		case gratitude.Replied:
			if m.RequestID == threadReq || m.RequestID == 0 && slices.ContainsFunc(ev.Thread, s.inThread) {
				s.req, _ = gratitude.Apply(s.req, ev, testNow)
			}
		}
	}
	return nil
}

func (s *threadStore) inThread(id string) bool {
	return s.req.State != "" && (id == s.req.MessageID || s.req.InThread(id))
}

func (s *threadStore) ThreadRequests(_ context.Context, _ int64, ids []string) (map[string]int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string]int64{}
	for _, id := range ids {
		if s.inThread(id) {
			out[id] = threadReq
		}
	}
	return out, nil
}

// helpers lists the request's helpers' addresses, sorted.
func (s *threadStore) helpers() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, h := range s.req.Helpers {
		out = append(out, h.Email)
	}
	slices.Sort(out)
	return out
}

// bikeAskID is the Message-ID of Ada's ask in these tests.
const bikeAskID = "bike-ask.7731@example.org"

// bikeAsk is Ada's ask, as her Sent folder keeps it.
func bikeAsk() []byte {
	return crlf(`From: Ada Lovelace <ada@example.org>
To: Bruno Costa <bruno@example.net>, Chiara Rossi <chiara@example.com>,
 Dario Wolff <dario@example.de>, Elena Petrova <elena@example.com>
Bcc: ada+thanks@example.org
Subject: Who knows a good bicycle mechanic?
Date: Mon, 23 Nov 2026 09:12:44 +0100
Message-ID: <` + bikeAskID + `>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Hi all,

my old bicycle grinds in third gear. Does anyone know a mechanic near
the canal who still works on steel frames?

Ada
`)
}

// commaRefsReply threads by References only, where a bare word and stray
// commas sit before the ask's id (go-message stops at the first of them).
func commaRefsReply() []byte {
	return crlf(`From: Bruno Costa <bruno@example.net>
To: Ada Lovelace <ada@example.org>
Subject: Re: Who knows a good bicycle mechanic?
Date: Mon, 23 Nov 2026 11:02:10 +0100
Message-ID: <r1.bruno@example.net>
References: <9f2c.older-thread@example.net>, bike-ask, <` + bikeAskID + `>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Try the little shop on the corner of the canal and the market square;
ask for Jonas, he loves old steel frames.

Bruno
`)
}

// oldStyleReply threads only by an In-Reply-To of the old
// "Your message of ..." form.
func oldStyleReply() []byte {
	return crlf(`From: Chiara Rossi <chiara@example.com>
To: Ada Lovelace <ada@example.org>
Subject: Re: Who knows a good bicycle mechanic?
Date: Mon, 23 Nov 2026 12:30:00 +0100
Message-ID: <b71e.chiara@example.com>
In-Reply-To: Your message of "Mon, 23 Nov 2026 09:12:44 +0100"
	<` + bikeAskID + `>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

The workshop behind the library fixed my gears in one afternoon.
Chiara
`)
}

// fillerRefs folds n made-up Message-IDs, one per line: a thread as long as
// a years-old mailing list discussion.
func fillerRefs(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "\n <n%05d.archive@lists.example.net>", i)
	}
	return b.String()
}

// hugeRefsFirstReply puts a References field of more than the fetch's
// header limit before From and In-Reply-To, in the order Thunderbird
// writes them: a fetch cut at the limit loses the sender.
func hugeRefsFirstReply() []byte {
	return crlf(`Message-ID: <d7.dario@example.de>
Date: Mon, 23 Nov 2026 14:45:09 +0100
MIME-Version: 1.0
Subject: Re: Who knows a good bicycle mechanic?
To: Ada Lovelace <ada@example.org>
References: <` + bikeAskID + `>` + fillerRefs(10000) + `
From: Dario Wolff <dario@example.de>
In-Reply-To: <` + bikeAskID + `>
Content-Type: text/plain; charset=utf-8

Bring it to the repair cafe on Saturday, we will look at it together.
Dario
`)
}

// hugeRefsLastReply threads only by the last of more than the fetch's
// header limit of References, the parent: a fetch cut at the limit loses it.
func hugeRefsLastReply() []byte {
	return crlf(`From: Elena Petrova <elena@example.com>
To: Ada Lovelace <ada@example.org>
Subject: Re: Who knows a good bicycle mechanic?
Date: Mon, 23 Nov 2026 16:20:00 +0100
Message-ID: <e.petrova.55@example.com>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8
References:` + fillerRefs(10000) + `
 <` + bikeAskID + `>

A new chain and cassette will probably fix it; I can lend you my tools.
Elena
`)
}

// crlf turns a text with LF line ends into mail with CRLF ones.
func crlf(s string) []byte { return []byte(strings.ReplaceAll(s, "\n", "\r\n")) }

// deliverFunc stores raw in a mailbox of the owner's.
type deliverFunc func(mailbox string, raw []byte) error

// threadingServers are the IMAP servers the threading tests sync from.
func threadingServers(t *testing.T) map[string]struct {
	addr    string
	deliver deliverFunc
} {
	t.Helper()
	mem := newMem(t)
	d := testmail.NewDovecot(t, testmail.DovecotOptions{})
	if err := d.AddUser(owner, password); err != nil {
		t.Fatal(err)
	}
	type server = struct {
		addr    string
		deliver deliverFunc
	}
	return map[string]server{
		"memory":  {mem.Addr(), func(mb string, raw []byte) error { _, err := mem.Append(owner, mb, raw); return err }},
		"dovecot": {d.Addr(), func(mb string, raw []byte) error { return d.Deliver(owner, mb, raw) }},
	}
}

func TestRepliesWithBrokenOrHugeThreadingFieldsMakeTheirSendersHelpers(t *testing.T) {
	replies := map[string][]byte{
		"bruno@example.net": commaRefsReply(), "chiara@example.com": oldStyleReply(),
		"dario@example.de": hugeRefsFirstReply(), "elena@example.com": hugeRefsLastReply(),
	}
	for name, srv := range threadingServers(t) {
		t.Run(name, func(t *testing.T) {
			if err := srv.deliver("Sent", bikeAsk()); err != nil {
				t.Fatal(err)
			}
			for _, raw := range replies {
				if err := srv.deliver("INBOX", raw); err != nil {
					t.Fatal(err)
				}
			}
			st := &threadStore{memStore: newMemStore()}
			s := newSyncer(st, &inbox.Rules{Owner: corpusOwner()})
			conn := dial(t, optionsFor(t, srv.addr), s.Stats)
			for _, mb := range []string{"Sent", "INBOX"} {
				if _, err := s.Sync(context.Background(), conn, mb); err != nil {
					t.Fatalf("sync %s: %v", mb, err)
				}
			}
			checkBikeReplies(t, st, replies)
		})
	}
}

// checkBikeReplies asserts that every reply was recorded as one, with its
// sender and subject, and that every sender is a helper of the request.
func checkBikeReplies(t *testing.T, st *threadStore, replies map[string][]byte) {
	t.Helper()
	for _, m := range recorded(st.memStore, "INBOX") {
		t.Logf("%-20s %-12s %q", m.From, m.Class, m.Reason)
		if m.Class != gratitude.ClassReply || m.Subject != "Re: Who knows a good bicycle mechanic?" || replies[m.From] == nil {
			t.Errorf("recorded %s / %q from %q (%s); want a reply from one of the four, subject kept",
				m.Class, m.Subject, m.From, m.Reason)
		}
	}
	if want := slices.Sorted(maps.Keys(replies)); !slices.Equal(st.helpers(), want) {
		t.Errorf("helpers %v, want %v", st.helpers(), want)
	}
}

// adaThanksBruno is Ada thanking Bruno in the bicycle thread.
func adaThanksBruno() []byte {
	return crlf(`From: Ada Lovelace <ada@example.org>
To: Bruno Costa <bruno@example.net>
Subject: Re: Who knows a good bicycle mechanic?
Date: Mon, 23 Nov 2026 18:40:00 +0100
Message-ID: <ada-thanks.bruno@example.org>
In-Reply-To: <r1.bruno@example.net>
References: <` + bikeAskID + `> <r1.bruno@example.net>
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Thank you, Bruno! Jonas fixed it in an hour.
Ada
`)
}

// TestAnAnswerToAnAskEarlierInTheBatchIsTrackedByTheSyncer syncs an ask and
// an answer to it in one batch: the answer is tracked, because the sync
// engine records the ask's thread, and the classifier writes nothing into
// the batch it is given.
func TestAnAnswerToAnAskEarlierInTheBatchIsTrackedByTheSyncer(t *testing.T) {
	for _, tc := range []struct {
		name, mailbox string
		answer        []byte
		want          []gratitude.Class // the ask's class, the answer's
	}{
		// Both arrived while the daemon was down: the ask's copy to the
		// capture address waits for its copy in Sent, Bruno's answer is
		// a reply all the same.
		{"a reply in INBOX", "INBOX", commaRefsReply(), []gratitude.Class{gratitude.ClassHeld, gratitude.ClassReply}},
		{"the owner's thanks in Sent", "Sent", adaThanksBruno(), []gratitude.Class{gratitude.ClassAsk, gratitude.ClassOwnerFollowup}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newMem(t)
			for _, raw := range [][]byte{bikeAsk(), tc.answer} {
				if _, err := srv.Append(owner, tc.mailbox, raw); err != nil {
					t.Fatal(err)
				}
			}
			rules := &inbox.Rules{Owner: corpusOwner()}
			var wrote []string
			watched := inbox.ClassifierFunc(func(m *inbox.Message, b *inbox.Batch) inbox.Verdict {
				before := maps.Clone(b.Threads)
				v := rules.Classify(m, b)
				if !maps.Equal(before, b.Threads) {
					wrote = append(wrote, fmt.Sprintf("%s: threads %v, then %v", m.Header.MessageID, before, b.Threads))
				}
				return v
			})
			st := newMemStore()
			s := newSyncer(st, watched)
			conn := dial(t, optionsFor(t, srv.Addr()), s.Stats)
			if _, err := s.Sync(context.Background(), conn, tc.mailbox); err != nil {
				t.Fatalf("sync: %v", err)
			}
			if st.commits != 2 {
				t.Errorf("%d commits, want the batch and the cursor: the two messages in one batch", st.commits)
			}
			for _, w := range wrote {
				t.Errorf("the classifier wrote into the batch: %s", w)
			}
			got := recorded(st, tc.mailbox)
			slices.SortFunc(got, func(a, b gratitude.SeenMessage) int { return int(a.UID) - int(b.UID) })
			var classes []gratitude.Class
			for _, m := range got {
				t.Logf("%-28s %-14s %q", m.MessageID, m.Class, m.Reason)
				classes = append(classes, m.Class)
			}
			if !slices.Equal(classes, tc.want) {
				t.Errorf("recorded %v, want %v", classes, tc.want)
			}
		})
	}
}
