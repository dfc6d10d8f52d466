package record

import (
	"context"
	"fmt"
	"time"

	"gratitude"
)

// originalWindow is how far a forwarded message's date may be from the
// recorded one's (forwards print minutes, and guess the zone).
const originalWindow = 36 * time.Hour

// apply loads the request (for an ask: the one with its Message-ID, or a
// new one), lets the core decide, and saves the result with the event.
func apply[T Tx](ctx context.Context, tx T, account, requestID int64, ev gratitude.Event, now time.Time) (gratitude.Request, error) {
	if asked, ok := ev.(gratitude.Asked); ok {
		var err error
		if requestID, ev, err = prepareAsk(ctx, tx, account, asked); err != nil {
			return gratitude.Request{}, err
		}
	}
	var r gratitude.Request
	if requestID != 0 {
		var err error
		if r, err = tx.Request(ctx, account, requestID); err != nil {
			return r, err
		}
	} else if _, ok := ev.(gratitude.Asked); !ok {
		return r, fmt.Errorf("%s: %w", ev.Kind(), gratitude.ErrNoSuchRequest)
	}
	return tx.Save(ctx, account, gratitude.Deciding(ev, now)(r), now)
}

// prepareAsk finds the request an ask belongs to (another copy of it may
// have been recorded) and the Message-ID of a forwarded original.
func prepareAsk[T Tx](ctx context.Context, tx T, account int64, a gratitude.Asked) (int64, gratitude.Event, error) {
	id, _, err := tx.RequestByMessageID(ctx, account, a.MessageID)
	if err != nil {
		return 0, a, err
	}
	if a.Original != nil {
		orig, err := original(ctx, tx, account, a.Original)
		if err != nil {
			return 0, a, err
		}
		if orig != "" {
			a.Thread = append(a.Thread, orig)
		}
	}
	return id, a, nil
}

// original finds a forwarded message among those recorded: by its
// Message-ID when the forward kept it, else by subject, sender and date.
func original[T Tx](ctx context.Context, tx T, account int64, o *gratitude.Original) (string, error) {
	if o.MessageID != "" {
		return o.MessageID, nil
	}
	if o.NormSubject == "" || o.Date.IsZero() {
		return "", nil
	}
	return tx.NearestMessage(ctx, account, o.NormSubject, gratitude.NormalizeEmail(o.From), o.Date,
		o.Date.Add(-originalWindow), o.Date.Add(originalWindow))
}

// FollowUp records, in one transaction, what follows from a sent outbox
// message: its Then targets are queued and, for a thank-you that left by
// SMTP, its draft is recorded sent and its helper thanked (the core's
// event, gratitude.Draft.Sent). Done once per message.
func FollowUp[T Tx](ctx context.Context, w Writer[T], o gratitude.Outgoing, now time.Time) error {
	err := w.Write(ctx, func(tx T) error {
		first, err := tx.FollowedUp(ctx, o.ID)
		if err != nil || !first {
			return err
		}
		var then []gratitude.Outgoing
		for _, t := range o.Then {
			then = append(then, gratitude.Outgoing{RequestID: o.RequestID, Kind: o.Kind, Target: t, Subject: o.Subject,
				MessageID: o.MessageID, Raw: o.Raw})
		}
		if err := tx.Enqueue(ctx, o.Account, then, now); err != nil {
			return err
		}
		if o.Target != gratitude.TargetSMTP {
			return nil // a copy filed in a folder: the thank-you left by SMTP
		}
		d, ok, err := tx.DraftSent(ctx, o.Account, o.MessageID, now)
		if err != nil || !ok {
			return err
		}
		_, err = apply(ctx, tx, o.Account, d.RequestID, d.Sent(now), now)
		return err
	})
	if err != nil {
		return fmt.Errorf("record: follow up %s: %w", o.MessageID, err)
	}
	return nil
}

// TrackHeld makes a request of a refused held ask the owner tracked by
// hand (a reply "track" to the notice that listed it) and records the held
// mail done with reason, in one transaction. False when it is no refused
// held ask any more, or its thread is tracked already (then that request
// is returned, and the held mail is recorded done).
func TrackHeld[T Tx](ctx context.Context, w Writer[T], account int64, c gratitude.CommandMail, reason string, now time.Time) (gratitude.Request, bool, error) {
	if c.Ask == nil {
		return gratitude.Request{}, false, fmt.Errorf("record: track %s: no held ask", c.MessageID)
	}
	var r gratitude.Request
	tracked := false
	err := w.Write(ctx, func(tx T) error {
		// Tracked since by other means (a forward to the capture address):
		// the held mail is done, and no second request is made.
		prior, err := tx.ThreadRequest(ctx, account, []string{c.MessageID})
		if err != nil {
			return err
		}
		if prior != 0 {
			reason = fmt.Sprintf("tracked already, as request #%d", prior)
		}
		ok, err := tx.TrackHeld(ctx, account, c.ID, reason, now)
		if err != nil || !ok {
			return err
		}
		if prior != 0 {
			r, err = tx.Request(ctx, account, prior)
			return err
		}
		ask := *c.Ask
		ask.Untraced = false
		r, err = apply(ctx, tx, account, 0, ask, now)
		tracked = err == nil
		return err
	})
	if err != nil {
		return r, false, fmt.Errorf("record: track %s: %w", c.MessageID, err)
	}
	return r, tracked, nil
}
