package owner_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"gratitude"
	"gratitude/internal/owner"
	"gratitude/internal/record"
	"gratitude/store"
)

// withPeople adds to the world the people of one message the owner sent
// to help them.
func withPeople(t *testing.T, w *world, emails ...string) {
	t.Helper()
	var to []gratitude.Address
	for _, e := range emails {
		to = append(to, gratitude.Address{Email: e})
	}
	m := gratitude.SeenMessage{MessageID: "gave@example.org", Mailbox: "Sent", UIDValidity: 1, UID: 2, From: "ada@example.org",
		Class: gratitude.ClassGave, SeenAt: t0, Event: gratitude.Gave{MessageID: "gave@example.org", At: t0, To: to}}
	if err := record.CommitBatch[*store.Tx](context.Background(), w.st, w.svc.Account, gratitude.MailboxCursor{Mailbox: "Sent", UIDValidity: 1, LastUID: 2}, []gratitude.SeenMessage{m}); err != nil {
		t.Fatal(err)
	}
}

// addresses returns each person's addresses, by main address.
func addresses(t *testing.T, w *world) map[string][]string {
	t.Helper()
	people, err := owner.Queries{Store: w.st, Account: w.svc.Account}.People(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for _, p := range people {
		out[p.Email] = p.Emails
	}
	return out
}

// Linking files an address, and all linked with it, under the other's
// main address: never a chain.
func TestLinkFilesUnderTheMainAddressWithoutChains(t *testing.T) {
	w := newWorld(t)
	withPeople(t, w, "alice@work.example", "al@home.example", "carol@work.example")
	l := owner.Linker{Store: w.st, Account: w.svc.Account}
	ctx := context.Background()
	if _, err := l.Link(ctx, "Alice@Work.example", "alice@example.net"); err != nil {
		t.Fatal(err)
	}
	// al@home → alice@work, itself filed under alice@example.net.
	got, err := l.Link(ctx, "al@home.example", "alice@work.example")
	if want := []string{"alice@example.net", "al@home.example", "alice@work.example"}; err != nil || !slices.Equal(got, want) {
		t.Fatalf("link to a linked address: %v, %v; want %v", got, err, want)
	}
	// Carol's two addresses, then Carol's person into Alice's: all four under one.
	if _, err := l.Link(ctx, "carol@work.example", "carol@example.org"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Link(ctx, "carol@example.org", "al@home.example"); err != nil {
		t.Fatal(err)
	}
	all := addresses(t, w)
	if len(all) != 1 || len(all["alice@example.net"]) != 5 {
		t.Errorf("people %v, want one with all five addresses under alice@example.net", all)
	}
}

// Linking an address to itself, to its own person, or an unknown address
// is refused, saying why; nothing changes.
func TestLinkRefusesWhatMakesNoSense(t *testing.T) {
	w := newWorld(t)
	withPeople(t, w, "alice@work.example")
	l := owner.Linker{Store: w.st, Account: w.svc.Account}
	ctx := context.Background()
	if _, err := l.Link(ctx, "alice@example.net", "ALICE@example.net"); !errors.Is(err, owner.ErrRefused) {
		t.Errorf("an address to itself: %v, want owner.ErrRefused", err)
	}
	if _, err := l.Link(ctx, "eve@example.com", "alice@example.net"); !errors.Is(err, gratitude.ErrNoSuchPerson) {
		t.Errorf("an unknown address: %v, want gratitude.ErrNoSuchPerson", err)
	}
	if _, err := l.Link(ctx, "alice@example.net", "eve@example.com"); !errors.Is(err, gratitude.ErrNoSuchPerson) {
		t.Errorf("to an unknown address: %v, want gratitude.ErrNoSuchPerson", err)
	}
	if _, err := l.Link(ctx, "alice@work.example", "alice@example.net"); err != nil {
		t.Fatal(err)
	}
	if _, err := l.Link(ctx, "alice@example.net", "alice@work.example"); !errors.Is(err, owner.ErrRefused) {
		t.Errorf("two addresses of one person: %v, want owner.ErrRefused", err)
	}
	if err := l.Unlink(ctx, "carol@example.org"); !errors.Is(err, owner.ErrRefused) {
		t.Errorf("unlinking an address on its own: %v, want owner.ErrRefused", err)
	}
	if all := addresses(t, w); len(all) != 2 || len(all["alice@example.net"]) != 2 {
		t.Errorf("people %v, want Alice with two addresses and Carol", all)
	}
}

// Unlinking the main address of a person with several hands it to the
// next; the others stay together.
func TestUnlinkTheMainAddressKeepsTheOthersTogether(t *testing.T) {
	w := newWorld(t)
	withPeople(t, w, "alice@work.example", "al@home.example")
	l := owner.Linker{Store: w.st, Account: w.svc.Account}
	ctx := context.Background()
	for _, a := range []string{"alice@work.example", "al@home.example"} {
		if _, err := l.Link(ctx, a, "alice@example.net"); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Unlink(ctx, "alice@example.net"); err != nil {
		t.Fatal(err)
	}
	all := addresses(t, w)
	if !slices.Equal(all["alice@example.net"], []string{"alice@example.net"}) ||
		!slices.Equal(all["al@home.example"], []string{"al@home.example", "alice@work.example"}) {
		t.Errorf("people %v, want alice@example.net alone and the two others together", all)
	}
	if err := l.Unlink(ctx, "alice@work.example"); err != nil {
		t.Fatal(err)
	}
	if all := addresses(t, w); len(all) != 4 {
		t.Errorf("people %v, want four on their own", all)
	}
}
