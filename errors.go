package gratitude

import "errors"

// The errors every store returns alike, so that the owner's actions and
// their channels can tell them apart whatever the store is.
var (
	// ErrNoSuchRequest: the account has no request of that id.
	ErrNoSuchRequest = errors.New("no such request")
	// ErrNoSuchDraft: the account has no draft of that id.
	ErrNoSuchDraft = errors.New("no such draft")
	// ErrNotInThread: a thank-you to an address that did not write in the
	// request's thread; it is never sent.
	ErrNotInThread = errors.New("the address did not write in the request's thread")
	// ErrNotWanted: a thank-you no longer wanted (its helper is thanked
	// or skipped, the request cancelled, the draft decided already).
	ErrNotWanted = errors.New("no thank-you is wanted any more")
)

// ErrNoSuchPerson: the account has never dealt with that address.
var ErrNoSuchPerson = errors.New("no such person")
