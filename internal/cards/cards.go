// Package cards owns the token addresses of the cards gratitude sends the
// owner (nudges, reminders, approval cards, replies): each card gets an id
// and an HMAC token with the account's secret key, and the capture address
// carrying both is the card's Reply-To; mail sent to it is a command about
// the card's request until the card expires (DESIGN.md "Trust").
package cards

import (
	"context"
	"fmt"
	"time"

	"gratitude"
)

// DefaultTTL is how long a card's address takes commands at most (it is
// spent sooner once its request is approved or the owner shows it around).
const DefaultTTL = 7 * 24 * time.Hour

// Store is what cards need remembered.
type Store interface {
	NewCard(ctx context.Context, account int64, c gratitude.Card) (int64, error)
	Card(ctx context.Context, account, id int64) (gratitude.Card, bool, error)
	CardKey(ctx context.Context, account int64, now time.Time) ([]byte, error)
}

// Issuer issues cards and checks their tokens.
type Issuer struct {
	Store   Store
	Account int64
	Capture string        // the capture address the token rides on
	TTL     time.Duration // zero: DefaultTTL
}

// Issue allocates a card about requestID (0: about none), carried by the
// message messageID (so replies and forwards of it trace back to the
// card) and showing drafts for approval, and returns its address.
func (c *Issuer) Issue(ctx context.Context, requestID int64, kind, messageID string, drafts []int64, now time.Time) (string, error) {
	ttl := c.TTL
	if ttl <= 0 {
		ttl = DefaultTTL
	}
	key, err := c.Store.CardKey(ctx, c.Account, now)
	if err != nil {
		return "", err
	}
	id, err := c.Store.NewCard(ctx, c.Account, gratitude.Card{RequestID: requestID, Kind: kind, MessageID: messageID, Drafts: drafts,
		CreatedAt: now, ExpiresAt: now.Add(ttl)})
	if err != nil {
		return "", err
	}
	return gratitude.CardAddress(c.Capture, id, gratitude.CardToken(key, id)), nil
}

// Verdict is what a card token proves.
type Verdict struct {
	OK        bool
	RequestID int64   // the card's request, when OK
	Drafts    []int64 // the drafts the card showed, when OK
	Reason    string  // why not, when not OK
}

// Check says whether token is the card's and the card is still valid at now.
func (c *Issuer) Check(ctx context.Context, cardID int64, token string, now time.Time) (Verdict, error) {
	if cardID == 0 {
		return Verdict{Reason: "not sent to a card's address"}, nil
	}
	card, ok, err := c.Store.Card(ctx, c.Account, cardID)
	if err != nil {
		return Verdict{}, err
	}
	key, err := c.Store.CardKey(ctx, c.Account, now)
	if err != nil {
		return Verdict{}, err
	}
	switch {
	case !ok || !gratitude.ValidCardToken(key, cardID, token):
		return Verdict{Reason: fmt.Sprintf("the token is not card %d's", cardID)}, nil
	case !now.Before(card.ExpiresAt):
		return Verdict{Reason: fmt.Sprintf("card %d expired on %s", cardID, card.ExpiresAt.Format("2 Jan 2006"))}, nil
	}
	return Verdict{OK: true, RequestID: card.RequestID, Drafts: card.Drafts}, nil
}
