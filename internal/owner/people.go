package owner

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"gratitude"
)

// ErrRefused is a link or unlink that makes no sense as asked (an address
// linked to itself, or unlinked when it is not linked); the message says
// why.
var ErrRefused = errors.New("refused")

// LinkStore is what linking a person's addresses reads and changes.
type LinkStore interface {
	// Addresses are every address of the person email belongs to, their
	// main address first (gratitude.ErrNoSuchPerson for an unknown one).
	Addresses(ctx context.Context, account int64, email string) ([]string, error)
	// SaveLinks files each address under the person its link names.
	SaveLinks(ctx context.Context, account int64, links []gratitude.PersonLink) error
}

// Linker files several addresses under one person, for the ledger: the
// command line's `people link` and the web page's People both call it.
type Linker struct {
	Store   LinkStore
	Account int64
}

// Link makes a and b one person: a, and every address already linked
// with a, are filed under b's person (b's main address, when b is itself
// linked: there are no chains). It returns the person's addresses, the
// main one first.
func (l Linker) Link(ctx context.Context, a, b string) ([]string, error) {
	a, b = gratitude.NormalizeEmail(a), gratitude.NormalizeEmail(b)
	if a == b {
		return nil, fmt.Errorf("link %s to itself: %w; give two different addresses", a, ErrRefused)
	}
	from, err := l.Store.Addresses(ctx, l.Account, a)
	if err != nil {
		return nil, err
	}
	to, err := l.Store.Addresses(ctx, l.Account, b)
	if err != nil {
		return nil, err
	}
	if from[0] == to[0] {
		return nil, fmt.Errorf("link %s to %s: %w: they are one person already (%s)", a, b, ErrRefused, strings.Join(to, ", "))
	}
	links := make([]gratitude.PersonLink, len(from))
	for i, e := range from {
		links[i] = gratitude.PersonLink{Email: e, SameAs: to[0]}
	}
	if err := l.Store.SaveLinks(ctx, l.Account, links); err != nil {
		return nil, err
	}
	return l.Store.Addresses(ctx, l.Account, to[0])
}

// Unlink makes a a person of its own again. When a is the main address
// of a person with several others, the first of those becomes the main
// one and keeps the rest.
func (l Linker) Unlink(ctx context.Context, a string) error {
	a = gratitude.NormalizeEmail(a)
	all, err := l.Store.Addresses(ctx, l.Account, a)
	if err != nil {
		return err
	}
	if len(all) == 1 {
		return fmt.Errorf("unlink %s: %w: it is not linked to another address", a, ErrRefused)
	}
	links := []gratitude.PersonLink{{Email: a}}
	if all[0] == a {
		rest := all[1:]
		links = append(links, gratitude.PersonLink{Email: rest[0]})
		for _, e := range rest[1:] {
			links = append(links, gratitude.PersonLink{Email: e, SameAs: rest[0]})
		}
	}
	return l.Store.SaveLinks(ctx, l.Account, links)
}
