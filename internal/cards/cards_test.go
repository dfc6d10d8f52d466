package cards

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"gratitude/inbox/capture"
	"gratitude/store"
)

func TestACardsAddressProvesItselfUntilItExpires(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, filepath.Join(t.TempDir(), "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	acct, _ := st.Account(ctx, "ada@example.org")
	now := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	c := &Issuer{Store: st, Account: acct, Capture: "ada+thanks@example.org"}
	addr, err := c.Issue(ctx, 0, "digest", "", nil, now)
	if err != nil {
		t.Fatal(err)
	}
	detail, ok := capture.Match(addr, c.Capture)
	if !ok || !strings.HasPrefix(addr, "ada+thanks.c") {
		t.Fatalf("card address %q is not a capture address", addr)
	}
	opts := capture.ParseOptions(detail, now, time.UTC)
	if v, err := c.Check(ctx, opts.CardID, opts.Token, now.Add(DefaultTTL-time.Minute)); err != nil || !v.OK {
		t.Errorf("its own token within the TTL: %+v, %v", v, err)
	}
	if v, _ := c.Check(ctx, opts.CardID, opts.Token, now.Add(DefaultTTL)); v.OK || !strings.Contains(v.Reason, "expired") {
		t.Errorf("after the TTL: %+v", v)
	}
	other, _ := c.Issue(ctx, 0, "digest", "", nil, now)
	od, _ := capture.Match(other, c.Capture)
	oo := capture.ParseOptions(od, now, time.UTC)
	if v, _ := c.Check(ctx, opts.CardID, oo.Token, now); v.OK {
		t.Errorf("another card's token was accepted: %+v", v)
	}
	if v, _ := c.Check(ctx, 999, opts.Token, now); v.OK {
		t.Errorf("a card that does not exist was accepted: %+v", v)
	}
}
